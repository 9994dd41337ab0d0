/**
 * The emulator's authentication, called directly with a fake emulator whose clock the tests move.
 * Sources: JSON API reference §2 (native, Basic, FORM login), the practitioner guide's
 * "Authentication Deep Dive" (API keys, OAuth client credentials, OIDC discovery) and PRODUCT.md's
 * real-server facts (sessions expire, API keys do not, CSRF tokens from `login?csrf=1`).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { createAuth, parseCookies, type AuthInput } from "../../emulator/auth/index";
import { defaultOptions, type Emulator, type EmulatorOptions } from "../../emulator/emulator";
import { MaximoError } from "../../emulator/http/errors";
import type { ApiRequest, Reply } from "../../emulator/http/types";
import { Store } from "../../emulator/store/store";
import type { Metadata } from "../../emulator/model/types";

const contextRoot = "http://127.0.0.1:4711/maximo";

function fakeEmulator(change: (o: EmulatorOptions) => void = () => {}) {
  const metadata: Metadata = { mbos: new Map(), objectStructures: new Map(), synonymDomains: new Map(), alnDomains: new Map(), numericDomains: new Map(), statusTransitions: new Map() };
  const options = defaultOptions();
  change(options);
  const clock = { ms: 1_700_000_000_000 };
  const emulator: Emulator = { options, metadata, store: new Store(metadata), now: () => clock.ms };
  return { emulator, clock, auth: createAuth(emulator) };
}

const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64");

function input(headers: Record<string, string> = {}, extra: Partial<AuthInput> = {}): AuthInput {
  return { method: "GET", path: "/maximo/oslc/os/mxapiasset", apiRoot: "oslc", headers, query: [], cookies: parseCookies(headers["cookie"]), ...extra };
}

function request(path: string, init: { method?: string; headers?: Record<string, string>; body?: string; query?: string } = {}): ApiRequest {
  const rawQuery = init.query ?? "";
  const query = [...new URLSearchParams(rawQuery)].map(([name, value]) => ({ name, value }));
  return {
    method: init.method ?? "POST", effectiveMethod: init.method ?? "POST", segments: [], apiRoot: "oslc", rawPath: path, rawQuery, query,
    headers: init.headers ?? {}, body: Buffer.from(init.body ?? "", "utf8"), user: "", lean: false, contextRoot,
  };
}

/** `name=value` pairs from Set-Cookie values, for replaying in a Cookie header. */
function cookieHeader(reply: { cookies?: string[] } | { setCookies?: string[] }): string {
  const values = "cookies" in reply ? reply.cookies : "setCookies" in reply ? reply.setCookies : undefined;
  return (values ?? []).map((c) => c.split(";")[0]).join("; ");
}

function rejects(fn: () => unknown, status: number, reasonCode?: string): MaximoError {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof MaximoError, `expected a MaximoError, got ${String(error)}`);
    assert.equal(error.statusCode, status);
    if (reasonCode) assert.equal(error.reasonCode, reasonCode);
    return error;
  }
  assert.fail("expected the call to throw");
}

const json = (reply: Reply) => (reply.body?.kind === "json" ? (reply.body.value as Record<string, unknown>) : assert.fail("no JSON body"));

test("parseCookies reads a Cookie header, unquoting values and keeping the first of a repeated name", () => {
  assert.deepEqual(parseCookies('JSESSIONID=abc; LtpaToken2="x/y=="; JSESSIONID=later; bad'), { JSESSIONID: "abc", LtpaToken2: "x/y==" });
  assert.deepEqual(parseCookies(undefined), {});
});

test("practitioner guide Method 1: the apikey header authenticates as the key's user", () => {
  const { auth } = fakeEmulator();
  assert.deepEqual(auth.authenticate(input({ apikey: "emulator-apikey" })), { user: "MAXADMIN", via: "apikey" });
});

test("practitioner guide Method 1: the apikey query parameter authenticates too", () => {
  const { auth } = fakeEmulator();
  const result = auth.authenticate(input({}, { apiRoot: "api", query: [{ name: "apikey", value: "emulator-apikey" }] }));
  assert.equal(result.user, "MAXADMIN");
  assert.equal(result.via, "apikey");
});

