/**
 * The test-only control API (`/emulator/`): fault knobs seen from a real HTTP client, the
 * request log, reset, the clock and session expiry.
 */
import assert from "node:assert/strict";
import { connect } from "node:net";
import { after, before, beforeEach, describe, it } from "node:test";
import { startEmulator, type EmulatorHandle } from "../../emulator/index";
import { apikeyHeader, assertMaximoError, send } from "./support/testClient";

/** Sends a raw GET and collects every byte until the server closes the socket. */
function rawGet(port: number, path: string, headers: Record<string, string>): Promise<{ bytes: Buffer; error?: Error }> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    const head = Object.entries({ host: `127.0.0.1:${port}`, connection: "close", ...headers })
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join("");
    socket.on("connect", () => socket.write(`GET ${path} HTTP/1.1\r\n${head}\r\n`));
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("error", (error) => resolve({ bytes: Buffer.concat(chunks), error }));
    socket.on("close", () => resolve({ bytes: Buffer.concat(chunks) }));
  });
}

describe("control API", () => {
  let emu: EmulatorHandle;
  let control: string;
  const json = { "content-type": "application/json" };
  const addFault = async (spec: object) => {
    const response = await send(`${control}/faults`, { method: "POST", headers: json, body: JSON.stringify(spec) });
    assert.equal(response.status, 201, response.text);
  };

  before(async () => {
    emu = await startEmulator({ port: 0 });
    control = emu.url.replace(/\/maximo$/, "/emulator");
  });
  after(() => emu.close());
  beforeEach(async () => {
    assert.equal((await send(`${control}/reset`, { method: "POST" })).status, 204);
  });

  it("429 fault: Retry-After and a Maximo body, for `count` requests only", async () => {
    await addFault({ path: "/oslc/whoami", kind: "429", retryAfter: 7, count: 1 });
    const limited = await send(`${emu.url}/oslc/whoami`, { headers: apikeyHeader });
    assertMaximoError(limited, 429);
    assert.equal(limited.headers["retry-after"], "7");
    assert.equal((await send(`${emu.url}/oslc/whoami`, { headers: apikeyHeader })).status, 200);
  });

  it("503 fault with a glob path and a method filter", async () => {
    await addFault({ path: "/maximo/oslc/os/*", method: "GET", kind: "503", count: 2 });
    assertMaximoError(await send(`${emu.url}/oslc/os/mxapiasset?oslc.pageSize=1`, { headers: apikeyHeader }), 503);
    assert.equal((await send(`${emu.url}/oslc/whoami`, { headers: apikeyHeader })).status, 200, "glob must not match whoami");
    assertMaximoError(await send(`${emu.url}/oslc/os/mxapiasset?oslc.pageSize=1`, { headers: apikeyHeader }), 503);
    assert.equal((await send(`${emu.url}/oslc/os/mxapiasset?oslc.pageSize=1`, { headers: apikeyHeader })).status, 200);
  });

  it("queryContains limits a fault to requests whose query string holds that text, and only those use it up", async () => {
    await addFault({ path: "*/os/mxapiasset*", kind: "503", queryContains: "oslc.where", count: 1 });
    // A read of the same structure without a where (as a background schema or list fetch makes) passes.
    assert.equal((await send(`${emu.url}/oslc/os/mxapiasset?oslc.pageSize=1`, { headers: apikeyHeader })).status, 200);
    assertMaximoError(await send(`${emu.url}/oslc/os/mxapiasset?oslc.where=${encodeURIComponent('status="OPERATING"')}`, { headers: apikeyHeader }), 503);
    assert.equal((await send(`${emu.url}/oslc/os/mxapiasset?oslc.where=${encodeURIComponent('status="OPERATING"')}`, { headers: apikeyHeader })).status, 200, "count 1: spent");
    assert.equal((await send(`${control}/faults`, { method: "POST", headers: json, body: JSON.stringify({ path: "x", kind: "503", queryContains: 3 }) })).status, 400);
  });

  it("latency fault delays the answer", async () => {
    await addFault({ path: "whoami", kind: "latency", latencyMs: 150 });
    const started = performance.now();
    assert.equal((await send(`${emu.url}/oslc/whoami`, { headers: apikeyHeader })).status, 200);
    assert.ok(performance.now() - started >= 140, "answered too soon");
  });

  it("reset fault destroys the socket without an answer", async () => {
    await addFault({ path: "whoami", kind: "reset", count: 1 });
    await assert.rejects(send(`${emu.url}/oslc/whoami`, { headers: apikeyHeader }), (error: NodeJS.ErrnoException) =>
      ["ECONNRESET", "EPIPE"].includes(error.code ?? "") || /socket hang up/.test(error.message),
    );
    const raw = await rawGet(emu.port, "/maximo/oslc/whoami", apikeyHeader);
    assert.match(raw.bytes.toString("latin1"), /^HTTP\/1\.1 200/, "count 1: the next request is answered");
  });

  it("truncate fault: Content-Length promises more bytes than arrive before the close", async () => {
    await addFault({ path: "whoami", kind: "truncate" });
    const { bytes } = await rawGet(emu.port, "/maximo/oslc/whoami", apikeyHeader);
    const text = bytes.toString("latin1");
    const headEnd = text.indexOf("\r\n\r\n");
    assert.ok(headEnd > 0, "headers were sent");
    assert.match(text, /^HTTP\/1\.1 200/);
    const declared = Number(/content-length: (\d+)/i.exec(text.slice(0, headEnd))?.[1]);
    const received = bytes.length - (headEnd + 4);
    assert.ok(declared > 0 && received < declared, `declared ${declared}, received ${received}`);
    // A client sees the short body as an error.
    await assert.rejects(send(`${emu.url}/oslc/whoami`, { headers: apikeyHeader }));
  });

  it("slow fault trickles the body at bytesPerSecond", async () => {
    const normal = await send(`${emu.url}/oslc/whoami`, { headers: apikeyHeader });
    await addFault({ path: "whoami", kind: "slow", bytesPerSecond: normal.text.length * 2 });
    const started = performance.now();
    const slow = await send(`${emu.url}/oslc/whoami`, { headers: apikeyHeader });
    assert.equal(slow.text, normal.text);
    assert.ok(performance.now() - started >= 400, "about half a second for the whole body");
  });

  it("lists, validates and clears faults", async () => {
    await addFault({ path: "whoami", kind: "503" });
    const listed = await send(`${control}/faults`);
    assert.deepEqual((listed.json as Array<{ kind: string; path: string }>).map((f) => [f.kind, f.path]), [["503", "whoami"]]);
    assertMaximoError(await send(`${control}/faults`, { method: "POST", headers: json, body: '{"path":"x","kind":"boom"}' }), 400);
    assert.equal((await send(`${control}/faults`, { method: "DELETE" })).status, 204);
    assert.equal((await send(`${emu.url}/oslc/whoami`, { headers: apikeyHeader })).status, 200);
  });

  it("the in-process handle has the same fault controls", async () => {
    emu.addFault({ path: "whoami", kind: "503", count: 1 });
    assertMaximoError(await send(`${emu.url}/oslc/whoami`, { headers: apikeyHeader }), 503);
    assert.equal(emu.faults.list().length, 0, "spent faults drop out");
  });

  it("ignoreField fault: an update answers 204 but keeps that one attribute (a key a real server does not read, PRODUCT.md)", async () => {
    await addFault({ path: "*", kind: "ignoreField", attribute: "description", os: "mxapiasset", count: 1 });
    const row = emu.emulator.store.rows("asset")[0]!;
    const member = `${emu.url}/oslc/os/mxapiasset/${emu.emulator.store.restId("asset", row)}`;
    const before = String(row.description);
    const read = await send(`${member}?lean=1`, { headers: apikeyHeader });
    assert.equal(read.status, 200, "a GET does not use up the fault");
    const update = await send(`${member}?lean=1`, {
      method: "POST",
      headers: { ...apikeyHeader, ...json, "x-method-override": "PATCH", patchtype: "MERGE" },
      body: JSON.stringify({ description: "Ignored by the fault", serialnum: "SN-IGNORE-1" }),
    });
    assert.equal(update.status, 204, update.text);
    const after = (await send(`${member}?lean=1&oslc.select=description,serialnum`, { headers: apikeyHeader })).json as Record<string, unknown>;
    assert.equal(after.description, before, "the ignored attribute keeps its old value");
    assert.equal(after.serialnum, "SN-IGNORE-1", "the other attributes of the same update are applied");
    const again = await send(`${member}?lean=1`, {
      method: "POST",
      headers: { ...apikeyHeader, ...json, "x-method-override": "PATCH", patchtype: "MERGE" },
      body: JSON.stringify({ description: "Applied once the fault is spent" }),
    });
    assert.equal(again.status, 204);
    assert.equal(emu.emulator.store.rows("asset")[0]!.description, "Applied once the fault is spent");
    assertMaximoError(await send(`${control}/faults`, { method: "POST", headers: json, body: '{"path":"*","kind":"ignoreField"}' }), 400);
  });

  it("request log records method, path, query, headers and body as sent, and clears", async () => {
    await send(`${emu.url}/oslc/os/mxapiasset?oslc.where=assetnum%3D%2211430%22&lean=1`, { headers: apikeyHeader });
    await send(`${emu.url}/oslc/os/mxapiasset`, {
      method: "POST",
      headers: { ...apikeyHeader, ...json, "x-method-override": "BULK" },
      body: '[{"_data":{"assetnum":"LOGGED"}}]',
    });
    const log = (await send(`${control}/log`)).json as Array<Record<string, unknown>>;
    assert.equal(log.length, 2, "control requests are not logged");
    assert.deepEqual([log[0]!.method, log[0]!.path, log[0]!.query], ["GET", "/maximo/oslc/os/mxapiasset", "oslc.where=assetnum%3D%2211430%22&lean=1"]);
    assert.equal((log[0]!.headers as Record<string, string>).apikey, "emulator-apikey");
    assert.equal(log[1]!.method, "POST");
    assert.equal((log[1]!.headers as Record<string, string>)["x-method-override"], "BULK");
    assert.equal(log[1]!.body, '[{"_data":{"assetnum":"LOGGED"}}]');
    assert.equal(log[0]!.status, 200);
    assert.equal((await send(`${control}/log`, { method: "DELETE" })).status, 204);
    assert.deepEqual((await send(`${control}/log`)).json, []);
  });

  it("reset restores the seeded data", async () => {
    const store = emu.emulator.store;
    const seeded = store.rows("asset").length;
    const row = store.rows("asset")[0]!;
    const restId = store.restId("asset", row);
    store.remove("asset", row);
    assertMaximoError(await send(`${emu.url}/oslc/os/mxapiasset/${restId}`, { headers: apikeyHeader }), 404);
    assert.equal((await send(`${control}/reset`, { method: "POST" })).status, 204);
    assert.equal(emu.emulator.store.rows("asset").length, seeded);
    assert.equal((await send(`${emu.url}/oslc/os/mxapiasset/${restId}`, { headers: apikeyHeader })).status, 200);
  });

  it("clock: advancing moves emulator.now() and ends idle sessions", async () => {
    const before = emu.emulator.now();
    const moved = await send(`${control}/clock`, { method: "POST", headers: json, body: JSON.stringify({ advanceMs: 3_600_000 }) });
    assert.equal(moved.status, 200);
    assert.ok(emu.emulator.now() - before >= 3_600_000);
    assertMaximoError(await send(`${control}/clock`, { method: "POST", headers: json, body: '{"advanceMs":"soon"}' }), 400);
  });

  it("session expiry ends a /login session (PRODUCT.md: sessions expire, API keys do not)", async () => {
    const login = await send(`${emu.url}/oslc/login`, {
      method: "POST",
      headers: { maxauth: Buffer.from("maxadmin:maxadmin").toString("base64") },
    });
    assert.equal(login.status, 200, login.text);
    const cookie = ([] as string[]).concat(login.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
    assert.ok(cookie.includes("JSESSIONID="), cookie);
    assert.equal((await send(`${emu.url}/oslc/whoami`, { headers: { cookie } })).status, 200);
    assert.equal((await send(`${control}/sessions/expire`, { method: "POST" })).status, 204);
    assertMaximoError(await send(`${emu.url}/oslc/whoami`, { headers: { cookie } }), 401);
    assert.equal((await send(`${emu.url}/oslc/whoami`, { headers: apikeyHeader })).status, 200);
  });

  it("session expiry also ends OAuth bearer tokens, so token clients must fetch a new one", async () => {
    const origin = new URL(emu.url).origin;
    const token = await send(`${origin}/auth/realms/mas/protocol/openid-connect/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "grant_type=client_credentials&client_id=workbench&client_secret=workbench-secret",
    });
    const bearer = { authorization: `Bearer ${(token.json as { access_token: string }).access_token}` };
    assert.equal((await send(`${emu.url}/oslc/whoami`, { headers: bearer })).status, 200);
    assert.equal((await send(`${control}/sessions/expire`, { method: "POST" })).status, 204);
    assertMaximoError(await send(`${emu.url}/oslc/whoami`, { headers: bearer }), 401);
  });

  it("unknown control paths are 404 and wrong methods 405", async () => {
    assertMaximoError(await send(`${control}/nothing`), 404);
    assertMaximoError(await send(`${control}/reset`), 405);
  });
});
