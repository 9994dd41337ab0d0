// Completion and hover as an editor sees them: dist/server.js over stdio, JSON-RPC only.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node";

const root = process.env.MAXIMO_WORKBENCH_ROOT ?? process.cwd();
const uri = "file:///work/completion.maximo";
const text = ['GET os/mxapiwodetail?oslc.where=status="APPR" and wo', "Accept: application/json", ""].join("\n");

interface Item {
  label: string;
  detail?: string;
}

test("LSP over stdio: completion in oslc.where and hover on an attribute", async (t) => {
  const child = spawn(process.execPath, [join(root, "dist", "server.js"), "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.listen();
  t.after(() => {
    connection.dispose();
    child.kill();
  });
  const init = (await connection.sendRequest("initialize", { processId: process.pid, rootUri: null, capabilities: {} })) as {
    capabilities: { completionProvider?: { triggerCharacters?: string[] }; hoverProvider?: boolean };
  };
  assert.ok(init.capabilities.completionProvider?.triggerCharacters?.includes("="));
  assert.equal(init.capabilities.hoverProvider, true);
  await connection.sendNotification("initialized", {});
  await connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "maximo", version: 1, text } });

  const list = (await connection.sendRequest("textDocument/completion", { textDocument: { uri }, position: { line: 0, character: 52 } })) as {
    items: Item[];
  };
  const wonum = list.items.find((i) => i.label === "wonum");
  assert.ok(wonum, "wonum offered");
  assert.match(wonum.detail ?? "", /\(\d+\)$/);

  const hover = (await connection.sendRequest("textDocument/hover", { textDocument: { uri }, position: { line: 0, character: 35 } })) as {
    contents: { kind: string; value: string };
  };
  assert.equal(hover.contents.kind, "markdown");
  assert.match(hover.contents.value, /\*\*status\*\* — Status/);
  await connection.sendRequest("shutdown");
});
