// Value lists through the schema cache controller in a real extension host (issue 17): the
// `getlist~<attr>` answer (JSON API reference §10) of a hasList attribute is fetched only once an
// open file writes that attribute, once per connection and attribute, and again on Refresh
// Schemas. Requests are counted in the emulator's request log (`GET /emulator/log`).
/// <reference types="mocha" />
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { join } from "node:path";
import * as vscode from "vscode";
import { eventually } from "./eventually";
import type { WorkbenchApi } from "../../../client/src/extension";
import type { ConnectionManager } from "../../../client/src/extension/connections/index";
import type { ExtensionConnection } from "../../../client/src/extension/contracts";
import type { SchemaCacheController } from "../../../client/src/extension/schemaCache/index";

const APIKEY = "emulator-apikey";
const PROBE = "x-test-probe";

function startEmulator(extensionPath: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(extensionPath, "dist", "emulator.js"), "--port", "0"], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening (http:\/\/127\.0\.0\.1:\d+\/maximo)/.exec(out);
      if (match) resolve({ url: match[1]!, child });
    });
    child.once("exit", (code) => reject(new Error(`the emulator exited (${code}) before listening`)));
    child.once("error", reject);
  });
}

function get(url: string, headers: Record<string, string> = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => (res.statusCode === 200 ? resolve(Buffer.concat(chunks)) : reject(new Error(`${url}: HTTP ${res.statusCode}`))));
    })
      .on("error", reject)
      .end();
  });
}

suite("value lists in the extension host", () => {
  const extensionId = process.env.MAXIMO_E2E_EXTENSION_ID ?? "maximo-workbench.maximo-workbench";
  let manager: ConnectionManager;
  let schemaCache: SchemaCacheController;
  let emulator: { url: string; child: ChildProcess };
  let statusFetches = 0;
  const config = () => vscode.workspace.getConfiguration("maximo");
  const connection = (): ExtensionConnection => manager.all().find((c) => c.name === "lists")!;
  const listPath = () => join(schemaCache.folderFor(connection()), "lists", "mxapiasset", "status.json");
  /** The getlist~ requests for MXAPIASSET the emulator received (the workspace's own file uses MXAPIWODETAIL's status). */
  const requests = async () => JSON.parse((await get(`${emulator.url.replace(/\/maximo$/, "")}/emulator/log`)).toString("utf8")) as Array<{ method: string; path: string; query: string; status?: number; headers: Record<string, string> }>;
  const getlists = async (): Promise<Array<{ path: string; query: string }>> => {
    const log = await requests();
    // The test's own read of the server's bytes carries PROBE and is not the extension's.
    return log.filter((entry) => entry.path.includes("/os/mxapiasset/") && entry.path.includes("/getlist~") && entry.headers[PROBE] === undefined);
  };

  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `extension ${extensionId} is not loaded`);
    const api = (await extension.activate()) as WorkbenchApi;
    assert.ok(api.connections && api.schemaCache, "activate() returned no connections or schema cache");
    manager = api.connections as ConnectionManager;
    schemaCache = api.schemaCache;
    emulator = await startEmulator(extension.extensionPath);
    const entry = { name: "lists", url: emulator.url, auth: "apikey", apiRoot: "oslc" } as const;
    await manager.storeSecret({ ...entry }, APIKEY);
    await config().update("connections", [entry], vscode.ConfigurationTarget.Workspace);
    await eventually("the lists connection", () => manager.all().map((c) => c.name), (names) => names.includes("lists"));
  });

  suiteTeardown(async () => {
    await manager?.setActive(undefined).catch(() => undefined);
    await manager?.reenterSecret({ name: "lists", url: "http://127.0.0.1/maximo", apiRoot: "oslc", auth: "apikey" }).catch(() => undefined);
    await config().update("connections", undefined, vscode.ConfigurationTarget.Workspace);
    emulator?.child.kill();
  });

  // No `schemaCache.settled()` here: an earlier suite leaves a background fetch of another
  // connection waiting on its key box. Each step waits on a file the same fetch writes.
  test("a read that only selects status fetches no list of it (the workspace file's where on MXAPIWODETAIL status does)", async () => {
    const document = await vscode.workspace.openTextDocument({ language: "maximo", content: "### assets\nGET os/mxapiasset?lean=1&oslc.select=assetnum,status\n" });
    await vscode.window.showTextDocument(document);
    await manager.setActive("lists");
    const folder = schemaCache.folderFor(connection());
    // The same pass that saves this list would have saved MXAPIASSET's status, had a file used it.
    await eventually("lists/mxapiwodetail/status.json", () => existsSync(join(folder, "lists", "mxapiwodetail", "status.json")), Boolean, 45_000);
    assert.ok(existsSync(join(folder, "jsonschemas", "mxapiasset.json")), "the schema was not fetched");
    assert.deepEqual(await getlists(), []);
    assert.ok(!existsSync(listPath()));
  });

  test("an edit that compares status in oslc.where fetches its list once, byte for byte", async () => {
    const editor = vscode.window.activeTextEditor!;
    await editor.edit((edit) => edit.insert(new vscode.Position(editor.document.lineCount, 0), '\n###\nGET os/mxapiasset?lean=1&oslc.where=status="OPERATING"\n'));
    await eventually("lists/mxapiasset/status.json after the edit", () => existsSync(listPath()), Boolean, 45_000);
    const asked = await getlists();
    assert.equal(asked.length, 1, JSON.stringify(asked));
    assert.equal(asked[0]!.query, "lean=1&oslc.select=*");
    // Asset status rows name their synonym domain, so the whole domain is what is saved.
    const origin = emulator.url.replace(/\/maximo$/, "");
    const domainRead = (await requests()).find((entry) => entry.path.endsWith("/os/mxapisynonymdomain") && entry.headers[PROBE] === undefined && decodeURIComponent(entry.query).includes('domainid="LOCASSETSTATUS"'));
    assert.ok(domainRead, "the whole LOCASSETSTATUS domain was read");
    assert.ok(readFileSync(listPath()).equals(await get(`${origin}${domainRead.path}?${domainRead.query}`, { apikey: APIKEY, [PROBE]: "1" })), "status.json differs from the server's answer");

    // The next edit writes status again and a new attribute: only the new one is fetched.
    await editor.edit((edit) => edit.insert(new vscode.Position(editor.document.lineCount, 0), '\n###\nGET os/mxapiasset?lean=1&oslc.where=status="NOT READY" and assettype="PUMP"\n'));
    const assettype = join(schemaCache.folderFor(connection()), "lists", "mxapiasset", "assettype.json");
    await eventually("lists/mxapiasset/assettype.json after the second edit", () => existsSync(assettype), Boolean, 45_000);
    const after = await getlists();
    assert.equal(after.filter((entry) => entry.path.endsWith("getlist~status")).length, 1, `status was fetched again for the same connection; the requests: ${(await requests()).map((r) => `${r.method} ${r.path}?${r.query} ${r.status}`).join(" | ")}`);
    assert.ok(after.some((entry) => entry.path.endsWith("getlist~assettype")));
    statusFetches = asked.length;
  });

  test("Refresh Schemas fetches the lists again", async () => {
    const result = await vscode.commands.executeCommand<{ ok: boolean; message: string }>("maximo.schemas.refresh");
    assert.equal(result?.ok, true, result?.message);
    assert.match(result!.message, /value list/);
    assert.equal((await getlists()).filter((entry) => entry.path.endsWith("getlist~status")).length, statusFetches + 1, "Refresh Schemas fetches the list once more");
  });
});
