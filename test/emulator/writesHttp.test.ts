/** writes/ over HTTP against the seeded emulator: the guides' examples end to end. */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { startEmulator, type EmulatorHandle } from "../../emulator/index";
import { apikeyHeader, assertMaximoError, send } from "./support/testClient";

let emu: EmulatorHandle;
before(async () => {
  emu = await startEmulator({ port: 0 });
});
after(async () => {
  await emu.close();
});

const json = { ...apikeyHeader, "content-type": "application/json" };

describe("writes over HTTP", () => {
  test("JSON API reference §11: create with properties returns 201 + the record; PATCH with a stale If-Match is 412", async () => {
    const created = await send(`${emu.url}/oslc/os/mxapiwodetail?lean=1`, {
      method: "POST",
      headers: { ...json, properties: "wonum,status,description" },
      body: JSON.stringify({ siteid: "BEDFORD", description: "HTTP create", wplabor: [{ craft: "MECH", laborhrs: 2 }] }),
    });
    assert.equal(created.status, 201, created.text);
    const location = String(created.headers.location);
    assert.ok(location.startsWith(`${emu.url}/oslc/os/mxapiwodetail/_`), location);
    const record = created.json as Record<string, unknown>;
    assert.equal(record.status, "WAPPR");
    assert.equal(record.description, "HTTP create");
    const etag = String(created.headers.etag);
    const patched = await send(`${location}?lean=1`, { method: "POST", headers: { ...json, "x-method-override": "PATCH", "if-match": etag }, body: JSON.stringify({ description: "changed" }) });
    assert.equal(patched.status, 204, patched.text);
    const stale = await send(`${location}?lean=1`, { method: "POST", headers: { ...json, "x-method-override": "PATCH", "if-match": etag }, body: JSON.stringify({ description: "again" }) });
    assertMaximoError(stale, 412);
    const deleted = await send(location, { method: "DELETE", headers: apikeyHeader });
    assert.equal(deleted.status, 204, deleted.text);
  });

  test("JSON API reference §29: the same transactionid twice → 409 over HTTP", async () => {
    const post = () => send(`${emu.url}/oslc/os/mxapiasset?lean=1`, {
      method: "POST", headers: { ...json, transactionid: "http-tx-1" }, body: JSON.stringify({ assetnum: "HTTPTX1", siteid: "BEDFORD" }),
    });
    assert.equal((await post()).status, 201);
    assertMaximoError(await post(), 409);
  });

  test("JSON API reference §15.1: BULK over HTTP answers 200 with per-item results", async () => {
    const reply = await send(`${emu.url}/oslc/os/mxapiasset?lean=1`, {
      method: "POST", headers: { ...json, "x-method-override": "BULK" },
      body: JSON.stringify([{ _data: { assetnum: "test-5", siteid: "BEDFORDXXYY" } }, { _data: { assetnum: "test-6", siteid: "BEDFORD" } }]),
    });
    assert.equal(reply.status, 200, reply.text);
    const items = reply.json as Array<Record<string, Record<string, unknown>>>;
    assert.equal((items[0]._responsedata.Error as Record<string, unknown>).reasonCode, "BMXAA4153E");
    assert.equal(items[1]._responsemeta.status, "201");
  });

  test("JSON API reference §16.2 and §14: upload then download an attachment; run countofwoandsr", async () => {
    const list = await send(`${emu.url}/oslc/os/mxapiwodetail?lean=1&oslc.pageSize=1`, { headers: apikeyHeader });
    const href = String(((list.json as { member: Array<{ href: string }> }).member[0]).href);
    const upload = await send(`${href}/doclinks`, { method: "POST", headers: { ...apikeyHeader, slug: "note.txt", "x-document-meta": "FILE/Attachments", "content-type": "text/plain" }, body: "note body" });
    assert.equal(upload.status, 201, upload.text);
    const file = await send(String(upload.headers.location), { headers: apikeyHeader });
    assert.equal(file.text, "note body");
    assert.equal(file.headers.link, String(upload.headers.link));
    const script = await send(`${emu.url}/oslc/script/countofwoandsr?site=BEDFORD`, { headers: apikeyHeader });
    assert.equal(script.status, 200, script.text);
    const counts = script.json as { wocount: number; srcount: number; total: number };
    assert.ok(counts.wocount > 0);
    assert.equal(counts.total, counts.wocount + counts.srcount);
  });
});
