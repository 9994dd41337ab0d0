// The language server and REST Client's `rest-client.environmentVariables` setting as the editor
// merges it (user, .code-workspace and folder settings: github:Huachao/vscode-restclient
// README.md, Environments, "defined directly in Visual Studio Code setting file"), over stdio
// with dist/server.js: the server asks `workspace/configuration` for the document, treats the
// names answered as defined like the names of environment files, asks again after
// `workspace/didChangeConfiguration`, and a client that cannot or does not answer gets the
// file-based check unchanged.
import { test, type TestContext } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ResponseError, type MessageConnection } from "vscode-jsonrpc/node";
import { serverConnection, waitList, type Publication } from "./lspProcess";

const SETTING = "rest-client.environmentVariables";

interface ConfigurationItem {
  scopeUri?: string;
  section?: string;
}

interface Session {
  connection: MessageConnection;
  published: Publication[];
  /** Every item of every `workspace/configuration` request, in arrival order. */
  asked: ConfigurationItem[];
  registrations: Array<{ method: string; registerOptions?: { section?: string } }>;
  /** The first publication for `uri` after the first `after` publications. */
  publication(uri: string, after?: number): Promise<Publication>;
  until<T>(find: () => T | undefined): Promise<T>;
}

/** A workspace with a `.env` beside the request file, so names from files are defined too. */
function workspaceWithRequest(): { workspace: string; uri: string; text: string } {
  const workspace = mkdtempSync(join(tmpdir(), "maximo-lsp-setting-"));
  writeFileSync(join(workspace, ".env"), "fromfile=1\n");
  const file = join(workspace, "users.http");
  const text = "GET {{host}}/users?fromfile={{fromfile}}\nAuthorization: Bearer {{token}}\nX-Nowhere: {{nowhere}}\n";
  writeFileSync(file, text);
  return { workspace, uri: pathToFileURL(file).href, text };
}

/** Starts dist/server.js, answers `workspace/configuration` with `answer` (per item), and initializes with `capabilities`. */
async function start(t: TestContext, workspace: string, capabilities: object, answer: (item: ConfigurationItem) => unknown): Promise<Session> {
  const connection = serverConnection(t);
  const published: Publication[] = [];
  const asked: ConfigurationItem[] = [];
  const registrations: Session["registrations"] = [];
  const { wake, until } = waitList();
  connection.onNotification("textDocument/publishDiagnostics", (params: Publication) => {
    published.push(params);
    wake();
  });
  connection.onRequest("client/registerCapability", (params: { registrations: Session["registrations"] }) => {
    registrations.push(...params.registrations);
    wake();
    return null;
  });
  connection.onRequest("workspace/configuration", async (params: { items: ConfigurationItem[] }) => {
    asked.push(...params.items);
    wake();
    return Promise.all(params.items.map(answer));
  });
  connection.listen();
  await connection.sendRequest("initialize", {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: "ws" }],
    capabilities,
  });
  await connection.sendNotification("initialized", {});
  return {
    connection,
    published,
    asked,
    registrations,
    until,
    publication: (uri, after = 0) => until(() => published.slice(after).find((p) => p.uri === uri)),
  };
}

