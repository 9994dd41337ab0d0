/**
 * OAuth 2.0 client credentials and OIDC discovery (practitioner guide, "Authentication Deep
 * Dive" Methods 2 and 3): token from the token URL with grant_type=client_credentials, reused
 * ("Do not request a new token on every API call"), refreshed before expiry and after a 401;
 * the token URL found at `{issuer}/.well-known/openid-configuration`. RFC 6749 §5.2 error bodies.
 */
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { createAuthenticator } from "../../../client/src/auth/index";
import { createOAuthAuthenticator } from "../../../client/src/auth/oauth";
import { startEmulator, type EmulatorHandle } from "../../../emulator/index";
import { connectionTo, emulatorSecrets, errorOf, logged, MemorySecrets, nodeFetch, whoami } from "./support";

let emu: EmulatorHandle;
let issuer: string;
let tokenUrl: string;
before(async () => {
  emu = await startEmulator({ port: 0, options: { workOrders: 10 } });
  issuer = `http://127.0.0.1:${emu.port}/auth/realms/mas`;
  tokenUrl = `${issuer}/protocol/openid-connect/token`;
});
after(() => emu.close());
beforeEach(() => emu.log.clear());

const tokenRequests = () => logged(emu, "/openid-connect/token");
const discoveries = () => logged(emu, "/.well-known/openid-configuration");

test("Method 2: one token request serves three calls, sent as Authorization: Bearer", async () => {
  const auth = createAuthenticator(connectionTo(emu, "oauth", { tokenUrl }), emulatorSecrets(), nodeFetch);
  for (let i = 0; i < 3; i++) assert.equal((await whoami(auth, `${emu.url}/oslc/whoami`)).user, "MAXADMIN");
  assert.equal(tokenRequests().length, 1);
  const form = new URLSearchParams(tokenRequests()[0]!.body);
  assert.deepEqual([form.get("grant_type"), form.get("client_id"), form.get("client_secret")], ["client_credentials", "workbench", "workbench-secret"]);
  const bearer = logged(emu, "/whoami").map((r) => r.headers["authorization"]);
  assert.equal(new Set(bearer).size, 1);
  assert.match(bearer[0]!, /^Bearer \S+$/);
});

test("Method 2: concurrent first calls share one token request", async () => {
  const auth = createAuthenticator(connectionTo(emu, "oauth", { tokenUrl }), emulatorSecrets(), nodeFetch);
  await Promise.all(Array.from({ length: 5 }, () => whoami(auth, `${emu.url}/oslc/whoami`)));
  assert.equal(tokenRequests().length, 1);
});

test("the server's clock past tokenTtlSeconds: the 401 (invalid_token) brings exactly one new token", async () => {
  const auth = createAuthenticator(connectionTo(emu, "oauth", { tokenUrl }), emulatorSecrets(), nodeFetch);
  await whoami(auth, `${emu.url}/oslc/whoami`);
  emu.clock.advance((emu.emulator.options.tokenTtlSeconds + 1) * 1000);
  const again = await whoami(auth, `${emu.url}/oslc/whoami`);
  assert.deepEqual([again.status, again.relogged], [200, true]);
  assert.equal(tokenRequests().length, 2);
  assert.match(logged(emu, "/whoami")[1]!.headers["authorization"]!, /^Bearer /);
});

test("the token is refreshed 30 s before expires_in on our own clock, before the server refuses it", async () => {
  let now = 1_000_000;
  const auth = createOAuthAuthenticator(connectionTo(emu, "oauth", { tokenUrl }), emulatorSecrets(), nodeFetch, { now: () => now });
  await whoami(auth, `${emu.url}/oslc/whoami`);
  const ttlMs = emu.emulator.options.tokenTtlSeconds * 1000;
  now += ttlMs - 31_000;
  await whoami(auth, `${emu.url}/oslc/whoami`);
  assert.equal(tokenRequests().length, 1, "still inside the margin");
  now += 2_000;
  const third = await whoami(auth, `${emu.url}/oslc/whoami`);
  assert.equal(third.relogged, false);
  assert.equal(tokenRequests().length, 2, "refreshed without waiting for a 401");
  assert.equal(logged(emu, "/whoami").filter((r) => r.status === 401).length, 0);
});

test("Method 3: with only an issuer, the token URL is discovered once and reused across refreshes", async () => {
  const auth = createAuthenticator(connectionTo(emu, "oauth", { issuer: `${issuer}/` }), emulatorSecrets(), nodeFetch);
  assert.equal((await whoami(auth, `${emu.url}/oslc/whoami`)).user, "MAXADMIN");
  emu.expireSessions();
  assert.equal((await whoami(auth, `${emu.url}/oslc/whoami`)).relogged, true);
  assert.equal(discoveries().length, 1);
  assert.equal(discoveries()[0]!.path, "/auth/realms/mas/.well-known/openid-configuration");
  assert.equal(tokenRequests().length, 2);
});

test("RFC 6749 §5.2 invalid_client is a clear message without the secret", async () => {
  const wrong = "wrong-client-secret";
  const auth = createAuthenticator(connectionTo(emu, "oauth", { tokenUrl }), new MemorySecrets({ clientSecret: wrong }), nodeFetch);
  const error = await errorOf(whoami(auth, `${emu.url}/oslc/whoami`));
  assert.match(error.message, /^The identity provider refused the OAuth client of connection "emu-oauth" \(invalid_client/);
  assert.match(error.message, /MAXIMO_CLIENT_SECRET/);
  assert.equal(error.message.includes(wrong), false);
  assert.equal(logged(emu, "/whoami").length, 0);
});

test("a wrong issuer and a missing tokenUrl/issuer are reported in words", async () => {
  const badIssuer = createAuthenticator(connectionTo(emu, "oauth", { issuer: `http://127.0.0.1:${emu.port}/auth/realms/nope` }), emulatorSecrets(), nodeFetch);
  assert.match((await errorOf(whoami(badIssuer, `${emu.url}/oslc/whoami`))).message, /^OIDC discovery for connection "emu-oauth" failed: .* answered HTTP \d+ without a token_endpoint; check "issuer"/);
  const neither = createAuthenticator(connectionTo(emu, "oauth"), emulatorSecrets(), nodeFetch);
  assert.match((await errorOf(whoami(neither, `${emu.url}/oslc/whoami`))).message, /has neither "tokenUrl" nor "issuer"/);
});
