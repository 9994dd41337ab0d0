// Cancellation and superseded work as an editor causes them: dist/server.js over stdio.
// A `$/cancelRequest` that reaches the server before its request is dispatched (here: written
// in the same chunk) cancels the request's token, and the server answers RequestCancelled
// (-32800) without computing, as LSP asks; without the cancel the same requests get full
// answers. A validation still running when a newer edit arrives is dropped: only the newer
// version's diagnostics are published.
import { test } from "node:test";
import assert from "node:assert/strict";
import { startLsp } from "./lspProcess";

const REQUEST_CANCELLED = -32800;
const uri = "file:///work/cancel.maximo";
const text = ['GET os/mxapiwodetail?oslc.where=status="APPR" or wo', "Accept: application/json", ""].join("\n");

const requests = {
  completion: { method: "textDocument/completion", params: { textDocument: { uri }, position: { line: 0, character: 51 } } },
  hover: { method: "textDocument/hover", params: { textDocument: { uri }, position: { line: 0, character: 35 } } },
  codeAction: {
    method: "textDocument/codeAction",
    params: { textDocument: { uri }, range: { start: { line: 0, character: 46 }, end: { line: 0, character: 48 } }, context: { diagnostics: [] } },
  },
};

test("LSP: completion, hover and codeAction cancelled right after they were sent answer RequestCancelled", async (t) => {
  const lsp = await startLsp();
  t.after(() => lsp.close());
  await lsp.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "maximo", version: 1, text } });
  await lsp.publication(uri, 1);

  for (const [name, request] of Object.entries(requests)) {
    const id = `cancel-${name}`;
    lsp.writeTogether([{ id, ...request }, { method: "$/cancelRequest", params: { id } }]);
    const response = await lsp.response(id);
    assert.equal(response.error?.code, REQUEST_CANCELLED, `${name}: ${JSON.stringify(response)}`);
    assert.equal(response.result, undefined);
  }

  // The same requests, not cancelled, are answered in full.
  for (const [name, request] of Object.entries(requests)) {
    const id = `answer-${name}`;
    lsp.writeTogether([{ id, ...request }]);
    const response = await lsp.response(id);
    assert.equal(response.error, undefined, name);
    assert.ok(response.result, name);
  }
  const completion = (await lsp.response("answer-completion")).result as { items: Array<{ label: string }> };
  assert.ok(completion.items.some((i) => i.label === "wonum"));
  const hover = (await lsp.response("answer-hover")).result as { contents: { value: string } };
  assert.match(hover.contents.value, /\*\*status\*\*/);
  const actions = (await lsp.response("answer-codeAction")).result as unknown[];
  assert.ok(Array.isArray(actions));
});

/** A file large enough that its first validation runs in many slices. */
function manyRequests(count: number): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    lines.push(`### Request ${i}`, `GET os/mxapiwodetail?oslc.where=status="APPR" and wopriority=${i % 5}&oslc.select=wonum,descripton`, "");
  }
  return lines.join("\n");
}

const unknownAttributes = (p: { diagnostics: Array<{ code?: unknown }> }) => p.diagnostics.filter((d) => d.code === "schema.unknown-attribute").length;

test("LSP: an edit that arrives while the open's validation runs supersedes it; only the new version's complete set is published", async (t) => {
  const lsp = await startLsp();
  t.after(() => lsp.close());
  const big = manyRequests(2000);
  const bigUri = "file:///work/big.maximo";
  // `descripton` → `description` in request 0 (line 1): version 2 has one unknown attribute fewer.
  const lineStart = big.indexOf("\n") + 1;
  const fix = { line: 1, character: big.indexOf("descripton") - lineStart + "descript".length };
  lsp.writeTogether([
    { method: "textDocument/didOpen", params: { textDocument: { uri: bigUri, languageId: "maximo", version: 1, text: big } } },
    {
      method: "textDocument/didChange",
      params: { textDocument: { uri: bigUri, version: 2 }, contentChanges: [{ range: { start: fix, end: fix }, text: "i" }] },
    },
  ]);
  // The top of the file may be published early (for either version); the complete set of
  // version 2 follows, and version 1's complete set (2,000) never comes.
  await lsp.publication(bigUri, 2, (p) => unknownAttributes(p) === 1999);
  const published = lsp.published.filter((p) => p.uri === bigUri);
  assert.equal(published[published.length - 1]!.version, 2);
  assert.ok(
    published.every((p) => unknownAttributes(p) < 2000),
    "version 1 was superseded before its complete diagnostics were published",
  );
});

test("LSP: a completion request is answered while a large file's validation is still running", async (t) => {
  const lsp = await startLsp();
  t.after(() => lsp.close());
  const big = manyRequests(2000);
  const bigUri = "file:///work/big-completion.maximo";
  lsp.writeTogether([
    { method: "textDocument/didOpen", params: { textDocument: { uri: bigUri, languageId: "maximo", version: 1, text: big } } },
    { id: "during-validation", method: "textDocument/completion", params: { textDocument: { uri: bigUri }, position: { line: 1, character: 35 } } },
  ]);
  const response = await lsp.response("during-validation");
  const items = (response.result as { items: Array<{ label: string }> }).items;
  assert.ok(items.some((i) => i.label === "status"), "attributes of mxapiwodetail in the where");
  assert.ok(
    lsp.published.filter((p) => p.uri === bigUri).every((p) => unknownAttributes(p) < 2000),
    "answered between validation slices, before the complete diagnostics",
  );
  await lsp.publication(bigUri, 1, (p) => unknownAttributes(p) === 2000);
});
