/**
 * httpyac's line rules that go beyond REST Client's, each read as httpyac reads it (the cited
 * file is in github.com/AnWeber/httpyac, the reference for `.http` files): block comments,
 * stored responses, `/path` URL continuation lines, script openers with an event, GraphQL,
 * bodies right after the headers, escaped braces, and request lines we read but do not send.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseDocument, updateDocument } from "../../server/src/language/maximo/api";
import { splitBlocks } from "../../server/src/language/maximo/blockSplitter";
import { RegionParser } from "../../server/src/language/maximo/regionParser";

function codes(text: string): string[] {
  return parseDocument(text)
    .diagnostics()
    .map((d) => `${d.severity} ${d.code}`);
}

function problems(text: string): string[] {
  return parseDocument(text)
    .diagnostics()
    .filter((d) => d.severity !== "information")
    .map((d) => `${d.range.start.line + 1}: ${d.code} ${d.message}`);
}

// src/plugins/core/parse/commentHttpRegionParser.ts: `/^\s*\/\*$/u` opens, `/^\s*\*\/\s*$/u` closes,
// and the lines between never reach the other parsers (`###` included).
test("block comment: the lines between /* and */ are comment, ### and request lines included", () => {
  const text = ["/*", "Notes about the export.", "### Step 1", "GET is a word here", "Accept: no header", "*/", "GET http://h/export", ""].join("\n");
  const doc = parseDocument(text);
  assert.deepEqual(
    doc.requests.map((r) => `${r.request.methodName} ${r.request.url.text}`),
    ["GET http://h/export"],
  );
  assert.deepEqual(problems(text), []);
  assert.equal(doc.blocks.length, 1, "the ### inside the comment separates nothing");
  const comment = doc.blocks[0]!.tree.comments[0]!;
  assert.equal(comment.marker, "/*");
  assert.match(comment.text, /^Notes about the export\.\n### Step 1/);
});

test("block comment: only `/*` alone on its line opens one; `/* text` and `/** x */` do not", () => {
  assert.deepEqual(splitBlocks("/* x\n###\nGET a\n", 0, 14).length, 2);
  assert.deepEqual(splitBlocks("/*\n###\n*/\nGET a\n", 0, 17).length, 1);
});

test("block comment: a comment in the header section ends the headers; httpyac reads the lines after it as the body", () => {
  const doc = parseDocument(["GET http://h/archive", "Accept: text/csv", "/*", "Accept: text/xml", "*/", "X-After: 1", ""].join("\n"));
  const request = doc.requests[0]!.request;
  assert.deepEqual(request.headers.map((h) => h.name.text), ["Accept"]);
  assert.equal(request.body?.text, "X-After: 1");
});

test("block comment: inside a body it is left out of what is sent, and a JSON body around it stays valid", () => {
  const text = ["POST http://h/x", "Content-Type: application/json", "", "{", "/*", "  not sent", "*/", '  "a": 1', "}", ""].join("\n");
  const request = parseDocument(text).requests[0]!.request;
  assert.equal(request.body?.text, '{\n  "a": 1\n}');
  assert.deepEqual(problems(text), []);
});

test("block comment: unclosed, the rest of the file is comment and the `/*` gets an error", () => {
  const text = "GET http://h/a\n\n/*\n###\nGET http://h/b\n";
  assert.deepEqual(parseDocument(text).requests.length, 1);
  assert.deepEqual(codes(text), ["error maximo.comment-unterminated"]);
});

test("block comment: an edit that opens or closes one across ### lines re-parses as a whole parse does", () => {
  const base = ["GET http://h/1", "", "###", "GET http://h/2", "", "###", "GET http://h/3", "", "###", "GET http://h/4", ""].join("\n");
  const before = parseDocument(base);
  const opened = base.replace("GET http://h/2\n", "GET http://h/2\n/*\n");
  const closed = opened.replace("GET http://h/4\n", "*/\nGET http://h/4\n");
  for (const [previous, text] of [
    [before, opened],
    [parseDocument(opened), closed],
    [parseDocument(closed), base],
    [parseDocument(closed), opened],
  ] as const) {
    const updated = updateDocument(previous, text);
    const full = parseDocument(text);
    assert.deepEqual(updated.requests.map((r) => r.request.url.text), full.requests.map((r) => r.request.url.text));
    assert.deepEqual(updated.blocks.map((b) => [b.offset, b.line]), full.blocks.map((b) => [b.offset, b.line]));
    assert.deepEqual(updated.diagnostics(), full.diagnostics());
  }
  assert.deepEqual(parseDocument(closed).requests.map((r) => r.request.url.text), ["http://h/1", "http://h/2", "http://h/4"]);
});

