/**
 * Each authentication method against the emulator: the request reaches whoami as MAXADMIN with
 * the credentials where the guides put them, and a wrong password is a clear sentence.
 * Sources: JSON API reference §2.1 (maxauth), §2.2.1 (Basic), §2.2.2 (FORM login, URL-encoded,
 * replay the cookies); practitioner guide "Authentication Deep Dive" Method 1 (apikey header).
 */
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { createAuthenticator } from "../../../client/src/auth/index";
import { startEmulator, type EmulatorHandle } from "../../../emulator/index";
import { connectionTo, emulatorSecrets, errorOf, logged, MemorySecrets, nodeFetch, outgoing, whoami } from "./support";

let emu: EmulatorHandle;
// A password with every character a form body must encode (§2.2.2: "need to be URL encoded").
const awkwardPassword = "p&ss=w%rd +x";
before(async () => {
  emu = await startEmulator({
    port: 0,
    options: { workOrders: 10, credentials: { users: { MAXADMIN: "maxadmin", WILSON: awkwardPassword }, apikeys: { "emulator-apikey": "MAXADMIN" }, oauthClients: { workbench: "workbench-secret" } } },
  });
});
after(() => emu.close());
beforeEach(() => emu.log.clear());

const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64");
const lastWhoami = () => logged(emu, "/whoami").at(-1)!;

test("Method 1: apikey goes in the apikey header, never the URL, and reaches api/whoami as MAXADMIN", async () => {
  const auth = createAuthenticator(connectionTo(emu, "apikey"), emulatorSecrets(), nodeFetch);
  const result = await whoami(auth, `${emu.url}/api/whoami`);
  assert.deepEqual([result.status, result.user], [200, "MAXADMIN"]);
  const sent = lastWhoami();
  assert.equal(sent.headers["apikey"], "emulator-apikey");
  assert.doesNotMatch(sent.query, /apikey/i);
  assert.equal(sent.path, "/maximo/api/whoami");
});

test("§2.2.1: Basic sends Authorization on every request and keeps the session cookie it gets", async () => {
  const auth = createAuthenticator(connectionTo(emu, "basic"), emulatorSecrets(), nodeFetch);
  for (let i = 0; i < 2; i++) assert.equal((await whoami(auth, `${emu.url}/oslc/whoami`)).user, "MAXADMIN");
  const sent = lastWhoami();
  assert.equal(sent.headers["authorization"], `Basic ${b64("maxadmin:maxadmin")}`);
  assert.match(sent.headers["cookie"] ?? "", /JSESSIONID=/);
  assert.equal(logged(emu, "/oslc/login").length, 1, "one login checks the credentials");
});

test("§2.1: maxauth sends base64(user:password) on every request and keeps cookies", async () => {
  const auth = createAuthenticator(connectionTo(emu, "maxauth"), emulatorSecrets(), nodeFetch);
  assert.equal((await whoami(auth, `${emu.url}/oslc/whoami`)).user, "MAXADMIN");
  const sent = lastWhoami();
  assert.equal(sent.headers["maxauth"], b64("maxadmin:maxadmin"));
  assert.match(sent.headers["cookie"] ?? "", /JSESSIONID=/);
});

test("§2.2.2: form login posts URL-encoded j_username/j_password once, then replays JSESSIONID and LtpaToken2", async () => {
  const auth = createAuthenticator(connectionTo(emu, "form", { user: "wilson" }), new MemorySecrets({ password: awkwardPassword }), nodeFetch);
  for (let i = 0; i < 3; i++) assert.equal((await whoami(auth, `${emu.url}/oslc/whoami`)).user, "WILSON");
  const logins = logged(emu, "/j_security_check");
  assert.equal(logins.length, 1);
  assert.equal(logins[0]!.headers["content-type"], "application/x-www-form-urlencoded");
  assert.equal(new URLSearchParams(logins[0]!.body).get("j_password"), awkwardPassword);
  assert.doesNotMatch(logins[0]!.body, / |&ss/, "space and & are encoded");
  const sent = lastWhoami();
  assert.match(sent.headers["cookie"] ?? "", /JSESSIONID=.+; LtpaToken2=.+/);
  assert.equal(sent.headers["authorization"], undefined);
});

