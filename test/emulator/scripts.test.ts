/**
 * Automation scripts over MXSCRIPT / MXAPIAUTOSCRIPT as a script deploy tool meets them: the
 * MERGE update of launch points and variables (JSON API reference §11), ETag/If-Match
 * (practitioner guide "UPDATE"), a server without MXSCRIPT (PRODUCT.md: BMXAA9301E), the
 * OBJECTEVENT bit mask of the seed, and the `error` fault that refuses one kind of write.
 */
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { parseCli } from "../../emulator/control/cliOptions";
import { startEmulator, type EmulatorHandle } from "../../emulator/index";
import { apikeyHeader, assertMaximoError, send } from "./support/testClient";

const json = { ...apikeyHeader, "content-type": "application/json" };
const merge = { ...json, "x-method-override": "PATCH", patchtype: "MERGE" };

async function memberHref(emu: EmulatorHandle, os: string, name: string): Promise<string> {
  const response = await send(`${emu.url}/oslc/os/${os}?lean=1&oslc.where=${encodeURIComponent(`autoscript="${name}"`)}`, { headers: apikeyHeader });
  assert.equal(response.status, 200, response.text);
  return (response.json as { member: Array<{ href: string }> }).member[0]!.href;
}

describe("automation scripts", () => {
  let emu: EmulatorHandle;
  before(async () => {
    emu = await startEmulator({ port: 0, options: { workOrders: 20 } });
  });
  after(() => emu.close());
  beforeEach(() => emu.reset());

  it("the seed stores object launch-point events as real servers do: 6 = before save add+update, 1 = initialize", () => {
    assert.equal(emu.emulator.store.findByKey("scriptlaunchpoint", ["WOVALIDATEPRI"])!.objectevent, 6);
    assert.equal(emu.emulator.store.findByKey("scriptlaunchpoint", ["WODEFWORKTYPE"])!.objectevent, 1);
    assert.equal(emu.emulator.store.findByKey("scriptlaunchpoint", ["MXWBCLOSEWO"])!.actionname, "MXWBCLOSEWO");
  });

  it("reference §11: a MERGE adds a launch point with its bindings, updates a named one in place and keeps the rest", async () => {
    const href = await memberHref(emu, "mxscript", "WO_VALIDATE_PRIORITY");
    const before = await send(`${href}?lean=1`, { headers: apikeyHeader });
    const etag = before.headers.etag as string;
    const idBefore = emu.emulator.store.findByKey("scriptlaunchpoint", ["WOVALIDATEPRI"])!.scriptlaunchpointid;
    const body = {
      scriptlaunchpoint: [
        { launchpointname: "WOVALIDATEPRI", description: "changed", launchpointvars: [{ varname: "maxpri", varbindingvalue: "3" }] },
        { launchpointname: "WOVALIDATENEW", launchpointtype: "OBJECT", objectname: "WORKORDER", objectevent: 4, active: true, launchpointvars: [{ varname: "maxpri", varbindingvalue: "1" }] },
      ],
    };
    const updated = await send(`${href}?lean=1`, { method: "POST", headers: { ...merge, "if-match": etag }, body: JSON.stringify(body) });
    assert.equal(updated.status, 204, updated.text);
    const store = emu.emulator.store;
    assert.equal(store.findByKey("scriptlaunchpoint", ["WOVALIDATEPRI"])!.scriptlaunchpointid, idBefore);
    assert.equal(store.findByKey("scriptlaunchpoint", ["WOVALIDATEPRI"])!.objectevent, 6, "attributes not sent keep their values");
    assert.equal(store.findByKey("launchpointvars", ["WOVALIDATEPRI", "maxpri"])!.varbindingvalue, "3");
    const added = store.findByKey("launchpointvars", ["WOVALIDATENEW", "maxpri"])!;
    assert.equal(added.autoscript, "WO_VALIDATE_PRIORITY", "a launch point's variable takes the script from its launch point");
    assert.equal(store.rows("autoscriptvars").filter((r) => r.autoscript === "WO_VALIDATE_PRIORITY").length, 3, "variables not sent are kept");
  });

  it("practitioner guide UPDATE: the source update changes the ETag; the old ETag then gets 412", async () => {
    const href = await memberHref(emu, "mxapiautoscript", "MXWB_HELLO");
    const etag = (await send(`${href}?lean=1`, { headers: apikeyHeader })).headers.etag as string;
    const first = await send(`${href}?lean=1`, { method: "POST", headers: { ...merge, "if-match": etag }, body: JSON.stringify({ source: "responseBody = '1'\n" }) });
    assert.equal(first.status, 204);
    assert.notEqual(first.headers.etag, etag);
    const stale = await send(`${href}?lean=1`, { method: "POST", headers: { ...merge, "if-match": etag }, body: JSON.stringify({ source: "responseBody = '2'\n" }) });
    assertMaximoError(stale, 412);
    assert.equal(emu.emulator.store.findByKey("autoscript", ["MXWB_HELLO"])!.source, "responseBody = '1'\n");
  });

  it("an `error` fault with bodyContains refuses only the matching write, before anything of it is saved", async () => {
    const href = await memberHref(emu, "mxscript", "MXWB_CLOSE_WO");
    emu.addFault({ path: "*/os/mxscript/*", method: "PATCH", kind: "error", bodyContains: '"scriptlaunchpoint"', status: 400, reasonCode: "BMXAA4176E", message: "Launch point refused." });
    const refused = await send(`${href}?lean=1`, {
      method: "POST",
      headers: merge,
      body: JSON.stringify({ source: "x = 1\n", scriptlaunchpoint: [{ launchpointname: "MXWBCLOSEWO", description: "new" }] }),
    });
    assertMaximoError(refused, 400);
    assert.equal((refused.json as { Error: { reasonCode: string; message: string } }).Error.message, "BMXAA4176E - Launch point refused.");
    assert.match(String(emu.emulator.store.findByKey("autoscript", ["MXWB_CLOSE_WO"])!.source), /^# Action launch point/);
    const other = await send(`${href}?lean=1`, { method: "POST", headers: merge, body: JSON.stringify({ source: "x = 2\n" }) });
    assert.equal(other.status, 204, "a write without a launch point is not refused");
    assert.equal(emu.faults.list().length, 1, "no count: the fault stays");
  });

  it("fault specs for `error` are checked", async () => {
    const control = emu.url.replace(/\/maximo$/, "/emulator");
    for (const spec of [{ path: "x", kind: "error", status: 200 }, { path: "x", kind: "error", reasonCode: "E42" }, { path: "x", kind: "error", bodyContains: 3 }]) {
      assertMaximoError(await send(`${control}/faults`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(spec) }), 400);
    }
  });
});

