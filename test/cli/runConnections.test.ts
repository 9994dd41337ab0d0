// connections/load.ts: the CLI's connections from maximo.connections.json, flags and environment.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConnectionError, envSecrets, loadConnections, parseConnections } from "../../client/src/connections/load";

function workspace(content?: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), "maximo-conn-"));
  if (content !== undefined) writeFileSync(join(dir, "maximo.connections.json"), JSON.stringify(content));
  return dir;
}

test("a secret-looking key is refused with a sentence naming it, wherever it is", () => {
  for (const [data, key] of [
    [{ connections: [{ name: "dev", url: "https://h/maximo", auth: "maxauth", password: "x" }] }, "password"],
    [{ connections: [{ name: "dev", url: "https://h/maximo", auth: "oauth", clientId: "c", tokenUrl: "https://h/t", clientSecret: "x" }] }, "clientSecret"],
    [{ connections: [], apikey: "x" }, "apikey"],
    [{ connections: [{ name: "dev", url: "https://h/maximo", auth: "apikey", accessToken: "x" }] }, "accessToken"],
  ] as const) {
    assert.throws(() => parseConnections(data, "maximo.connections.json"), (e: Error) => e instanceof ConnectionError && e.message.includes(`"${key}"`) && /never go in/.test(e.message));
  }
});

test("validation errors are sentences: missing url, bad auth, unknown default, duplicate names", () => {
  const cases: Array<[unknown, RegExp]> = [
    [{ connections: [{ name: "dev", auth: "apikey" }] }, /has no "url"/],
    [{ connections: [{ name: "dev", url: "https://h/maximo", auth: "kerberos" }] }, /"auth" must be one of apikey, basic/],
    [{ connections: [{ name: "dev", url: "https://h/maximo", auth: "apikey" }], default: "prod" }, /"default" is "prod", which is not the name/],
    [{ connections: [{ name: "a", url: "https://h/maximo", auth: "none" }, { name: "a", url: "https://h/maximo", auth: "none" }] }, /two connections "a"/],
    [{ connections: [{ name: "dev", url: "ftp://h/maximo", auth: "none" }] }, /must start with http/],
  ];
  for (const [data, message] of cases) assert.throws(() => parseConnections(data, "f"), message);
});

test("file connections: the single one is the default; tokenUrl is not mistaken for a secret", () => {
  const set = parseConnections({ connections: [{ name: "dev", url: "https://h/maximo", auth: "oauth", clientId: "c", tokenUrl: "https://h/token", readOnly: true }] }, "f");
  assert.equal(set.defaultName, "dev");
  assert.deepEqual(set.connections.get("dev"), { name: "dev", url: "https://h/maximo", apiRoot: "auto", auth: "oauth", clientId: "c", tokenUrl: "https://h/token", readOnly: true });
});

test("--connection URL and MAXIMO_URL build a connection from the environment", () => {
  const dir = workspace();
  const apikey = loadConnections({ workspaceDir: dir, connection: "http://127.0.0.1:1/maximo/", env: { MAXIMO_APIKEY: "k" } });
  assert.deepEqual(apikey.connections.get(apikey.defaultName!), { name: "cli", url: "http://127.0.0.1:1/maximo", apiRoot: "auto", auth: "apikey" });
  const maxauth = loadConnections({ workspaceDir: dir, env: { MAXIMO_URL: "http://127.0.0.1:1/maximo", MAXIMO_USER: "u", MAXIMO_PASSWORD: "p" } });
  assert.equal(maxauth.connections.get(maxauth.defaultName!)!.auth, "maxauth");
  assert.equal(maxauth.connections.get(maxauth.defaultName!)!.user, "u");
});