test("practitioner guide Method 1: an unknown API key is a 401 BMXAA9549E", () => {
  const { auth } = fakeEmulator();
  rejects(() => auth.authenticate(input({ apikey: "not-a-key" })), 401, "BMXAA9549E");
});

test("PRODUCT.md real-server facts: API keys never expire, even after sessions are expired", () => {
  const { auth, clock } = fakeEmulator();
  clock.ms += 365 * 24 * 3600 * 1000;
  auth.expireAllSessions();
  assert.equal(auth.authenticate(input({ apikey: "emulator-apikey" })).user, "MAXADMIN");
});

test("JSON API reference §2.1 native authentication: a MAXAUTH header logs in and starts a session cookie", () => {
  const { auth } = fakeEmulator();
  const result = auth.authenticate(input({ maxauth: b64("maxadmin:maxadmin") }));
  assert.equal(result.user, "MAXADMIN");
  assert.equal(result.via, "maxauth");
  assert.match(result.setCookies?.[0] ?? "", /^JSESSIONID=[\w-]{20,}; Path=\/maximo; HttpOnly$/);
  // Replaying the cookie alone works, and with the header again no second session is started.
  assert.equal(auth.authenticate(input({ cookie: cookieHeader(result) })).via, "session");
  assert.equal(auth.authenticate(input({ maxauth: b64("maxadmin:maxadmin"), cookie: cookieHeader(result) })).setCookies, undefined);
});

test("JSON API reference §2.1: user names are case-insensitive, passwords are not", () => {
  const { auth } = fakeEmulator();
  assert.equal(auth.authenticate(input({ maxauth: b64("MaxAdmin:maxadmin") })).user, "MAXADMIN");
  rejects(() => auth.authenticate(input({ maxauth: b64("maxadmin:MAXADMIN") })), 401, "BMXAA0021E");
});

test("JSON API reference §2.1: a wrong MAXAUTH password is a 401 with the Maximo error body fields", () => {
  const { auth } = fakeEmulator();
  const error = rejects(() => auth.authenticate(input({ maxauth: b64("maxadmin:wrong") })), 401, "BMXAA0021E");
  assert.match(error.message, /^BMXAA0021E - User name and password combination are not valid/);
  rejects(() => auth.authenticate(input({ maxauth: "%%%not base64" })), 401, "BMXAA0021E");
});

test("JSON API reference §2 Authentication: a request with no credentials is a 401 BMXAA0021E", () => {
  const { auth } = fakeEmulator();
  rejects(() => auth.authenticate(input()), 401, "BMXAA0021E");
});

test("JSON API reference §2.2.1 BASIC authentication logs in; a wrong password gets a Basic challenge", () => {
  const { auth } = fakeEmulator();
  const ok = auth.authenticate(input({ authorization: `BASIC ${b64("wilson:wilson")}` }));
  assert.equal(ok.user, "WILSON");
  assert.equal(ok.via, "basic");
  assert.ok(ok.setCookies?.[0]?.startsWith("JSESSIONID="));
  const error = rejects(() => auth.authenticate(input({ authorization: `Basic ${b64("wilson:nope")}` })), 401, "BMXAA0021E");
  assert.match(error.headers["www-authenticate"] ?? "", /^Basic realm=/);
});

test("PRODUCT.md real-server facts: a session expires after sessionTtlMs idle and then answers 401", () => {
  const { auth, clock, emulator } = fakeEmulator();
  const cookie = cookieHeader(auth.authenticate(input({ maxauth: b64("maxadmin:maxadmin") })));
  // Use within the idle limit keeps it alive.
  clock.ms += emulator.options.sessionTtlMs - 1;
  assert.equal(auth.authenticate(input({ cookie })).user, "MAXADMIN");
  clock.ms += emulator.options.sessionTtlMs - 1;
  assert.equal(auth.authenticate(input({ cookie })).user, "MAXADMIN");
  clock.ms += emulator.options.sessionTtlMs + 1;
  rejects(() => auth.authenticate(input({ cookie })), 401, "BMXAA0021E");
  // Still gone afterwards: the client must log in again.
  rejects(() => auth.authenticate(input({ cookie })), 401, "BMXAA0021E");
});