describe("a server without MXSCRIPT", () => {
  let emu: EmulatorHandle;
  before(async () => {
    emu = await startEmulator({ port: 0, options: { workOrders: 20, withoutObjectStructures: ["mxscript"] } });
  });
  after(() => emu.close());

  it("answers MXSCRIPT with BMXAA9301E, leaves it out of apimeta, and serves MXAPIAUTOSCRIPT", async () => {
    const missing = await send(`${emu.url}/oslc/os/mxscript?lean=1`, { headers: apikeyHeader });
    assertMaximoError(missing, 400);
    assert.equal((missing.json as { Error: { reasonCode: string } }).Error.reasonCode, "BMXAA9301E");
    const meta = await send(`${emu.url}/oslc/apimeta?lean=1`, { headers: apikeyHeader });
    assert.ok(!meta.text.toLowerCase().includes('"mxscript"'));
    assert.equal((await send(`${emu.url}/oslc/os/mxapiautoscript?lean=1`, { headers: apikeyHeader })).status, 200);
  });

  it("--without-os sets the option from the command line", () => {
    const cli = parseCli(["--without-os", "MXSCRIPT, mxapiasset"]);
    assert.ok(typeof cli !== "string");
    assert.deepEqual(cli.options.withoutObjectStructures, ["mxscript", "mxapiasset"]);
  });
});