test("§2.1 /oslc/login session: one maxauth login, then cookies only", async () => {
  const auth = createAuthenticator(connectionTo(emu, "session"), emulatorSecrets(), nodeFetch);
  for (let i = 0; i < 3; i++) assert.equal((await whoami(auth, `${emu.url}/oslc/whoami`)).user, "MAXADMIN");
  const logins = logged(emu, "/oslc/login");
  assert.equal(logins.length, 1);
  assert.equal(logins[0]!.headers["maxauth"], b64("maxadmin:maxadmin"));
  const sent = lastWhoami();
  assert.equal(sent.headers["maxauth"], undefined);
  assert.equal(sent.headers["authorization"], undefined);
  assert.match(sent.headers["cookie"] ?? "", /JSESSIONID=/);
});

test("none adds nothing; the emulator's 401 is not mistaken for an expiry to recover from", async () => {
  const auth = createAuthenticator(connectionTo(emu, "none"), emulatorSecrets(), nodeFetch);
  const result = await whoami(auth, `${emu.url}/oslc/whoami`);
  assert.equal(result.status, 401);
  assert.equal(result.relogged, false);
  assert.deepEqual(auth.secrets(), []);
});

for (const method of ["basic", "maxauth", "form", "session"] as const) {
  test(`a wrong password for ${method} is a clear message naming the connection, without the password`, async () => {
    const wrong = "not-the-Passw0rd";
    const auth = createAuthenticator(connectionTo(emu, method), new MemorySecrets({ password: wrong }), nodeFetch);
    const error = await errorOf(whoami(auth, `${emu.url}/oslc/whoami`));
    assert.equal(error.message.startsWith(`The server refused the user name or password for connection "emu-${method}"`), true, error.message);
    for (const secret of auth.secrets()) assert.equal(error.message.includes(secret), false);
    assert.equal(error.message.includes(wrong), false);
    assert.equal(logged(emu, "/whoami").length, 0, "no API request goes out with refused credentials");
  });
}

test("a wrong API key is reported by the server (BMXAA9549E) and counts as expired so the key is read again", async () => {
  const secrets = new MemorySecrets({ apikey: "stale-key-123" });
  const auth = createAuthenticator(connectionTo(emu, "apikey"), secrets, nodeFetch);
  await auth.authorize(outgoing("GET", `${emu.url}/api/whoami`));
  secrets.set("apikey", "emulator-apikey");
  // The first attempt uses the stale key, the executor's one retry reads the new one.
  const result = await whoami(auth, `${emu.url}/api/whoami`);
  assert.deepEqual([result.status, result.relogged], [200, true]);
});

for (const [method, kind, variable] of [
  ["apikey", "API key", "MAXIMO_APIKEY"],
  ["session", "password", "MAXIMO_PASSWORD"],
  ["form", "password", "MAXIMO_PASSWORD"],
  ["oauth", "OAuth client secret", "MAXIMO_CLIENT_SECRET"],
] as const) {
  test(`a missing ${kind} for ${method} says which secret of which connection and how to provide it`, async () => {
    const auth = createAuthenticator(connectionTo(emu, method, { tokenUrl: `http://127.0.0.1:${emu.port}/auth/realms/mas/protocol/openid-connect/token` }), new MemorySecrets(), nodeFetch);
    const error = await errorOf(whoami(auth, `${emu.url}/oslc/whoami`));
    assert.match(error.message, new RegExp(`^Connection "emu-${method}" has no ${kind}\\. In the CLI, set ${variable}; in VS Code, enter the ${kind} again`));
    assert.equal(emu.log.list().length, 0, "nothing is sent without the secret");
  });
}

test("a missing user name is a settings error, not a network call", async () => {
  const auth = createAuthenticator(connectionTo(emu, "maxauth", { user: undefined }), emulatorSecrets(), nodeFetch);
  const error = await errorOf(whoami(auth, `${emu.url}/oslc/whoami`));
  assert.match(error.message, /Connection "emu-maxauth" uses maxauth authentication but has no user name: add "user"/);
});

test("credentials go only to the connection's server, even for an absolute URL to another origin", async () => {
  for (const method of ["apikey", "maxauth", "basic", "session", "oauth"] as const) {
    const tokenUrl = `http://127.0.0.1:${emu.port}/auth/realms/mas/protocol/openid-connect/token`;
    const auth = createAuthenticator(connectionTo(emu, method, { tokenUrl }), emulatorSecrets(), nodeFetch);
    const elsewhere = outgoing("GET", "http://localhost:9/maximo/oslc/whoami");
    await auth.authorize(elsewhere);
    assert.deepEqual([...elsewhere.headers.keys()], ["accept"], method);
  }
});