test("control API session-expiry knob: expireAllSessions ends live sessions at once", () => {
  const { auth } = fakeEmulator();
  const cookie = cookieHeader(auth.authenticate(input({ maxauth: b64("maxadmin:maxadmin") })));
  auth.expireAllSessions();
  rejects(() => auth.authenticate(input({ cookie })), 401, "BMXAA0021E");
});

test("a forged JSESSIONID is not a session", () => {
  const { auth } = fakeEmulator();
  rejects(() => auth.authenticate(input({ cookie: "JSESSIONID=guess" })), 401, "BMXAA0021E");
});

test("JSON API reference §2.1: POST /oslc/login answers the user's profile and a session cookie to replay", () => {
  const { auth } = fakeEmulator();
  const reply = auth.routes.login(request("/maximo/oslc/login", { headers: { maxauth: b64("maxadmin:maxadmin") } }));
  assert.equal(reply.status, 200);
  assert.equal(json(reply).userid, "MAXADMIN");
  assert.equal(reply.cookies?.length, 1);
  assert.equal(auth.authenticate(input({ cookie: cookieHeader(reply) })).user, "MAXADMIN");
  rejects(() => auth.routes.login(request("/maximo/oslc/login", { headers: { maxauth: b64("maxadmin:bad") } })), 401, "BMXAA0021E");
  rejects(() => auth.routes.login(request("/maximo/oslc/login")), 401, "BMXAA0021E");
});

test("JSON API reference §2.2.1: GET /oslc/login with Basic works the same way", () => {
  const { auth } = fakeEmulator();
  const reply = auth.routes.login(request("/maximo/oslc/login", { method: "GET", headers: { authorization: `Basic ${b64("wilson:wilson")}` } }));
  assert.equal(reply.status, 200);
  assert.equal(json(reply).userid, "WILSON");
});

test("PRODUCT.md real-server facts: login?csrf=1 hands out a csrftoken; session writes need it when CSRF is required", () => {
  const { auth } = fakeEmulator((o) => (o.requireCsrf = true));
  const reply = auth.routes.login(request("/maximo/oslc/login", { headers: { maxauth: b64("maxadmin:maxadmin") }, query: "csrf=1" }));
  const token = reply.headers?.["csrftoken"];
  assert.ok(token && token.length >= 20);
  assert.equal(json(reply).csrftoken, token);
  const cookie = cookieHeader(reply);
  // Reads need no token; writes without it, or with a wrong one, are refused with 403.
  assert.equal(auth.authenticate(input({ cookie })).user, "MAXADMIN");
  rejects(() => auth.authenticate(input({ cookie }, { method: "POST" })), 403);
  rejects(() => auth.authenticate(input({ cookie, csrftoken: "wrong" }, { method: "DELETE" })), 403);
  assert.equal(auth.authenticate(input({ cookie, csrftoken: token }, { method: "POST" })).via, "session");
  // Credentials on the request itself are not a cookie-borne write: no token needed.
  assert.equal(auth.authenticate(input({ apikey: "emulator-apikey" }, { method: "POST" })).via, "apikey");
});

test("CSRF is not enforced when requireCsrf is off (the default)", () => {
  const { auth } = fakeEmulator();
  const cookie = cookieHeader(auth.routes.login(request("/maximo/oslc/login", { headers: { maxauth: b64("maxadmin:maxadmin") } })));
  assert.equal(auth.authenticate(input({ cookie }, { method: "POST" })).via, "session");
});

test("JSON API reference §2: /oslc/logout invalidates the session and clears the cookies", () => {
  const { auth } = fakeEmulator();
  const cookie = cookieHeader(auth.routes.login(request("/maximo/oslc/login", { headers: { maxauth: b64("maxadmin:maxadmin") } })));
  const reply = auth.routes.logout(request("/maximo/oslc/logout", { headers: { cookie } }));
  assert.equal(reply.status, 200);
  assert.ok(reply.cookies?.some((c) => c.startsWith("JSESSIONID=") && c.includes("Max-Age=0")));
  rejects(() => auth.authenticate(input({ cookie })), 401, "BMXAA0021E");
});

