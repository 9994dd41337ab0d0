/**
 * Test Connection against the emulator: `whoami` and `systeminfo` (JSON API reference §3, API
 * home) through a real executor; failures are sentences with the action that helps.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { ConnectionConfig, SecretSource } from "../../../client/src/connections/types";
import { testConnection } from "../../../client/src/extension/connections/connectionTest";
import { createExecutor } from "../../../client/src/http/executor";
import { startEmulator, type EmulatorHandle } from "../../../emulator/index";

let emu: EmulatorHandle;
before(async () => {
  emu = await startEmulator({ port: 0 });
});
after(async () => {
  await emu.close();
});

const secrets = (values: Partial<Record<"apikey" | "password" | "clientSecret", string>>): SecretSource => ({ get: async (_name, kind) => values[kind] });

async function run(connection: ConnectionConfig, source: SecretSource) {
  const executor = createExecutor({ connection, secrets: source, retry: { maxRetries: 0 } });
  try {
    return await testConnection(executor);
  } finally {
    executor.close();
  }
}

describe("Test Connection", () => {
  test("maxauth: signed in as the user, with the default site and the version from systeminfo", async () => {
    const result = await run({ name: "emu", url: emu.url, apiRoot: "oslc", auth: "maxauth", user: "maxadmin" }, secrets({ password: "maxadmin" }));
    assert.ok(result.ok, result.message);
    assert.equal(result.user, "MAXADMIN");
    assert.equal(result.site, "BEDFORD");
    assert.ok(result.version, "systeminfo gave no version");
    assert.match(result.message, /^Connection "emu" works: signed in as MAXADMIN, default site BEDFORD, .+\.$/);
    const paths = emu.log.list().slice(-2).map((entry) => entry.path);
    assert.deepEqual(paths, ["/maximo/oslc/whoami", "/maximo/oslc/systeminfo"]);
  });

  test("an API key connection with apiRoot auto goes to /api/", async () => {
    emu.log.clear();
    const result = await run({ name: "key", url: emu.url, apiRoot: "auto", auth: "apikey" }, secrets({ apikey: "emulator-apikey" }));
    assert.ok(result.ok, result.message);
    assert.ok(emu.log.list().every((entry) => entry.path.startsWith("/maximo/api/")), JSON.stringify(emu.log.list().map((e) => e.path)));
  });

  test("a wrong password: a sentence naming the connection, the action is to enter the secret again, the secret never shown", async () => {
    const result = await run({ name: "emu", url: emu.url, apiRoot: "oslc", auth: "maxauth", user: "maxadmin" }, secrets({ password: "wrong-pass-123" }));
    assert.equal(result.ok, false);
    assert.ok(!result.ok);
    assert.equal(result.action, "reenterSecret");
    assert.match(result.message, /^Test of connection "emu" failed: .*refused/);
    assert.doesNotMatch(result.message, /wrong-pass-123/);
  });

  test("an unknown API key: enter it again", async () => {
    const result = await run({ name: "key", url: emu.url, apiRoot: "api", auth: "apikey" }, secrets({ apikey: "not-a-key" }));
    assert.ok(!result.ok);
    assert.equal(result.action, "reenterSecret");
    assert.match(result.message, /HTTP 401/);
    assert.doesNotMatch(result.message, /not-a-key/);
  });

  test("no secret stored (the user cancelled the question): enter it again", async () => {
    const result = await run({ name: "key", url: emu.url, apiRoot: "api", auth: "apikey" }, secrets({}));
    assert.ok(!result.ok);
    assert.equal(result.action, "reenterSecret");
    assert.match(result.message, /has no API key/);
  });

  test("a wrong context root: no Maximo API there; check the URL", async () => {
    const url = emu.url.replace(/\/maximo$/, "/maxim0");
    const result = await run({ name: "typo", url, apiRoot: "oslc", auth: "maxauth", user: "maxadmin" }, secrets({ password: "maxadmin" }));
    assert.ok(!result.ok);
    assert.equal(result.action, "openSettings");
    assert.match(result.message, /HTTP 404.*Check the URL/);
  });

  test("a wrong context root with an API key (no login first): the 404 of whoami says there is no Maximo API there", async () => {
    const url = emu.url.replace(/\/maximo$/, "/maxim0");
    const result = await run({ name: "typo", url, apiRoot: "api", auth: "apikey" }, secrets({ apikey: "emulator-apikey" }));
    assert.ok(!result.ok);
    assert.equal(result.action, "openSettings");
    assert.match(result.message, /there is no Maximo API at .*\/maxim0\/api\/whoami \(HTTP 404\)/);
  });

  test("nothing listening: the network failure in words, and the settings to check", async () => {
    const closed = await startEmulator({ port: 0 });
    const url = closed.url;
    await closed.close();
    const result = await run({ name: "down", url, apiRoot: "api", auth: "apikey" }, secrets({ apikey: "emulator-apikey" }));
    assert.ok(!result.ok);
    assert.equal(result.action, "openSettings");
    assert.match(result.message, /^Test of connection "down" failed: .+ Check the URL, the network and the TLS settings/);
  });
});
