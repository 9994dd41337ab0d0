/**
 * Session expiry and re-login. PRODUCT.md real-server facts: sessions (form login, MAXAUTH)
 * expire, API keys do not. The emulator answers an ended session with 401 BMXAA0021E; real
 * servers may also redirect to the login page or answer it with 200, so those forms are checked
 * with canned responses. JSON API reference §2.2.2: a new login sets new cookies to replay.
 */
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { createAuthenticator } from "../../../client/src/auth/index";
import type { AuthFetch } from "../../../client/src/auth/types";
import { startEmulator, type EmulatorHandle } from "../../../emulator/index";
import { connectionTo, emulatorSecrets, logged, MemorySecrets, nodeFetch, outgoing, whoami } from "./support";

let emu: EmulatorHandle;
before(async () => {
  emu = await startEmulator({ port: 0, options: { workOrders: 10 } });
});
after(() => emu.close());
beforeEach(() => emu.log.clear());

const loginPath = { session: "/oslc/login", form: "/j_security_check", oauth: "/openid-connect/token" } as const;

for (const method of ["session", "form", "oauth"] as const) {
  test(`${method}: after the server ends the session, the next response is expired and exactly one new login follows`, async () => {
    const tokenUrl = `http://127.0.0.1:${emu.port}/auth/realms/mas/protocol/openid-connect/token`;
    const auth = createAuthenticator(connectionTo(emu, method, { tokenUrl }), emulatorSecrets(), nodeFetch);
    assert.equal((await whoami(auth, `${emu.url}/oslc/whoami`)).user, "MAXADMIN");
    assert.equal(logged(emu, loginPath[method]).length, 1);
    emu.expireSessions();
    const again = await whoami(auth, `${emu.url}/oslc/whoami`);
    assert.deepEqual([again.status, again.user, again.relogged], [200, "MAXADMIN", true]);
    assert.equal(logged(emu, loginPath[method]).length, 2, "exactly one more login");
    assert.equal(logged(emu, "/whoami").filter((r) => r.status === 401).length, 1);
    // The new session holds: no further logins.
    await whoami(auth, `${emu.url}/oslc/whoami`);
    assert.equal(logged(emu, loginPath[method]).length, 2);
  });
}

test("session: eight requests failing on one expired session cause one new login, not eight", async () => {
  const auth = createAuthenticator(connectionTo(emu, "session"), emulatorSecrets(), nodeFetch);
  await whoami(auth, `${emu.url}/oslc/whoami`);
  emu.expireSessions();
  const results = await Promise.all(Array.from({ length: 8 }, () => whoami(auth, `${emu.url}/oslc/whoami`)));
  assert.deepEqual(new Set(results.map((r) => r.status)), new Set([200]));
  assert.equal(logged(emu, "/oslc/login").length, 2);
});

test("session idle timeout on the emulator's clock is recognised the same way", async () => {
  const auth = createAuthenticator(connectionTo(emu, "session"), emulatorSecrets(), nodeFetch);
  await whoami(auth, `${emu.url}/oslc/whoami`);
  emu.clock.advance(emu.emulator.options.sessionTtlMs + 1000);
  assert.equal((await whoami(auth, `${emu.url}/oslc/whoami`)).relogged, true);
  assert.equal(logged(emu, "/oslc/login").length, 2);
});

test("maxauth: credentials on every request outlive the session, so no re-login is needed", async () => {
  const auth = createAuthenticator(connectionTo(emu, "maxauth"), emulatorSecrets(), nodeFetch);
  await whoami(auth, `${emu.url}/oslc/whoami`);
  emu.expireSessions();
  const again = await whoami(auth, `${emu.url}/oslc/whoami`);
  assert.deepEqual([again.status, again.relogged], [200, false]);
});

test("apikey: keys do not expire; an ended session or a BMXAA0021E is not a reason to re-read the key", async () => {
  const auth = createAuthenticator(connectionTo(emu, "apikey"), emulatorSecrets(), nodeFetch);
  emu.expireSessions();
  assert.equal((await whoami(auth, `${emu.url}/api/whoami`)).relogged, false);
  const body = JSON.stringify({ Error: { reasonCode: "BMXAA0021E", statusCode: "401", message: "BMXAA0021E - x" } });
  assert.equal(auth.isExpired({ status: 401, text: body }), false);
});

test("a password changed on the server after login: the re-login gives the clear refusal", async () => {
  const secrets = emulatorSecrets();
  const auth = createAuthenticator(connectionTo(emu, "session"), secrets, nodeFetch);
  await whoami(auth, `${emu.url}/oslc/whoami`);
  emu.expireSessions();
  secrets.set("password", "changed-elsewhere");
  await assert.rejects(whoami(auth, `${emu.url}/oslc/whoami`), /The server refused the user name or password for connection "emu-session"/);
});

