// The TextMate grammar, run through vscode-textmate as VS Code runs it: each construct of the
// `.maximo` language gets the scope themes colour, and the regions (headers, bodies, embedded
// JSON) end where the request does.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, test } from "node:test";
import type { IGrammar } from "vscode-textmate";
import {
  GRAMMAR_PATH,
  ROOT_LANGUAGE_ID,
  compileOniguruma,
  describeLine,
  languageIds,
  loadMaximoGrammar,
  repoRoot,
  tokenize,
  type Token,
  type TokenizedLine,
} from "./textmate";

const FIXTURE = join(repoRoot(), "test", "fixtures", "grammar", "requests.maximo");

/** Tokenized text with lookups by a piece of a line's text, so the fixture can grow. */
class Tokens {
  constructor(readonly lines: TokenizedLine[]) {}

  /** The one line that contains `needle`. */
  line(needle: string): TokenizedLine {
    const found = this.lines.filter((line) => line.text.includes(needle));
    assert.equal(found.length, 1, `expected exactly one line containing ${JSON.stringify(needle)}, found ${found.length}`);
    return found[0]!;
  }

  /** The `nth` token whose text is exactly `text` on the line containing `needle`. */
  token(needle: string, text: string, nth = 0): Token {
    const line = this.line(needle);
    const matches = line.tokens.filter((t) => t.text === text);
    assert.ok(matches.length > nth, `no token ${JSON.stringify(text)} (#${nth}) on\n${describeLine(line)}`);
    return matches[nth]!;
  }

  /** Asserts the token carries `scope` (an exact scope name, not a prefix). */
  has(needle: string, text: string, scope: string, nth = 0): void {
    const token = this.token(needle, text, nth);
    assert.ok(token.scopes.includes(scope), `${JSON.stringify(text)} lacks ${scope}\n${describeLine(this.line(needle))}`);
  }

  /** Asserts no scope of the token starts with `prefix`. */
  hasNo(needle: string, text: string, prefix: string, nth = 0): void {
    const token = this.token(needle, text, nth);
    const bad = token.scopes.find((s) => s === prefix || s.startsWith(prefix + "."));
    assert.equal(bad, undefined, `${JSON.stringify(text)} has ${bad}\n${describeLine(this.line(needle))}`);
  }
}

let grammar: IGrammar;
let doc: Tokens;

before(async () => {
  grammar = await loadMaximoGrammar();
  doc = new Tokens(tokenize(grammar, readFileSync(FIXTURE, "utf8")));
});

function lines(text: string): Tokens {
  return new Tokens(tokenize(grammar, text));
}

describe("grammar file", () => {
  const raw = JSON.parse(readFileSync(GRAMMAR_PATH, "utf8"));

  test("is source.maximo and every regex compiles with Oniguruma", async () => {
    assert.equal(raw.scopeName, "source.maximo");
    const patterns: string[] = [];
    walk(raw, (node) => {
      for (const key of ["match", "begin", "end", "while"]) if (typeof node[key] === "string") patterns.push(node[key]);
    });
    assert.ok(patterns.length > 50, `only ${patterns.length} patterns found`);
    for (const pattern of patterns) await compileOniguruma(pattern);
  });

  test("every #include names a repository rule, and every repository rule is used", () => {
    const used = new Set<string>();
    walk(raw, (node) => {
      if (typeof node.include === "string" && node.include.startsWith("#")) {
        const name = node.include.slice(1);
        assert.ok(name in raw.repository, `#${name} is not in the repository`);
        used.add(name);
      }
    });
    const unused = Object.keys(raw.repository).filter((name) => !used.has(name));
    assert.deepEqual(unused, [], "repository rules nothing includes");
  });

  test("scope names end in .maximo, except the embedded-language scopes VS Code maps", () => {
    const foreign = new Set<string>();
    walk([raw.patterns, raw.repository, raw.injections], (node) => {
      for (const key of ["name", "contentName"]) {
        if (typeof node[key] !== "string") continue;
        for (const scope of (node[key] as string).split(" ")) if (!scope.endsWith(".maximo")) foreign.add(scope);
      }
    });
    assert.deepEqual([...foreign].sort(), ["comment.line.double-slash.js", "meta.embedded.block.javascript", "meta.embedded.block.json"]);
  });
});