test("block comment: the region-at-a-time parse runs a region on past a comment that holds ### lines", () => {
  const text = "GET http://h/1\n/*\n###\nGET http://h/x\n###\n*/\n###\nGET http://h/2\n";
  const regions = new RegionParser(text);
  regions.next(1);
  const doc = regions.document();
  assert.deepEqual(doc.blocks.map((b) => b.offset), parseDocument(text).blocks.map((b) => b.offset));
  assert.deepEqual(doc.requests.map((r) => r.request.url.text), ["http://h/1", "http://h/2"]);
});

// src/plugins/core/parse/responseHttpRegionParser.ts and utils/parserUtils.ts parseInlineResponse:
// from an `HTTP/x status` line on, the lines are a response example, not the body.
test("stored response: the request has no body, the response is neither body nor error", () => {
  const text = ["GET http://h/notes/1", "Accept: application/json", "", "HTTP/1.1 200 OK", "Content-Type: application/json", "", '{"id": 1}', "", "###", "GET http://h/2", ""].join("\n");
  const doc = parseDocument(text);
  const request = doc.requests[0]!.request;
  assert.equal(request.body, undefined);
  assert.ok(request.response);
  assert.equal(text.slice(request.response.start, request.response.end), 'HTTP/1.1 200 OK\nContent-Type: application/json\n\n{"id": 1}');
  assert.deepEqual(codes(text), ["information maximo.response-example"]);
  assert.equal(doc.requests.length, 2);
});

test("stored response: it ends the body it follows, without a blank line too; a request line after it starts the next request", () => {
  const text = ["POST http://h/x", "Content-Type: text/plain", "", "hello", "HTTP/2 201 Created", "Location: /x/1", "POST http://h/y", ""].join("\n");
  const doc = parseDocument(text);
  assert.equal(doc.requests[0]!.request.body?.text, "hello");
  assert.deepEqual(doc.requests.map((r) => r.request.url.text), ["http://h/x", "http://h/y"]);
});

// src/utils/parserUtils.ts parseUrlLineFactory `/^\s*(\/)[^*]*$/u`, parseQueryLineFactory; test http.spec.ts "get http with multiline".
test("multi-line URL: `/path` lines after the request line continue the URL, then `?`/`&` lines its query", () => {
  const text = ["POST https://h.test", "  /anything", "  /more", "  ?test=test", "Content-Type: application/json", "", "{}", ""].join("\n");
  const request = parseDocument(text).requests[0]!.request;
  assert.equal(request.url.text, "https://h.test/anything/more?test=test");
  assert.deepEqual(request.url.segments.map((s) => [s.text, text.slice(s.start, s.end)]), [["anything", "anything"], ["more", "more"]]);
  assert.equal(request.url.authority?.text, "h.test");
  assert.deepEqual(problems(text), []);
});

// JetBrains spec (github:JetBrains/http-request-in-editor-spec spec.md) §3.2.1.3: the path separator is "/" or a new line
// with indent; §4.2.1's example `http://example.com/` + `    api` + `    /get` is sent as "http://example.com/api/get".
test("multi-line URL: JetBrains' indented path segment without a slash continues the path", () => {
  const text = ["GET http://example.com/", "    api", "    /get", "Accept: text/plain", ""].join("\n");
  const request = parseDocument(text).requests[0]!.request;
  assert.equal(request.url.text, "http://example.com/api/get");
  assert.deepEqual(request.headers.map((h) => h.name.text), ["Accept"]);
  assert.deepEqual(problems(text), []);
  // Not indented, or after a header, it is no path: a body line or a malformed header as before.
  assert.deepEqual(parseDocument("GET http://h/x\nAccept: x\n    api\n").diagnostics().map((d) => d.code), ["maximo.header-malformed"]);
  // An indented header is a header.
  assert.deepEqual(parseDocument("GET http://h/x\n    Accept: x\n").requests[0]!.request.headers.map((h) => h.name.text), ["Accept"]);
});

