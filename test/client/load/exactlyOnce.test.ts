/**
 * Exactly once under the emulator's fault knobs, mid-load: 429 with Retry-After and 503 (the
 * executor repeats the batch with the same transactionid), a reset before the request is
 * applied, and the lost answers of JSON API reference §29 (a cut after the commit, a truncated
 * answer), after which the rows are read back by key (§5 where) before anything is sent again.
 * Each ends with every good row stored once and the results naming exactly the bad rows.
 */
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, test } from "node:test";
import type { PlanItem, RowResult } from "../../../client/src/load/contract";
import { MemoryLoadState } from "../../../client/src/load/loadState";
import { sendLoad } from "../../../client/src/load/sendLoad";
import type { FaultSpec } from "../../../emulator/control/faults";
import { startEmulator, type EmulatorHandle } from "../../../emulator/index";
import { assetRow, assetTarget, planItems, storedAssets } from "./support";

let emu: EmulatorHandle;
before(async () => {
  emu = await startEmulator({ port: 0, options: { workOrders: 20 } });
});
after(() => emu.close());
beforeEach(() => emu.reset());

/** Ten data rows: row 5 names a site that does not exist (the server refuses it), row 8 is invalid in the file. */
function tenRows(): PlanItem[] {
  return Array.from({ length: 10 }, (_, i): PlanItem => {
    const n = i + 1;
    if (n === 8) return { kind: "invalid", row: { row: 8, keys: { assetnum: "EO-8", siteid: "BEDFORD" }, problems: [{ column: "priority", message: "not an integer" }] } };
    const row = assetRow(n, `EO-${n}`);
    if (n === 5) return { kind: "row", row: { ...row, record: { ...row.record, siteid: "NOSUCH" }, keys: { assetnum: "EO-5", siteid: "NOSUCH" } } };
    return { kind: "row", row };
  });
}

const goodRows = ["EO-1", "EO-10", "EO-2", "EO-3", "EO-4", "EO-6", "EO-7", "EO-9"];

async function loadTen(state = new MemoryLoadState()): Promise<{ results: RowResult[]; lines: string[] }> {
  const { target, executor, lines } = await assetTarget(emu);
  const results: RowResult[] = [];
  try {
    const summary = await sendLoad(planItems(tenRows()), { target, action: "add", contentHash: "ten", batchSize: 3, state, onResult: (r) => void results.push(r), log: (l) => lines.push(l) });
    assert.equal(summary.interrupted, undefined);
    return { results, lines };
  } finally {
    executor.close();
  }
}

function assertExactlyOnce(results: RowResult[]): void {
  const stored = storedAssets(emu, "EO-").map((r) => String(r.assetnum)).sort();
  assert.deepEqual(stored, goodRows, "every good row stored once, the bad ones not at all");
  assert.deepEqual(results.map((r) => r.row), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], "one result per data row, in order");
  assert.deepEqual(results.filter((r) => r.status === "failed").map((r) => r.row), [5, 8], "exactly the bad rows fail");
  assert.equal(results.find((r) => r.row === 5)!.reasonCode, "BMXAA4153E", "the server's own reason for row 5, not a guess");
}

/** Batch 2 holds rows 4, 5 and 6; the faults hit it (and only the payload that holds row 4). */
const secondBatch: Pick<FaultSpec, "path" | "method" | "bodyContains"> = { path: "*/os/mxapiasset", method: "BULK", bodyContains: '"EO-4"' };

describe("exactly once under faults mid-load", () => {
  test("429 with Retry-After, twice: the batch is repeated with the same transactionid", async () => {
    emu.addFault({ ...secondBatch, kind: "429", retryAfter: 0, count: 2 });
    const { results } = await loadTen();
    assertExactlyOnce(results);
    const ids = emu.log.list().filter((r) => r.body.includes('"EO-4"')).map((r) => r.headers.transactionid);
    assert.equal(ids.length, 3);
    assert.equal(new Set(ids).size, 1, "one transactionid for every attempt");
  });

  test("429 beyond the executor's own retries: the batch waits and goes again; no row fails for it", async () => {
    emu.addFault({ ...secondBatch, kind: "429", retryAfter: 0, count: 8 });
    const { results, lines } = await loadTen();
    assertExactlyOnce(results);
    assert.ok(lines.some((l) => /busy \(429\)/.test(l)), lines.join("\n"));
  });

  test("503 twice", async () => {
    emu.addFault({ ...secondBatch, kind: "503", count: 2 });
    assertExactlyOnce((await loadTen()).results);
  });

  test("a reset before the request is applied", async () => {
    emu.addFault({ ...secondBatch, kind: "reset", count: 1 });
    assertExactlyOnce((await loadTen()).results);
  });

  test("a cut after the commit: the repeat is answered 409 (already applied) and the rows are read back", async () => {
    emu.addFault({ ...secondBatch, kind: "resetAfterCommit", count: 1 });
    const { results, lines } = await loadTen();
    assertExactlyOnce(results);
    assert.ok(lines.some((l) => /409/.test(l)), lines.join("\n"));
    const readBack = emu.log.list().filter((r) => r.method === "GET" && decodeURIComponent(r.query).includes("EO-4"));
    assert.equal(readBack.length, 1, "one read by key for the batch");
    assert.match(decodeURIComponent(readBack[0]!.query), /assetnum in \["EO-4","EO-5","EO-6"\] and siteid in \["BEDFORD","NOSUCH"\]/);
  });

  test("every attempt cut after the commit: read back, then only the row that did not land is sent again", async () => {
    emu.addFault({ ...secondBatch, kind: "resetAfterCommit", count: 20 });
    assertExactlyOnce((await loadTen()).results);
    const resent = emu.log.list().filter((r) => r.method === "POST" && r.body.includes('"EO-5"') && !r.body.includes('"EO-4"'));
    assert.equal(resent.length, 1);
    assert.match(resent[0]!.headers.transactionid ?? "", /-1\.1$/, "a new payload, a new transactionid (batch 1, round 1)");
  });

  test("a truncated answer after the commit", async () => {
    emu.addFault({ ...secondBatch, kind: "truncate", count: 1 });
    const { results, lines } = await loadTen();
    assertExactlyOnce(results);
    assert.ok(lines.some((l) => /answer was lost/.test(l)), lines.join("\n"));
  });

  test("resume: a batch an earlier run started but never recorded is read back before anything is sent", async () => {
    // The earlier run: batch 0 (rows 1-3) reached the server, then the process died.
    const state = new MemoryLoadState();
    state.started(0);
    await fetch(`${emu.url}/oslc/os/mxapiasset?lean=1`, {
      method: "POST",
      headers: { apikey: "emulator-apikey", "x-method-override": "BULK", "content-type": "application/json" },
      body: JSON.stringify(["EO-1", "EO-2"].map((assetnum) => ({ _data: { assetnum, siteid: "BEDFORD", description: `Loaded ${assetnum}` } }))),
    });
    emu.log.clear();
    const { results } = await loadTen(state);
    assertExactlyOnce(results);
    const first = emu.log.list().filter((r) => r.method === "POST")[0]!;
    assert.deepEqual((JSON.parse(first.body) as Array<{ _data: { assetnum: string } }>).map((i) => i._data.assetnum), ["EO-3"], "only the row that had not landed");
  });
});