describe("structure", () => {
  test("### separator: the marks and the request name", () => {
    doc.has("### Approved work orders", "###", "punctuation.definition.separator.maximo");
    doc.has("### Approved work orders", "###", "comment.line.separator.maximo");
    doc.has("### Approved work orders", "Approved work orders", "entity.name.function.request.maximo");
  });

  test("# and // comments", () => {
    doc.has("# Grammar fixture", "#", "punctuation.definition.comment.maximo");
    doc.has("# Grammar fixture", " Grammar fixture: one line per construct, each line findable by a unique piece of its text.", "comment.line.number-sign.maximo");
    doc.has("// A REST Client", "//", "punctuation.definition.comment.maximo");
    doc.has("// A REST Client", " A REST Client style comment", "comment.line.double-slash.maximo");
  });

  test("httpyac /* */ block comments: every line between is comment, ### and request lines included", () => {
    const block = lines("/*\nNotes about the export.\n### Step 1\nGET http://h/not-a-request\n*/\nGET http://h/export\n");
    block.has("/*", "/*", "punctuation.definition.comment.begin.maximo");
    block.has("### Step 1", "### Step 1", "comment.block.maximo");
    block.has("not-a-request", "GET http://h/not-a-request", "comment.block.maximo");
    block.has("*/", "*/", "punctuation.definition.comment.end.maximo");
    block.has("/export", "GET", "keyword.control.http.maximo");
    block.hasNo("/export", "GET", "comment.block.maximo");
  });

  test("@name = value and @name := value define variables", () => {
    doc.has("@site = BEDFORD", "@", "punctuation.definition.variable.maximo");
    doc.has("@site = BEDFORD", "site", "variable.other.definition.maximo");
    doc.has("@site = BEDFORD", "=", "keyword.operator.assignment.maximo");
    doc.has("@site = BEDFORD", "BEDFORD", "string.unquoted.variable-value.maximo");
    doc.has("@apikey :=", ":=", "keyword.operator.assignment.maximo");
    doc.has("@apikey :=", "processEnv", "variable.language.system-variable.maximo");
  });

  test("directives: keyword and typed arguments", () => {
    doc.has("# @name approved", "name", "keyword.other.directive.maximo");
    doc.has("# @name approved", "@", "punctuation.definition.directive.maximo");
    doc.has("# @name approved", "#", "comment.line.number-sign.maximo");
    doc.has("# @name approved", "approved", "entity.name.function.request.maximo");
    doc.has("# @connection dev", "dev", "entity.name.type.connection.maximo");
    doc.has("# @timeout 30s", "30", "constant.numeric.duration.maximo");
    doc.has("# @timeout 30s", "s", "keyword.other.unit.maximo");
    doc.has("# @all-pages", "all-pages", "keyword.other.directive.maximo");
    doc.has("# @no-redirect", "no-redirect", "keyword.other.directive.maximo");
    doc.has("# @expect status 200", "status", "support.variable.expect-subject.maximo");
    doc.has("# @expect status 200", "200", "constant.numeric.status.maximo");
    doc.has("# @expect body.member", "body", "support.variable.expect-subject.maximo");
    doc.has("# @expect body.member", "member", "variable.other.property.maximo");
    doc.has("# @expect body.member", ">", "keyword.operator.comparison.maximo");
    doc.has("# @expect body.member", "0", "constant.numeric.maximo");
    // REST Client / httpyac directives are kept: keyword plus plain arguments.
    doc.has("// @prompt reason", "prompt", "keyword.other.directive.maximo");
    doc.has("// @prompt reason", "//", "comment.line.double-slash.maximo");
    doc.has("// @prompt reason", "reason", "string.unquoted.argument.maximo");
  });

  test("a directive line is not coloured as a comment past its marker", () => {
    doc.hasNo("# @name approved", "approved", "comment");
    doc.hasNo("# @name approved", "name", "comment");
  });
});

