/**
 * Authentication end to end over real HTTP on 127.0.0.1: the platform wiring of the auth part.
 * Sources as in auth.test.ts: JSON API reference §2, practitioner guide "Authentication Deep Dive".
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { startEmulator, type EmulatorHandle } from "../../emulator/index";

let emu: EmulatorHandle;
before(async () => {
  emu = await startEmulator({ port: 0 });
});
after(async () => {
  await emu.close();
});

const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64");
const cookiesOf = (response: Response) => response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");

test("practitioner guide Method 1: the apikey header gets GET /maximo/oslc/whoami answered 200", async () => {
  const response = await fetch(`${emu.url}/oslc/whoami`, { headers: { apikey: "emulator-apikey" } });
  assert.equal(response.status, 200);
  const body = (await response.json()) as { userid?: string };
  assert.equal(body.userid, "MAXADMIN");
});

test("JSON API reference §2: no credentials is a 401 with the Maximo error body", async () => {
  const response = await fetch(`${emu.url}/oslc/whoami`);
  assert.equal(response.status, 401);
  const body = (await response.json()) as { Error: { reasonCode: string; statusCode: string; message: string } };
  assert.equal(body.Error.reasonCode, "BMXAA0021E");
  assert.equal(body.Error.statusCode, "401");
  assert.match(body.Error.message, /^BMXAA0021E - /);
});

test("JSON API reference §2.2.2: a form login's cookies, replayed, authenticate API calls", async () => {
  const login = await fetch(`${emu.url}/j_security_check`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "j_username=maxadmin&j_password=maxadmin",
    redirect: "manual",
  });
  assert.equal(login.status, 302);
  const cookie = cookiesOf(login);
  assert.match(cookie, /JSESSIONID=.+; LtpaToken2=.+/);
  const whoami = await fetch(`${emu.url}/oslc/whoami`, { headers: { cookie } });
  assert.equal(whoami.status, 200);
});

test("JSON API reference §2.1: /oslc/login with MAXAUTH sets a session cookie; logout and expiry end it", async () => {
  const login = await fetch(`${emu.url}/oslc/login`, { method: "POST", headers: { maxauth: b64("maxadmin:maxadmin") } });
  assert.equal(login.status, 200);
  const cookie = cookiesOf(login);
  assert.match(cookie, /^JSESSIONID=/);
  assert.equal((await fetch(`${emu.url}/oslc/whoami`, { headers: { cookie } })).status, 200);
  emu.expireSessions();
  assert.equal((await fetch(`${emu.url}/oslc/whoami`, { headers: { cookie } })).status, 401);
  const again = cookiesOf(await fetch(`${emu.url}/oslc/login`, { headers: { maxauth: b64("maxadmin:maxadmin") } }));
  assert.equal((await fetch(`${emu.url}/oslc/logout`, { method: "POST", headers: { cookie: again } })).status, 200);
  assert.equal((await fetch(`${emu.url}/oslc/whoami`, { headers: { cookie: again } })).status, 401);
});

test("practitioner guide Method 2 and 3: discover the token endpoint, get a token, call the API with it", async () => {
  const origin = new URL(emu.url).origin;
  const discovery = (await (await fetch(`${origin}/auth/realms/mas/.well-known/openid-configuration`)).json()) as { token_endpoint: string };
  assert.equal(discovery.token_endpoint, `${origin}/auth/realms/mas/protocol/openid-connect/token`);
  const tokenResponse = await fetch(discovery.token_endpoint, {
    method: "POST",
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: "workbench", client_secret: "workbench-secret" }),
  });
  assert.equal(tokenResponse.status, 200);
  const { access_token } = (await tokenResponse.json()) as { access_token: string };
  const whoami = await fetch(`${emu.url}/oslc/whoami`, { headers: { authorization: `Bearer ${access_token}` } });
  assert.equal(whoami.status, 200);
});
