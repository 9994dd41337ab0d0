/**
 * The load sender (client/src/load/) against the emulator: rows go in BULK batches (JSON API
 * reference §15) with a derived transactionid (§29), one result per data row in row order,
 * invalid rows never sent.
 */
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, test } from "node:test";
import type { PlanItem, RowResult } from "../../../client/src/load/contract";
import { ReadOnlyRefusal, sendLoad } from "../../../client/src/load/sendLoad";
import { startEmulator, type EmulatorHandle } from "../../../emulator/index";
import { assetRow, assetTarget, planItems, rows, storedAssets } from "./support";

let emu: EmulatorHandle;
before(async () => {
  emu = await startEmulator({ port: 0, options: { workOrders: 20 } });
});
after(() => emu.close());
beforeEach(() => emu.reset());

function bulkRequests(): Array<{ headers: Record<string, string>; body: string }> {
  return emu.log.list().filter((r) => r.method === "POST" && (r.headers["x-method-override"] ?? "").toUpperCase() === "BULK");
}

async function load(items: PlanItem[], extra: Partial<Parameters<typeof sendLoad>[1]> = {}, os = "mxapiasset") {
  const { target, executor, lines } = await assetTarget(emu, { os });
  const results: RowResult[] = [];
  try {
    const summary = await sendLoad(planItems(items), { target, action: "add", contentHash: "hash-1", batchSize: 3, onResult: (r) => void results.push(r), ...extra });
    return { summary, results, lines };
  } finally {
    executor.close();
  }
}

describe("sendLoad: BULK batches, one result per row", () => {
  test("rows go three to a BULK request with a derived transactionid; invalid rows fail unsent, in row order", async () => {
    const items: PlanItem[] = [
      ...rows([assetRow(1, "LD-1"), assetRow(2, "LD-2")]),
      { kind: "invalid", row: { row: 3, keys: { assetnum: "LD-3", siteid: "BEDFORD" }, problems: [{ column: "priority", message: "not an integer" }, { column: "DESCRIPTION", message: "description: holds at most 100 characters" }] } },
      ...rows([assetRow(4, "LD-4"), assetRow(5, "LD-5"), assetRow(6, "LD-6"), assetRow(7, "LD-7")]),
    ];
    const { summary, results } = await load(items);
    assert.deepEqual(results.map((r) => [r.row, r.status]), [[1, "ok"], [2, "ok"], [3, "failed"], [4, "ok"], [5, "ok"], [6, "ok"], [7, "ok"]]);
    assert.equal(results[2]!.message, "priority: not an integer; description: holds at most 100 characters", "a message that names its column is not prefixed again");
    assert.match(results[0]!.href ?? "", /\/os\/mxapiasset\/_/, "the Location of the create (reference §15.1 _responsemeta)");
    assert.deepEqual(storedAssets(emu, "LD-").map((r) => r.assetnum).sort(), ["LD-1", "LD-2", "LD-4", "LD-5", "LD-6", "LD-7"]);
    const sent = bulkRequests();
    assert.equal(sent.length, 2, "six valid rows, batches of three");
    const ids = sent.map((r) => r.headers.transactionid);
    assert.ok(ids.every((id) => /^mxwb-[0-9a-f]{20}-\d+$/.test(id ?? "")), String(ids));
    assert.notEqual(ids[0], ids[1]);
    const body = JSON.parse(sent[0]!.body) as unknown[];
    assert.deepEqual(body[0], { _data: { assetnum: "LD-1", siteid: "BEDFORD", description: "Loaded LD-1" } });
    assert.equal(summary.ok, 6);
    assert.equal(summary.failed, 1);
  });

  test("a row the server refuses fails with its reason code; the rest of the batch lands (reference §15.1)", async () => {
    const { results } = await load(rows([assetRow(1, "LD-A"), { ...assetRow(2, "LD-B"), record: { assetnum: "LD-B", siteid: "NOSUCHSITE" }, keys: { assetnum: "LD-B", siteid: "NOSUCHSITE" } }, assetRow(3, "LD-C")]));
    assert.deepEqual(results.map((r) => r.status), ["ok", "failed", "ok"]);
    assert.match(results[1]!.reasonCode ?? "", /^BMXAA\d{4}E$/);
    assert.ok(results[1]!.message);
    assert.equal(storedAssets(emu, "LD-").length, 2);
  });

  test("a read-only connection refuses the load before anything is sent", async () => {
    const { target, executor } = await assetTarget(emu, { readOnly: true });
    emu.log.clear();
    await assert.rejects(sendLoad(planItems(rows([assetRow(1, "LD-RO")])), { target, action: "add", contentHash: "h", onResult: () => {} }), ReadOnlyRefusal);
    executor.close();
    assert.equal(bulkRequests().length, 0);
    assert.equal(storedAssets(emu, "LD-RO").length, 0);
  });
});

