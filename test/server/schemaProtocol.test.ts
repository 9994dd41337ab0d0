// Schema diagnostics as an editor sees them: dist/server.js over stdio, and a reload when the
// client says its schema cache folders changed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node";

const root = process.env.MAXIMO_WORKBENCH_ROOT ?? process.cwd();
const uri = "file:///work/schema.maximo";
const text = ["GET os/mxapiwodetail?oslc.pagesize=5&oslc.where=stauts=\"APPR\"", "", "###", "GET os/mxcustomwo", ""].join("\n");

interface Published {
  uri: string;
  diagnostics: Array<{ code: string; message: string; severity: number; range: { start: { line: number; character: number } } }>;
}

test("LSP over stdio: schema diagnostics are published and follow maximo/schemaFoldersChanged", async (t) => {
  const cache = mkdtempSync(join(tmpdir(), "schema-cache-"));
  writeFileSync(join(cache, "apimeta.json"), JSON.stringify([{ name: "MXCUSTOMWO", description: "Custom work orders", queryCapability: [] }]));
  const child = spawn(process.execPath, [join(root, "dist", "server.js"), "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published: Published[] = [];
  const waiters: Array<() => void> = [];
  connection.onNotification("textDocument/publishDiagnostics", (params: Published) => {
    published.push(params);
    waiters.splice(0).forEach((wake) => wake());
  });
  connection.listen();
  t.after(() => {
    connection.dispose();
    child.kill();
    rmSync(cache, { recursive: true, force: true });
  });
  const publication = (index: number) =>
    new Promise<Published>((resolve) => {
      const check = () => (published[index] ? resolve(published[index]) : waiters.push(check));
      check();
    });

  await connection.sendRequest("initialize", { processId: process.pid, rootUri: null, capabilities: {} });
  await connection.sendNotification("initialized", {});
  await connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "maximo", version: 1, text } });

  const first = await publication(0);
  assert.deepEqual(first.diagnostics.map((d) => d.code).sort(), ["maximo.query-param-case", "schema.unknown-attribute", "schema.unknown-object-structure"]);
  const attribute = first.diagnostics.find((d) => d.code === "schema.unknown-attribute")!;
  assert.deepEqual(attribute.range.start, { line: 0, character: 48 });
  assert.match(attribute.message, /Did you mean `status`/);
  // The shipped pack alone is not the user's server (PRODUCT.md): what it does not list is a hint (LSP severity 4).
  assert.deepEqual(first.diagnostics.filter((d) => d.code.startsWith("schema.unknown-")).map((d) => d.severity), [4, 4]);

  // The cache folder's apimeta knows mxcustomwo: after the reload it is no longer unknown.
  await connection.sendNotification("maximo/schemaFoldersChanged", { folders: [cache] });
  const second = await publication(1);
  assert.deepEqual(second.diagnostics.map((d) => d.code).sort(), ["maximo.query-param-case", "schema.unknown-attribute"]);
  // mxapiwodetail's schema still comes from the pack: still a hint.
  assert.equal(second.diagnostics.find((d) => d.code === "schema.unknown-attribute")?.severity, 4);

  // Once the server's own schema of mxapiwodetail is cached, the misspelt attribute is an error.
  mkdirSync(join(cache, "jsonschemas"));
  cpSync(join(root, "server", "schema-pack", "jsonschemas", "mxapiwodetail.json"), join(cache, "jsonschemas", "mxapiwodetail.json"));
  await connection.sendNotification("maximo/schemaFoldersChanged", { folders: [cache] });
  const third = await publication(2);
  assert.equal(third.diagnostics.find((d) => d.code === "schema.unknown-attribute")?.severity, 1);
});

test("LSP over stdio: the same folder announced again after its files changed re-checks an unchanged document", async (t) => {
  // A cache folder saved from the pack; the document misspells nothing against it.
  const cache = mkdtempSync(join(tmpdir(), "schema-reload-"));
  cpSync(join(root, "server", "schema-pack"), cache, { recursive: true });
  const child = spawn(process.execPath, [join(root, "dist", "server.js"), "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published: Published[] = [];
  const waiters: Array<() => void> = [];
  connection.onNotification("textDocument/publishDiagnostics", (params: Published) => {
    published.push(params);
    waiters.splice(0).forEach((wake) => wake());
  });
  connection.listen();
  t.after(() => {
    connection.dispose();
    child.kill();
    rmSync(cache, { recursive: true, force: true });
  });
  const publication = (index: number) =>
    new Promise<Published>((resolve) => {
      const check = () => (published[index] ? resolve(published[index]) : waiters.push(check));
      check();
    });
  await connection.sendRequest("initialize", { processId: process.pid, rootUri: null, capabilities: {} });
  await connection.sendNotification("initialized", {});
  await connection.sendNotification("maximo/schemaFoldersChanged", { folders: [cache] });
  const doc = "file:///work/reload.maximo";
  await connection.sendNotification("textDocument/didOpen", {
    textDocument: { uri: doc, languageId: "maximo", version: 1, text: 'GET os/mxapiwodetail?oslc.where=status="APPR"&oslc.select=wonum,description\n' },
  });
  assert.deepEqual((await publication(0)).diagnostics, []);

  // The server's object structure lost `description` (the client refreshed the cache).
  const file = join(cache, "jsonschemas", "mxapiwodetail.json");
  const schema = JSON.parse(readFileSync(file, "utf8")) as { properties: Record<string, unknown> };
  delete schema.properties.description;
  writeFileSync(file, JSON.stringify(schema));
  await connection.sendNotification("maximo/schemaFoldersChanged", { folders: [cache] });
  const after = await publication(1);
  assert.equal(after.uri, doc);
  assert.deepEqual(after.diagnostics.map((d) => d.code), ["schema.unknown-attribute"]);
  assert.equal(after.diagnostics[0]!.range.start.character, 64);
});
