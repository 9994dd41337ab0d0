// The request snippets: valid snippet syntax, one per request kind of the reference guides, and
// requests a real Maximo server accepts (POST + x-method-override instead of PATCH, no `or` in
// oslc.where, a sign on every oslc.orderBy attribute, JSON bodies that parse, ...).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, test } from "node:test";
import type { IGrammar } from "vscode-textmate";
import { allParts, expandSnippet, parseSnippet, type SnippetPart } from "./snippetSyntax";
import { describeLine, loadMaximoGrammar, repoRoot, tokenize } from "./textmate";

interface Snippet {
  prefix: string;
  body: string[];
  description: string;
}

const SNIPPETS_PATH = join(repoRoot(), "snippets", "maximo.code-snippets");
const snippets: Record<string, Snippet> = JSON.parse(readFileSync(SNIPPETS_PATH, "utf8"));
const entries = Object.entries(snippets);

/** Snippets that are not requests: only variable definitions or directives. */
const NOT_REQUESTS = new Set(["mx-vars", "mx-options"]);
/** A real server answers HTTP PATCH with 501 and has no use for PUT: updates are POST + x-method-override. */
const METHODS = new Set(["GET", "POST", "DELETE"]);

interface Block {
  name: string;
  preamble: string[];
  method: string;
  url: string;
  /** The request line's query and the continuation lines, joined. */
  query: string;
  headers: Map<string, string>;
  body: string;
}

interface Expanded {
  key: string;
  snippet: Snippet;
  parts: SnippetPart[];
  text: string;
  blocks: Block[];
}

function expand(key: string, snippet: Snippet): Expanded {
  const parts = parseSnippet(snippet.body.join("\n"));
  const text = expandSnippet(parts);
  return { key, snippet, parts, text, blocks: readBlocks(text) };
}

/** Cuts expanded snippet text into request blocks the way a `.maximo` file is read. */
function readBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  const chunks: { name: string; lines: string[] }[] = [];
  for (const line of text.split("\n")) {
    const sep = /^###\s*(.*)$/.exec(line);
    if (sep) chunks.push({ name: sep[1]!, lines: [] });
    else if (chunks.length === 0) chunks.push({ name: "", lines: [line] });
    else chunks[chunks.length - 1]!.lines.push(line);
  }
  for (const { name, lines } of chunks) {
    let i = 0;
    const preamble: string[] = [];
    while (i < lines.length && /^\s*($|#|\/\/|@)/.test(lines[i]!)) preamble.push(lines[i++]!);
    if (i >= lines.length) {
      blocks.push({ name, preamble, method: "", url: "", query: "", headers: new Map(), body: "" });
      continue;
    }
    const requestLine = lines[i++]!;
    const m = /^(\S+) (\S+)$/.exec(requestLine);
    assert.ok(m, `request line "${requestLine}" is not METHOD URL`);
    const [path, ...query] = m[2]!.split("?");
    const queryParts = [query.join("?")];
    while (i < lines.length && /^\s+[&?]/.test(lines[i]!)) queryParts.push(lines[i++]!.trim().slice(1));
    const headers = new Map<string, string>();
    while (i < lines.length && lines[i]!.trim() !== "") {
      const h = /^([A-Za-z][\w-]*): (.+)$/.exec(lines[i]!);
      assert.ok(h, `"${lines[i]}" is not a header (Name: value)`);
      headers.set(h[1]!.toLowerCase(), h[2]!);
      i++;
    }
    const body = lines.slice(i).join("\n").trim();
    blocks.push({ name, preamble, method: m[1]!, url: path!, query: queryParts.filter(Boolean).join("&"), headers, body });
  }
  return blocks;
}

/** Query parameters split at `&` outside double quotes. */
function params(query: string): [string, string][] {
  const out: [string, string][] = [];
  let current = "";
  let quoted = false;
  for (const c of query + "&") {
    if (c === '"') quoted = !quoted;
    if (c === "&" && !quoted) {
      if (current) {
        const eq = current.indexOf("=");
        out.push(eq < 0 ? [current, ""] : [current.slice(0, eq), current.slice(eq + 1)]);
      }
      current = "";
    } else current += c;
  }
  return out;
}

/** JSON with `{{...}}` placeholders: those in value position become 0 so the body can be parsed. */
function parseJsonBody(body: string): unknown {
  let quoted = false;
  let out = "";
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '"' && body[i - 1] !== "\\") quoted = !quoted;
    if (!quoted && body.startsWith("{{", i)) {
      const end = body.indexOf("}}", i);
      out += "0";
      i = end + 1;
    } else out += c;
  }
  return JSON.parse(out);
}