describe("rows that cannot be read back are never sent twice (found by an audit)", () => {
  /** Six assets without an assetnum: Maximo numbers each; only the description tells them apart. */
  function numbered(): PlanItem[] {
    return Array.from({ length: 6 }, (_, i): PlanItem => ({ kind: "row", row: { row: i + 1, record: { siteid: "BEDFORD", description: `KL-${i + 1}` }, keys: { assetnum: "", siteid: "BEDFORD" } } }));
  }
  const storedByDescription = () => emu.emulator.store.rows("asset").filter((r) => String(r.description ?? "").startsWith("KL-")).map((r) => String(r.description)).sort();

  async function loadNumbered(state = new MemoryLoadState()): Promise<RowResult[]> {
    const { target, executor } = await assetTarget(emu);
    const results: RowResult[] = [];
    try {
      await sendLoad(planItems(numbered()), { target, action: "add", contentHash: "numbered", batchSize: 3, state, onResult: (r) => void results.push(r) });
      return results;
    } finally {
      executor.close();
    }
  }

  test("a cut after the commit: the 409 says the batch was applied; its numbered rows are reported, not sent again", async () => {
    emu.addFault({ path: "*/os/mxapiasset", method: "BULK", bodyContains: '"KL-4"', kind: "resetAfterCommit", count: 1 });
    const results = await loadNumbered();
    assert.deepEqual(storedByDescription(), ["KL-1", "KL-2", "KL-3", "KL-4", "KL-5", "KL-6"], "each row stored once");
    assert.deepEqual(results.filter((r) => r.status === "failed").map((r) => r.row), [4, 5, 6]);
    assert.match(results[3]!.message ?? "", /Not confirmed: the server says this batch was already applied \(HTTP 409.*Maximo numbers it.*not sent again/);
  });

  test("resume: a numbered batch an earlier run sent is reported, not sent again (the server may have forgotten its id)", async () => {
    const state = new MemoryLoadState();
    state.started(0);
    await fetch(`${emu.url}/oslc/os/mxapiasset?lean=1`, {
      method: "POST",
      headers: { apikey: "emulator-apikey", "x-method-override": "BULK", "content-type": "application/json" },
      body: JSON.stringify(["KL-1", "KL-2", "KL-3"].map((description) => ({ _data: { siteid: "BEDFORD", description } }))),
    });
    const results = await loadNumbered(state);
    assert.deepEqual(storedByDescription(), ["KL-1", "KL-2", "KL-3", "KL-4", "KL-5", "KL-6"]);
    assert.deepEqual(results.filter((r) => r.status === "failed").map((r) => r.row), [1, 2, 3]);
    assert.match(results[0]!.message ?? "", /an earlier run sent this batch/);
  });

  test("an update that adds child rows: a lost answer is not 'confirmed' by the record existing; the same payload goes again under the same id", async () => {
    const { target, executor } = await assetTarget(emu, { os: "mxapiwodetail" });
    const wo = emu.emulator.store.rows("workorder")[0]!;
    const labor = () => emu.emulator.store.rows("wplabor").filter((r) => r.laborcode === "KLLABOR").length;
    const before = labor();
    emu.addFault({ path: "*/os/mxapiwodetail", method: "BULK", bodyContains: "KLLABOR", kind: "reset", count: 6 });
    const results: RowResult[] = [];
    try {
      const row = { row: 1, record: { wonum: wo.wonum, siteid: wo.siteid, wplabor: [{ laborcode: "KLLABOR", laborhrs: 7 }] }, keys: { wonum: String(wo.wonum), siteid: String(wo.siteid) } };
      await sendLoad(planItems([{ kind: "row", row }]), { target, action: "update", contentHash: "child", batchSize: 5, onResult: (r) => void results.push(r) });
    } finally {
      executor.close();
    }
    assert.equal(labor() - before, 1, "the labor line exists once");
    assert.equal(results[0]!.status, "ok", results[0]!.message);
    const posts = emu.log.list().filter((r) => r.method === "POST" && r.body.includes("KLLABOR"));
    assert.ok(posts.length > 1 && posts.every((p) => p.headers.transactionid === posts[0]!.headers.transactionid), "every attempt under the batch's one id");
  });
});