test("multi-line URL: JetBrains' indented `page=1&` line after `?` is more of the query, sent (spec §3.2.1.4); httpyac reads it as the body", () => {
  // JetBrains spec §3.2.1.4: `query: (any input-character except '#')* [new-line-with-indent query]`.
  const text = "GET http://h/users?\n    page=1&\n    size=10\nAccept: application/json\n";
  const request = parseDocument(text).requests[0]!.request;
  assert.equal(request.url.text, "http://h/users?page=1&size=10");
  assert.deepEqual(request.url.query.map((p) => [p.key.text, p.value?.text]), [["page", "1"], ["size", "10"]]);
  assert.deepEqual(request.headers.map((h) => h.name.text), ["Accept"]);
  assert.deepEqual(request.malformedLines, []);
  // Information, no problem: sent as JetBrains sends it; the note is for httpyac and REST Client users.
  assert.deepEqual(problems(text), []);
  const notes = parseDocument(text).diagnostics();
  assert.deepEqual(notes.map((d) => [d.code, d.severity]), [["maximo.query-line-joined", "information"], ["maximo.query-line-joined", "information"]]);
  assert.match(notes[0]!.message, /Sent as more of the query.*`&page=1`/);
  // After a `?` parameter and an `&` line too; the parameters keep their own offsets.
  const after = "GET http://h/users?a=1\n    &b=2\n    c=3&d=4\n";
  const joined = parseDocument(after).requests[0]!.request.url;
  assert.equal(joined.text, "http://h/users?a=1&b=2&c=3&d=4");
  assert.equal(after.slice(joined.query[3]!.start, joined.query[3]!.end), "d=4");
  // Without a query, nothing sends it: a warning that says to start it with `?`.
  assert.deepEqual(parseDocument("GET http://h/users\n    page=1&\n").diagnostics().map((d) => [d.code, d.severity]), [["maximo.query-line-indented", "warning"]]);
  assert.equal(parseDocument("GET http://h/users\n    page=1&\n").requests[0]!.request.url.text, "http://h/users");
  // Under a header it is no query line: a malformed header, an error as before.
  assert.deepEqual(parseDocument("GET http://h/users\nAccept: x\n    page=1\n").diagnostics().map((d) => [d.code, d.severity]), [["maximo.header-malformed", "error"]]);
});

test("httpyac's `?`/`&` and `/path` lines among the headers are appended to the URL and sent (src/utils/parseRequestClientFactory.ts)", () => {
  const text = 'GET http://h/api\nAccept: application/json\n/users\n?page=1\n&oslc.where=changedate>="2024-01-01T08:00:00"\nX-Site: BEDFORD\n';
  const request = parseDocument(text).requests[0]!.request;
  assert.equal(request.url.path.text, "http://h/api/users");
  assert.deepEqual(request.url.query.map((p) => [p.key.text, p.value?.text]), [["page", "1"], ["oslc.where", 'changedate>="2024-01-01T08:00:00"']]);
  assert.deepEqual(request.headers.map((h) => h.name.text), ["Accept", "X-Site"]);
  assert.deepEqual(problems(text), []);
  assert.deepEqual(parseDocument(text).diagnostics().map((d) => [d.code, d.severity]), [["maximo.url-line-late", "information"], ["maximo.url-line-late", "information"], ["maximo.url-line-late", "information"]]);
});

// src/plugins/javascript/javascriptHttpRegionParser.ts `JavaScriptStart`.
test("script blocks: every opener httpyac reads is a script block, said as information", () => {
  for (const opener of ["{{", "{{+", "{{+after", "{{+request", "{{+response", "{{@request", "{{@response", "{{@streaming", "{{@responseLogging", "{{@js request", "{{@js +after", "{{request", "{{AFTER"]) {
    const text = `${opener}\n  console.info('x');\n}}\nGET http://h/a\n`;
    assert.deepEqual(codes(text), ["information maximo.script-not-run"], opener);
    assert.equal(parseDocument(text).requests[0]!.request.url.text, "http://h/a", opener);
  }
});

