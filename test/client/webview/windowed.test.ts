/**
 * The DOM-free parts of the page's windowed mode for large bodies: the record and line index
 * built from parts as they stream in equals what a full parse finds; the caches never pass their
 * caps; sort and filter over records fetched again by byte range give the same rows as the
 * in-memory table.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { RecordScanner } from "../../../client/webview/model/bodyIndex";
import { LineIndex } from "../../../client/webview/model/lineIndex";
import { LineOffsets } from "../../../client/webview/model/lineOffsets";
import { LruCache } from "../../../client/webview/model/lruCache";
import { sortedPositions, sortedPositionsInSlices, TableModel } from "../../../client/webview/model/tableModel";
import { WindowedLines } from "../../../client/webview/model/windowedLines";
import { copyRowsCap, recordCacheCap, WindowedTable } from "../../../client/webview/model/windowedTable";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A deterministic pseudo-random generator, so a failure repeats. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** The body cut into parts of random sizes (1 byte to `max`). */
function parts(bytes: Uint8Array, next: () => number, max: number): Uint8Array[] {
  const cut: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; ) {
    const size = 1 + Math.floor(next() * max);
    cut.push(bytes.slice(at, at + size));
    at += size;
  }
  return cut;
}

function scan(bytes: Uint8Array, next: () => number, max: number): { scanner: RecordScanner; parsed: unknown[] } {
  const scanner = new RecordScanner();
  const parsed: unknown[] = [];
  for (const part of parts(bytes, next, max)) {
    const slice = scanner.push(part);
    if (slice) {
      const records = JSON.parse(`[${decoder.decode(slice.bytes)}]`) as unknown[];
      assert.equal(records.length, slice.count);
      assert.equal(slice.first, parsed.length);
      parsed.push(...records);
    }
  }
  scanner.finish();
  return { scanner, parsed };
}

const tricky = ['a "quoted" ] word', "back\\slash\\", "{not an object}", "ünïcödé ✓ 😀", "comma, [bracket]", ""];

function workOrders(count: number, next: () => number): Array<Record<string, unknown>> {
  return Array.from({ length: count }, (_, i) => {
    const record: Record<string, unknown> = { href: `http://h/wo/${i}`, wonum: `W${1000 + Math.floor(next() * 500)}`, description: tricky[i % tricky.length]! + i, wopriority: Math.floor(next() * 5) };
    if (i % 3 === 0) record.status = next() < 0.5 ? "APPR" : "WAPPR";
    if (i % 7 === 0) record.wplabor = [{ laborcode: "AMY", laborhrs: i % 4 }, { note: "]}" }];
    if (i % 11 === 0) record[`extra${i % 2}`] = true;
    return record;
  });
}

describe("RecordScanner: the records' byte ranges from a body in parts", () => {
  const next = random(7);
  const records = workOrders(400, next);
  const shapes: Array<[string, unknown]> = [
    ["member first", { member: records, responseInfo: { href: "x", totalCount: 400 } }],
    ["responseInfo first, pretty-printed", { responseInfo: { member: ["not it"], href: "x]" }, href: "y", member: records }],
    ["rdfs:member", { "rdfs:about": "z", "rdfs:member": records }],
    ["a top-level array", records],
    ["scalars", { member: [1, -2.5e3, "x,y]", true, null, { a: 1 }] }],
    ["no records", { member: [], responseInfo: {} }],
  ];
  for (const [name, value] of shapes) {
    test(`${name}: each range parses to the full parse's record, whatever the part sizes`, () => {
      const text = name.includes("pretty") ? JSON.stringify(value, null, 2) : JSON.stringify(value);
      const bytes = encoder.encode(text);
      const whole = JSON.parse(text) as unknown;
      const expected = (Array.isArray(whole) ? whole : ((whole as Record<string, unknown>).member ?? (whole as Record<string, unknown>)["rdfs:member"])) as unknown[];
      for (const max of [1, 7, 300, 5000, bytes.length]) {
        const { scanner, parsed } = scan(bytes, next, max);
        assert.equal(scanner.error, undefined);
        assert.equal(scanner.count, expected.length, `part sizes up to ${max}`);
        assert.deepEqual(parsed, expected);
        for (let i = 0; i < scanner.count; i++) {
          assert.deepEqual(JSON.parse(decoder.decode(bytes.subarray(scanner.starts.at(i), scanner.ends.at(i)))), expected[i]);
        }
        // The frame is the body without its records.
        const frame = JSON.parse(decoder.decode(scanner.frame()!)) as unknown;
        if (Array.isArray(whole)) assert.deepEqual(frame, []);
        else {
          const key = "member" in (whole as object) ? "member" : "rdfs:member";
          assert.deepEqual(frame, { ...(whole as object), [key]: [] });
        }
      }
    });
  }

  test("a body that is not a collection has no records; one cut short says so", () => {
    const single = scan(encoder.encode(JSON.stringify({ wonum: "1", member2: [1, 2] })), next, 5).scanner;
    assert.equal(single.count, 0);
    assert.equal(single.error, undefined);
    const cut = scan(encoder.encode(JSON.stringify({ member: records }).slice(0, 5000)), next, 100).scanner;
    assert.match(cut.error!, /ends inside a value/);
  });
});

