// Completion against a 1,000-attribute schema as VS Code drives it: dist/server.js over stdio.
// The answer is filtered by the typed word and cut (isIncomplete), with LSP 3.17 item defaults
// when the client declares them and a textEdit per item when it does not.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startLsp, VSCODE_COMPLETION_CAPABILITIES } from "./lspProcess";

interface Item {
  label: string;
  detail?: string;
  textEdit?: { newText: string };
  data?: unknown;
  documentation?: { value: string };
}
interface List {
  isIncomplete: boolean;
  items: Item[];
  itemDefaults?: { editRange?: unknown; data?: unknown };
}

const attributeName = (i: number) => `attr${String(i).padStart(4, "0")}`;

/** A cache folder as the client saves it, with one 1,000-attribute object structure. */
function wideCacheFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), "wide-schema-"));
  mkdirSync(join(dir, "jsonschemas"));
  writeFileSync(join(dir, "apimeta.json"), JSON.stringify([{ name: "WIDEOS", queryCapability: [] }]));
  const properties: Record<string, object> = {};
  for (let i = 0; i < 1000; i++) properties[attributeName(i)] = { type: "string", subType: "ALN", maxLength: 40, title: `Attribute ${i}`, remarks: `Remark ${i}` };
  writeFileSync(join(dir, "jsonschemas", "wideos.json"), JSON.stringify({ resource: "WIDEOS", type: "object", title: "WIDEOS", pk: [attributeName(0)], properties }));
  return dir;
}

async function completeAt(capabilities: object, typed: string) {
  const dir = wideCacheFolder();
  const lsp = await startLsp(capabilities);
  try {
    await lsp.connection.sendNotification("maximo/schemaFoldersChanged", { folders: [dir] });
    const uri = "file:///work/wide.maximo";
    const line = `GET os/wideos?oslc.select=${typed}`;
    await lsp.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "maximo", version: 1, text: `${line}\n` } });
    const list = (await lsp.connection.sendRequest("textDocument/completion", { textDocument: { uri }, position: { line: 0, character: line.length } })) as List;
    return { list, resolve: (item: Item) => lsp.connection.sendRequest("completionItem/resolve", item) as Promise<Item>, lsp };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("LSP: 1,000 attributes after a comma give 100 items, isIncomplete, edit range and data in itemDefaults", async () => {
  const { list, resolve, lsp } = await completeAt(VSCODE_COMPLETION_CAPABILITIES, "attr0001,");
  try {
    assert.equal(list.isIncomplete, true);
    assert.equal(list.items.length, 100);
    assert.deepEqual(list.itemDefaults?.editRange, { start: { line: 0, character: 35 }, end: { line: 0, character: 35 } });
    assert.ok(list.items.every((i) => i.textEdit === undefined && i.data === undefined));
    assert.ok(JSON.stringify(list).length < 10_000, `answer of ${JSON.stringify(list).length} bytes`);
    // VS Code copies itemDefaults.data into the item it resolves.
    const resolved = await resolve({ ...list.items[5]!, data: list.itemDefaults?.data });
    assert.match(resolved.documentation?.value ?? "", new RegExp(`\\*\\*${list.items[5]!.label}\\*\\* — Attribute \\d+`));
  } finally {
    lsp.close();
  }
});

test("LSP: the typed word narrows the answer; every attribute can be reached", async () => {
  const { list, lsp } = await completeAt(VSCODE_COMPLETION_CAPABILITIES, "attr0001,attr012");
  try {
    const labels = list.items.map((i) => i.label);
    assert.deepEqual(labels.slice(0, 10), Array.from({ length: 10 }, (_, k) => attributeName(120 + k)));
    assert.equal(list.isIncomplete, true, "items were left out: the client must ask again");
  } finally {
    lsp.close();
  }
  const last = await completeAt(VSCODE_COMPLETION_CAPABILITIES, "attr0999");
  try {
    assert.equal(last.list.items[0]?.label, "attr0999");
  } finally {
    last.lsp.close();
  }
});

test("LSP: a client without item defaults gets a textEdit and data on every item", async () => {
  const { list, lsp } = await completeAt({}, "attr0001,attr05");
  try {
    assert.equal(list.itemDefaults, undefined);
    assert.equal(list.isIncomplete, true);
    assert.equal(list.items.length, 100);
    assert.ok(list.items.every((i) => i.textEdit?.newText === i.label && typeof i.data === "number"));
  } finally {
    lsp.close();
  }
});