let expanded: Expanded[] = [];
let requests: Expanded[] = [];
let allBlocks: { e: Expanded; block: Block }[] = [];
/** Snippets that could not be read or expanded, with the reason; the syntax test reports them. */
const unreadable = new Map<string, string>();

before(() => {
  for (const [key, snippet] of entries) {
    try {
      expanded.push(expand(key, snippet));
    } catch (error) {
      unreadable.set(key, (error as Error).message);
    }
  }
  requests = expanded.filter((e) => !NOT_REQUESTS.has(e.snippet.prefix));
  allBlocks = requests.flatMap((e) => e.blocks.map((block) => ({ e, block })));
});

describe("snippet file", () => {
  test("parses as strict JSON and every snippet has a prefix, a body and a description", () => {
    assert.ok(entries.length >= 30, `only ${entries.length} snippets`);
    for (const [key, s] of entries) {
      assert.equal(typeof s.prefix, "string", key);
      assert.match(s.prefix, /^mx-[a-z][a-z-]*$/, `${key}: prefix ${s.prefix}`);
      assert.ok(Array.isArray(s.body) && s.body.length > 0 && s.body.every((l) => typeof l === "string"), `${key}: body`);
      assert.equal(typeof s.description, "string", key);
      assert.ok(s.description.length > 20, `${key}: description too short`);
      assert.deepEqual(Object.keys(s).sort(), ["body", "description", "prefix"], `${key}: unexpected keys`);
    }
  });

  test("prefixes are unique", () => {
    const seen = new Map<string, string>();
    for (const [key, s] of entries) {
      assert.ok(!seen.has(s.prefix), `${key} and ${seen.get(s.prefix)} share ${s.prefix}`);
      seen.set(s.prefix, key);
    }
  });

  test("bodies are valid snippet syntax: no stray $, closed placeholders and choices, one $0", () => {
    assert.deepEqual(Object.fromEntries(unreadable), {}, "snippets that cannot be read");
    for (const [key, s] of entries) {
      const parts = allParts(parseSnippet(s.body.join("\n")));
      const finals = parts.filter((p) => p.kind === "tabstop" && p.index === 0);
      assert.equal(finals.length, 1, `${key}: expected one $0`);
      // Mirrors ($2) must refer to a tabstop the snippet defines.
      const defined = new Set(parts.flatMap((p) => (p.kind === "choice" || (p.kind === "tabstop" && p.children) ? [p.index] : [])));
      for (const p of parts) {
        if (p.kind === "tabstop" && !p.children && p.index !== 0) assert.ok(defined.has(p.index), `${key}: $${p.index} mirrors nothing`);
      }
    }
  });

  test("request descriptions cite the guide section they follow", () => {
    for (const e of requests) {
      assert.match(e.snippet.description, /§\d+|practitioner's guide/, `${e.key}: no citation`);
    }
  });
});

describe("requests in the snippets", () => {
  test("every request snippet has request lines with GET, POST or DELETE and a relative URL", () => {
    for (const { e, block } of allBlocks) {
      assert.ok(block.method, `${e.key}: a block without a request line`);
      assert.ok(METHODS.has(block.method), `${e.key}: method ${block.method}`);
      assert.ok(!/^(\/|https?:)/i.test(block.url), `${e.key}: ${block.url} is not relative to the connection's API root`);
      assert.match(block.url, /^(\{\{|[a-z])/, `${e.key}: ${block.url}`);
      assert.ok(block.name.trim(), `${e.key}: a request without a name after ###`);
    }
    for (const e of expanded.filter((x) => NOT_REQUESTS.has(x.snippet.prefix))) {
      assert.ok(e.blocks.every((b) => !b.method), `${e.key} is listed as not a request`);
    }
  });

  test("choices on a request line are URL-safe words", () => {
    for (const e of requests) {
      for (const line of e.snippet.body.filter((l) => /^(GET|POST|DELETE) /.test(l))) {
        for (const p of allParts(parseSnippet(line))) {
          if (p.kind === "choice") for (const o of p.options) assert.match(o, /^[\w.:-]+$/, `${e.key}: choice ${o}`);
        }
      }
    }
  });

  test("updates are POST + x-method-override; MERGE only with PATCH; no body on GET and DELETE", () => {
    for (const { e, block } of allBlocks) {
      const override = block.headers.get("x-method-override");
      if (override) {
        assert.equal(block.method, "POST", `${e.key}: x-method-override on ${block.method}`);
        assert.match(override, /^(PATCH|BULK|DELETE)$/, `${e.key}: x-method-override: ${override}`);
      }
      if (block.headers.has("patchtype")) {
        assert.equal(block.headers.get("patchtype"), "MERGE", e.key);
        assert.equal(override, "PATCH", `${e.key}: patchtype without x-method-override: PATCH`);
      }
      if (block.method !== "POST") assert.equal(block.body, "", `${e.key}: a ${block.method} with a body`);
    }
  });

  test("JSON bodies parse and say Content-Type: application/json", () => {
    let json = 0;
    for (const { e, block } of allBlocks) {
      if (!/^[[{]/.test(block.body)) continue;
      json++;
      assert.doesNotThrow(() => parseJsonBody(block.body), `${e.key}: body is not JSON:\n${block.body}`);
      assert.equal(block.headers.get("content-type"), "application/json", `${e.key}: JSON body without Content-Type`);
    }
    assert.ok(json >= 15, `only ${json} JSON bodies`);
  });

  test("oslc.where has no or, like or parentheses; every orderBy term has a sign; savedQuery is spelled right", () => {
    let wheres = 0;
    let orders = 0;
    for (const { e, block } of allBlocks) {
      for (const [key, value] of params(block.query)) {
        if (/^(oslc\.where|gbfilters|\w+\.\w+\.where)$/.test(key)) {
          wheres++;
          const outside = value.replace(/"[^"]*"/g, '""');
          assert.ok(!/\b(or|like)\b/i.test(outside) && !/[()]/.test(outside), `${e.key}: ${key}=${value}`);
          assert.ok(!/[“”]/.test(value), `${e.key}: typeset quotes in ${value}`);
        }
        if (/^(oslc\.orderBy|gbsortby|\w+\.\w+\.orderBy)$/.test(key)) {
          orders++;
          for (const term of value.split(",")) assert.match(term, /^[+-]\w/, `${e.key}: ${key} term "${term}" has no sign`);
        }
        if (/^savedquery$/i.test(key)) assert.equal(key, "savedQuery", `${e.key}: ${key} is ignored by the server`);
      }
    }
    assert.ok(wheres >= 8 && orders >= 5, `where ${wheres}, orderBy ${orders}`);
  });

  test("expanded with every choice, the snippets tokenize without an invalid.illegal scope", async () => {
    const grammar: IGrammar = await loadMaximoGrammar();
    for (const e of expanded) {
      const choices = allParts(e.parts).filter((p) => p.kind === "choice");
      const variants = [expandSnippet(e.parts), ...choices.flatMap((c) => c.options.map((o) => expandSnippet(e.parts, (i, opts) => (i === c.index ? o : opts[0]!))))];
      for (const text of variants) {
        for (const line of tokenize(grammar, text)) {
          const bad = line.tokens.find((t) => t.scopes.some((s) => s.startsWith("invalid")));
          assert.equal(bad, undefined, `${e.key}:\n${describeLine(line)}`);
        }
      }
    }
  });
});

/** The request kinds of the reference guides; each must have its snippet, shaped as the guide shows it. */
const KINDS: { prefix: string; what: string; check: (b: Block[], text: string) => boolean }[] = [
  {
    prefix: "mx-query",
    what: "query with oslc.where, oslc.select, oslc.orderBy, oslc.pageSize and lean=1",
    check: ([b]) => ["oslc.where", "oslc.select", "oslc.orderBy", "oslc.pageSize", "lean"].every((k) => params(b!.query).some(([key]) => key === k)),
  },
  { prefix: "mx-query-count", what: "collectioncount=1", check: ([b]) => params(b!.query).some(([k, v]) => k === "collectioncount" && v === "1") },
  { prefix: "mx-count", what: "count=1", check: ([b]) => params(b!.query).some(([k, v]) => k === "count" && v === "1") },
  { prefix: "mx-all-pages", what: "# @all-pages", check: ([b]) => b!.preamble.includes("# @all-pages") },
  { prefix: "mx-get", what: "GET os/<os>/<rest id>", check: ([b]) => b!.method === "GET" && /^os\/\w+\/_[A-Za-z0-9-]+$/.test(b!.url) },
  {
    prefix: "mx-create",
    what: "POST with a properties header and a JSON object",
    check: ([b]) => b!.method === "POST" && b!.headers.has("properties") && b!.body.startsWith("{"),
  },
  {
    prefix: "mx-update",
    what: "x-method-override: PATCH and patchtype: MERGE",
    check: ([b]) => b!.headers.get("x-method-override") === "PATCH" && b!.headers.get("patchtype") === "MERGE" && /\/_\w+/.test(b!.url),
  },
  { prefix: "mx-delete", what: "DELETE of a member URI", check: ([b]) => b!.method === "DELETE" && /\/_\w+/.test(b!.url) },
  {
    prefix: "mx-bulk",
    what: "x-method-override: BULK with _data / _meta items (reference §15)",
    check: ([b]) => {
      const items = parseJsonBody(b!.body) as { _data?: object; _meta?: { method?: string; patchtype?: string } }[];
      return (
        b!.headers.get("x-method-override") === "BULK" &&
        Array.isArray(items) &&
        items.some((i) => i._data && i._meta?.method === "PATCH" && i._meta.patchtype === "MERGE") &&
        items.some((i) => i._data && !i._meta) &&
        items.some((i) => !i._data && i._meta?.method === "DELETE")
      );
    },
  },
  {
    prefix: "mx-bulk-create",
    what: "BULK create of _data items",
    check: ([b]) => b!.headers.get("x-method-override") === "BULK" && (parseJsonBody(b!.body) as { _data?: object }[]).every((i) => i._data),
  },
  { prefix: "mx-bulk-action", what: "BULK with _action items", check: ([b]) => /"_action": "Add"/.test(b!.body) && /"_action": "Delete"/.test(b!.body) },
  { prefix: "mx-bulk-status", what: "BULK changeStatus", check: ([b]) => b!.headers.get("x-method-override") === "BULK" && /action=wsmethod:changeStatus/.test(b!.query) },
  {
    prefix: "mx-createbulk",
    what: "action=system:createbulk with a member array (practitioner's guide)",
    check: ([b]) => /(^|&)action=system:createbulk/.test(b!.query) && Array.isArray((parseJsonBody(b!.body) as { member: unknown }).member),
  },
  {
    prefix: "mx-updatebulk",
    what: "action=system:updatebulk with href members",
    check: ([b]) => /(^|&)action=system:updatebulk/.test(b!.query) && (parseJsonBody(b!.body) as { member: { href?: string }[] }).member.every((m) => m.href),
  },
  {
    prefix: "mx-change-status",
    what: "action=wsmethod:changeStatus with x-method-override: PATCH and a status",
    check: ([b]) => /(^|&)action=wsmethod:changeStatus/.test(b!.query) && b!.headers.get("x-method-override") === "PATCH" && /"status"/.test(b!.body),
  },
  { prefix: "mx-action", what: "a custom wsmethod action", check: ([b]) => /(^|&)action=wsmethod:\w+/.test(b!.query) && b!.headers.get("x-method-override") === "PATCH" },
  { prefix: "mx-workflow", what: "action=workflow:NAME", check: ([b]) => /(^|&)action=workflow:\w+/.test(b!.query) },
  {
    prefix: "mx-attach",
    what: "doclinks upload with slug, x-document-meta, Content-Type and a file body",
    check: ([b]) =>
      b!.method === "POST" &&
      /\/doclinks$/.test(b!.url) &&
      ["slug", "x-document-meta", "content-type"].every((h) => b!.headers.has(h)) &&
      /^< \S+/.test(b!.body),
  },
  { prefix: "mx-attachments", what: "GET .../doclinks", check: ([b]) => b!.method === "GET" && /\/doclinks$/.test(b!.url) },
  { prefix: "mx-apimeta", what: "GET apimeta/<os>", check: ([b]) => b!.method === "GET" && /^apimeta\/\w+$/.test(b!.url) },
  { prefix: "mx-jsonschema", what: "GET jsonschemas/<os>?oslc.select=*", check: ([b]) => /^jsonschemas\/\w+$/.test(b!.url) && b!.query === "oslc.select=*" },
  { prefix: "mx-whoami", what: "GET whoami", check: ([b]) => b!.method === "GET" && b!.url === "whoami" },
  { prefix: "mx-systeminfo", what: "GET systeminfo", check: ([b]) => b!.method === "GET" && b!.url === "systeminfo" },
  { prefix: "mx-script", what: "GET script/NAME", check: ([b]) => /^script\/\w+$/.test(b!.url) },
  {
    prefix: "mx-import",
    what: "action=importfile with a preview header and a CSV body (reference §25)",
    check: ([b]) => /(^|&)action=importfile/.test(b!.query) && b!.headers.has("preview") && /^METERNAME,/.test(b!.body),
  },
  { prefix: "mx-aggregate", what: "gbcols, gbfilters and gbsortby", check: ([b]) => ["gbcols", "gbfilters", "gbsortby"].every((k) => params(b!.query).some(([key]) => key === k)) },
  { prefix: "mx-saved-query", what: "savedQuery=NAME", check: ([b]) => params(b!.query).some(([k]) => k === "savedQuery") },
  { prefix: "mx-child-filter", what: "po.poline.where and po.poline.orderBy", check: ([b]) => /po\.poline\.where=/.test(b!.query) && /po\.poline\.orderBy=/.test(b!.query) },
  { prefix: "mx-login", what: "POST login with maxauth from the environment", check: ([b]) => b!.method === "POST" && b!.url === "login" && /\{\{\$processEnv \w+\}\}/.test(b!.headers.get("maxauth") ?? "") },
  { prefix: "mx-vars", what: "@name = value lines", check: (_, text) => /^@\w+ = \S/m.test(text) },
  {
    prefix: "mx-chain",
    what: "# @name and a later {{name.response...}}",
    check: (blocks) => {
      const name = /^# @name (\w+)$/m.exec(blocks[0]!.preamble.join("\n"))?.[1];
      return name !== undefined && blocks.slice(1).some((b) => b.url.startsWith(`{{${name}.response.`));
    },
  },
];

describe("a snippet for every request kind of the guides", () => {
  for (const kind of KINDS) {
    test(`${kind.prefix}: ${kind.what}`, () => {
      const e = expanded.find((x) => x.snippet.prefix === kind.prefix);
      assert.ok(e, `no snippet with prefix ${kind.prefix}`);
      assert.ok(kind.check(e.blocks, e.text), `${kind.prefix} is not ${kind.what}:\n${e.text}`);
    });
  }
});

describe("snippet syntax reader", () => {
  test("reads placeholders, choices, mirrors and escapes; rejects snippet variables", () => {
    const parts = parseSnippet("GET ${1|a,b|}/${2:x{y\\}} {{$1}} \\$guid $0");
    assert.equal(expandSnippet(parts), "GET a/x{y} {{a}} $guid ");
    assert.equal(expandSnippet(parts, (_, o) => o[1]!), "GET b/x{y} {{b}} $guid ");
    assert.throws(() => parseSnippet("{{$processEnv X}}"), /snippet variable/);
    assert.throws(() => parseSnippet("${1:open"), /unterminated/);
    assert.throws(() => parseSnippet("${1|a,b}"), /unterminated choice/);
  });
});
