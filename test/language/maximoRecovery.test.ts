import { test } from "node:test";
import assert from "node:assert/strict";
import { parseDocument, toParseSummary, type MaximoDocument } from "../../server/src/language/maximo/api";
import { fixture } from "./maximoTestkit";

const garbage = "\n### broken: control characters and stray braces\n\u0000\u0001 }}} {{{{ %%% &&& ??? \u2028\nGET\n@\n<\n{{$nope 1\n\n";

/** The good requests, field by field, wherever they stand between broken ones. */
function checkGoodRequests(doc: MaximoDocument): void {
  const summary = toParseSummary(doc);
  const byName = new Map(summary.requests.map((r) => [r.name, r]));
  assert.deepEqual(
    { ...byName.get("first"), range: undefined },
    {
      name: "first",
      method: "GET",
      url: "os/mxapiasset?lean=1&oslc.select=assetnum,status",
      query: [
        { key: "lean", value: "1" },
        { key: "oslc.select", value: "assetnum,status" },
      ],
      headers: [{ name: "Accept", value: "application/json" }],
      body: null,
      range: undefined,
    },
  );
  assert.deepEqual(
    { ...byName.get("good two"), range: undefined },
    {
      name: "good two",
      method: "POST",
      url: "os/mxapiwodetail?lean=1",
      query: [{ key: "lean", value: "1" }],
      headers: [{ name: "Content-Type", value: "application/json" }],
      body: '{"siteid": "BEDFORD", "wopriority": {{prio}}}',
      range: undefined,
    },
  );
  assert.deepEqual(
    { ...byName.get("third"), range: undefined },
    {
      name: "third",
      method: "DELETE",
      url: "os/mxapiasset/_QkVERk9SRC8xMDA-",
      query: [],
      headers: [{ name: "x-method-override", value: "DELETE" }],
      body: null,
      range: undefined,
    },
  );
  assert.deepEqual(
    { ...byName.get("good four"), range: undefined },
    { name: "good four", method: "GET", url: "whoami", query: [], headers: [], body: null, range: undefined },
  );
  // No diagnostic falls inside a good request.
  for (const name of ["first", "good two", "third", "good four"]) {
    const range = byName.get(name)!.range;
    const inside = summary.diagnostics.filter((d) => d.line >= range.start.line && d.line <= range.end.line);
    assert.deepEqual(inside, [], `diagnostics inside ${name}`);
  }
}

test("recovery: broken requests between good ones cost nothing to their neighbours", () => {
  const doc = parseDocument(fixture("recovery.maximo"));
  checkGoodRequests(doc);
  const codes = doc.diagnostics().map((d) => d.code);
  for (const code of [
    "maximo.unknown-method",
    "maximo.expression-unterminated",
    "maximo.header-malformed",
    "maximo.header-name-invalid",
    "maximo.script-unterminated",
    "maximo.timeout-invalid",
    "maximo.expect-missing",
    "maximo.json-invalid",
  ]) {
    assert.ok(codes.includes(code), `${code} reported`);
  }
});

test("recovery: a block of control characters and stray braces in the middle", () => {
  const text = fixture("recovery.maximo");
  const at = text.indexOf("### good three");
  const doc = parseDocument(text.slice(0, at) + garbage + text.slice(at));
  checkGoodRequests(doc);
  const codes = new Set(doc.diagnostics().map((d) => d.code));
  assert.ok(codes.has("maximo.expression-unterminated") && codes.has("maximo.header-malformed"), [...codes].join());
});

test("recovery: the broken blocks still yield what they can", () => {
  const doc = parseDocument(fixture("recovery.maximo"));
  const broken = doc.requests.find((r) => r.name?.startsWith("broken: unknown method"))!.request;
  assert.equal(broken.method?.text, "FETCH");
  assert.equal(broken.url.path.text, "os/{{broken");
  assert.deepEqual(
    broken.malformedLines.map((l) => l.text),
    ["Accept application/json"],
  );
  assert.deepEqual(
    broken.headers.map((h) => [h.name.text, h.value.text]),
    [["", "nothing"]],
  );
  // A line that starts like a body after the headers is the body, blank line or not (httpyac).
  assert.equal(broken.body?.text, '{"a":');
  const unclosed = doc.blocks.find((b) => b.tree.separator?.title?.text.startsWith("broken: a script"))!;
  assert.equal(unclosed.tree.request, undefined, "the request line inside an unclosed script is script text");
  assert.equal(unclosed.tree.scripts[0]!.terminated, false);
});