function undefinedNames(publication: Publication): Array<string | undefined> {
  return publication.diagnostics.filter((d) => d.code === "maximo.undefined-variable").map((d) => /defines `([^`]+)`/.exec(d.message)?.[1]);
}

/** What vscode-languageclient 11 declares about settings (and VS Code's file watching). */
const VSCODE_WORKSPACE = { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true } } };

test("LSP: a variable only REST Client's answered setting defines gets no warning, one defined nowhere still does; a settings change checks again", async (t) => {
  const { workspace, uri, text } = workspaceWithRequest();
  // What the Maximo extension's client answers: names, values withheld (client/src/environments/settingNames.ts).
  let setting: unknown = { $shared: { host: "" }, dev: { token: "" } };
  const session = await start(t, workspace, VSCODE_WORKSPACE, (item) => (item.section === SETTING ? setting : null));

  const registered = await session.until(() => session.registrations.find((r) => r.method === "workspace/didChangeConfiguration"));
  assert.equal(registered.registerOptions?.section, SETTING, "changes of REST Client's setting are asked for");

  await session.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "maximo", version: 1, text } });
  const first = await session.publication(uri);
  assert.deepEqual(undefinedNames(first), ["nowhere"], "host ($shared) and token (dev) come from the setting, fromfile from .env");
  assert.deepEqual(session.asked, [{ scopeUri: uri, section: SETTING }], "the setting is asked for once, for the document (its folder's settings apply)");

  // The user edits the setting: `nowhere` is now defined, `host` and `token` are gone. Another
  // client may answer with values: they are read as names only and never shown.
  setting = { prod: { nowhere: "PLANTED-not-a-secret" } };
  const before = session.published.length;
  await session.connection.sendNotification("workspace/didChangeConfiguration", { settings: null });
  const again = await session.publication(uri, before);
  assert.deepEqual(undefinedNames(again), ["host", "token"]);
  assert.equal(session.asked.length, 2, "asked again after the change");

  // A document that is no file (untitled) has no environment files, but the settings apply to it.
  const untitled = "untitled:Untitled-1";
  await session.connection.sendNotification("textDocument/didOpen", { textDocument: { uri: untitled, languageId: "maximo", version: 1, text: "GET {{nowhere}}/x?a={{fromfile}}\n" } });
  assert.deepEqual(undefinedNames(await session.publication(untitled)), ["fromfile"]);
  assert.deepEqual(session.asked.at(-1), { scopeUri: untitled, section: SETTING });
  assert.ok(!JSON.stringify(session.published).includes("PLANTED"), "no setting value reaches a diagnostic");
});

test("LSP: a client that keeps the server waiting gets the file-based check first, and the setting's names once it answers", async (t) => {
  const { workspace, uri, text } = workspaceWithRequest();
  let answer: (value: unknown) => void = () => undefined;
  const answered = new Promise((resolve) => (answer = resolve));
  // The answer is held back until the server published without it: it does not wait forever.
  const session = await start(t, workspace, VSCODE_WORKSPACE, () => answered);
  await session.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "maximo", version: 1, text } });
  const first = await session.publication(uri);
  assert.deepEqual(undefinedNames(first), ["host", "token", "nowhere"]);
  const before = session.published.length;
  answer({ $shared: { host: "", token: "" } });
  assert.deepEqual(undefinedNames(await session.publication(uri, before)), ["nowhere"]);
});

test("LSP: a client that fails the configuration request gets the check of the environment files alone", async (t) => {
  const { workspace, uri, text } = workspaceWithRequest();
  const session = await start(t, workspace, VSCODE_WORKSPACE, () => {
    throw new ResponseError(-32603, "no configuration here");
  });
  await session.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "maximo", version: 1, text } });
  assert.deepEqual(undefinedNames(await session.publication(uri)), ["host", "token", "nowhere"]);
  assert.equal(session.asked.length, 1, "it was asked");

  const before = session.published.length;
  await session.connection.sendNotification("workspace/didChangeConfiguration", { settings: null });
  assert.deepEqual(undefinedNames(await session.publication(uri, before)), ["host", "token", "nowhere"]);
});

test("LSP: a client without the configuration capability is never asked and gets the check of the environment files alone", async (t) => {
  const { workspace, uri, text } = workspaceWithRequest();
  const session = await start(t, workspace, { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } }, () => ({ $shared: { host: "", token: "", nowhere: "" } }));
  await session.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "maximo", version: 1, text } });
  assert.deepEqual(undefinedNames(await session.publication(uri)), ["host", "token", "nowhere"]);
  // A pushed settings change (such a client may send one) changes nothing either.
  await session.connection.sendNotification("workspace/didChangeConfiguration", { settings: { "rest-client": { environmentVariables: { $shared: { host: "" } } } } });
  // A round trip after the notification: anything it caused was sent before this answer.
  await session.connection.sendRequest("textDocument/documentSymbol", { textDocument: { uri } });
  assert.deepEqual(session.asked, []);
  assert.ok(!session.registrations.some((r) => r.method === "workspace/didChangeConfiguration"));
  assert.deepEqual(
    session.published.filter((p) => p.uri === uri).map(undefinedNames),
    [["host", "token", "nowhere"]],
  );
});
