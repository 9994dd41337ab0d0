// The language server and environment files (dist/server.js over stdio): a variable an
// environment beside the document or above it defines (up to the workspace folder) gets no
// undefined-variable warning; the server asks the client to watch those files and, told of a
// change, checks the open documents again.
import { test, type TestContext } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { serverConnection, waitList, type Publication } from "./lspProcess";
/** A server over stdio with `workspace` as its one folder, initialized; what it publishes and asks to register is collected. */
async function environmentServer(t: TestContext, workspace: string) {
  const connection = serverConnection(t);
  const published: Publication[] = [];
  const registrations: Array<{ method: string; registerOptions?: { watchers?: Array<{ globPattern: string }> } }> = [];
  const { wake, until } = waitList();
  connection.onNotification("textDocument/publishDiagnostics", (params: Publication) => {
    published.push(params);
    wake();
  });
  connection.onRequest("client/registerCapability", (params: { registrations: typeof registrations }) => {
    registrations.push(...params.registrations);
    wake();
    return null;
  });
  connection.listen();
  await connection.sendRequest("initialize", {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: "ws" }],
    capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
  });
  await connection.sendNotification("initialized", {});
  return { connection, published, registrations, until };
}

const undefinedNames = (p: Publication) => p.diagnostics.filter((d) => d.code === "maximo.undefined-variable").map((d) => /defines `([^`]+)`/.exec(d.message)?.[1]);


test("LSP: variables from http-client.env.json, .env and REST Client's settings file are defined; a changed environment file re-checks open documents", async (t) => {
  const workspace = mkdtempSync(join(tmpdir(), "maximo-lsp-env-"));
  mkdirSync(join(workspace, ".vscode"));
  mkdirSync(join(workspace, "api"));
  // REST Client's environments in the workspace settings (github:Huachao/vscode-restclient README.md, Environments).
  writeFileSync(join(workspace, ".vscode", "settings.json"), '{ "rest-client.environmentVariables": { "$shared": { "host": "http://localhost:3000" } } }');
  // JetBrains' environment file, beside the request file (read by httpyac too).
  writeFileSync(join(workspace, "api", "http-client.env.json"), '{ "dev": { "token": "secret-value" } }');
  const file = join(workspace, "api", "users.http");
  const text = "GET {{host}}/users\nAuthorization: Bearer {{token}}\nX-Later: {{later}}\n";
  writeFileSync(file, text);
  const uri = pathToFileURL(file).href;

  const { connection, published, registrations, until } = await environmentServer(t, workspace);
  const watch = await until(() => registrations.find((r) => r.method === "workspace/didChangeWatchedFiles"));
  const globs = watch.registerOptions?.watchers?.map((w) => w.globPattern).join(" ") ?? "";
  for (const name of ["http-client.env.json", "maximo.env.json", ".env", ".vscode/settings.json"]) assert.ok(globs.includes(name), `${name} is watched: ${globs}`);

  await connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "maximo", version: 1, text } });
  const first = await until(() => published.find((p) => p.uri === uri && p.version === 1));
  assert.deepEqual(undefinedNames(first), ["later"]);
  assert.ok(!JSON.stringify(first).includes("secret-value"), "no environment value reaches a diagnostic");

  // `.env` in the workspace folder defines it now (httpyac reads .env files as variables).
  const before = published.length;
  writeFileSync(join(workspace, ".env"), "later=1\n");
  await connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: pathToFileURL(join(workspace, ".env")).href, type: 1 }] });
  const again = await until(() => published.slice(before).find((p) => p.uri === uri));
  assert.deepEqual(undefinedNames(again), []);
});

test("LSP: a JetBrains global another request file sets is defined; a request file saved with a new setter re-checks open documents", async (t) => {
  // jetbrains.com/help "HTTP Client variables": globals set by handlers last for the IDE session, across files.
  const workspace = mkdtempSync(join(tmpdir(), "maximo-lsp-globals-"));
  mkdirSync(join(workspace, "users"));
  writeFileSync(join(workspace, "login.http"), 'POST http://localhost:3000/login\n\n> {% client.global.set("token", response.body.token); %}\n');
  const file = join(workspace, "users", "users.http");
  const text = "GET http://localhost:3000/users\nAuthorization: Bearer {{token}}\nX-Session: {{session}}\n";
  writeFileSync(file, text);
  const uri = pathToFileURL(file).href;

  const { connection, published, registrations, until } = await environmentServer(t, workspace);
  const watch = await until(() => registrations.find((r) => r.method === "workspace/didChangeWatchedFiles"));
  assert.ok(watch.registerOptions?.watchers?.some((w) => w.globPattern.includes("*.{http,rest,maximo}")), "request files are watched");

  await connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "maximo", version: 1, text } });
  const first = await until(() => published.find((p) => p.uri === uri && p.version === 1));
  assert.deepEqual(undefinedNames(first), ["session"]);

  const before = published.length;
  const login = join(workspace, "login.http");
  writeFileSync(login, 'POST http://localhost:3000/login\n\n> {% client.global.set("token", response.body.token); client.global.set("session", response.body.id); %}\n');
  await connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: pathToFileURL(login).href, type: 2 }] });
  const again = await until(() => published.slice(before).find((p) => p.uri === uri));
  assert.deepEqual(undefinedNames(again), []);
});