test("JSON API reference §2.2.2 FORM authentication: URL-encoded j_password with & and % logs in with JSESSIONID and LtpaToken2", () => {
  const { auth, clock, emulator } = fakeEmulator((o) => (o.credentials.users["FORMUSER"] = "p&ss%w rd+1"));
  const body = `j_username=formuser&j_password=${encodeURIComponent("p&ss%w rd+1")}`;
  assert.equal(body, "j_username=formuser&j_password=p%26ss%25w%20rd%2B1");
  const reply = auth.routes.jSecurityCheck(request("/maximo/j_security_check", { body, headers: { "content-type": "application/x-www-form-urlencoded" } }));
  assert.equal(reply.status, 302);
  assert.equal(reply.headers?.["location"], `${contextRoot}/`);
  assert.equal(reply.cookies?.length, 2);
  assert.match(reply.cookies?.[0] ?? "", /^JSESSIONID=.+; Path=\/maximo; HttpOnly$/);
  assert.match(reply.cookies?.[1] ?? "", /^LtpaToken2=.+; Path=\/; HttpOnly$/);
  assert.equal(auth.authenticate(input({ cookie: cookieHeader(reply) })).user, "FORMUSER");
  // The LTPA cookie alone carries the login too, and expires with the session.
  const ltpaOnly = reply.cookies![1]!.split(";")[0]!;
  assert.equal(auth.authenticate(input({ cookie: ltpaOnly })).user, "FORMUSER");
  clock.ms += emulator.options.sessionTtlMs + 1;
  rejects(() => auth.authenticate(input({ cookie: ltpaOnly })), 401, "BMXAA0021E");
});

test("JSON API reference §2.2.2: a '+' in the form is a space, so an unencoded password with + fails", () => {
  const { auth } = fakeEmulator((o) => (o.credentials.users["PLUS"] = "a+b"));
  const bad = auth.routes.jSecurityCheck(request("/maximo/j_security_check", { body: "j_username=plus&j_password=a+b" }));
  assert.match(bad.headers?.["location"] ?? "", /loginerror\.jsp$/);
  const good = auth.routes.jSecurityCheck(request("/maximo/j_security_check", { body: "j_username=plus&j_password=a%2Bb" }));
  assert.equal(good.headers?.["location"], `${contextRoot}/`);
});

test("JSON API reference §2.2.2: a failed form login redirects to the login error page without cookies", () => {
  const { auth } = fakeEmulator();
  const reply = auth.routes.jSecurityCheck(request("/maximo/j_security_check", { body: "j_username=maxadmin&j_password=wrong" }));
  assert.equal(reply.status, 302);
  assert.equal(reply.headers?.["location"], `${contextRoot}/webclient/login/loginerror.jsp`);
  assert.equal(reply.cookies, undefined);
});

function token(auth: ReturnType<typeof createAuth>, body: string, headers: Record<string, string> = {}): Reply {
  return auth.routes.oauthToken(request("/auth/realms/mas/protocol/openid-connect/token", { body, headers: { "content-type": "application/x-www-form-urlencoded", ...headers } }));
}

test("practitioner guide Method 2: client credentials in the form get a Bearer token that authenticates", () => {
  const { auth, emulator } = fakeEmulator();
  const reply = token(auth, "grant_type=client_credentials&client_id=workbench&client_secret=workbench-secret");
  assert.equal(reply.status, 200);
  const body = json(reply);
  assert.equal(body.token_type, "Bearer");
  assert.equal(body.expires_in, emulator.options.tokenTtlSeconds);
  assert.equal(typeof body.scope, "string");
  assert.equal(reply.headers?.["cache-control"], "no-store");
  const accessToken = String(body.access_token);
  // JWT-shaped with an exp claim clients may read.
  const payload = JSON.parse(Buffer.from(accessToken.split(".")[1]!, "base64url").toString("utf8")) as { exp: number; azp: string };
  assert.equal(payload.exp, Math.floor(emulator.now() / 1000) + emulator.options.tokenTtlSeconds);
  assert.equal(payload.azp, "workbench");
  assert.deepEqual(auth.authenticate(input({ authorization: `Bearer ${accessToken}` })), { user: "MAXADMIN", via: "bearer" });
});

