/**
 * The lost answer of JSON API reference §29 over a real socket: `resetAfterCommit` applies a
 * BULK request (§15) and cuts the connection before any answer; the same transactionid again
 * is refused with 409 and applied no second time. `reset` cuts before anything is applied.
 */
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, test } from "node:test";
import { startEmulator, type EmulatorHandle } from "../../emulator/index";

let emu: EmulatorHandle;
before(async () => {
  emu = await startEmulator({ port: 0, options: { workOrders: 20 } });
});
after(() => emu.close());
beforeEach(() => emu.reset());

const headers = { apikey: "emulator-apikey", "x-method-override": "BULK", "content-type": "application/json", transactionid: "bulk-lost-1" };
const body = JSON.stringify([{ _data: { assetnum: "LOST-1", siteid: "BEDFORD" } }, { _data: { assetnum: "LOST-2", siteid: "BEDFORD" } }]);
const bulk = () => fetch(`${emu.url}/oslc/os/mxapiasset?lean=1`, { method: "POST", headers, body });
const stored = () => emu.emulator.store.rows("asset").filter((r) => String(r.assetnum).startsWith("LOST-")).length;

describe("BULK with a lost answer (reference §29)", () => {
  test("resetAfterCommit: the items are saved, the client gets no answer; a repeat with the same transactionid is 409 and saves nothing", async () => {
    emu.addFault({ path: "*/os/mxapiasset", method: "BULK", kind: "resetAfterCommit", count: 1 });
    await assert.rejects(bulk());
    assert.equal(stored(), 2, "committed before the cut");
    const again = await bulk();
    assert.equal(again.status, 409);
    assert.equal(stored(), 2, "not applied twice");
  });

  test("reset: nothing is applied, so the repeat goes through", async () => {
    emu.addFault({ path: "*/os/mxapiasset", method: "BULK", kind: "reset", count: 1 });
    await assert.rejects(bulk());
    assert.equal(stored(), 0);
    const again = await bulk();
    assert.equal(again.status, 200);
    assert.equal(stored(), 2);
  });

  test("a GET does not use up a BULK fault", async () => {
    emu.addFault({ path: "*/os/mxapiasset", method: "BULK", kind: "resetAfterCommit", count: 1 });
    assert.equal((await fetch(`${emu.url}/oslc/os/mxapiasset?lean=1&oslc.pageSize=1`, { headers: { apikey: "emulator-apikey" } })).status, 200);
    await assert.rejects(bulk());
  });
});
