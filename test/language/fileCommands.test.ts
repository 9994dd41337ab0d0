// JetBrains HTTP Client (2024.1+) `import` and `run` lines: their own nodes, with a span per part.
// Syntax: jetbrains.com/help "HTTP Client: import and run requests" (also http-files.org/spec/imports
// and kulala.nvim's "Import and Run *.http files"): `import PATH`, `run #NAME`, `run PATH`,
// `run PATH#NAME`, each with optional `(@var=value, ...)`; a name may hold spaces (`run #Request 1`).
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseDocument, updateDocument, type MaximoDocument, type RunNode } from "../../server/src/language/maximo/api";
import { marked, span } from "./maximoTestkit";

function runs(document: MaximoDocument): RunNode[] {
  return document.blocks.flatMap((b) => b.node().runs ?? []);
}

function text(document: MaximoDocument, at: { start: number; end: number } | undefined): string | undefined {
  return at && document.text.slice(at.start, at.end);
}

test("import and run lines are nodes of their own, not requests with an odd method", () => {
  const m = marked("⟦i:⟦ik:import⟧ ⟦ip:./auth-requests.http⟧⟧\n\n###\n⟦r1:run #⟦n1:Login⟧⟧\n###\n⟦r2:run ⟦p2:./auth-requests.http⟧#⟦n2:loginRequest⟧⟧\n###\n⟦r3:run ⟦p3:./auth-requests.http⟧⟧\n");
  const document = parseDocument(m.text);
  assert.equal(document.requests.length, 0);
  assert.deepEqual(document.diagnostics(), []);
  const [imported] = document.blocks.flatMap((b) => b.node().imports ?? []);
  assert.deepEqual({ start: imported!.start, end: imported!.end }, span(m, "i"));
  assert.deepEqual(imported!.keyword, span(m, "ik"));
  assert.deepEqual({ start: imported!.path!.start, end: imported!.path!.end }, span(m, "ip"));
  assert.equal(imported!.path!.text, "./auth-requests.http");
  const [r1, r2, r3] = runs(document);
  assert.deepEqual({ start: r1!.start, end: r1!.end }, span(m, "r1"));
  assert.equal(r1!.path, undefined);
  assert.deepEqual({ start: r1!.request!.start, end: r1!.request!.end, text: r1!.request!.text }, { ...span(m, "n1"), text: "Login" });
  assert.deepEqual({ start: r2!.path!.start, end: r2!.path!.end }, span(m, "p2"));
  assert.deepEqual({ start: r2!.request!.start, end: r2!.request!.end }, span(m, "n2"));
  assert.deepEqual({ start: r3!.path!.start, end: r3!.path!.end }, span(m, "p3"));
  assert.equal(r3!.request, undefined);
  assert.deepEqual([r1, r2, r3].map((r) => r!.overrides.length), [0, 0, 0]);
});

test("a run line's overrides: a span for each, its name and its value; {{...}} in a value is an expression of this file", () => {
  const m = marked("run #Login (⟦o1:@⟦k1:user⟧=⟦v1:alice⟧⟧, ⟦o2:@⟦k2:site⟧ = ⟦v2:{{site}}⟧⟧)\n");
  const document = parseDocument(m.text);
  assert.deepEqual(document.diagnostics(), []);
  const [run] = runs(document);
  assert.equal(run!.request!.text, "Login");
  const overrides = run!.overrides.map((o) => ({ start: o.start, end: o.end, name: { start: o.name.start, end: o.name.end }, value: { start: o.value.start, end: o.value.end } }));
  assert.deepEqual(overrides, [
    { ...span(m, "o1"), name: span(m, "k1"), value: span(m, "v1") },
    { ...span(m, "o2"), name: span(m, "k2"), value: span(m, "v2") },
  ]);
  assert.deepEqual(run!.overrides.map((o) => [o.name.text, o.value.text]), [["user", "alice"], ["site", "{{site}}"]]);
  assert.deepEqual(document.blocks[0]!.node().expressions.map((e) => e.name), ["site"]);
});

