// Connections, SecretStorage, the status bar, Test Connection and the schema cache through the
// vscode API, inside a real extension host (code-server), against an emulator this suite starts.
/// <reference types="mocha" />
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { dirname, join } from "node:path";
import * as vscode from "vscode";
import { eventually } from "./eventually";
import type { WorkbenchApi } from "../../../client/src/extension";
import type { ConnectionManager, ConnectionTestResult } from "../../../client/src/extension/connections/index";
import type { ExtensionConnection } from "../../../client/src/extension/contracts";
import type { SchemaCacheController } from "../../../client/src/extension/schemaCache/index";

const APIKEY = "emulator-apikey";
const RO_APIKEY = APIKEY;

/** Starts dist/emulator.js as a child process; resolves with its `http://127.0.0.1:PORT/maximo`. */
function startEmulator(extensionPath: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(extensionPath, "dist", "emulator.js"), "--port", "0"], {
    // Desktop VS Code's execPath is Electron: make it run as node.
    env: { ...process.env, ELECTRON_RUN_AS_NODE: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    child.stderr!.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening (http:\/\/127\.0\.0\.1:\d+\/maximo)/.exec(out);
      if (match) resolve({ url: match[1]!, child });
    });
    child.once("exit", (code) => reject(new Error(`the emulator exited (${code}) before listening: ${err}`)));
    child.once("error", reject);
  });
}

/** The server's bytes for a path, with the API key, fetched without our client. */
function serverBytes(url: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers: { apikey: APIKEY } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => (res.statusCode === 200 ? resolve(Buffer.concat(chunks)) : reject(new Error(`${url}: HTTP ${res.statusCode}`))));
    });
    req.on("error", reject);
    req.end();
  });
}

function settingsText(path: string): string {
  assert.ok(existsSync(path), `${path} does not exist`);
  return readFileSync(path, "utf8");
}

