/**
 * CSRF tokens (PRODUCT.md real-server facts: "Some servers need a CSRF token (`csrftoken`
 * header, from `login?csrf=1`)"), against an emulator that requires one on session writes.
 */
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { createAuthenticator } from "../../../client/src/auth/index";
import { startEmulator, type EmulatorHandle } from "../../../emulator/index";
import { call, connectionTo, emulatorSecrets, logged, nodeFetch, outgoing } from "./support";

let emu: EmulatorHandle;
before(async () => {
  emu = await startEmulator({ port: 0, options: { workOrders: 10, requireCsrf: true } });
});
after(() => emu.close());
beforeEach(() => emu.log.clear());

let next = 0;
const createAsset = () => outgoing("POST", `${emu.url}/oslc/os/mxapiasset?lean=1`, { assetnum: `CSRF${++next}`, siteid: "BEDFORD" });

for (const method of ["session", "form"] as const) {
  test(`${method} with csrf: the login asks for csrf=1 and writes carry the csrftoken header; reads do not`, async () => {
    const auth = createAuthenticator(connectionTo(emu, method, { csrf: true }), emulatorSecrets(), nodeFetch);
    const created = await call(auth, createAsset);
    assert.equal(created.status, 201, created.text);
    const csrfLogin = logged(emu, "/oslc/login").find((r) => /(^|&)csrf=1(&|$)/.test(r.query));
    assert.ok(csrfLogin, "login?csrf=1 was called");
    const write = emu.log.list().find((r) => r.method === "POST" && r.path.endsWith("/os/mxapiasset"))!;
    assert.ok(write.headers["csrftoken"]);
    assert.ok(auth.secrets().includes(write.headers["csrftoken"]!), "the token is a secret");
    await call(auth, () => outgoing("GET", `${emu.url}/oslc/whoami`));
    assert.equal(logged(emu, "/whoami")[0]!.headers["csrftoken"], undefined);
  });
}

test("session with csrf: after expiry the new login brings a new token and the write succeeds", async () => {
  const auth = createAuthenticator(connectionTo(emu, "session", { csrf: true }), emulatorSecrets(), nodeFetch);
  assert.equal((await call(auth, createAsset)).status, 201);
  emu.expireSessions();
  const again = await call(auth, createAsset);
  assert.deepEqual([again.status, again.relogged], [201, true]);
  const tokens = emu.log.list().filter((r) => r.method === "POST" && r.path.endsWith("/os/mxapiasset")).map((r) => r.headers["csrftoken"]);
  assert.notEqual(tokens[0], tokens.at(-1));
});

test("without connection.csrf, a server that requires it refuses the session write with 403 (not treated as expiry)", async () => {
  const auth = createAuthenticator(connectionTo(emu, "session"), emulatorSecrets(), nodeFetch);
  const refused = await call(auth, createAsset);
  assert.deepEqual([refused.status, refused.relogged], [403, false]);
  assert.equal(logged(emu, "/oslc/login").length, 1);
});