test("a request name runs to the ( or the line end, spaces included; a comma inside {{...}} does not split overrides", () => {
  const document = parseDocument("run #Request 1\n###\nrun ./a b.http#Get all (@q={{$datetime 'YYYY, MM'}})\n");
  assert.deepEqual(document.diagnostics(), []);
  const [first, second] = runs(document);
  assert.equal(first!.request!.text, "Request 1");
  assert.equal(second!.path!.text, "./a b.http");
  assert.equal(second!.request!.text, "Get all");
  assert.deepEqual(second!.overrides.map((o) => o.value.text), ["{{$datetime 'YYYY, MM'}}"]);
});

test("CRLF: spans stop before the line break", () => {
  const document = parseDocument("import ./a.http\r\n###\r\nrun #Login (@user=alice)\r\n###\r\nGET os/x\r\n");
  assert.deepEqual(document.diagnostics(), []);
  const [run] = runs(document);
  assert.equal(text(document, run), "run #Login (@user=alice)");
  const [imported] = document.blocks.flatMap((b) => b.node().imports ?? []);
  assert.equal(text(document, imported), "import ./a.http");
  assert.equal(document.requests.length, 1);
});

test("malformed lines get one clear error each", () => {
  const cases: [string, RegExp][] = [
    ["run\n", /names nothing/],
    ["run   \n", /names nothing/],
    ["run #\n", /`#` names no request/],
    ["run ./a.http#  \n", /`#` names no request/],
    ["run #Login (@user=alice\n", /not closed/],
    ["run #Login (@user=alice) trailing\n", /Nothing may follow/],
    ["run #Login (user=alice)\n", /^This does not set a variable: write `@name=value`/],
    ["run (@a=1)\n", /names nothing/],
    ["import   \n", /names no file/],
  ];
  for (const [source, message] of cases) {
    const found = parseDocument(source).diagnostics();
    assert.equal(found.length, 1, `${JSON.stringify(source)}: ${found.map((d) => d.message).join(" | ")}`);
    assert.equal(found[0]!.severity, "error");
    assert.match(found[0]!.message, message, source);
  }
});

test("read only where a request line could start: before the request of a block, never in its headers or body", () => {
  // Several run/import lines may stand before a block's request (kulala.nvim's example): one block.
  const together = parseDocument("import ./a.http\nrun #Login\nrun #Other\nGET os/x\n");
  assert.equal(together.blocks.length, 1);
  assert.equal(runs(together).length, 2);
  assert.equal(together.requests[0]!.request.url.text, "os/x");
  // After a request, a run line is the body's text (JetBrains parts requests with ###).
  const inBody = parseDocument("POST os/x\n\nrun #Login\n");
  assert.equal(runs(inBody).length, 0);
  assert.equal(inBody.requests[0]!.request.body!.text, "run #Login");
  // Words that only start like one: `running`, `imports/x` stay bare URLs; `RUN` an unknown method.
  const others = parseDocument("running\n###\nimports/x\n###\nRUN #x\n");
  assert.equal(runs(others).length, 0);
  assert.deepEqual(others.requests.map((r) => r.request.url.text), ["running", "imports/x", "#x"]);
  // Indented lines and a line alone at the end of the file read too.
  const indented = parseDocument("  run #Login\n###\nimport ./a.http");
  assert.equal(runs(indented)[0]!.request!.text, "Login");
  assert.equal(indented.blocks[1]!.node().imports![0]!.path!.text, "./a.http");
});

test("an edit re-parses to the same nodes as a whole-file parse", () => {
  const before = "### Login\nGET os/x\n\n###\nrun #Login\n\n###\nGET os/y\n";
  const after = before.replace("run #Login", "run #Login (@user=bob)");
  const updated = updateDocument(parseDocument(before), after);
  const full = parseDocument(after);
  assert.deepEqual(runs(updated), runs(full));
  assert.equal(updated.stats.parsedBlocks, 1);
});