describe("sendLoad: update, addchange, delete and child objects", () => {
  async function run(action: "add" | "update" | "addchange" | "delete", items: PlanItem[]) {
    const { target, executor } = await assetTarget(emu);
    const results: RowResult[] = [];
    try {
      await sendLoad(planItems(items), { target, action, contentHash: `h-${action}`, batchSize: 2, onResult: (r) => void results.push(r) });
    } finally {
      executor.close();
    }
    return results;
  }

  test("update: looked up by key, sent as PATCH with MERGE and the record's uri (reference §15); a row no record has fails unsent", async () => {
    await run("add", rows([assetRow(1, "UP-1"), assetRow(2, "UP-2")]));
    emu.log.clear();
    const results = await run("update", rows([assetRow(1, "UP-1", { description: "changed 1" }), assetRow(2, "UP-MISSING", { description: "x" }), assetRow(3, "UP-2", { description: "changed 2" })]));
    assert.deepEqual(results.map((r) => r.status), ["ok", "failed", "ok"]);
    assert.match(results[1]!.message ?? "", /No MXAPIASSET record has assetnum=UP-MISSING, siteid=BEDFORD/);
    assert.deepEqual(storedAssets(emu, "UP-").map((r) => [r.assetnum, r.description]).sort(), [["UP-1", "changed 1"], ["UP-2", "changed 2"]]);
    const bulk = emu.log.list().find((r) => r.method === "POST")!;
    const item = (JSON.parse(bulk.body) as Array<{ _data: Record<string, unknown>; _meta: Record<string, unknown> }>)[0]!;
    assert.deepEqual(item._data, { description: "changed 1" }, "the keys stay out of an update body; the uri names the record");
    assert.equal(item._meta.method, "PATCH");
    assert.equal(item._meta.patchtype, "MERGE");
    assert.match(String(item._meta.uri), /\/os\/mxapiasset\/_/);
    assert.equal(results[0]!.href, item._meta.uri);
  });

  test("addchange: records that exist are updated, the others added", async () => {
    await run("add", rows([assetRow(1, "AC-1")]));
    const results = await run("addchange", rows([assetRow(1, "AC-1", { description: "now changed" }), assetRow(2, "AC-2", { description: "new one" })]));
    assert.deepEqual(results.map((r) => r.status), ["ok", "ok"]);
    assert.deepEqual(storedAssets(emu, "AC-").map((r) => [r.assetnum, r.description]).sort(), [["AC-1", "now changed"], ["AC-2", "new one"]]);
  });

  test("delete: the records go; a row no record has fails", async () => {
    await run("add", rows([assetRow(1, "DL-1"), assetRow(2, "DL-2"), assetRow(3, "DL-3")]));
    const results = await run("delete", rows([assetRow(1, "DL-1"), assetRow(2, "DL-3"), assetRow(3, "DL-NONE")]));
    assert.deepEqual(results.map((r) => r.status), ["ok", "ok", "failed"]);
    assert.deepEqual(storedAssets(emu, "DL-").map((r) => r.assetnum), ["DL-2"]);
  });

  test("delete with the answer lost after the commit: a record that is gone counts as deleted", async () => {
    await run("add", rows([assetRow(1, "DX-1"), assetRow(2, "DX-2")]));
    emu.addFault({ path: "*/os/mxapiasset", method: "BULK", kind: "truncate", count: 1 });
    const results = await run("delete", rows([assetRow(1, "DX-1"), assetRow(2, "DX-2")]));
    assert.deepEqual(results.map((r) => r.status), ["ok", "ok"]);
    assert.equal(storedAssets(emu, "DX-").length, 0);
  });

  test("update with the answer lost after the commit: rows the server holds as sent are confirmed, nothing else is sent", async () => {
    await run("add", rows([assetRow(1, "UX-1"), assetRow(2, "UX-2")]));
    emu.addFault({ path: "*/os/mxapiasset", method: "BULK", kind: "resetAfterCommit", count: 10 });
    emu.log.clear();
    const results = await run("update", rows([assetRow(1, "UX-1", { description: "lost 1" }), assetRow(2, "UX-2", { description: "lost 2" })]));
    assert.deepEqual(results.map((r) => r.status), ["ok", "ok"]);
    assert.deepEqual(storedAssets(emu, "UX-").map((r) => r.description).sort(), ["lost 1", "lost 2"]);
  });

  test("child objects: an asset with its meters in one BULK item (reference §11 nested create)", async () => {
    const withMeters = assetRow(1, "CH-1", { assetmeter: [{ metername: "TEMP-F", active: true }, { metername: "RUNHOURS", active: true }] });
    const results = await run("add", rows([withMeters, assetRow(2, "CH-2")]));
    assert.deepEqual(results.map((r) => r.status), ["ok", "ok"]);
    const meters = emu.emulator.store.rows("assetmeter").filter((m) => m.assetnum === "CH-1").map((m) => m.metername).sort();
    assert.deepEqual(meters, ["RUNHOURS", "TEMP-F"]);
    const changed = assetRow(1, "CH-1", { assetmeter: [{ metername: "TEMP-F", lastreading: "42" }] });
    const update = await run("update", rows([changed]));
    assert.equal(update[0]!.status, "ok");
    const after = emu.emulator.store.rows("assetmeter").filter((m) => m.assetnum === "CH-1");
    assert.equal(after.length, 2, "MERGE keeps the meter the row does not name");
    assert.equal(after.find((m) => m.metername === "TEMP-F")!.lastreading, "42");
  });
});

describe("sendLoad: keys a where clause cannot carry", () => {
  test("an update whose key holds a double quote fails unsent; the other rows of its batch go on", async () => {
    const { target, executor } = await assetTarget(emu);
    const results: RowResult[] = [];
    try {
      await sendLoad(planItems(rows([assetRow(1, 'Q"1'), assetRow(2, "Q-MISSING")])), { target, action: "update", contentHash: "q", onResult: (r) => void results.push(r) });
    } finally {
      executor.close();
    }
    assert.deepEqual(results.map((r) => r.status), ["failed", "failed"]);
    assert.match(results[0]!.message ?? "", /cannot be written in oslc.where/);
    assert.match(results[1]!.message ?? "", /No MXAPIASSET record has/);
  });
});