// src/plugins/graphql/gqlHttpRegionParser.ts and gqlAction.ts.
test("GraphQL: a query body under Content-Type JSON is no JSON error; the query, its name and the variables are read", () => {
  const text = ["POST http://h/graphql", "Content-Type: application/json", "", "query notes($first: Int!) {", "  notes(first: $first) { id }", "}", "", '{"first": 10}', ""].join("\n");
  const body = parseDocument(text).requests[0]!.request.body!;
  assert.deepEqual(body.graphql, { query: "query notes($first: Int!) {\n  notes(first: $first) { id }\n}", operationName: "notes", variables: '{"first": 10}' });
  assert.deepEqual(problems(text), []);
});

test("GraphQL: a mutation right after the headers starts the body; a fragment region is no request", () => {
  const text = ["fragment Parts on Note {", "  id", "}", "", "###", "POST http://h/graphql", "Content-Type: application/json", "mutation {", "  clear", "}", ""].join("\n");
  const doc = parseDocument(text);
  assert.deepEqual(doc.requests.map((r) => r.request.url.text), ["http://h/graphql"]);
  assert.deepEqual(doc.requests[0]!.request.body?.graphql, { query: "mutation {\n  clear\n}" });
  assert.deepEqual(codes(text), ["information maximo.graphql-not-run"]);
});

test("GraphQL: `gql name < file` is information, never a JSON error", () => {
  assert.deepEqual(codes("POST http://h/graphql\nContent-Type: application/json\n\ngql foo < ./foo.gql\n"), ["information maximo.graphql-not-run"]);
});

// src/plugins/grpc/protoHttpRegionParser.ts: `/^\s*proto\s+<\s+(?<fileName>.+)\s*$/u`, then the lines read as
// headers (loader options) and comments; httpyac.github.io examples/request/grpc/protoImport.http.
test("gRPC proto import: `proto < file` and its loader options are information, the GRPC request after them its own", () => {
  const text = ["proto < ./hello.proto", "keepCase: true", "# a comment among them", "includeDirs: [`${__dirname}/request`]", "", "GRPC grpc.postman-echo.com/HelloService/sayHello", "{", '  "greeting": "world"', "}", "", "###", "proto < ./a.proto", "proto < ./b.proto", "GRPC h/A/B", ""].join("\n");
  const doc = parseDocument(text);
  assert.deepEqual(
    doc.requests.map((r) => `${r.request.methodName} ${r.request.url.text}`),
    ["GRPC grpc.postman-echo.com/HelloService/sayHello", "GRPC h/A/B"],
  );
  assert.deepEqual(problems(text), []);
  const info = doc.diagnostics().map((d) => `${d.range.start.line + 1}: ${d.code}`);
  assert.deepEqual(info, ["1: maximo.request-not-run", "6: maximo.request-not-run", "12: maximo.request-not-run", "13: maximo.request-not-run", "14: maximo.request-not-run"]);
  assert.match(doc.diagnostics()[0]!.message, /gRPC service definition/);
  // The splitter agrees with the lexer: each region's request starts no new block.
  assert.equal(doc.blocks.length, 2);
  // Without its `<`, `proto` is no import: a request line as any other word.
  assert.ok(!codes("proto ./x.proto\n").includes("information maximo.request-not-run"));
  assert.equal(parseDocument("proto ./x.proto\n").requests.length, 1);
});

// src/plugins/websocket/websocketHttpRegionParser.ts `protocolRegex`; src/plugins/core/parse/closeRequestBody.ts splits on `===`.
test("a bare ws:// URL is a WebSocket: its `===`-separated messages are no JSON error, and it is not sent", () => {
  const text = "wss://echo.example.com/ws\nContent-Type: application/json\n\n[\"a\"]\n===\n[\"b\"]\n";
  assert.deepEqual(codes(text), ["information maximo.request-not-run"]);
  // A scheme that is no protocol of httpyac's stays an HTTP request.
  assert.deepEqual(codes("constructor://h/x\n"), []);
});

