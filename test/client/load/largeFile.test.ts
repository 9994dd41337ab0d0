/**
 * A 50 MB CSV streams through planLoad: the row count is right and the memory the load keeps
 * (heap measured after a full garbage collection, at intervals while the rows are read) stays
 * far below the file's size — a memory bound, never a time. The contentHash is the sha256 of
 * the bytes: one byte changed, another hash (it makes each batch's transactionid).
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { createWriteStream, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { once } from "node:events";
import { afterEach, beforeEach, test } from "node:test";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { planLoad } from "../../../client/src/load/planLoad";
import { packSchema, scratchDir } from "./loadFixtures";

let scratch: ReturnType<typeof scratchDir>;
beforeEach(() => {
  scratch = scratchDir();
});
afterEach(() => scratch.remove());

/** A full collection, so heapUsed counts what is kept rather than garbage not yet collected. */
function collectedHeap(): number {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
  return process.memoryUsage().heapUsed;
}

const MB = 1024 * 1024;

async function writeLargeCsv(file: string, bytes: number): Promise<number> {
  const out = createWriteStream(file);
  out.write("assetnum,siteid,description,priority,installdate,purchaseprice,isrunning,description_longdescription\r\n");
  let written = 0;
  let rows = 0;
  const filler = "x".repeat(40);
  // Rows of about 1 KB: the file's size, not its row count, is what must not be held.
  const details = `"Inspection notes, ""as found"":\r\n${"lorem ipsum ".repeat(75)}"`;
  while (written < bytes) {
    const lines: string[] = [];
    for (let i = 0; i < 100; i++) {
      rows++;
      lines.push(`A-${rows},BEDFORD,"Pump ${rows}, ${filler}",${rows % 5},2026-02-10T08:00:00-05:00,${rows}.25,Y,${details}\r\n`);
    }
    const chunk = lines.join("");
    written += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  return rows;
}

test("a 50 MB CSV streams: every row planned, the heap kept far below the file's size", async (t) => {
  const file = join(scratch.dir, "large.csv");
  const rows = await writeLargeCsv(file, 50 * MB);
  const size = statSync(file).size;
  assert.ok(size >= 50 * MB, `the file is ${size} bytes`);

  const schema = packSchema("mxapiasset");
  const baseline = collectedHeap();
  const plan = await planLoad({ file, schema, action: "add" });
  let planned = 0;
  let invalid = 0;
  let peak = 0;
  let last: unknown;
  for await (const item of plan.items()) {
    if (item.kind === "row") planned++;
    else invalid++;
    last = item;
    if ((planned + invalid) % 5_000 === 0) peak = Math.max(peak, collectedHeap() - baseline);
  }
  peak = Math.max(peak, collectedHeap() - baseline);
  assert.equal(invalid, 0);
  assert.equal(planned, rows);
  assert.deepEqual(last, {
    kind: "row",
    row: {
      row: rows,
      record: { assetnum: `A-${rows}`, siteid: "BEDFORD", description: `Pump ${rows}, ${"x".repeat(40)}`, priority: rows % 5, installdate: "2026-02-10T08:00:00-05:00", purchaseprice: rows + 0.25, isrunning: true, description_longdescription: `Inspection notes, "as found":\r\n${"lorem ipsum ".repeat(75).trim()}` },
      keys: { assetnum: `A-${rows}`, siteid: "BEDFORD" },
    },
  });
  t.diagnostic(`${rows} rows, ${(size / MB).toFixed(1)} MB file, at most ${(peak / MB).toFixed(1)} MB of heap kept while planning`);
  assert.ok(peak < size / 10, `the load kept ${(peak / MB).toFixed(1)} MB of heap for a ${(size / MB).toFixed(0)} MB file`);
});

test("the contentHash is the sha256 of the file's bytes, and changes when one byte does", async () => {
  const csv = "assetnum,siteid\nA-1,BEDFORD\n";
  const file = scratch.file("a.csv", csv);
  const schema = packSchema("mxapiasset");
  const first = await planLoad({ file, schema, action: "add" });
  assert.equal(first.contentHash, createHash("sha256").update(readFileSync(file)).digest("hex"));
  assert.equal((await planLoad({ file, schema, action: "update" })).contentHash, first.contentHash, "the same bytes, the same hash");
  writeFileSync(file, csv.replace("A-1", "A-2"));
  assert.notEqual((await planLoad({ file, schema, action: "add" })).contentHash, first.contentHash);
});
