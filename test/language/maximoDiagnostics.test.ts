import { test } from "node:test";
import assert from "node:assert/strict";
import { MAXIMO_DIAGNOSTICS, parseDocument, type MaximoCode } from "../../server/src/language/maximo/api";
import { marked, span } from "./maximoTestkit";

/** One case per rule: the source marks the expected range with ⟦d:...⟧; it must be the only diagnostic. */
interface Case {
  title: string;
  source: string;
  code: MaximoCode;
  /** A piece of the message (what to write instead). */
  says?: RegExp;
}

const cases: Case[] = [
  { title: "unknown method", source: "⟦d:FETCH⟧ os/mxapiasset\n", code: "maximo.unknown-method", says: /GET, POST/ },
  { title: "method in lower case", source: "⟦d:get⟧ os/mxapiasset\n", code: "maximo.method-case", says: /`GET`/ },
  { title: "method without URL", source: "### create\n⟦d:POST⟧\nContent-Type: application/json\n\n{}\n", code: "maximo.missing-url", says: /POST os\/mxapiasset/ },
  { title: "method and version without URL", source: "⟦d:GET⟧ HTTP/1.1\n", code: "maximo.missing-url" },
  { title: "bad HTTP version", source: "GET os/mxapiasset ⟦d:HTTP/1.2⟧\n", code: "maximo.http-version-invalid", says: /HTTP\/1\.1/ },
  { title: "header line without a colon", source: "GET os/x\n⟦d:Accept application/json⟧\n", code: "maximo.header-malformed", says: /Name: value/ },
  { title: "a request line in lower case after the headers", source: "GET os/x\n⟦d:get os/y⟧\n", code: "maximo.header-malformed", says: /###/ },
  // JetBrains reads an indented line after the request line as query; httpyac as the body (its parserUtils.ts reads only `?`/`&`/`/` lines there).
  { title: "a JetBrains indented query line", source: "GET users?\n    ⟦d:page=1&⟧\n", code: "maximo.query-line-joined", says: /`&page=1`/ },
  // JetBrains spec §3.2.1.4 continues only a query; without `?` nothing here sends the line.
  { title: "an indented query line under a URL without a query", source: "GET users\n    ⟦d:page=1&⟧\n", code: "maximo.query-line-indented", says: /`\?page=1`/ },
  // httpyac reads `?`/`&` and `/path` lines among the headers (src/utils/parseRequestClientFactory.ts): sent, with a note for REST Client and JetBrains users.
  { title: "a /path line after a header", source: "GET http://h\nAccept: json\n⟦d:/more⟧\n", code: "maximo.url-line-late", says: /more of the URL's path.*move it up/ },
  { title: "a continuation line after a header", source: "GET os/x\nAccept: json\n⟦d:&lean=1⟧\n", code: "maximo.url-line-late", says: /Sent as query parameters.*move it up/ },
  { title: "a query line without a value after a header", source: "GET os/x\nAccept: json\n⟦d:&lean⟧\n", code: "maximo.header-malformed", says: /directly after the request line/ },
  { title: "a /path line after the query and a header", source: "GET http://h?a=1\nAccept: json\n⟦d:/more⟧\n", code: "maximo.header-malformed", says: /directly after the request line/ },
  // JetBrains and httpyac: `> file` runs a handler script, `>> file` saves the response (survey: a `> ./open.gif` line).
  { title: "a handler line naming no script where >> was meant", source: "GET http://h/open.gif\n⟦d:> ./open.gif⟧\n", code: "maximo.header-malformed", says: /write `>> \.\/open\.gif`/ },
  { title: "header name with a space", source: "GET os/x\n⟦d:Content Type⟧: application/json\n", code: "maximo.header-name-invalid", says: /no spaces/ },
  { title: "header without a name", source: "GET os/x\n⟦d::⟧ value\n", code: "maximo.header-name-invalid" },
  { title: "a quoted string without the blank line", source: 'POST os/x\n⟦d:"a b"⟧: 1\n', code: "maximo.header-name-invalid", says: /blank line/ },
  { title: "unterminated {{ in a query value", source: "GET os/x?site=⟦d:{{site⟧\n", code: "maximo.expression-unterminated", says: /}}/ },
  { title: "unterminated {{ in a header", source: "GET os/x\nX-A: ⟦d:{{abc⟧\n", code: "maximo.expression-unterminated" },
  { title: "unterminated {{ in a JSON body (no JSON error on top)", source: 'POST os/x\n\n{"a": "⟦d:{{x"}⟧\n', code: "maximo.expression-unterminated" },
  { title: "empty expression", source: "GET os/x?a=⟦d:{{}}⟧\n", code: "maximo.expression-empty" },
  { title: "blank expression", source: "GET os/x\nX-A: ⟦d:{{  }}⟧\n", code: "maximo.expression-empty" },
  { title: "unknown system variable", source: "GET os/x\nAuthorization: {{⟦d:$aadTokn⟧}}\n", code: "maximo.unknown-system-variable", says: /\$guid.*\$randomInt/ },
  { title: "$pick without values", source: "GET os/x?site={{⟦d:$pick Site⟧}}\n", code: "maximo.system-variable-arguments", says: /\$value: BEDFORD,NASHUA/ },
  { title: "$random.integer without a range", source: "GET os/x?n={{⟦d:$random.integer⟧}}\n", code: "maximo.system-variable-arguments", says: /\(1, 100\)/ },
  // httpyac and REST Client syntax read but not run: information, never an error.
  { title: "REST Client's $aadToken", source: "GET os/x\nAuthorization: Bearer {{⟦d:$aadToken⟧ new public contoso.com}}\n", code: "maximo.system-variable-not-run", says: /connection/ },
  // JetBrains' dynamic variables whose name carries the argument (jetbrains.com/help "HTTP Client
  // variables": Java Faker classes `$random.address`, ...; `$auth.token("id")` from the Auth
  // configuration of http-client.env.json; `$env.NAME` the OS environment).
  { title: "JetBrains' Faker value", source: "GET http://h/a?c={{⟦d:$random.address.city⟧}}\n", code: "maximo.system-variable-not-run", says: /Java Faker.*not sent.*\$random\.alphabetic\(8\)/ },
  // JetBrains' predefined path variables (jetbrains.com/help "HTTP Client reference", response redirect) and
  // httpyac's `$xpath` (src/plugins/xml/xpathVariableReplacer.ts): explained, not unknown.
  { title: "JetBrains' $projectRoot", source: "POST http://h/a\n\n< {{⟦d:$projectRoot⟧}}/data.json\n", code: "maximo.system-variable-not-run", says: /project's folder.*relative to this file/ },
  { title: "httpyac's $xpath", source: "GET http://h/a?q={{⟦d:$xpath⟧:foo //@author}}\n", code: "maximo.system-variable-not-run", says: /XPath.*wo\.response\.body/ },
  // httpyac src/plugins/xml/xpathNamespaceHttpRegionParser.ts: `@xpath_ns prefix=uri`.
  { title: "an httpyac XPath namespace line", source: "⟦d:@xpath_ns ns=http://example.com/ns⟧\nGET http://h/a\n", code: "maximo.directive-not-run", says: /namespace prefix/ },
  { title: "JetBrains' $auth.token", source: 'GET http://h/a\nAuthorization: Bearer {{⟦d:$auth.token⟧("my-auth")}}\n', code: "maximo.system-variable-not-run", says: /Auth configuration.*http-client\.env\.json.*connection/ },
  { title: "JetBrains' $auth.idToken without its id", source: "GET http://h/a\nX-T: {{⟦d:$auth.idToken⟧}}\n", code: "maximo.system-variable-arguments", says: /\$auth\.idToken\("my-auth"\)/ },
  { title: "JetBrains' $env without a name", source: "GET http://h/a?h={{⟦d:$env⟧}}\n", code: "maximo.system-variable-arguments", says: /\{\{\$env\.HOME\}\}/ },
  { title: "a Faker class JetBrains does not have", source: "GET http://h/a?c={{⟦d:$random.planet.name⟧}}\n", code: "maximo.unknown-system-variable", says: /\$env\.NAME/ },
  // httpyac evaluates {{...}} as JavaScript: `$global` is its script object
  // (github:AnWeber/httpyac src/plugins/javascript/globalVariableProvider.ts).
  { title: "httpyac's $global.token", source: "GET os/x\nAuthorization: Bearer {{⟦d:$global.token⟧}}\n", code: "maximo.system-variable-not-run", says: /set by an httpyac script.*`@token = value`/ },
  // `$index` exists only in a `# @loop` (src/plugins/core/metaData/loopMetaDataHandler.ts).
  { title: "httpyac's $index without a loop", source: "GET os/x?i={{⟦d:$index⟧}}\n", code: "maximo.unknown-system-variable", says: /no `# @loop`/ },
  { title: "an httpyac script block", source: "⟦d:{{⟧\n  exports.a = 1;\n}}\nGET os/x\n", code: "maximo.script-not-run", says: /does not run scripts/ },
  { title: "an httpyac script after the response", source: "GET os/x\n\n⟦d:{{@response⟧\n  console.info(response);\n}}\n", code: "maximo.script-not-run" },
  // JetBrains: `> {% %}` runs after the response, `< {% %}` before the request is sent
  // (github:JetBrains/http-request-in-editor-spec spec.md "response handler"; jetbrains.com/help
  // "HTTP Client pre-request scripts"); httpyac runs both (its intellij plugin, `isBeforeRequest` for `<`).
  { title: "a JetBrains response handler", source: "GET os/x\n\n⟦d:> {%⟧\n  client.log(1);\n%}\n", code: "maximo.script-not-run", says: /^JetBrains' HTTP Client and httpyac run this response handler after the response comes back; .*the response is not handled \(check it with `# @expect` lines\)\.$/ },
  { title: "a one-line response handler", source: "GET os/x\n⟦d:> {% client.log(1) %}⟧\n", code: "maximo.script-not-run", says: /response handler after the response/ },
  { title: "a JetBrains pre-request script", source: "⟦d:< {%⟧\n  request.variables.set(\"id\", \"1\");\n%}\nGET os/x\n", code: "maximo.script-not-run", says: /run this pre-request script before sending the request; .*sent without it\. It sets `id`.*`@name = value`/ },
  { title: "a one-line pre-request script", source: "⟦d:< {% request.variables.set('n', 1) %}⟧\nGET os/x\n", code: "maximo.script-not-run", says: /pre-request script/ },
  { title: "a handler that sets a global", source: "GET os/x\n\n⟦d:> {%⟧\n  client.global.set(\"token\", response.body.token);\n%}\n", code: "maximo.script-not-run", says: /It sets `token`, which stays undefined here: .*`@token = \{\{login\.response\.body\.FIELD\}\}`/ },
  { title: "an httpyac assertion", source: "GET os/x\n\n⟦d:?? status == 200⟧\n", code: "maximo.assertion-not-run", says: /# @expect status 200/ },
  { title: "an httpyac output file", source: "GET os/x\n⟦d:>> ./out/wo.json⟧\n", code: "maximo.output-not-written", says: /--out/ },
  { title: "httpyac's @ref", source: "# @⟦d:ref⟧ login\nGET os/x\n", code: "maximo.directive-not-run", says: /login\.response/ },
  { title: "httpyac's @import", source: "# @⟦d:import⟧ ./shared.http\nGET os/x\n", code: "maximo.directive-not-run", says: /\.\/shared\.http/ },
  { title: "httpyac's @loop", source: "# @⟦d:loop⟧ for 3\nGET os/x\n", code: "maximo.directive-not-run", says: /once/ },
  { title: "$randomInt with one argument", source: "GET os/x?n={{⟦d:$randomInt 10⟧}}\n", code: "maximo.system-variable-arguments", says: /\$randomInt 1 100/ },
  // httpyac swaps a reversed range (restClientVariableReplacer.ts); REST Client refuses it (systemVariableProvider.ts).
  { title: "$randomInt with its range reversed", source: "GET os/x?n={{⟦d:$randomInt -50 -100⟧}}\n", code: "maximo.system-variable-range", says: /swap.*\{\{\$randomInt -100 -50\}\}/ },
  { title: "$datetime without a format", source: "GET os/x?d={{⟦d:$datetime⟧}}\n", code: "maximo.system-variable-arguments", says: /iso8601/ },
  { title: "$datetime with an unknown format", source: "GET os/x?d={{⟦d:$datetime iso⟧}}\n", code: "maximo.system-variable-arguments" },
  { title: "$localDatetime offset without unit", source: "GET os/x?d={{ ⟦d:$localDatetime rfc1123 1⟧ }}\n", code: "maximo.system-variable-arguments", says: /unit/ },
  { title: "$timestamp with a bad unit", source: "GET os/x?d={{⟦d:$timestamp 1 q⟧}}\n", code: "maximo.system-variable-arguments" },
  { title: "$guid with an argument", source: "GET os/x?d={{⟦d:$guid 4⟧}}\n", code: "maximo.system-variable-arguments", says: /\{\{\$guid\}\}/ },
  { title: "$processEnv without a name", source: "GET os/x?k={{⟦d:$processEnv⟧}}\n", code: "maximo.system-variable-arguments", says: /NAME/ },
  { title: "variable without =", source: "⟦d:@site BEDFORD⟧\nGET os/x\n", code: "maximo.variable-malformed", says: /@name = value/ },
  { title: "variable name with a space", source: "@⟦d:my site⟧ = BEDFORD\n", code: "maximo.variable-malformed" },
  { title: "variable without a name", source: "⟦d:@ = BEDFORD⟧\n", code: "maximo.variable-malformed" },
  { title: "@name without a name", source: "⟦d:# @name⟧\nGET os/x\n", code: "maximo.name-invalid", says: /# @name wo1/ },
  { title: "@name that is no word", source: "# @name ⟦d:1st.request⟧\nGET os/x\n", code: "maximo.name-invalid" },
  // JetBrains names requests with any text (jetbrains.com/help "HTTP request syntax"); REST Client's
  // RequestVariableDefinitionRegex takes `\w+` only (src/common/constants.ts).
  { title: "@name of several words", source: "# @name ⟦d:Login and Remember Token⟧\nGET os/x\n", code: "maximo.name-spaces", says: /JetBrains.*REST Client ignores.*`LoginAndRememberToken`/ },
  // Every line reads (each lexer mode ends in a catch-all): what stops the parser is a character
  // it cannot place, in practice an invisible one. The message names it, never chevrotain's tokens.
  { title: "an invisible character the request syntax cannot place", source: "  ⟦d:\uFEFF⟧# c\nGET os/x\n", code: "maximo.syntax", says: /^An invisible U\+FEFF \(byte-order mark\) stands here.*delete it\.$/ },
  { title: "@name used twice and read", source: "### a\n# @name wo1\nGET os/a\n\n### b\n# @name ⟦d:wo1⟧\nGET os/b\n\n###\nGET {{wo1.response.body.href}}\n", code: "maximo.name-duplicate", says: /line 2/ },
  // JetBrains numbers repeated names (jetbrains.com/help "Exploring the HTTP request syntax"); nothing reads this one.
  { title: "@name used twice, never read", source: "### a\n# @name wo1\nGET os/a\n\n### b\n# @name ⟦d:wo1⟧\nGET os/b\n", code: "maximo.name-reused", says: /line 2.*Nothing in this file reads the name/ },
  { title: "@timeout in words", source: "# @timeout ⟦d:30 seconds⟧\nGET os/x\n", code: "maximo.timeout-invalid", says: /30s/ },
  { title: "@timeout without a value", source: "⟦d:// @timeout⟧\nGET os/x\n", code: "maximo.timeout-invalid" },
  { title: "@connection without a name", source: "⟦d:# @connection⟧\nGET os/x\n", code: "maximo.connection-missing-name", says: /# @connection dev/ },
  { title: "@expect without an expectation", source: "⟦d:# @expect⟧\nGET os/x\n", code: "maximo.expect-missing", says: /status 200/ },
  { title: "@expect of an unknown subject", source: "# @expect ⟦d:stat 200⟧\nGET os/x\n", code: "maximo.expect-invalid", says: /status 200/ },
  { title: "@expect status that is not a code", source: "# @expect ⟦d:status abc⟧\nGET os/x\n", code: "maximo.expect-invalid" },
  { title: "@expect body path without operator", source: "# @expect ⟦d:body.member⟧\nGET os/x\n", code: "maximo.expect-invalid" },
  { title: "@expect header without a name", source: "# @expect ⟦d:header⟧\nGET os/x\n", code: "maximo.expect-invalid" },
  { title: "@expect status contains", source: "# @expect ⟦d:status contains 2⟧\nGET os/x\n", code: "maximo.expect-invalid" },
  { title: "@expect operator without value", source: "# @expect ⟦d:body.count >⟧\nGET os/x\n", code: "maximo.expect-invalid", says: /needs a value/ },
  { title: "@verify on a read (issue 17: it checks single-record updates)", source: "⟦d:# @verify⟧\nGET os/mxapiasset?lean=1\n", code: "maximo.verify-not-update", says: /this request is a GET/ },
  { title: "@verify on an update of a collection", source: "⟦d:# @verify⟧\nPOST os/mxapiasset\nx-method-override: PATCH\n\n{}\n", code: "maximo.verify-not-update", says: /not a member href/ },
  { title: "@all-pages with an argument", source: "# @all-pages ⟦d:5⟧\nGET os/x\n", code: "maximo.directive-unexpected-argument" },
  { title: "JSON trailing comma", source: 'POST os/x\nContent-Type: application/json\n\n{\n  "a": 1,\n⟦d:}⟧\n', code: "maximo.json-invalid", says: /trailing comma/ },
  { title: "JSON single quotes", source: "POST os/x\n\n{ ⟦d:'a'⟧: 1 }\n", code: "maximo.json-invalid", says: /double quotes/ },
  { title: "JSON missing comma", source: 'POST os/x\n\n{\n  "a": 1\n  ⟦d:"b"⟧: 2\n}\n', code: "maximo.json-invalid", says: /comma/ },
  { title: "JSON object not closed", source: 'POST os/x\nContent-Type: application/json\n\n{ "a": 1⟦d:⟧\n', code: "maximo.json-invalid", says: /`}`/ },
  { title: "JSON with text after the value", source: 'POST os/x\n\n{ "a": {{v}} } ⟦d:x⟧\n', code: "maximo.json-invalid", says: /one value/ },
  { title: "< without a file", source: "POST os/x\nContent-Type: application/json\n\n⟦d:<⟧\n", code: "maximo.file-ref-missing-path", says: /< \.\/body\.json/ },
  { title: "<@ without a file", source: "POST os/x\n\n⟦d:<@⟧\n", code: "maximo.file-ref-missing-path" },
  // httpyac src/plugins/core/parse/commentHttpRegionParser.ts: `/*` opens only when a `*/` line follows.
  { title: "block comment not closed", source: "GET os/x\n\n⟦d:/*⟧\n  notes\n###\nGET os/y\n", code: "maximo.comment-unterminated", says: /\*\// },
  // REST Client README "Making cURL Request"; httpyac src/plugins/websocket/websocketHttpRegionParser.ts and its siblings.
  { title: "a REST Client cURL request", source: "⟦d:curl⟧ -X POST http://localhost/x -d 'a'\n", code: "maximo.request-not-run", says: /maximo import/ },
  { title: "an httpyac WebSocket request", source: "⟦d:WS⟧ ws://localhost:8080/socket\n", code: "maximo.request-not-run", says: /WebSocket/ },
  // Each plugin's `protocolRegex` (websocketHttpRegionParser.ts `ws(s)?://`, mqtt, amqp, grpc): the bare URL opens it too.
  { title: "an httpyac WebSocket written as a bare wss:// URL", source: "⟦d:wss⟧://localhost:8080/socket\n", code: "maximo.request-not-run", says: /WebSocket/ },
  { title: "an httpyac Kafka request (httpyac.github.io examples/request/kafka)", source: "⟦d:KAFKA⟧ localhost:9092\ntopic: test\n", code: "maximo.request-not-run", says: /Kafka/ },
  { title: "an httpyac MQTT connection written as a bare mqtt:// URL", source: "⟦d:mqtt⟧://localhost:1883\n", code: "maximo.request-not-run", says: /MQTT/ },
  // httpyac src/plugins/core/parse/responseHttpRegionParser.ts.
  { title: "a stored response after the request", source: "GET http://h/x\n\n⟦d:HTTP/1.1 200 OK⟧\nContent-Type: text/plain\n\nhello\n", code: "maximo.response-example", says: /not sent/ },
  // httpyac src/plugins/graphql/gqlHttpRegionParser.ts.
  { title: "an httpyac GraphQL fragment", source: "⟦d:fragment Parts on Repository {⟧\n  name\n}\n", code: "maximo.graphql-not-run", says: /\.\.\.Parts/ },
  { title: "an httpyac gql file line", source: "POST http://h/graphql\nContent-Type: application/json\n\n⟦d:gql q < ./q.gql⟧\n", code: "maximo.graphql-not-run", says: /query/ },
  // JetBrains HTTP Client 2024.1+ `run` / `import` lines (jetbrains.com/help "Import and run requests"; http-files.org/spec/imports).
  { title: "a run line naming nothing", source: "⟦d:run⟧\n", code: "maximo.run-malformed", says: /run #name/ },
  { title: "a run line with # and no name", source: "run ./auth.http⟦d:#⟧\n", code: "maximo.run-malformed", says: /after it/ },
  { title: "a run line with an unclosed (", source: "run #Login ⟦d:(⟧@user=alice\n", code: "maximo.run-malformed", says: /not closed/ },
  { title: "a run override that is not @name=value", source: "run #Login (@user=alice, ⟦d:site⟧)\n", code: "maximo.run-malformed", says: /@name=value/ },
  { title: "an import line naming no file", source: "⟦d:import⟧\nGET os/x\n", code: "maximo.import-malformed", says: /import \.\/other\.http/ },
  { title: "httpyac script not closed", source: "⟦d:{{⟧\n  const a = 1;\n\n###\nGET os/x\n", code: "maximo.script-unterminated", says: /}}/ },
  { title: "handler script not closed", source: "GET os/x\n\n⟦d:> {%⟧\n  client.log(1);\n", code: "maximo.script-unterminated", says: /%}/ },
];

for (const c of cases) {
  test(`diagnostic ${c.code}: ${c.title}`, () => {
    const m = marked(c.source);
    const found = parseDocument(m.text).diagnostics();
    assert.deepEqual(
      found.map((d) => ({ code: d.code, span: d.span })),
      [{ code: c.code, span: span(m, "d") }],
      found.map((d) => d.message).join(" | "),
    );
    const d = found[0]!;
    assert.equal(d.severity, MAXIMO_DIAGNOSTICS[c.code].severity);
    if (c.says) assert.match(d.message, c.says);
  });
}

test("httpyac's {{$index}} in a `# @loop` request is information: the one send here is turn 0", () => {
  // github:AnWeber/httpyac src/plugins/core/test/metadata/loop.spec.ts: `# @loop for 3` with
  // `GET /json?test={{$index}}` sends test=0, 1, 2.
  const document = parseDocument("# @loop for 3\nGET os/x?i={{$index}}\n");
  const found = document.diagnostics().map((d) => [d.severity, d.code, document.text.slice(d.span.start, d.span.end), d.message]);
  assert.deepEqual(found.map((d) => d.slice(0, 3)), [
    ["information", "maximo.directive-not-run", "loop"],
    ["information", "maximo.system-variable-not-run", "$index"],
  ]);
  assert.match(String(found[1]![3]), /once, with `\$index` 0/);
});

test("every maximo.* code has a case", () => {
  const covered = new Set(cases.map((c) => c.code));
  const missing = Object.keys(MAXIMO_DIAGNOSTICS).filter((code) => !covered.has(code as MaximoCode));
  assert.deepEqual(missing, []);
});

test("a name used twice is read by httpyac's # @ref (and run #name): then it is the warning", () => {
  const codes = (text: string) => parseDocument(text).diagnostics().map((d) => d.code).filter((code) => code.startsWith("maximo.name"));
  const twice = "### a\n# @name wo1\nGET os/a\n\n### b\n# @name wo1\nGET os/b\n\n###\n";
  assert.deepEqual(codes(twice + "# @ref wo1\nGET os/c\n"), ["maximo.name-duplicate"]);
  assert.deepEqual(codes(twice + "run #wo1\n"), ["maximo.name-duplicate"]);
  assert.deepEqual(codes(twice + "GET os/c\n"), ["maximo.name-reused"]);
});

test("severities: errors where the text cannot be sent as meant, warnings where it is likely misread", () => {
  const warnings = Object.entries(MAXIMO_DIAGNOSTICS)
    .filter(([, spec]) => spec.severity === "warning")
    .map(([code]) => code)
    .sort();
  // An indented query line under a URL without `?` is sent by nothing here: the server answers without it (misread).
  // A reversed $randomInt range is sent (swapped) here and by httpyac, but not by REST Client.
  assert.deepEqual(warnings, ["maximo.directive-unexpected-argument", "maximo.method-case", "maximo.name-duplicate", "maximo.name-invalid", "maximo.query-line-indented", "maximo.system-variable-range"]);
});

const clean: [string, string][] = [
  // httpyac's noRedirectMetaDataHandler ignores the value: a comment after the flag is a comment (survey: lsb530/boki-api-client-test).
  ["a comment after a directive that takes no argument", "# @no-redirect // keep the 302\nGET http://h/redirect/1\n"],
  // A U+FEFF left mid-file by joining files: blank where a line may start, as JavaScript's trim() and \s (REST Client's and httpyac's readers) count it.
  ["a byte-order mark mid-file, alone on a line or in an indentation", "GET os/a\n\n###\n\t\uFEFF\n  \uFEFF  GET os/b\n\n###\n\uFEFF  \uFEFFGET os/c\n\n###\n@a = 1\n  \uFEFF\n"],
  // httpyac asks a bare $input / $password with a generic question; no error for a file it runs.
  ["$input and $password without a question", 'POST os/x?wo={{$input}}\nContent-Type: application/json\n\n{"password": "{{$password}}"}\n'],
  ["PATCH is a method like any other here", "PATCH os/mxapiwodetail/_QkVERk9SRC8xMDA-?lean=1\nContent-Type: application/json\n\n{\"wopriority\": 1}\n"],
  ["x-method-override without a space", "POST os/x\nx-method-override:PATCH\npatchtype:MERGE\n\n{}\n"],
  ["placeholders as JSON values, keys, members and strings", 'POST os/x\n\n{\n  {{key}}: 1,\n  "a": {{n}},\n  "b": [{{x}}, {{y}}],\n  "c": "{{$datetime \'YYYY\'}} \\"q\\" {{z}}",\n  {{rest}}\n}\n'],
  ["a whole-body placeholder", "POST os/x\nContent-Type: application/json\n\n{{payload}}\n"],
  ["comments inside a JSON body are not sent", 'POST os/x\n\n{\n  # the site\n  "siteid": "BEDFORD",\n  // priority\n  "wopriority": 1\n}\n'],
  ["a header name from a variable", "GET os/x\n{{authHeader}}: {{token}}\n"],
  ["unknown directives are REST Client's or httpyac's", "# @prompt id Work order id\n# @note\n# @foo bar baz\n# @title Work orders\nGET os/x/{{id}}\n"],
  ["JetBrains' $env.NAME", "GET http://h/a?home={{$env.HOME}}&p={{$env.MAXIMO_PASSWORD_FILE}}\n"],
  ["httpyac's and REST Client's system variables", "GET os/x?a={{$randomInt}}&b={{$random.integer(1, 10)}}&c={{$random.alphabetic(8)}}&d={{$random.email}}\nX-Q: {{$input Work order $value: 1001}} {{$input-askonce Site}} {{$password Secret}} {{$pick Site $value: BEDFORD,NASHUA}} {{$random.uuid}} {{$random.float(0, 1)}}\n"],
  ["a body right after the headers when it starts like one", "POST os/x\nContent-Type: application/json\n{\"a\": 1}\n\n###\nPOST os/y\n[1]\n\n###\nPOST script/Y\nContent-Type: text/xml\n<a>1</a>\n\n###\nPOST os/z\n< ./body.json\n"],
  ["requests without ### between them", "GET os/a\nAccept: application/json\nGET os/b\n\n# @name c\nPOST os/c\n\n{}\nDELETE os/c/1\n"],
  ["a query written percent-encoded, as browsers and curl write it", "GET os/mxapiwodetail?oslc.where=status%3D%22APPR%22+and+siteid%3D%22BEDFORD%22&oslc.select=wonum%2Cstatus&oslc.orderBy=%2Bwonum\n"],
  ["script expressions", "GET os/x?n={{ 1 + 2 }}&s={{ site.toUpperCase() }}\n"],
  ["system variables with all their forms", "GET os/x\nA: {{$processEnv %KEY}} {{$dotenv NAME}} {{$datetime \"DD-MM-YYYY\" -1 d}} {{$localDatetime rfc1123}}\nB: {{$randomInt -5 5}} {{$timestamp -3 h}} {{$timestamp}} {{$guid}} {{$uuid}} {{$isoTimestamp}} {{$datetime 'YYYY' 2 ms}}\n"],
  ["expectations in every form", "# @expect status 200\n# @expect status == 2xx\n# @expect status < 400\n# @expect header content-type contains json\n# @expect header etag exists\n# @expect header x-a\n# @expect body.member.length > 0\n# @expect body.member[0].status == \"APPR\"\n# @expect body exists\n# @expect duration < 2s\n# @expect duration <= 1500\nGET os/x\n"],
  ["@verify on single-record updates", "# @verify\nPOST os/mxapiasset/_QkVERk9SRC8xMTQzMA--?lean=1\nx-method-override: PATCH\n\n{}\n\n###\n# @verify\nPOST os/mxapiwodetail/{{wo.response.body.member[0].href}}\nx-method-override: PATCH\n\n{}\n\n###\n# @verify\nPOST {{href}}\nx-method-override: {{how}}\n\n{}\n"],
  ["timeouts", "# @timeout 30s\n# @timeout 500ms\n# @timeout 2m\n# @timeout 1000\nGET os/x\n"],
  ["a form body and a text body are not JSON", "POST login\nContent-Type: application/x-www-form-urlencoded\n\nuser=a&password={b}\n\n###\nPOST script/X\nContent-Type: text/plain\n\n{not json\n"],
  ["a trailing ### with nothing after it", "GET os/x\n\n###\n"],
  // jetbrains.com/help "Import and run requests": names from `###` titles, `run` with and without overrides.
  ["JetBrains import and run lines", "import ./auth.http\n\n### Login\nGET os/x\n\n###\nrun #Login\n###\nrun #Login (@user=alice, @site={{site}})\n###\nrun ./auth.http#login\r\n###\nrun ./auth.http\n\n###\n@site = BEDFORD\n"],
  ["an empty file", ""],
  ["only comments and variables", "# notes\n@a = 1\n// more\n"],
];

for (const [title, source] of clean) {
  test(`no diagnostic: ${title}`, () => {
    assert.deepEqual(
      parseDocument(source).diagnostics().map((d) => `${d.code}: ${d.message}`),
      [],
    );
  });
}