// src/plugins/core/parse/requestBodyHttpRegionParser.ts; test body.spec.ts "should send body with no empty line".
test("body right after the headers: a form, a JWT or text under a non-JSON Content-Type", () => {
  const cases: Array<[string, string]> = [
    ["POST http://h/login\nContent-Type: application/x-www-form-urlencoded\nname=foo&password=bar\n", "name=foo&password=bar"],
    ["POST http://h/anything HTTP/1.1\neyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln\n", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln"],
    ["POST http://h/anything\nContent-Type: text/plain\nhello world\nsecond line\n", "hello world\nsecond line"],
  ];
  for (const [text, body] of cases) {
    assert.equal(parseDocument(text).requests[0]!.request.body?.text, body, text);
    assert.deepEqual(problems(text), [], text);
  }
});

test("body right after the headers: a mistyped header under JSON (or no Content-Type) is still an error", () => {
  assert.match(problems("POST http://h/x\nContent-Type: application/json\nAccept application/json\n\n{}\n")[0]!, /header-malformed/);
  assert.match(problems("GET http://h/x\nAuthorization Bearer abc\n")[0]!, /header-malformed/);
  // httpyac would send these as a body; a query line missing its `&` is likelier, so it stays an error.
  assert.match(problems("GET http://h/x\nlean=1\n")[0]!, /header-malformed/);
  assert.match(problems("GET http://h/x\nwww.example.com\n")[0]!, /header-malformed/);
});

// src/plugins/core/replacer/escapeVariableReplacer.ts; test escape.spec.ts.
test("escaped braces: `\\{\\{x\\}\\}` in a JSON string is no JSON error and no expression", () => {
  const text = 'POST http://h/t\nContent-Type: application/json\n\n{\n  "template": "My \\{\\{verb\\}\\} template"\n}\n';
  assert.deepEqual(codes(text), []);
  assert.equal(parseDocument(text).blocks[0]!.tree.expressions.length, 0);
});

// REST Client README "Making cURL Request"; httpyac src/plugins/{websocket,eventsource,grpc,mqtt,amqp}/*HttpRegionParser.ts;
// httpyac src/utils/parserUtils.ts parseDefaultHeadersFactory `/^\s*\.{3}(?<variableName>[^\s]+),?\s*$/u`.
test("curl, WS/SSE/GRPC/MQTT/AMQP request lines and `...defaultHeaders` lines are information, never errors", () => {
  assert.deepEqual(codes("curl -X POST http://h/x -H 'Content-Type: application/json' -d '{}'\n"), ["information maximo.request-not-run"]);
  for (const method of ["WS", "WSS", "WEBSOCKET", "SSE", "EVENTSOURCE", "GRPC", "MQTT", "MQTTS", "AMQP"]) {
    assert.deepEqual(codes(`${method} localhost:1/x\n`), ["information maximo.request-not-run"], method);
  }
  // A JetBrains WebSocket request with a JSON content type: its body is `===`-separated messages
  // (jetbrains.com/help "WebSocket requests"), and it is not sent, so it is not checked as JSON.
  assert.deepEqual(
    codes('WEBSOCKET ws://localhost:8080/ws\nContent-Type: application/json\n\n===\n{"message": "hi"}\n=== wait-for-server\n{"m": 2}\n'),
    ["information maximo.request-not-run"],
  );
  // A protocol line after a request starts a request of its own, as httpyac reads it.
  assert.equal(parseDocument("GET http://h/a\n\nWS ws://h/socket\n").requests.length, 2);
  const spread = "GET http://h/a\n...defaultHeaders\nAccept: application/json\n";
  assert.deepEqual(codes(spread), ["information maximo.script-not-run"]);
  assert.deepEqual(parseDocument(spread).requests[0]!.request.headers.map((h) => h.name.text), ["Accept"]);
});

test("body right after the headers: comment lines between the Content-Type and the text do not hide it", () => {
  const text = "POST http://h/x\nContent-Type: text/plain\n# a note\nhello\n";
  assert.equal(parseDocument(text).requests[0]!.request.body?.text, "hello");
  assert.deepEqual(problems(text), []);
});

test("block comment: the region-at-a-time parse over many ### lines inside a comment stays the whole-file parse", () => {
  const inner = Array.from({ length: 50 }, (_, i) => `### ${i}\nGET http://h/in${i}\n`).join("");
  const text = `GET http://h/1\n/*\n${inner}*/\n###\nGET http://h/2\n/*\n${inner}`;
  const regions = new RegionParser(text);
  regions.next(1);
  assert.deepEqual(regions.document().blocks.map((b) => b.offset), parseDocument(text).blocks.map((b) => b.offset));
  assert.deepEqual(parseDocument(text).requests.map((r) => r.request.url.text), ["http://h/1", "http://h/2"]);
});
