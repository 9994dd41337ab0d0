// The language server as an editor sees it: dist/server.js over stdio, JSON-RPC messages only.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node";

const root = process.env.MAXIMO_WORKBENCH_ROOT ?? process.cwd();
const uri = "file:///work/requests.maximo";
const text = [
  "### Approved",
  'GET os/mxapiwodetail?oslc.where=status="APPR"',
  "Accept: application/json",
  "",
  "### Either status",
  'GET os/mxapiwodetail?oslc.where=status="APPR" or status="INPRG"',
  "",
].join("\n");

test("LSP over stdio: diagnostics as you type, outline and folding per request", async (t) => {
  const child = spawn(process.execPath, [join(root, "dist", "server.js"), "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published: Array<{ uri: string; version?: number; diagnostics: Array<{ code: string; message: string; range: { start: { line: number; character: number } } }> }> = [];
  const waiters: Array<() => void> = [];
  connection.onNotification("textDocument/publishDiagnostics", (params) => {
    published.push(params);
    waiters.splice(0).forEach((wake) => wake());
  });
  connection.listen();
  t.after(() => {
    connection.dispose();
    child.kill();
  });
  const nextDiagnostics = (version: number) =>
    new Promise<(typeof published)[number]>((resolve) => {
      const check = () => {
        const hit = published.find((p) => p.version === version);
        if (hit) resolve(hit);
        else waiters.push(check);
      };
      check();
    });

  const init = (await connection.sendRequest("initialize", { processId: process.pid, rootUri: null, capabilities: {} })) as {
    capabilities: Record<string, unknown>;
  };
  assert.ok(init.capabilities.documentSymbolProvider);
  assert.equal(init.capabilities.foldingRangeProvider, true);
  await connection.sendNotification("initialized", {});
  await connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "maximo", version: 1, text } });

  const first = await nextDiagnostics(1);
  assert.deepEqual(first.diagnostics.map((d) => d.code), ["where.or-unsupported"]);
  assert.deepEqual(first.diagnostics[0]!.range.start, { line: 5, character: 46 });

  // Replace `status="APPR" or status="INPRG"` on line 6 by an `in` list: the error goes away.
  await connection.sendNotification("textDocument/didChange", {
    textDocument: { uri, version: 2 },
    contentChanges: [
      { range: { start: { line: 5, character: 32 }, end: { line: 5, character: 63 } }, text: 'status in ["APPR","INPRG"]' },
    ],
  });
  const second = await nextDiagnostics(2);
  assert.deepEqual(second.diagnostics, []);

  const symbols = (await connection.sendRequest("textDocument/documentSymbol", { textDocument: { uri } })) as Array<{
    name: string;
    range: { start: { line: number }; end: { line: number } };
  }>;
  assert.deepEqual(symbols.map((s) => s.name), ["Approved", "Either status"]);
  assert.deepEqual([symbols[0]!.range.start.line, symbols[0]!.range.end.line], [0, 2]);

  const folds = (await connection.sendRequest("textDocument/foldingRange", { textDocument: { uri } })) as Array<{ startLine: number; endLine: number }>;
  assert.deepEqual(folds.map((f) => [f.startLine, f.endLine]), [[0, 2], [4, 5]]);

  await connection.sendNotification("textDocument/didClose", { textDocument: { uri } });
  const cleared = await new Promise<(typeof published)[number]>((resolve) => {
    const check = () => (published.at(-1)!.version === undefined ? resolve(published.at(-1)!) : waiters.push(check));
    check();
  });
  assert.deepEqual(cleared.diagnostics, []);
  await connection.sendRequest("shutdown");
});