// Canned server answers for the forms the emulator does not produce.
const html = (body: string) => `<!DOCTYPE html><html><head><title>Welcome to Maximo</title></head><body>${body}</body></html>`;
const libertyLoginPage = html(`<form method="post" action="j_security_check"><input name="j_username"><input type="password" name="j_password"></form>`);
const masLoginPage = html(`<form id="kc-form-login" action="https://auth.example/auth/realms/mas/login-actions/authenticate"><input type="password" name="password"></form>`);

/** A fake server: a login that always works, then `answer` for every API call. */
function cannedFetch(answer: { status: number; headers?: Array<[string, string]>; text: string }): { fetch: AuthFetch; logins: () => number } {
  let logins = 0;
  const fetch: AuthFetch = async (request) => {
    if (request.url.pathname.endsWith("/login") || request.url.pathname.endsWith("/j_security_check") || request.url.pathname.endsWith("/token")) {
      logins++;
      return {
        status: request.url.pathname.endsWith("/j_security_check") ? 302 : 200,
        headers: [["set-cookie", `JSESSIONID=session-${logins}-abcdefgh; Path=/maximo; HttpOnly`], ["location", "https://mx.example/maximo/"]],
        text: JSON.stringify({ access_token: `token-${logins}-abcdefgh`, expires_in: 300 }),
      };
    }
    return { status: answer.status, headers: answer.headers ?? [], text: answer.text };
  };
  return { fetch, logins: () => logins };
}

const realServer = (auth: "session" | "form" | "oauth") => ({
  name: "prod",
  url: "https://mx.example/maximo",
  apiRoot: "auto" as const,
  auth,
  user: "maxadmin",
  clientId: "workbench",
  tokenUrl: "https://mx.example/auth/realms/mas/protocol/openid-connect/token",
});

async function expiredAfterOneCall(auth: "session" | "form" | "oauth", answer: Parameters<typeof cannedFetch>[0]): Promise<boolean> {
  const { fetch } = cannedFetch(answer);
  const authenticator = createAuthenticator(realServer(auth), new MemorySecrets({ password: "pw-123456", clientSecret: "cs-123456" }), fetch);
  const request = outgoing("GET", "https://mx.example/maximo/oslc/whoami");
  await authenticator.authorize(request);
  const response = await fetch(request);
  authenticator.observe(request, response);
  return authenticator.isExpired({ status: response.status, text: response.text });
}

for (const auth of ["session", "form", "oauth"] as const) {
  test(`${auth}: an HTML login page answered with 200 to an API call means the login is gone`, async () => {
    assert.equal(await expiredAfterOneCall(auth, { status: 200, headers: [["content-type", "text/html"]], text: libertyLoginPage }), true);
    assert.equal(await expiredAfterOneCall(auth, { status: 200, headers: [["content-type", "text/html"]], text: masLoginPage }), true);
  });

  test(`${auth}: a redirect to the login page means the login is gone`, async () => {
    const redirect = { status: 302, headers: [["location", "https://mx.example/maximo/webclient/login/login.jsp"]] as Array<[string, string]>, text: "" };
    assert.equal(await expiredAfterOneCall(auth, redirect), true);
    const oidc = { status: 302, headers: [["location", "https://auth.example/oidc/endpoint/MaximoAppSuite/authorize?client_id=x"]] as Array<[string, string]>, text: "" };
    assert.equal(await expiredAfterOneCall(auth, oidc), true);
  });

  test(`${auth}: ordinary answers are not expiry (JSON 200, a 404, a redirect elsewhere, a 403 without csrf)`, async () => {
    assert.equal(await expiredAfterOneCall(auth, { status: 200, text: `{"member":[]}` }), false);
    assert.equal(await expiredAfterOneCall(auth, { status: 404, text: `{"Error":{"reasonCode":"BMXAA8727E","statusCode":"404"}}` }), false);
    assert.equal(await expiredAfterOneCall(auth, { status: 302, headers: [["location", "https://mx.example/maximo/oslc/os/mxapiasset"]], text: "" }), false);
    assert.equal(await expiredAfterOneCall(auth, { status: 403, text: `{"Error":{"reasonCode":"BMXAA0024E","statusCode":"403"}}` }), false);
    assert.equal(await expiredAfterOneCall(auth, { status: 200, text: html("<p>an attachment</p>") }), false);
  });
}

test("oauth: 401 with WWW-Authenticate Bearer error=invalid_token means fetch a new token", async () => {
  const challenge: Array<[string, string]> = [["www-authenticate", 'Bearer realm="mas", error="invalid_token", error_description="The access token expired"']];
  assert.equal(await expiredAfterOneCall("oauth", { status: 401, headers: challenge, text: "" }), true);
});

test("session: a bare 401 from the app server (no Maximo body) means log in again", async () => {
  assert.equal(await expiredAfterOneCall("session", { status: 401, text: "" }), true);
  assert.equal(await expiredAfterOneCall("session", { status: 401, text: `{"Error":{"reasonCode":"BMXAA0021E","statusCode":"401"}}` }), true);
});
