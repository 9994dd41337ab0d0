/**
 * The `# @verify` engine (client/src/verify/): which requests are single-record updates (JSON API
 * reference §11 "Update": POST + x-method-override PATCH to a member URI), how values compare
 * as the server stores them, and the read-back against the emulator.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createExecutor, type Executor } from "../../../client/src/http/executor";
import type { OutgoingRequest } from "../../../client/src/http/types";
import { compareFields, sameStoredValue, updateTargetOf, verifyUpdate } from "../../../client/src/verify/index";
import { startEmulator, type EmulatorHandle } from "../../../emulator/index";
import { apikeyConnection, apikeySecrets } from "../http/support";

function request(method: string, url: string, body: unknown, headers: Record<string, string> = {}): OutgoingRequest {
  return { method, url: new URL(url), headers: new Map(Object.entries(headers)), body: Buffer.from(typeof body === "string" ? body : JSON.stringify(body)) };
}

const member = "http://127.0.0.1:1/maximo/oslc/os/mxapiasset/_QkVERk9SRC8xMTQzMA--";

describe("updateTargetOf", () => {
  test("POST + x-method-override PATCH (or MERGE) to a member: the top-level scalars, keyed as a lean read names them", () => {
    const target = updateTargetOf(request("POST", `${member}?lean=1`, { description: "x", wopriority: 2, "spi:status": "OK", DESCRIPTION: "y", assetmeter: [{ a: 1 }], _rowstamp: "1", href: "h", child: { b: 1 }, flag: null }, { "x-method-override": "PATCH" }));
    assert.ok(!("notVerifiable" in target));
    assert.equal(target.member.href, member, "the query of the update is not part of the read-back");
    assert.deepEqual(target.fields.map((f) => [f.key, f.attribute]), [["description", "description"], ["wopriority", "wopriority"], ["spi:status", "status"], ["DESCRIPTION", "description"], ["flag", "flag"]]);
    assert.ok(!("notVerifiable" in updateTargetOf(request("PATCH", member, { a: 1 }))));
    assert.ok(!("notVerifiable" in updateTargetOf(request("POST", member, { a: 1 }, { "x-method-override": "merge" }))));
  });

  test("anything else says why it is not verified", () => {
    const why = (r: OutgoingRequest) => {
      const target = updateTargetOf(r);
      return "notVerifiable" in target ? target.notVerifiable : "";
    };
    assert.match(why(request("GET", member, "")), /this is a GET/);
    assert.match(why(request("POST", "http://h/maximo/oslc/os/mxapiasset", { a: 1 })), /this is a POST/, "a create");
    assert.match(why(request("POST", "http://h/maximo/oslc/os/mxapiasset", [{ a: 1 }], { "x-method-override": "BULK" })), /POST with x-method-override: BULK/);
    assert.match(why(request("POST", "http://h/maximo/oslc/os/mxapiasset", { a: 1 }, { "x-method-override": "PATCH" })), /not a member href/);
    assert.match(why(request("POST", `${member}?action=wsmethod:changeStatus`, { status: "X" }, { "x-method-override": "PATCH" })), /actions/);
    assert.match(why(request("POST", member, "not json", { "x-method-override": "PATCH" })), /not JSON/);
    assert.match(why(request("POST", member, { list: [1] }, { "x-method-override": "PATCH" })), /sends none/);
  });
});

describe("sameStoredValue: compared as the server stores it", () => {
  test("numbers by value", () => {
    assert.ok(sameStoredValue(2, 2));
    assert.ok(sameStoredValue("2", 2));
    assert.ok(sameStoredValue(1.5, "1.50"));
    assert.ok(!sameStoredValue(2, 3));
    assert.ok(!sameStoredValue("05", "5"), "text that looks like a number is text when both sides are text (ALN)");
  });
  test("dates: without a zone by the written date and time; with a zone by the instant; a date alone by the day at midnight", () => {
    assert.ok(sameStoredValue("2027-03-01T08:30:00", "2027-03-01T08:30:00-05:00"), "the server reads a zoneless time in its own zone");
    assert.ok(sameStoredValue("2027-03-01T08:30", "2027-03-01T08:30:00+00:00"));
    assert.ok(!sameStoredValue("2027-03-01T08:30:00", "2027-03-01T09:30:00-05:00"));
    assert.ok(sameStoredValue("2027-03-02T10:00:00+02:00", "2027-03-02T08:00:00+00:00"));
    assert.ok(sameStoredValue("2027-03-02T08:00:00Z", "2027-03-02T03:00:00-05:00"));
    assert.ok(!sameStoredValue("2027-03-02T08:00:00Z", "2027-03-02T08:00:00-05:00"));
    assert.ok(sameStoredValue("2027-03-05", "2027-03-05T00:00:00-05:00"));
    assert.ok(!sameStoredValue("2027-03-05", "2027-03-06T00:00:00-05:00"));
  });
  test("text exactly, but an upper-cased answer (UPPER attributes) matches; booleans; empty", () => {
    assert.ok(sameStoredValue("Pump", "Pump"));
    assert.ok(!sameStoredValue("Pump", "pump"));
    assert.ok(sameStoredValue("appr", "APPR"));
    assert.ok(!sameStoredValue("Pump", "Valve"));
    assert.ok(sameStoredValue(true, true));
    assert.ok(sameStoredValue(true, 1));
    assert.ok(!sameStoredValue(false, true));
    assert.ok(sameStoredValue(null, undefined), "a lean answer leaves empty attributes out");
    assert.ok(sameStoredValue("", null));
    assert.ok(!sameStoredValue("x", undefined));
  });
  test("compareFields names the fields that differ", () => {
    const mismatches = compareFields(
      [
        { key: "description", attribute: "description", value: "A" },
        { key: "wopriority", attribute: "wopriority", value: "2" },
      ],
      { description: "B", wopriority: 2 },
    );
    assert.deepEqual(mismatches, [{ key: "description", attribute: "description", sent: "A", held: "B" }]);
  });
});

describe("verifyUpdate against the emulator", () => {
  let emu: EmulatorHandle;
  let executor: Executor;
  before(async () => {
    emu = await startEmulator({ port: 0, options: { workOrders: 10 } });
    executor = createExecutor({ connection: apikeyConnection(emu.url, "dev"), secrets: apikeySecrets });
  });
  after(async () => {
    executor.close();
    await emu.close();
  });

  async function update(body: Record<string, unknown>) {
    const row = emu.emulator.store.rows("asset")[0]!;
    const resolved = {
      line: 0,
      method: "POST",
      target: `${emu.url}/oslc/os/mxapiasset/${emu.emulator.store.restId("asset", row)}`,
      query: [{ key: "lean", value: "1" }],
      headers: [["x-method-override", "PATCH"], ["patchtype", "MERGE"], ["content-type", "application/json"]] as Array<[string, string]>,
      body: JSON.stringify(body),
      directives: { allPages: false, noRedirect: false, verify: true },
    };
    const response = await executor.execute(resolved);
    assert.equal(response.status, 204);
    return verifyUpdate(response.request, response, (outgoing, options) => executor.send(outgoing, options));
  }

  test("verified when the server holds the values", async () => {
    const result = await update({ description: "Engine verified", serialnum: "E-1" });
    assert.equal(result.kind, "verified", result.message);
  });

  test("a mismatch names the field when the server ignored it", async () => {
    emu.addFault({ path: "*", kind: "ignoreField", attribute: "serialnum", count: 1 });
    const result = await update({ description: "Engine kept", serialnum: "E-IGNORED" });
    assert.equal(result.kind, "mismatch");
    if (result.kind !== "mismatch") return;
    assert.deepEqual(result.mismatches.map((m) => m.attribute), ["serialnum"]);
    assert.match(result.message, /serialnum: sent "E-IGNORED"/);
  });

  test("a failed update is not verified (it already failed)", async () => {
    const response = { status: 400 };
    const result = await verifyUpdate(request("POST", `${emu.url}/oslc/os/mxapiasset/_X`, { a: 1 }, { "x-method-override": "PATCH" }), response, () => {
      throw new Error("no read-back for a failed update");
    });
    assert.deepEqual([result.kind, result.kind === "not-verified" ? result.reason : ""], ["not-verified", "update-failed"]);
  });
});