test("a password in a URL is never echoed: an unparseable MAXIMO_URL, a token URL or a file's tokenUrl with credentials are refused without it", () => {
  const dir = workspace();
  const refusals: Array<[() => unknown, RegExp]> = [
    [() => loadConnections({ workspaceDir: dir, env: { MAXIMO_URL: "http://wilson:UIBAD701@127.0.0.1:notaport/maximo", MAXIMO_APIKEY: "k" } }), /MAXIMO_URL: .* is not a URL/],
    [() => loadConnections({ workspaceDir: dir, env: { MAXIMO_URL: "http://127.0.0.1:1/maximo", MAXIMO_CLIENT_ID: "c", MAXIMO_CLIENT_SECRET: "s", MAXIMO_TOKEN_URL: "http://cli1:UITOK703@127.0.0.1:9/token" } }), /MAXIMO_TOKEN_URL: .* carries credentials.*MAXIMO_CLIENT_ID/],
    [() => parseConnections({ connections: [{ name: "dev", url: "https://h/maximo", auth: "oauth", clientId: "c", tokenUrl: "https://c:FILETOK9@h/token" }] }, "f"), /"tokenUrl": .* carries credentials/],
  ];
  // Second audit: a password holding `/` stops the parser; a URL without its scheme is taken for a connection name.
  refusals.push(
    [() => loadConnections({ workspaceDir: dir, env: { MAXIMO_URL: "http://wilson:ab/PWZ1@127.0.0.1:1/maximo", MAXIMO_APIKEY: "k" } }), /MAXIMO_URL: "http:\/\/\*\*\*\*\*@127\.0\.0\.1:1\/maximo" is not a URL/],
    [() => loadConnections({ workspaceDir: dir, connection: "wilson:PWZ7@127.0.0.1:1/maximo", env: {} }), /There is no connection "\*\*\*\*\*@127\.0\.0\.1:1\/maximo"/],
    [() => loadConnections({ workspaceDir: dir, env: { MAXIMO_URL: "htps://wilson:PWZ8@127.0.0.1:1/maximo", MAXIMO_APIKEY: "k" } }), /must start with http/],
  );
  for (const [load, message] of refusals) {
    assert.throws(load, (e: Error) => e instanceof ConnectionError && message.test(e.message) && !/UIBAD701|UITOK703|FILETOK9|PWZ1|PWZ7|PWZ8/.test(e.message));
  }
  // A query or fragment after the context root would lose the path when the API root is added.
  assert.throws(() => loadConnections({ workspaceDir: dir, env: { MAXIMO_URL: "http://127.0.0.1:1/maximo?apikey=KEYQ1", MAXIMO_APIKEY: "k" } }), (e: Error) => /followed by a query or fragment/.test(e.message) && !e.message.includes("KEYQ1"));
});

test("--connection NAME picks a file connection, whose auth wins over the environment; --insecure applies to all", () => {
  const dir = workspace({ connections: [{ name: "dev", url: "https://h/maximo", auth: "basic" }, { name: "test", url: "https://t/maximo", auth: "apikey" }] });
  const set = loadConnections({ workspaceDir: dir, connection: "dev", insecure: true, env: { MAXIMO_USER: "u", MAXIMO_PASSWORD: "p" } });
  assert.equal(set.defaultName, "dev");
  assert.deepEqual(set.connections.get("dev"), { name: "dev", url: "https://h/maximo", apiRoot: "auto", auth: "basic", user: "u", insecure: true });
  assert.throws(() => loadConnections({ workspaceDir: dir, connection: "prod", env: {} }), /no connection "prod".*known: dev, test/);
});

test("envSecrets: a per-connection variable wins over the general one", async () => {
  const secrets = envSecrets({ MAXIMO_APIKEY: "general", "MAXIMO_APIKEY_DEV_EU": "dev-key", MAXIMO_PASSWORD: "" });
  assert.equal(await secrets.get("dev-eu", "apikey"), "dev-key");
  assert.equal(await secrets.get("test", "apikey"), "general");
  assert.equal(await secrets.get("test", "password"), undefined);
});
