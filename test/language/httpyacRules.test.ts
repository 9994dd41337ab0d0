/**
 * The rules by which the parser reads `.http` files as httpyac does (its parser is the
 * reference; `httpyacComparison.test.ts` runs both on whole files): requests without `###`, a
 * body right after the headers, variables inside a body, and queries written percent-encoded.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocument, updateDocument, type MaximoDocument } from "../../server/src/language/maximo/api";
import { embeddedSource } from "../../server/src/language/maximo/embeddedQueries";
import { marked, pick, prng, span } from "./maximoTestkit";

const urls = (text: string) => parseDocument(text).requests.map((r) => `${r.request.methodName} ${r.request.url.text}`);
const errors = (doc: MaximoDocument) => doc.diagnostics().filter((d) => d.severity !== "information").map((d) => `${d.code}: ${d.message}`);

// ---------------------------------------------------------------------------------------------
// A request line after a complete request starts a new request, `###` or not.
// ---------------------------------------------------------------------------------------------
test("a method line right after the request line, the headers or the body starts a request", () => {
  assert.deepEqual(urls("GET os/a\nGET os/b\nAccept: json\nPOST os/c\n\n{}\nDELETE os/c/1\n"), ["GET os/a", "GET os/b", "POST os/c", "DELETE os/c/1"]);
  // After a bare URL (a GET without a method word) and after query continuation lines too.
  assert.deepEqual(urls("os/mxapiasset\n  ?lean=1\n  &oslc.pageSize=5\nPUT os/x\n"), ["GET os/mxapiasset?lean=1&oslc.pageSize=5", "PUT os/x"]);
  const doc = parseDocument("GET os/a\nAccept: json\nGET os/b\n");
  assert.deepEqual(doc.requests[0]!.request.headers.map((h) => h.name.text), ["Accept"]);
  assert.deepEqual(errors(doc), []);
});

test("only an upper-case method followed by a target starts a request (httpyac's rule)", () => {
  const doc = parseDocument("POST script/X\nContent-Type: text/plain\n\nget the pumps\nGET\nPATCHES os/x\nHello World\n");
  assert.equal(doc.requests.length, 1);
  assert.equal(doc.requests[0]!.request.body?.text, "get the pumps\nGET\nPATCHES os/x\nHello World");
});

test("lines inside a script block or a handler never start a request", () => {
  const text = "GET os/a\n\n{{@response\n  POST ignored\n  GET ignored\n}}\n> {%\nDELETE ignored\n%}\nPUT os/b\n";
  assert.deepEqual(urls(text), ["GET os/a", "PUT os/b"]);
  assert.deepEqual(errors(parseDocument(text)), []);
});

test("the comment and directive lines right above a request line go with it; a blank line keeps them above", () => {
  const doc = parseDocument("GET os/a\n\n# @name second\n// @expect status 200\nGET os/b\n# a note for the request above\n\nGET os/c\n");
  assert.deepEqual(
    doc.requests.map((r) => [r.name, r.request.url.text, r.node.directives.map((d) => d.name.text)]),
    [
      [undefined, "os/a", []],
      ["second", "os/b", ["name", "expect"]],
      [undefined, "os/c", []],
    ],
  );
  assert.equal(doc.requests[1]!.node.comments.length, 1, "the note stays with os/b, separated from os/c by a blank line");
});

test("variables and comments before the first request line do not start one; ### still separates", () => {
  assert.deepEqual(urls("@a = 1\n# about\nGET os/a\n###\nGET os/b\nGET os/c\n"), ["GET os/a", "GET os/b", "GET os/c"]);
});

// ---------------------------------------------------------------------------------------------
// A body may follow the headers without a blank line when it starts like a body.
// ---------------------------------------------------------------------------------------------
test("a body starting with {, [ or < right after the headers or the request line is the body", () => {
  const cases: Array<[string, string]> = [
    ['POST os/x\nContent-Type: application/json\n{\n  "a": 1\n}\n', '{\n  "a": 1\n}'],
    ["POST os/x\n[1, 2]\n", "[1, 2]"],
    ["POST script/X\nContent-Type: text/xml\n<a>\n  <b>1</b>\n</a>\n", "<a>\n  <b>1</b>\n</a>"],
    ["POST os/x\nContent-Type: application/json\n< ./body.json\n", "< ./body.json"],
  ];
  for (const [text, body] of cases) {
    const doc = parseDocument(text);
    assert.equal(doc.requests.length, 1, text);
    assert.equal(doc.requests[0]!.request.body?.text, body, text);
    assert.deepEqual(errors(doc), [], text);
  }
  const file = parseDocument("POST os/x\n<@latin1 ./body.json\n").requests[0]!.request.body!;
  assert.deepEqual(
    file.parts.map((p) => [p.kind, p.kind === "file" ? [p.path?.text, p.encoding?.text, p.processVariables] : undefined]),
    [["file", ["./body.json", "latin1", true]]],
  );
});

test("{{ lines after the headers: a script opener stays a script, {{name}}: value a header (REST Client), {{payload}} alone starts the body (httpyac)", () => {
  const doc = parseDocument("GET os/x\n{{authHeader}}: {{token}}\n{{\n  exports.a = 1;\n}}\n");
  const request = doc.requests[0]!;
  assert.deepEqual(request.request.headers.map((h) => h.name.text), ["{{authHeader}}"]);
  assert.equal(request.request.body, undefined);
  assert.equal(request.node.scripts.length, 1);
  const payload = parseDocument('@payload = {"a": 1}\nPOST os/x\ncontent-type: application/json\n{{payload}}\n');
  assert.deepEqual(payload.requests[0]!.request.headers.map((h) => h.name.text), ["content-type"]);
  assert.equal(payload.requests[0]!.request.body?.text, "{{payload}}");
  assert.deepEqual(payload.diagnostics().filter((d) => d.severity === "error").map((d) => d.code), []);
});

// ---------------------------------------------------------------------------------------------
// `@name = value` inside a body is a variable (httpyac reads it so wherever it stands).
// ---------------------------------------------------------------------------------------------
test("an @name = value line after a body is a variable, not body text; @text without = stays text", () => {
  const doc = parseDocument('# @name cart\nPOST os/cart\n\n{"a": 1}\n\n@cartId = {{cart.response.body.id}}\n@lazy := {{$guid}}\n\nGET os/cart/{{cartId}}\n');
  const [first, second] = doc.requests;
  assert.equal(first!.request.body?.text, '{"a": 1}');
  assert.deepEqual(first!.node.variables.map((v) => [v.name.text, v.value.text, v.lazy]), [
    ["cartId", "{{cart.response.body.id}}", false],
    ["lazy", "{{$guid}}", true],
  ]);
  assert.equal(second!.request.url.text, "os/cart/{{cartId}}");
  assert.equal(parseDocument("POST script/X\n\n@mention the team\n").requests[0]!.request.body?.text, "@mention the team");
});

// ---------------------------------------------------------------------------------------------
// A query written percent-encoded (browsers, curl) reads + as a space, as the servlet container does.
// ---------------------------------------------------------------------------------------------
test("a value written percent-encoded reads + as a space; one written readable keeps its +", () => {
  const request = parseDocument("GET os/mxapiwodetail?oslc.where=status%3D%22APPR%22+and+siteid%3D%22BEDFORD%22&oslc.orderBy=+wonum,-status&oslc.select=wonum%2Cstatus&q=a+b\n").requests[0]!.request;
  assert.deepEqual(
    request.url.query.map((p) => [p.key.text, p.value?.decoded, p.encoded ?? false]),
    [
      ["oslc.where", 'status="APPR" and siteid="BEDFORD"', true],
      ["oslc.orderBy", "+wonum,-status", false],
      ["oslc.select", "wonum,status", true],
      ["q", "a+b", false],
    ],
  );
  assert.equal(embeddedSource(request.url.query[0]!)!.text, 'status="APPR" and siteid="BEDFORD"');
  // `%2B` is the sign of an encoded orderBy.
  assert.equal(parseDocument("GET os/x?oslc.orderBy=%2Bwonum\n").requests[0]!.request.url.query[0]!.value!.decoded, "+wonum");
});

test("an encoded where, select and orderBy are checked like readable ones: no error when right, the error at its source when wrong", () => {
  assert.deepEqual(errors(parseDocument("GET os/mxapiwodetail?oslc.where=status%3D%22APPR%22+and+wopriority%3E%3D2&oslc.select=wonum%2Cstatus&oslc.orderBy=%2Bwonum%2C-status\n")), []);
  const m = marked("GET os/mxapiwodetail?oslc.where=status%3D%22APPR%22+⟦or:or⟧+status%3D%22WAPPR%22\n");
  const found = parseDocument(m.text).diagnostics().filter((d) => d.severity === "error");
  assert.equal(found.length, 1, found.map((d) => d.message).join(" | "));
  assert.deepEqual(found[0]!.span, span(m, "or"));
});

test("a value with a raw blank or quote is readable, so + in it stays a plus", () => {
  const [where] = parseDocument('GET os/x?oslc.where=description="a+b%25"\n').requests[0]!.request.url.query;
  assert.equal(where!.encoded, undefined);
  assert.equal(where!.value!.decoded, 'description="a+b%"');
});

// ---------------------------------------------------------------------------------------------
// Incremental parsing keeps up with splits that depend on the lines above.
// ---------------------------------------------------------------------------------------------
function observable(doc: MaximoDocument) {
  return { blocks: doc.blocks.map((b) => ({ offset: b.offset, line: b.line, lineStarts: b.tree.lineStarts, node: b.node() })), diagnostics: doc.diagnostics() };
}

test("after random edits of .http files without ###, updateDocument equals a fresh parse", () => {
  const root = process.env.MAXIMO_WORKBENCH_ROOT ?? process.cwd();
  const base = ["restclient.http", "httpyac.http", "maximo.http"].map((name) => readFileSync(join(root, "test", "fixtures", "http", name), "utf8")).join("\n");
  const snippets = ["GET os/x\n", "POST os/y\n", "\n", "#", "###\n", "{\n", "[1]\n", "<a>\n", "@v = 1\n", "{{\n", "}}\n", "> {%\n", "%}\n", "# @name n\n", "x", "+", "%22"];
  for (const seed of [11, 12, 13]) {
    const random = prng(seed);
    let text = base;
    let doc = parseDocument(text);
    for (let step = 0; step < 120; step++) {
      const at = Math.floor(random() * (text.length + 1));
      const next = random() < 0.6 ? text.slice(0, at) + pick(random, snippets) + text.slice(at) : text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(random() * 20)));
      const updated = updateDocument(doc, next);
      assert.deepEqual(observable(updated), observable(parseDocument(next)), `seed ${seed}, step ${step}`);
      text = next;
      doc = updated;
    }
  }
});
