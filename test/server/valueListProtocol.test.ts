// Value lists as an editor sees them: dist/server.js over stdio, a cache folder whose `lists/`
// file (a `getlist~attr` answer, reference §10) the client saved, and a new answer announced
// with maximo/schemaFoldersChanged.
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { startLsp, VSCODE_COMPLETION_CAPABILITIES } from "./lspProcess";
import { listsFolder, statusList } from "./schema/valueListFixture";

const uri = "file:///work/values.maximo";
const text = ['GET os/mxapiwodetail?oslc.where=status="APPROVED" and status in ["APPR",""]', ""].join("\n");

test("LSP over stdio: unlisted-value warning, value completion and hover; a new list file re-checks", async (t) => {
  const folder = listsFolder();
  const lsp = await startLsp(VSCODE_COMPLETION_CAPABILITIES);
  t.after(() => {
    lsp.close();
    folder.remove();
  });
  await lsp.connection.sendNotification("maximo/schemaFoldersChanged", { folders: [folder.dir] });
  await lsp.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "maximo", version: 1, text } });
  const first = await lsp.publication(uri, 1);
  const values = first.diagnostics.filter((d) => d.code === "schema.unlisted-value");
  assert.equal(values.length, 1);
  assert.deepEqual(values[0]!.range.start, { line: 0, character: 40 });
  assert.match(values[0]!.message, /Did you mean `APPR`/);

  const list = (await lsp.connection.sendRequest("textDocument/completion", { textDocument: { uri }, position: { line: 0, character: text.indexOf('""') + 1 } })) as {
    items: Array<{ label: string; detail?: string }>;
    itemDefaults?: { data?: unknown };
  };
  assert.deepEqual(list.items.map((i) => i.label), statusList.member.map((m) => m.value));
  // With VS Code's capabilities the answer's shared data rides in itemDefaults; the client
  // sends it back on resolve, which adds the description.
  const can = list.items.find((i) => i.label === "CAN")!;
  const resolved = (await lsp.connection.sendRequest("completionItem/resolve", { ...can, data: list.itemDefaults?.data })) as { detail?: string };
  assert.equal(resolved.detail, "Canceled");

  const hover = (await lsp.connection.sendRequest("textDocument/hover", { textDocument: { uri }, position: { line: 0, character: text.indexOf('"APPR"') + 2 } })) as { contents: { value: string } };
  assert.match(hover.contents.value, /\*\*APPR\*\* — Approved/);

  // The client saves a newer answer that has APPROVED and says the folder changed; the next
  // version is checked against it (messages are handled in order).
  writeFileSync(join(folder.dir, "lists", "mxapiwodetail", "status.json"), JSON.stringify({ member: [...statusList.member, { value: "APPROVED", maxvalue: "APPR", description: "Approved (long)" }] }));
  await lsp.connection.sendNotification("maximo/schemaFoldersChanged", { folders: [folder.dir] });
  await lsp.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version: 2 }, contentChanges: [{ text: `${text}\n` }] });
  const second = await lsp.publication(uri, 2);
  assert.deepEqual(second.diagnostics.filter((d) => d.code === "schema.unlisted-value"), []);
});