test("RFC 6749 §2.3.1: client credentials by HTTP Basic work; tokens are never the same twice", () => {
  const { auth } = fakeEmulator();
  const basic = `Basic ${b64("workbench:workbench-secret")}`;
  const a = json(token(auth, "grant_type=client_credentials", { authorization: basic })).access_token;
  const b = json(token(auth, "grant_type=client_credentials", { authorization: basic })).access_token;
  assert.equal(typeof a, "string");
  assert.notEqual(a, b);
});

test("practitioner guide Method 2: tokens expire after tokenTtlSeconds and then answer 401 invalid_token", () => {
  const { auth, clock, emulator } = fakeEmulator();
  const accessToken = String(json(token(auth, "grant_type=client_credentials&client_id=workbench&client_secret=workbench-secret")).access_token);
  clock.ms += emulator.options.tokenTtlSeconds * 1000 - 1;
  assert.equal(auth.authenticate(input({ authorization: `Bearer ${accessToken}` })).via, "bearer");
  clock.ms += 1;
  const error = rejects(() => auth.authenticate(input({ authorization: `Bearer ${accessToken}` })), 401, "BMXAA0021E");
  assert.match(error.headers["www-authenticate"] ?? "", /^Bearer .*error="invalid_token".*expired/);
  const forged = rejects(() => auth.authenticate(input({ authorization: "Bearer made.up.token" })), 401);
  assert.match(forged.headers["www-authenticate"] ?? "", /invalid_token/);
});

test("control API: revokeTokens makes issued tokens answer as expired", () => {
  const { auth } = fakeEmulator();
  const accessToken = String(json(token(auth, "grant_type=client_credentials&client_id=workbench&client_secret=workbench-secret")).access_token);
  auth.revokeTokens();
  rejects(() => auth.authenticate(input({ authorization: `Bearer ${accessToken}` })), 401);
});

test("RFC 6749 §5.2: a wrong client is 401 invalid_client; an unsupported grant is 400 unsupported_grant_type", () => {
  const { auth } = fakeEmulator();
  const wrong = token(auth, "grant_type=client_credentials&client_id=workbench&client_secret=nope");
  assert.equal(wrong.status, 401);
  assert.equal(json(wrong).error, "invalid_client");
  const wrongBasic = token(auth, "grant_type=client_credentials", { authorization: `Basic ${b64("workbench:nope")}` });
  assert.equal(wrongBasic.status, 401);
  assert.match(wrongBasic.headers?.["www-authenticate"] ?? "", /^Basic/);
  const grant = token(auth, "grant_type=password&client_id=workbench&client_secret=workbench-secret&username=a&password=b");
  assert.equal(grant.status, 400);
  assert.equal(json(grant).error, "unsupported_grant_type");
  const missing = token(auth, "client_id=workbench&client_secret=workbench-secret");
  assert.equal(missing.status, 400);
  assert.equal(json(missing).error, "invalid_request");
});

test("practitioner guide Method 3: OIDC discovery lists absolute endpoints on the request's host", () => {
  const { auth } = fakeEmulator();
  const reply = auth.routes.oidcDiscovery(request("/auth/realms/mas/.well-known/openid-configuration", { method: "GET" }));
  const body = json(reply);
  assert.equal(body.issuer, "http://127.0.0.1:4711/auth/realms/mas");
  assert.equal(body.token_endpoint, "http://127.0.0.1:4711/auth/realms/mas/protocol/openid-connect/token");
  assert.equal(body.jwks_uri, "http://127.0.0.1:4711/auth/realms/mas/protocol/openid-connect/certs");
  assert.deepEqual(body.grant_types_supported, ["client_credentials"]);
});

test("reset forgets every session and token", () => {
  const { auth } = fakeEmulator();
  const cookie = cookieHeader(auth.authenticate(input({ maxauth: b64("maxadmin:maxadmin") })));
  const accessToken = String(json(token(auth, "grant_type=client_credentials&client_id=workbench&client_secret=workbench-secret")).access_token);
  auth.reset();
  rejects(() => auth.authenticate(input({ cookie })), 401);
  rejects(() => auth.authenticate(input({ authorization: `Bearer ${accessToken}` })), 401);
});