describe("request line", () => {
  test("method, relative Maximo URL, object structure", () => {
    doc.has("GET os/mxapiwodetail?lean=1", "GET", "keyword.control.http.maximo");
    doc.has("GET os/mxapiwodetail?lean=1", "os", "support.function.route.maximo");
    doc.has("GET os/mxapiwodetail?lean=1", "mxapiwodetail", "entity.name.type.object-structure.maximo");
    doc.has("GET os/mxapiwodetail?lean=1", "mxapiwodetail", "meta.url.maximo");
    doc.has("GET os/mxapiwodetail?lean=1", "?", "punctuation.separator.query.maximo");
    doc.has("GET os/mxapiwodetail?lean=1", "lean", "variable.parameter.query.maximo");
    doc.has("GET os/mxapiwodetail?lean=1", "=", "punctuation.separator.key-value.maximo");
    doc.has("GET os/mxapiwodetail?lean=1", "1", "string.unquoted.query-value.maximo");
  });

  test("absolute URL with {{host}}, a rest id and HTTP/1.1; lower-case method", () => {
    const line = "get https://{{host}}";
    doc.has(line, "get", "keyword.control.http.maximo");
    doc.has(line, "https", "string.unquoted.url.scheme.maximo");
    doc.has(line, "host", "variable.other.readwrite.maximo");
    doc.has(line, "maximo", "string.unquoted.url.maximo");
    doc.has(line, "mxapiasset", "entity.name.type.object-structure.maximo");
    doc.has(line, "_MTE0NTAvQkVERk9SRA--", "constant.other.rest-id.maximo");
    doc.has(line, "HTTP/1.1", "keyword.other.http-version.maximo");
    doc.hasNo(line, "1", "keyword.other.http-version");
  });

  test("a bare URL is a request line; an unknown method word is marked invalid", () => {
    doc.has("whoami", "whoami", "support.function.route.maximo");
    doc.has("whoami", "whoami", "meta.request.maximo");
    doc.has("FETCH os/mxapiasset", "FETCH", "invalid.illegal.unknown-method.maximo");
  });

  test("script/NAME and action=wsmethod:NAME", () => {
    doc.has("GET script/countofwoandsr", "countofwoandsr", "entity.name.function.script.maximo");
    doc.has("GET script/countofwoandsr", "site", "variable.parameter.query.maximo");
    const line = "?action=wsmethod:changeStatus";
    doc.has(line, "action", "variable.parameter.query.maximo");
    doc.has(line, "wsmethod", "support.type.action-kind.maximo");
    doc.has(line, "changeStatus", "entity.name.function.action.maximo");
    doc.has("POST os/mxapimeter?action=importfile", "importfile", "entity.name.function.action.maximo");
  });

  test("a ? inside {{...}} in the path does not start the query", () => {
    const t = lines('GET {{base}}/os/{{obj ? "a" : "b"}}/x?lean=1');
    const line = 'GET {{base}}';
    t.hasNo(line, "a", "meta.query-string");
    t.has(line, "a", "string.quoted.double.maximo");
    t.has(line, "?", "punctuation.separator.query.maximo");
    t.has(line, "lean", "variable.parameter.query.maximo");
  });

  test("query continuation lines starting with & or ?", () => {
    const t = lines("GET os/mxapiasset\n    ?lean=1\n    &oslc.pageSize=10\nAccept: application/json");
    t.has("?lean=1", "?", "punctuation.separator.query.maximo");
    t.has("?lean=1", "lean", "variable.parameter.query.maximo");
    t.has("&oslc.pageSize", "&", "punctuation.separator.parameter.maximo");
    t.has("&oslc.pageSize", "oslc.pageSize", "meta.query-string.continuation.maximo");
    t.has("&oslc.pageSize", "10", "string.unquoted.query-value.maximo");
    t.has("Accept", "Accept", "support.type.property-name.header.maximo");
  });
});

describe("headers", () => {
  test("name, separator and value; {{...}} in a value", () => {
    doc.has("Accept: application/json", "Accept", "support.type.property-name.header.maximo");
    doc.has("Accept: application/json", ":", "punctuation.separator.key-value.maximo");
    doc.has("Accept: application/json", "application/json", "string.unquoted.header-value.maximo");
    doc.has("X-Request-Id", "guid", "variable.language.system-variable.maximo");
  });

  test("x-method-override names a method; properties is an oslc.select clause", () => {
    doc.has("x-method-override: PATCH", "PATCH", "keyword.control.http.maximo");
    doc.has("patchtype: MERGE", "MERGE", "string.unquoted.header-value.maximo");
    doc.has("properties: wonum,status,href", "properties", "support.type.property-name.header.maximo");
    doc.has("properties: wonum,status,href", "wonum", "support.type.property-name.attribute.maximo");
    doc.has("properties: wonum,status,href", ",", "punctuation.separator.comma.maximo");
    assert.ok(lines("POST os/x\nx-method-override: BULK").token("BULK", "BULK").scopes.includes("keyword.control.http.maximo"));
  });
});