describe("LineOffsets: Raw's lines from a body in parts", () => {
  const next = random(11);
  const texts = [
    JSON.stringify({ member: workOrders(300, next) }),
    JSON.stringify({ member: workOrders(200, next) }, null, 2),
    "line one\r\nline two\n\nünïcödé ✓ 😀 ".repeat(40) + "no final newline",
    "ends with a newline\n",
    "",
  ];
  for (const [n, text] of texts.entries()) {
    test(`text ${n}: the same lines, segments and widths as LineIndex over the whole bytes`, () => {
      const bytes = encoder.encode(text);
      const full = new LineIndex(bytes, 100);
      for (const max of [1, 3, 64, 1000, bytes.length + 1]) {
        const offsets = new LineOffsets(100);
        for (const part of parts(bytes, next, max)) offsets.push(part);
        offsets.finish();
        assert.equal(offsets.count, full.count, `part sizes up to ${max}`);
        assert.equal(offsets.longest, full.longest);
        for (let i = 0; i < full.count; i++) {
          assert.equal(offsets.isContinuation(i), full.isContinuation(i), `line ${i}`);
          const { start, end } = offsets.range(i);
          const line = decoder.decode(bytes.subarray(start, end)).replace(/\r?\n$/, "");
          assert.equal(line, full.line(i), `line ${i}`);
        }
      }
    });
  }

  test("WindowedLines fetches the lines drawn by byte range and keeps at most its cap", async () => {
    const text = Array.from({ length: 5000 }, (_, i) => `line ${i} ✓`).join("\n");
    const bytes = encoder.encode(text);
    const offsets = new LineOffsets(2000);
    for (const part of parts(bytes, next, 4096)) offsets.push(part);
    offsets.finish();
    let fetches = 0;
    const lines = new WindowedLines(offsets, (start, end) => (fetches++, Promise.resolve(bytes.slice(start, end))), new TextDecoder(), () => {});
    assert.equal(lines.line(4999), undefined, "not fetched yet");
    for (let i = 0; i < 5000; i++) lines.line(i);
    await lines.fetchWanted();
    assert.ok(lines.cachedLines <= 2000);
    assert.equal(lines.line(4999), "line 4999 ✓");
    assert.equal(lines.line(0), undefined, "an early line was dropped for the cap");
    assert.ok(fetches < 10, `consecutive lines come in few ranges (${fetches})`);
  });
});

describe("LruCache", () => {
  test("never holds more than its cap, and drops the least recently used", () => {
    const cache = new LruCache<number, string>(3);
    for (let i = 0; i < 100; i++) {
      cache.set(i, String(i));
      assert.ok(cache.size <= 3);
    }
    cache.get(97);
    cache.set(100, "100");
    assert.equal(cache.has(98), false);
    assert.equal(cache.get(97), "97");
  });
});