suite("connections in the extension host", () => {
  const extensionId = process.env.MAXIMO_E2E_EXTENSION_ID ?? "maximo-workbench.maximo-workbench";
  let manager: ConnectionManager;
  let schemaCache: SchemaCacheController;
  let emulator: { url: string; child: ChildProcess };
  let workspaceSettings: string;
  const config = () => vscode.workspace.getConfiguration("maximo");
  const emu = (): ExtensionConnection => manager.all().find((c) => c.name === "emu")!;
  const entries = () => [
    { name: "emu", url: emulator.url, auth: "apikey" },
    { name: "prod-ro", url: emulator.url, auth: "apikey", apiRoot: "oslc", readOnly: true, colour: "#c72e0f" },
    { name: "broken", auth: "apikey" },
  ];

  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `extension ${extensionId} is not loaded`);
    const api = (await extension.activate()) as WorkbenchApi;
    assert.ok(api.connections && api.schemaCache, "activate() returned no connections or schema cache");
    manager = api.connections as ConnectionManager;
    schemaCache = api.schemaCache;
    emulator = await startEmulator(extension.extensionPath);
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, "no workspace folder is open");
    workspaceSettings = join(folder.uri.fsPath, ".vscode", "settings.json");
    // Secrets first, so selecting a connection never opens an input box no test can answer.
    const shape = (name: string): ExtensionConnection => ({ name, url: emulator.url, apiRoot: "auto", auth: "apikey" });
    await manager.storeSecret(shape("emu"), APIKEY);
    await manager.storeSecret(shape("prod-ro"), RO_APIKEY);
  });

  suiteTeardown(async () => {
    await manager?.setActive(undefined).catch(() => undefined);
    for (const name of ["emu", "prod-ro"]) await manager?.reenterSecret({ name, url: "http://127.0.0.1/maximo", apiRoot: "auto", auth: "apikey" });
    await config().update("connections", undefined, vscode.ConfigurationTarget.Workspace);
    await config().update("connections", undefined, vscode.ConfigurationTarget.Global);
    emulator?.child.kill();
  });

  test("Add writes the user settings (no workspace value yet), without the secret", async () => {
    const added = await manager.add({ name: "emu", url: emulator.url, auth: "apikey" });
    assert.equal(added.name, "emu");
    assert.deepEqual(manager.all().map((c) => c.name), ["emu"]);
    // globalStorageUri is <user data>/User/globalStorage/<extension id>; settings.json sits in User/.
    const userSettings = join(dirname(dirname(dirname(schemaCache.folderFor(added)))), "..", "settings.json");
    const text = settingsText(userSettings);
    assert.match(text, /"maximo\.connections"/);
    assert.ok(text.includes(emulator.url), "the new connection is not in the user settings");
    assert.ok(!text.includes(APIKEY), "the API key reached the user settings");
  });

  test("a workspace value replaces the user's list; a bad entry is skipped with a sentence naming it", async () => {
    await config().update("connections", entries(), vscode.ConfigurationTarget.Workspace);
    await eventually("connections from the workspace", () => manager.all().map((c) => c.name).join(","), (names) => names === "emu,prod-ro");
    assert.ok(manager.problems().some((problem) => /maximo\.connections entry 3 \("broken"\) has no "url"/.test(problem)), JSON.stringify(manager.problems()));
  });

  test("select by name: the active connection and the status bar follow; read-only shows its lock and colour", async () => {
    const changes: string[] = [];
    const listening = manager.onDidChange(() => changes.push(manager.active()?.name ?? "-"));
    try {
      const selected = await vscode.commands.executeCommand<ExtensionConnection>("maximo.connection.select", "prod-ro");
      assert.equal(selected?.name, "prod-ro");
      assert.equal(manager.active()?.name, "prod-ro");
      const readOnly = manager.statusBar.presentation()!;
      assert.equal(readOnly.text, "$(plug) prod-ro $(lock)");
      assert.equal(readOnly.colour, "#c72e0f");
      assert.match(readOnly.tooltip, /read-only/);
      await vscode.commands.executeCommand("maximo.connection.select", "emu");
      assert.equal(manager.active()?.name, "emu");
      assert.equal(manager.statusBar.presentation()!.text, "$(plug) emu");
      assert.deepEqual(changes, ["prod-ro", "emu"]);
    } finally {
      listening.dispose();
    }
    // An unknown name changes nothing (the command reports the sentence as an error message).
    assert.equal(await vscode.commands.executeCommand("maximo.connection.select", "nope"), undefined);
    assert.equal(manager.active()?.name, "emu");
  });

  test("choose: `# @connection` names a connection; an unknown one is a sentence listing the known names", async () => {
    assert.equal((await manager.choose("prod-ro"))?.name, "prod-ro");
    assert.equal((await manager.choose())?.name, "emu", "no # @connection: the active one");
    await assert.rejects(manager.choose("qa"), /connection "qa", which is not in the "maximo.connections" setting; known connections: "emu", "prod-ro"/);
  });

  test("writes: a writable connection goes ahead without asking", async () => {
    assert.equal(await manager.confirmWrite(emu(), "POST os/mxapiwodetail creates a work order"), true);
  });

  test("the secret lives in SecretStorage: Test Connection signs in with it; no settings file holds it", async () => {
    assert.equal(await manager.hasSecret(emu()), true);
    const result = await vscode.commands.executeCommand<ConnectionTestResult>("maximo.connection.test", "emu");
    assert.ok(result?.ok, result?.message);
    assert.equal(result.user, "MAXADMIN");
    assert.equal(result.site, "BEDFORD");
    const workspaceText = settingsText(workspaceSettings);
    assert.ok(workspaceText.includes('"prod-ro"'), "the workspace settings do not hold the connections");
    assert.ok(!workspaceText.includes(APIKEY), "the API key reached the workspace settings");
    const userSettings = join(dirname(dirname(dirname(schemaCache.folderFor(emu())))), "..", "settings.json");
    assert.ok(!settingsText(userSettings).includes(APIKEY), "the API key reached the user settings");
  });

  test("Test Connection with a wrong key says what failed and offers to enter it again", async () => {
    await manager.storeSecret(emu(), "not-the-key");
    try {
      const result = await vscode.commands.executeCommand<ConnectionTestResult>("maximo.connection.test", "emu");
      assert.ok(result && !result.ok, "a wrong key passed");
      assert.equal(result.action, "reenterSecret");
      assert.match(result.message, /^Test of connection "emu" failed: .*HTTP 401/);
      assert.ok(!result.message.includes("not-the-key"));
    } finally {
      await manager.storeSecret(emu(), APIKEY);
    }
  });

  test("one executor per connection, replaced when the connection's settings change", async () => {
    const first = manager.executor(emu());
    assert.equal(manager.executor(emu()), first);
    const changed = entries().map((entry) => (entry.name === "emu" ? { ...entry, apiRoot: "oslc" } : entry));
    await config().update("connections", changed, vscode.ConfigurationTarget.Workspace);
    await eventually("emu's apiRoot", () => emu().apiRoot, (root) => root === "oslc");
    assert.notEqual(manager.executor(emu()), first);
  });

  test("selecting a connection fills its schema cache: apimeta and the open file's structures, byte for byte", async () => {
    const document = await vscode.workspace.openTextDocument({ language: "maximo", content: "### assets\nGET os/mxapiasset?lean=1\n" });
    await vscode.window.showTextDocument(document);
    await manager.setActive("prod-ro");
    await manager.setActive("emu");
    await schemaCache.settled();
    const folder = schemaCache.folderFor(emu());
    const apimeta = join(folder, "apimeta.json");
    const asset = join(folder, "jsonschemas", "mxapiasset.json");
    assert.ok(existsSync(apimeta), `${apimeta} was not written`);
    assert.ok(existsSync(asset), `${asset} was not written`);
    assert.ok(readFileSync(apimeta).equals(await serverBytes(`${emulator.url}/oslc/apimeta`)), "apimeta.json differs from the server's answer");
    assert.ok(readFileSync(asset).equals(await serverBytes(`${emulator.url}/oslc/jsonschemas/mxapiasset?oslc.select=*`)), "mxapiasset.json differs");
    assert.notEqual(schemaCache.folderFor(manager.all().find((c) => c.name === "prod-ro")!), folder, "two connections share a cache folder");
  });

  test("an edit that brings in a new object structure fetches its schema", async () => {
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document.languageId === "maximo");
    await editor.edit((edit) => edit.insert(new vscode.Position(editor.document.lineCount, 0), "\n###\nGET os/mxapisr?lean=1\n"));
    // The change event reaches the extension after edit() resolves: wait for it, then for the fetch.
    const file = join(schemaCache.folderFor(emu()), "jsonschemas", "mxapisr.json");
    await eventually("mxapisr.json fetched after the edit", async () => {
      await schemaCache.settled();
      return existsSync(file);
    }, Boolean);
  });

  test("Remove deletes the setting entry and its secret", async () => {
    const readOnly = manager.all().find((c) => c.name === "prod-ro")!;
    assert.equal(await manager.hasSecret(readOnly), true);
    await manager.remove("prod-ro");
    assert.deepEqual(manager.all().map((c) => c.name), ["emu"]);
    assert.equal(await manager.hasSecret(readOnly), false, "the secret outlived its connection");
    await eventually("workspace settings without prod-ro", () => settingsText(workspaceSettings), (text) => !text.includes('"prod-ro"'));
  });

  test("offline: Refresh Schemas keeps the cached files and says so once", async () => {
    const folder = schemaCache.folderFor(emu());
    const before = readFileSync(join(folder, "apimeta.json"));
    emulator.child.kill();
    await new Promise((resolve) => emulator.child.once("exit", resolve));
    const result = await vscode.commands.executeCommand<{ ok: boolean; message: string }>("maximo.schemas.refresh");
    assert.equal(result?.ok, false);
    assert.match(result!.message, /Could not refresh the schemas of connection "emu" .*use the cached copies and the offline schema pack/);
    assert.ok(readFileSync(join(folder, "apimeta.json")).equals(before), "the cached apimeta changed while offline");
    assert.ok(existsSync(join(folder, "jsonschemas", "mxapiasset.json")));
  });
});