describe("{{...}} expressions", () => {
  test("a variable and its braces", () => {
    const line = '&oslc.where=status="APPR"';
    doc.has(line, "{{", "punctuation.definition.template-expression.begin.maximo");
    doc.has(line, "site", "variable.other.readwrite.maximo");
    doc.has(line, "site", "meta.template.expression.maximo");
    doc.has(line, "}}", "punctuation.definition.template-expression.end.maximo");
  });

  test("httpyac's and REST Client's system variables are known, not invalid", () => {
    for (const written of ["$aadToken new", "$aadV2Token appOnly", "$oidcAccessToken", "$input Work order", "$input-askonce Site", "$password Key", "$pick Site $value: A,B", "$random.integer(1, 9)", "$random.email"]) {
      const t = lines(`X-A: {{${written}}}`);
      const word = written.split(/[ (]/)[0]!.slice(1);
      t.has("X-A", word, "variable.language.system-variable.maximo");
      t.hasNo("X-A", word, "invalid");
    }
  });

  test("an upper-case method line after the headers or the body starts a request without ###", () => {
    const t = lines("GET os/a\nAccept: application/json\nPOST os/b\n\n{}\nDELETE os/b/1\nget os/c\n");
    t.has("POST os/b", "POST", "keyword.control.http.maximo");
    t.hasNo("POST os/b", "POST", "meta.header");
    t.has("DELETE os/b/1", "DELETE", "keyword.control.http.maximo");
    t.hasNo("DELETE os/b/1", "DELETE", "meta.body");
    // A lower-case word in a body is body text (httpyac's rule).
    t.hasNo("get os/c", "get os/c", "keyword.control.http");
  });

  test("a body that starts like one right after the headers is a body, not a header", () => {
    const json = lines('POST os/x\nContent-Type: application/json\n{"a": 1}\n');
    assert.ok(json.line('{"a"').tokens.every((token) => token.scopes.includes("meta.embedded.block.json")), describeLine(json.line('{"a"')));
    const xml = lines("POST script/X\nContent-Type: text/xml\n<a>{{v}}</a>\n");
    xml.has("<a>", "v", "variable.other.readwrite.maximo");
    xml.has("<a>", "<a>", "meta.body.text.maximo");
    xml.hasNo("<a>", "<a>", "meta.header");
    const file = lines("POST os/x\n< ./body.json\n");
    file.has("./body.json", "<", "keyword.other.file-reference.maximo");
  });

  test("system variables with their arguments; an unknown one is invalid", () => {
    doc.has("X-Request-Id", "$", "punctuation.definition.variable.maximo");
    doc.has("X-When", "datetime", "variable.language.system-variable.maximo");
    doc.has("X-When", "iso8601", "support.constant.datetime-format.maximo");
    doc.has("X-When", "-1", "constant.numeric.maximo");
    doc.has("X-When", "d", "keyword.other.unit.maximo");
    doc.has("X-Random", "randomInt", "variable.language.system-variable.maximo");
    doc.has("X-Random", "100", "constant.numeric.maximo");
    doc.has("@apikey :=", "MAXIMO_APIKEY", "variable.other.constant.environment.maximo");
    doc.has("X-Unknown", "$nosuch", "invalid.illegal.unknown-system-variable.maximo");
    for (const name of ["$guid", "$uuid", "$timestamp", "$isoTimestamp", "$localDatetime rfc1123", "$dotenv USER"]) {
      const t = lines(`X-A: {{${name}}}`);
      const word = name.split(" ")[0]!.slice(1);
      t.has("X-A", word, "variable.language.system-variable.maximo");
    }
  });

  test("chained request references", () => {
    const line = "POST {{created.response.headers.location}}";
    doc.has(line, "created", "entity.name.function.request.maximo");
    doc.has(line, "response", "support.variable.exchange.maximo");
    doc.has(line, "headers", "support.variable.exchange.maximo");
    doc.has(line, "location", "variable.other.property.maximo");
    const member = "DELETE {{created.response.body.member[0].href}}";
    doc.has(member, "DELETE", "keyword.control.http.maximo");
    doc.has(member, "body", "support.variable.exchange.maximo");
    doc.has(member, "member", "variable.other.property.maximo");
    doc.has(member, "[", "punctuation.section.brackets.begin.maximo");
    doc.has(member, "0", "constant.numeric.index.maximo");
    doc.has(member, "href", "variable.other.property.maximo");
  });
});

describe("oslc.where", () => {
  const where = '&oslc.where=status="APPR"';
  test("attributes, operators, strings, numbers, and", () => {
    doc.has(where, "oslc.where", "variable.parameter.query.maximo");
    doc.has(where, "status", "support.type.property-name.attribute.maximo");
    doc.has(where, "status", "meta.query.where.maximo");
    doc.has(where, "=", "keyword.operator.comparison.maximo", 1);
    doc.has(where, "APPR", "string.quoted.double.maximo");
    doc.has(where, '"', "punctuation.definition.string.begin.maximo");
    doc.has(where, "and", "keyword.operator.wordlike.and.maximo");
    doc.has(where, "<=", "keyword.operator.comparison.maximo");
    doc.has(where, "2", "constant.numeric.maximo");
  });

  test("or, like and parentheses are marked invalid (a real server rejects them)", () => {
    const line = 'oslc.where=(status="APPR" or';
    doc.has(line, "or", "invalid.illegal.operator.or.maximo");
    doc.has(line, "like", "invalid.illegal.operator.like.maximo");
    doc.has(line, "(", "invalid.illegal.parenthesis.maximo");
    doc.has(line, ")", "invalid.illegal.parenthesis.maximo");
    doc.has(line, "and", "keyword.operator.wordlike.and.maximo");
    doc.has(line, "%", "constant.character.wildcard.maximo");
    // `or` and `like` inside a word or a string are not operators.
    const t = lines('GET os/x?oslc.where=ordertype="or like" and likely=1');
    t.has("ordertype", "ordertype", "support.type.property-name.attribute.maximo");
    t.has("ordertype", "likely", "support.type.property-name.attribute.maximo");
    t.hasNo("ordertype", "or like", "invalid");
  });

  test("null, not, is and operators the server does not know are invalid", () => {
    const line = "oslc.where=targcompdate=null";
    doc.has(line, "null", "invalid.illegal.null.maximo");
    doc.has(line, "not", "invalid.illegal.operator.not.maximo");
    doc.has(line, "==", "invalid.illegal.operator.unknown.maximo");
    doc.has(line, "<>", "invalid.illegal.operator.unknown.maximo");
    const t = lines('GET os/x?oslc.where=a is null and notes="x" and island=1');
    t.has("GET", "is", "invalid.illegal.operator.is.maximo");
    t.has("GET", "notes", "support.type.property-name.attribute.maximo");
    t.has("GET", "island", "support.type.property-name.attribute.maximo");
  });

  test("prefixes, dot paths, not-null, in-lists, booleans, scoped terms, bind values", () => {
    const line = "spi:status";
    doc.has(line, "spi", "entity.name.namespace.maximo");
    doc.has(line, ":", "punctuation.separator.namespace.maximo");
    doc.has(line, "location", "entity.name.type.relation.maximo");
    doc.has(line, ".", "punctuation.accessor.maximo");
    doc.has(line, "status", "support.type.property-name.attribute.maximo", 1);
    doc.has(line, "!=", "keyword.operator.comparison.maximo");
    doc.has(line, "*", "constant.character.wildcard.maximo");
    doc.has(line, "in", "keyword.operator.wordlike.in.maximo");
    doc.has(line, "[", "punctuation.definition.list.begin.maximo");
    doc.has(line, "3", "constant.numeric.maximo");
    doc.has(line, "]", "punctuation.definition.list.end.maximo");
    doc.has(line, "false", "constant.language.boolean.maximo");
    doc.has(line, "assetmeter", "entity.name.type.relation.maximo");
    doc.has(line, "{", "punctuation.section.braces.begin.maximo");
    doc.has(line, "metername", "support.type.property-name.attribute.maximo");
    doc.has(line, "}", "punctuation.section.braces.end.maximo");
    doc.has(line, "&USERNAME&", "variable.language.bind.maximo");
    doc.has(line, "100.0", "constant.numeric.maximo");
  });

  test("an & inside a quoted value does not end the where clause", () => {
    const t = lines('GET os/x?oslc.where=a="&USERNAME&" and b=1&lean=1');
    t.has("GET os/x", "and", "keyword.operator.wordlike.and.maximo");
    t.has("GET os/x", "lean", "variable.parameter.query.maximo");
  });

  test("typeset quotes are invalid", () => {
    doc.has("wonum=”1001”", "”", "invalid.illegal.smart-quote.maximo");
    doc.has("wonum=”1001”", "1001", "string.quoted.other.maximo");
  });

  test("child where (po.poline.where) and gbfilters use the same language", () => {
    const line = "po.poline.where=linecost>100.0";
    doc.has(line, "po.poline.where", "variable.parameter.query.maximo");
    doc.has(line, "linecost", "meta.query.where.maximo", 1);
    doc.has(line, ">", "keyword.operator.comparison.maximo");
    doc.has('&gbfilters=siteid="BEDFORD"', "siteid", "meta.query.where.maximo");
    doc.has('&gbfilters=siteid="BEDFORD"', "BEDFORD", "string.quoted.double.maximo");
  });

  test("the where clause ends before a closing HTTP/1.1", () => {
    const t = lines('GET os/x?oslc.where=status="APPR" and b=1 HTTP/1.1');
    t.has("GET os/x", "HTTP/1.1", "keyword.other.http-version.maximo");
    t.hasNo("GET os/x", "HTTP/1.1", "meta.query.where");
  });
});

describe("oslc.select and gbcols", () => {
  const select = "&oslc.select=wonum,description";
  test("attributes, dot paths, child braces, rel., exp., _dbcount, --alias", () => {
    doc.has(select, "oslc.select", "variable.parameter.query.maximo");
    doc.has(select, "wonum", "support.type.property-name.attribute.maximo");
    doc.has(select, "wonum", "meta.query.select.maximo");
    doc.has(select, "location", "entity.name.type.relation.maximo");
    doc.has(select, "wplabor", "entity.name.type.relation.maximo");
    doc.has(select, "{", "punctuation.section.braces.begin.maximo");
    doc.has(select, "}", "punctuation.section.braces.end.maximo");
    doc.has(select, "rel", "keyword.other.rel.maximo");
    doc.has(select, "openwo", "entity.name.type.relation.maximo");
    doc.has(select, "_dbcount", "support.function.aggregate.maximo");
    doc.has(select, "exp", "keyword.other.exp.maximo");
    doc.has(select, "myreplacecost", "support.type.property-name.attribute.maximo");
    doc.has(select, "--", "keyword.operator.alias.maximo");
    doc.has(select, "mylocation", "variable.other.alias.maximo");
  });

  test("* and aggregate functions in gbcols", () => {
    doc.has("&gbcols=", "gbcols", "variable.parameter.query.maximo");
    doc.has("&gbcols=", "count", "support.function.aggregate.maximo");
    doc.has("&gbcols=", "*", "constant.language.wildcard.maximo");
    doc.has("&gbcols=", "max", "support.function.aggregate.maximo");
    doc.has("&gbcols=", "budgetcost", "support.type.property-name.attribute.maximo");
    assert.ok(lines("GET os/x?oslc.select=*").token("GET", "*").scopes.includes("constant.language.wildcard.maximo"));
  });
});

describe("oslc.orderBy and gbsortby", () => {
  const orderBy = "&oslc.orderBy=-reportdate";
  test("+ and - signs (also %2B) and attributes", () => {
    doc.has(orderBy, "oslc.orderBy", "variable.parameter.query.maximo");
    doc.has(orderBy, "-", "keyword.operator.sort.descending.maximo");
    doc.has(orderBy, "+", "keyword.operator.sort.ascending.maximo");
    doc.has(orderBy, "%2B", "keyword.operator.sort.ascending.maximo");
    doc.has(orderBy, "reportdate", "support.type.property-name.attribute.maximo");
    doc.has(orderBy, "reportdate", "meta.query.orderby.maximo");
    doc.has("&gbsortby=+siteid", "+", "keyword.operator.sort.ascending.maximo");
    doc.has("po.poline.orderBy=-linecost", "-", "keyword.operator.sort.descending.maximo");
  });

  test("SQL directions and typographic dashes are invalid", () => {
    doc.has("&oslc.orderBy=+wonum desc", "desc", "invalid.illegal.sql-direction.maximo");
    doc.has("&oslc.orderBy=+wonum desc", "–", "invalid.illegal.typographic-sign.maximo");
    doc.has("&oslc.orderBy=+wonum desc", "reportdate", "support.type.property-name.attribute.maximo");
    doc.has("&oslc.select=wonum,...", "...", "invalid.illegal.placeholder.maximo");
  });

  test("an attribute without a sign is invalid", () => {
    doc.has("&oslc.orderBy=assetnum", "assetnum", "invalid.illegal.missing-sign.maximo");
    const t = lines("GET os/x?oslc.orderBy=+a,b,-c");
    t.has("GET", "b", "invalid.illegal.missing-sign.maximo");
    t.hasNo("GET", "a", "invalid");
    t.hasNo("GET", "c", "invalid");
  });
});

describe("other query values", () => {
  test("domaininternalwhere: attribute, operator, internal values", () => {
    const line = "&domaininternalwhere=status!=APPR,INPRG";
    doc.has(line, "status", "support.type.property-name.attribute.maximo");
    doc.has(line, "!=", "keyword.operator.comparison.maximo");
    doc.has(line, "APPR", "constant.other.internal-value.maximo");
    doc.has(line, "INPRG", "constant.other.internal-value.maximo");
  });

  test("a plain parameter value stays a plain value", () => {
    doc.has("&savedQuery=ITSTOCK", "ITSTOCK", "string.unquoted.query-value.maximo");
    doc.hasNo("&savedQuery=ITSTOCK", "ITSTOCK", "meta.query.where");
  });
});

describe("bodies", () => {
  test("a body starting with { is embedded JSON to the end of the request", () => {
    const open = doc.lines.find((line, i) => line.text === "{" && doc.lines[i - 1]!.text === "")!;
    assert.ok(open, "fixture has a JSON body");
    const brace = open.tokens[0]!;
    assert.ok(brace.scopes.includes("meta.embedded.block.json"), describeLine(open));
    assert.ok(brace.scopes.includes("punctuation.definition.dictionary.begin.json"), describeLine(open));
    doc.has('"siteid": "{{site}}"', "siteid", "support.type.property-name.json");
    doc.has('"siteid": "{{site}}"', "\"", "string.quoted.double.json", 2);
  });

  test("{{...}} inside JSON strings and in place of JSON values", () => {
    doc.has('"siteid": "{{site}}"', "site", "variable.other.readwrite.maximo");
    doc.has('"siteid": "{{site}}"', "site", "string.quoted.double.json");
    doc.has('"wopriority": {{priority}}', "{{", "punctuation.definition.template-expression.begin.maximo");
    doc.has('"wopriority": {{priority}}', "priority", "variable.other.readwrite.maximo");
    doc.hasNo('"wopriority": {{priority}}', "{{", "punctuation.definition.dictionary");
  });

  test("a # line inside JSON is a comment (the parser does not send it)", () => {
    doc.has("# not sent", "#", "comment.line.number-sign.maximo");
    doc.has("# not sent", "#", "meta.embedded.block.json");
  });

  test("an unclosed JSON body ends at the next ###", () => {
    doc.has('[ { "status": "INPRG",', "[", "meta.embedded.block.json");
    doc.has("### After an unclosed JSON body", "###", "punctuation.definition.separator.maximo");
    doc.hasNo("### After an unclosed JSON body", "###", "meta.embedded.block.json");
    doc.hasNo("### After an unclosed JSON body", "###", "meta.request.maximo");
    doc.has("DELETE {{created", "DELETE", "keyword.control.http.maximo");
    doc.hasNo("DELETE {{created", "DELETE", "meta.embedded.block.json");
  });

  test("embedded JSON tokens get the json language through package.json's embeddedLanguages", async () => {
    const manifest = JSON.parse(readFileSync(join(repoRoot(), "package.json"), "utf8"));
    const contribution = manifest.contributes.grammars.find((g: { scopeName: string }) => g.scopeName === "source.maximo");
    const languages = ["json", "javascript"];
    const embedded: Record<string, number> = {};
    for (const [scope, language] of Object.entries(contribution.embeddedLanguages as Record<string, string>)) {
      embedded[scope] = 10 + languages.indexOf(language);
    }
    const jsonId = embedded["meta.embedded.block.json"];
    assert.equal(jsonId, 10, "package.json maps meta.embedded.block.json to json");
    const text = 'POST os/x\nContent-Type: application/json\n\n{ "a": 1 }\n';
    const ids = languageIds(await loadMaximoGrammar({ embeddedLanguages: embedded }), text);
    assert.equal(ids[0]!.get(0), ROOT_LANGUAGE_ID, "the request line is maximo");
    assert.equal(ids[3]!.get(0), jsonId, "the { of the body is json");
  });

  test("file bodies, text bodies, comments in bodies", () => {
    doc.has("< ./files/report.txt", "<", "keyword.other.file-reference.maximo");
    doc.has("< ./files/report.txt", "./files/report.txt", "string.unquoted.file-path.maximo");
    doc.has("METERNAME,METERTYPE", "METERNAME,METERTYPE,READINGTYPE", "meta.body.text.maximo");
    doc.hasNo("METERNAME,METERTYPE", "METERNAME,METERTYPE,READINGTYPE", "meta.embedded");
    // A [ line later in a text body is still text, with its {{...}}.
    doc.hasNo("[RUNHOURS2]", "[RUNHOURS2] is text, not JSON, in a CSV body: ", "meta.embedded");
    doc.has("[RUNHOURS2]", "site", "variable.other.readwrite.maximo");
  });

  test("without a JSON grammar a JSON-looking body falls back to text", async () => {
    const t = new Tokens(tokenize(await loadMaximoGrammar({ json: false }), 'POST os/x\n\n{ "a": "{{b}}" }'));
    t.hasNo('{ "a"', '{ "a": "', "meta.embedded");
    t.has('{ "a"', "b", "variable.other.readwrite.maximo");
  });

  test("headers stop at the first blank line", () => {
    const t = lines("POST os/x\nA: 1\n\nB: 2");
    t.has("A: 1", "A", "support.type.property-name.header.maximo");
    t.hasNo("B: 2", "B: 2", "support.type.property-name");
    t.has("B: 2", "B: 2", "meta.body.text.maximo");
  });
});

describe("httpyac lines and scripts", () => {
  test("?? assertions and script blocks (kept even without a JavaScript grammar)", () => {
    doc.has("?? status == 200", "??", "keyword.other.assertion.maximo");
    doc.has("?? status == 200", "==", "keyword.operator.comparison.maximo");
    const script = doc.line("exports.x = 1;");
    assert.ok(script.tokens.every((t) => t.scopes.includes("meta.embedded.block.javascript")), describeLine(script));
    doc.has("exports.x = 1;", "// httpyac script", "comment.line.double-slash.js");
    doc.has("> {% client", ">", "keyword.other.handler.maximo");
    doc.has("> {% client", "{%", "punctuation.section.embedded.begin.maximo");
    doc.has("> {% client", " client.global.set(\"a\", 1) ", "meta.embedded.block.javascript");
  });
});

describe("colours the editor test relies on", () => {
  test("the method and a {{variable}} get different scopes, neither of them default", () => {
    const method = doc.token("GET os/mxapiwodetail?lean=1", "GET");
    const variable = doc.token('&oslc.where=status="APPR"', "site");
    assert.ok(method.scopes.some((s) => s.startsWith("keyword.control")));
    assert.ok(variable.scopes.some((s) => s.startsWith("variable.other")));
  });
});

function walk(node: unknown, visit: (node: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, visit);
  } else if (node !== null && typeof node === "object") {
    visit(node as Record<string, unknown>);
    for (const value of Object.values(node)) walk(value, visit);
  }
}