describe("WindowedTable: rows fetched by byte range, sort and filter by reading again", () => {
  const next = random(3);
  const records = workOrders(3000, next);
  const bytes = encoder.encode(JSON.stringify({ member: records }));

  async function windowed(): Promise<{ table: WindowedTable; fetched: () => number; scanner: RecordScanner }> {
    const { scanner, parsed } = scan(bytes, next, 64 * 1024);
    let bytesFetched = 0;
    const fetchRange = (start: number, end: number) => {
      assert.ok(start >= 0 && end <= bytes.length && end > start);
      bytesFetched += end - start;
      return Promise.resolve(bytes.slice(start, end));
    };
    const table = new WindowedTable(scanner, fetchRange, ["wonum", "description"], () => {});
    table.addParsed(0, parsed);
    table.finish();
    return { table, fetched: () => bytesFetched, scanner };
  }

  test("columns are the in-memory table's; the cache never passes its cap while every row is drawn", async () => {
    const { table } = await windowed();
    const memory = new TableModel(["wonum", "description"]);
    memory.append(records);
    assert.deepEqual(table.columnKeys, memory.columnKeys);
    assert.ok(table.cachedRecords <= recordCacheCap);
    for (let row = 0; row < table.rowCount; row += 50) {
      for (let r = row; r < row + 50; r++) table.recordAt(r);
      await table.fetchWanted();
      assert.ok(table.cachedRecords <= recordCacheCap);
    }
    assert.deepEqual(table.recordAt(2999), records[2999]);
  });

  test("sort and filter give the in-memory table's rows, in its order", async () => {
    const { table } = await windowed();
    const memory = new TableModel(["wonum", "description"]);
    memory.append(records);
    const cases: Array<[string | undefined, "asc" | "desc", string]> = [
      ["wonum", "asc", ""],
      ["wonum", "desc", ""],
      ["status", "asc", ""],
      ["wplabor", "desc", ""],
      ["wopriority", "asc", "appr"],
      [undefined, "asc", "quoted"],
    ];
    for (const [column, direction, filter] of cases) {
      const sort = column ? { column, direction } : undefined;
      memory.setSort(sort);
      memory.setFilter(filter);
      await table.setFilter(filter);
      await table.setSort(sort);
      const rows = Array.from({ length: table.rowCount }, (_, row) => table.recordIndex(row));
      assert.deepEqual(rows, memory.view, `${column} ${direction} filter "${filter}"`);
    }
    // A screen of the sorted table fetches its rows and shows the in-memory table's records.
    for (let row = 0; row < 40; row++) table.recordAt(row);
    await table.fetchWanted();
    for (let row = 0; row < 40; row++) assert.deepEqual(table.recordAt(row), memory.recordAt(row));
  });

  test("CSV of the view equals the in-memory table's, up to the copy cap", async () => {
    const { table } = await windowed();
    const memory = new TableModel(["wonum", "description"]);
    memory.append(records);
    memory.setSort({ column: "wonum", direction: "desc" });
    await table.setSort({ column: "wonum", direction: "desc" });
    const csv = await table.csvOf();
    assert.equal(csv.text, memory.toCsv());
    assert.equal(csv.rows, 3000);
    assert.ok(copyRowsCap < 100_000);
    const some = await table.csvOf([5, 1, 2999]);
    assert.equal(some.text, memory.toCsv([5, 1, 2999]));
  });
});

describe("sortedPositionsInSlices", () => {
  test("gives sortedPositions' order (ties in original order, missing last), pausing between slices", async () => {
    const next = random(5);
    const pool: unknown[] = ["b", "A", "a", "10", "9", 3, 2.5, null, undefined, true, false, "ünï", "Z"];
    for (const size of [0, 1, 2, 17, 1000, 5000]) {
      const keys = Array.from({ length: size }, () => pool[Math.floor(next() * pool.length)]);
      for (const direction of ["asc", "desc"] as const) {
        let pauses = 0;
        const sliced = await sortedPositionsInSlices(keys, direction, () => (pauses++, Promise.resolve()), () => false, 0);
        assert.deepEqual(sliced, sortedPositions(keys, direction), `${size} ${direction}`);
        if (size > 1) assert.ok(pauses > 0);
      }
    }
  });

  test("stops when cancelled", async () => {
    const keys = Array.from({ length: 100 }, (_, i) => 100 - i);
    assert.equal(await sortedPositionsInSlices(keys, "asc", () => Promise.resolve(), () => true, 0), undefined);
  });
});
