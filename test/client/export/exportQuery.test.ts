/**
 * The export engine against the emulator: every page followed (reference §8, `nextPage`),
 * columns in `oslc.select` order (reference §4.1), children (reference §4.1 `child{...}`) as JSON
 * cells or exploded, each format read back with an independent reader, and a cancelled or failed
 * export that leaves no file looking complete.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { startEmulator, type EmulatorHandle } from "../../../emulator/index";
import { ExportError, exportQuery, type ExportRequest } from "../../../client/src/export/exportQuery";
import type { ResolvedRequest } from "../../../client/src/http/types";
import { request, testExecutor } from "../http/support";
import { filesIn, readCsv, readJson, readXlsx, scratchDir } from "./support";

let emu: EmulatorHandle;
before(async () => {
  emu = await startEmulator({ port: 0, options: { workOrders: 40 } });
});
after(async () => {
  await emu.close();
});

type Member = Record<string, unknown>;

function woQuery(select: string | undefined, where = 'siteid="BEDFORD"', pageSize = 7): ResolvedRequest {
  return request("GET", "os/mxapiwodetail", {
    query: [
      { key: "lean", value: "1" },
      ...(select === undefined ? [] : [{ key: "oslc.select", value: select }]),
      { key: "oslc.where", value: where },
      { key: "oslc.orderBy", value: "+wonum" },
      { key: "collectioncount", value: "1" },
      { key: "oslc.pageSize", value: String(pageSize) },
    ],
  });
}

/** What the server holds for the query, read in one page with the executor alone (no export code). */
async function membersOf(query: ResolvedRequest): Promise<Member[]> {
  const { executor } = testExecutor(emu.url);
  try {
    const whole = { ...query, query: query.query.map((p) => (p.key === "oslc.pageSize" ? { ...p, value: "1000" } : p)) };
    const response = await executor.execute(whole);
    assert.equal(response.status, 200);
    return (response.json() as { member: Member[] }).member;
  } finally {
    executor.close();
  }
}

async function runExport(query: ResolvedRequest, format: ExportRequest["format"], extra: Partial<ExportRequest> = {}) {
  const { executor } = testExecutor(emu.url);
  const dir = scratchDir();
  const out = join(dir, `out.${format}`);
  try {
    const result = await exportQuery({ executor, request: query, format, out, ...extra });
    return { result, out, dir };
  } finally {
    executor.close();
  }
}

/** A CSV cell as the guide's values read: text as is, numbers in JSON notation, missing empty. */
function text(value: unknown): string {
  return value === undefined || value === null ? "" : typeof value === "string" ? value : typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** A child record without the links and bookkeeping the export leaves out (reference §4.1). */
function withoutLinks(child: Member): Member {
  return Object.fromEntries(Object.entries(child).filter(([key]) => !["href", "localref", "_rowstamp"].includes(key)));
}

const LABOR_WHERE = 'siteid="BEDFORD" and wplabor.laborcode="*"';
const FLAT = "wonum,description,status,reportdate,wopriority,estdur";

describe("exportQuery", () => {
  test("follows every page: as many rows as the server's totalCount, in the server's order, values as sent (CSV)", async () => {
    const query = woQuery(FLAT);
    const members = await membersOf(query);
    const { result, out } = await runExport(query, "csv");
    assert.equal(result.totalCount, members.length);
    assert.equal(result.rows, members.length);
    assert.ok(result.pages >= 3, `only ${result.pages} pages`);
    assert.equal(result.pages, Math.ceil(members.length / 7));
    const [header, ...rows] = readCsv(out);
    assert.deepEqual(header, FLAT.split(","));
    assert.deepEqual(
      rows,
      members.map((member) => FLAT.split(",").map((name) => text(member[name]))),
    );
    // Some work orders have no priority: lean JSON leaves nulls out, the cell is empty.
    assert.ok(rows.some((row) => row[4] === "") && rows.some((row) => row[4] !== ""));
    const bytes = readFileSync(out);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 byte-order mark");
    assert.match(bytes.toString("utf8"), /\r\n1/, "CRLF line ends");
  });

  test("stable paging (reference §8.3): records added mid-export neither repeat a row nor leave one out", async () => {
    // Found by an audit: 30 assets that sort first, added while an export ran, put 30 rows in twice and left the new ones out.
    const query = woQuery(FLAT);
    const members = await membersOf(query);
    let added = false;
    try {
      const { result, out } = await runExport(query, "csv", {
        onProgress: (progress) => {
          if (added || progress.pages !== 1) return;
          added = true;
          for (let i = 0; i < 10; i++) emu.emulator.store.insert("workorder", { wonum: `0000SP${i}`, siteid: "BEDFORD", status: "WAPPR", woclass: "WORKORDER", istask: false });
        },
      });
      assert.ok(added, "rows were added after the first page");
      const wonums = readCsv(out).slice(1).map((row) => row[0]!);
      assert.equal(new Set(wonums).size, wonums.length, "no row twice");
      assert.deepEqual(wonums, members.map((member) => String(member.wonum)), "the record set the export started with");
      assert.equal(result.rows, members.length);
      const first = emu.log.list().find((entry) => entry.method === "GET" && entry.query.includes("oslc.pageSize=7"));
      assert.match(first?.query ?? "", /stablepaging=true/);
    } finally {
      for (const row of emu.emulator.store.rows("workorder").filter((r) => String(r.wonum).startsWith("0000SP"))) emu.emulator.store.remove("workorder", row);
    }
  });

  test("columns follow oslc.select, not the order of the keys in the records", async () => {
    const select = "status,wopriority,wonum,description";
    const query = woQuery(select);
    const members = await membersOf(query);
    const { out } = await runExport(query, "csv");
    const [header, ...rows] = readCsv(out);
    assert.deepEqual(header, ["status", "wopriority", "wonum", "description"]);
    assert.deepEqual(rows[0], [text(members[0]!.status), text(members[0]!.wopriority), text(members[0]!.wonum), text(members[0]!.description)]);
    assert.ok(!header!.includes("status_description") && !header!.includes("href"), "neither the server's status_description nor href is a column");
  });

  test("XLSX read back with exceljs: text as text (dates as ISO 8601), numbers as numbers, missing as empty", async () => {
    const query = woQuery(FLAT);
    const members = await membersOf(query);
    const { result, out } = await runExport(query, "xlsx");
    const [header, ...rows] = await readXlsx(out);
    assert.equal(result.rows, members.length);
    assert.deepEqual(header, FLAT.split(","));
    assert.deepEqual(
      rows,
      members.map((member) => FLAT.split(",").map((name) => member[name] ?? null)),
    );
    assert.ok(rows.some((row) => typeof row[4] === "number"));
  });

  test("JSON read back: one object per row, keys in select order, JSON types kept, missing values left out", async () => {
    const query = woQuery(FLAT);
    const members = await membersOf(query);
    const { out } = await runExport(query, "json");
    const rows = readJson(out);
    assert.equal(rows.length, members.length);
    rows.forEach((row, i) => {
      const expected = Object.fromEntries(FLAT.split(",").flatMap((name) => (members[i]![name] === undefined ? [] : [[name, members[i]![name]]])));
      assert.deepEqual(row, expected);
      assert.deepEqual(Object.keys(row), Object.keys(expected));
    });
  });

  test("a child object is one JSON cell: its records without href, localref or _rowstamp", async () => {
    const query = woQuery("wonum,wplabor{laborcode,laborhrs}", LABOR_WHERE, 3);
    const members = await membersOf(query);
    assert.ok(members.length > 3 && members.some((member) => Array.isArray(member.wplabor) && member.wplabor.length > 1));
    const { out } = await runExport(query, "csv");
    const [header, ...rows] = readCsv(out);
    assert.deepEqual(header, ["wonum", "wplabor"]);
    assert.equal(rows.length, members.length);
    rows.forEach((row, i) => {
      assert.equal(row[0], members[i]!.wonum);
      assert.deepEqual(JSON.parse(row[1]!), ((members[i]!.wplabor ?? []) as Member[]).map(withoutLinks));
      assert.doesNotMatch(row[1]!, /href|localref|_rowstamp/);
    });
  });

  test("--explode CHILD: one row per child with child.attr columns, the parent's cells repeated", async () => {
    const query = woQuery("wonum,status,wplabor{laborcode,laborhrs}", LABOR_WHERE, 3);
    const members = await membersOf(query);
    const { result, out } = await runExport(query, "csv", { explode: "wplabor" });
    const [header, ...rows] = readCsv(out);
    assert.deepEqual(header, ["wonum", "status", "wplabor.laborcode", "wplabor.laborhrs"]);
    const expected = members.flatMap((member) => {
      const children = (member.wplabor ?? []) as Member[];
      const parent = [text(member.wonum), text(member.status)];
      return children.length === 0 ? [[...parent, "", ""]] : children.map((child) => [...parent, text(child.laborcode), text(child.laborhrs)]);
    });
    assert.ok(expected.length > members.length, "some work orders have several labor lines");
    assert.deepEqual(rows, expected);
    assert.equal(result.records, members.length);
    assert.equal(result.rows, expected.length);
  });

  test("--explode on a parent without children gives one row with empty child cells", async () => {
    const query = woQuery("wonum,wplabor{laborcode}", undefined, 50);
    const members = await membersOf(query);
    const childless = members.filter((member) => !Array.isArray(member.wplabor) || member.wplabor.length === 0);
    assert.ok(childless.length > 0, "the seed has work orders without planned labor");
    const { out } = await runExport(query, "csv", { explode: "wplabor" });
    const rows = readCsv(out).slice(1);
    for (const member of childless) assert.deepEqual(rows.filter((row) => row[0] === member.wonum), [[member.wonum, ""]]);
  });

  test("oslc.select=*: the header is every data key any record carries, across all pages", async () => {
    const query = woQuery("*", undefined, 9);
    const members = await membersOf(query);
    const keys = new Set<string>();
    for (const member of members) {
      for (const key of Object.keys(member)) {
        const derived = key.endsWith("_description") && key.slice(0, -12) in member;
        const value = member[key];
        // A reference such as {"href": ".../doclinks"} is a link, not data.
        const link = typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).every((k) => k === "href");
        if (!derived && !link && !["href", "_rowstamp", "localref"].includes(key) && !key.endsWith("_collectionref")) keys.add(key);
      }
    }
    const { out, dir } = await runExport(query, "csv");
    const [header, ...rows] = readCsv(out);
    assert.deepEqual(new Set(header), keys);
    assert.equal(rows.length, members.length);
    rows.forEach((row, i) => header!.forEach((name, column) => assert.equal(row[column], text(members[i]![name]), `${name} of row ${i + 1}`)));
    assert.deepEqual(filesIn(dir), ["out.csv"], "the spooled rows are gone");
    const xlsx = await runExport(query, "xlsx");
    const sheet = await readXlsx(xlsx.out);
    assert.deepEqual(sheet[0], header);
    assert.equal(sheet.length, rows.length + 1);
    assert.deepEqual(filesIn(xlsx.dir), ["out.xlsx"]);
  });

  test("a server error on a later page: one sentence naming the page and the reason code; no file, no partial file", async () => {
    const dir = scratchDir();
    const out = join(dir, "out.csv");
    writeFileSync(out, "an earlier export\n");
    const { executor } = testExecutor(emu.url);
    try {
      await assert.rejects(
        exportQuery({
          executor,
          request: woQuery(FLAT),
          format: "csv",
          out,
          onProgress: (progress) => {
            if (progress.pages === 1) emu.addFault({ path: "*mxapiwodetail*", kind: "error", status: 400, reasonCode: "BMXAA4214E", message: "The page is gone.", count: 1 });
          },
        }),
        (error: unknown) => {
          assert.ok(error instanceof ExportError);
          assert.match(error.message, /^Page 2 failed with HTTP 400: BMXAA4214E - The page is gone; export stopped after 7 row\(s\) and .*out\.csv was not written\.$/);
          return true;
        },
      );
    } finally {
      executor.close();
    }
    assert.equal(readFileSync(out, "utf8"), "an earlier export\n", "the earlier file is untouched");
    assert.deepEqual(filesIn(dir), ["out.csv"]);
  });

  test("cancel: the signal stops the export, and neither the target nor a partial file is left", async () => {
    for (const format of ["csv", "xlsx", "json"] as const) {
      const dir = scratchDir();
      const out = join(dir, `out.${format}`);
      const controller = new AbortController();
      const { executor } = testExecutor(emu.url);
      try {
        await assert.rejects(
          exportQuery({ executor, request: woQuery(format === "csv" ? "*" : FLAT), format, out, signal: controller.signal, onProgress: (p) => p.pages === 2 && controller.abort() }),
          (error: unknown) => error instanceof ExportError && /^Export cancelled after 14 row\(s\); .* was not written\.$/.test(error.message),
        );
      } finally {
        executor.close();
      }
      assert.equal(existsSync(out), false, format);
      assert.deepEqual(filesIn(dir), [], `${format}: nothing left in the folder`);
    }
  });

  test("a query that matches nothing: a CSV with the header only, an empty JSON array", async () => {
    const query = woQuery(FLAT, 'wonum="NO-SUCH-WO"');
    const csv = await runExport(query, "csv");
    assert.equal(csv.result.rows, 0);
    assert.deepEqual(readCsv(csv.out), [FLAT.split(",")]);
    const json = await runExport(query, "json");
    assert.deepEqual(readJson(json.out), []);
  });

  test("a target folder that does not exist: one sentence before any page is asked for", async () => {
    const { executor } = testExecutor(emu.url);
    const out = join(scratchDir(), "missing", "out.csv");
    const before = emu.log.list().length;
    try {
      await assert.rejects(exportQuery({ executor, request: woQuery(FLAT), format: "csv", out }), /^Error: Cannot write in \S+missing: there is no such folder; export stopped and \S+out\.csv was not written\.$/);
    } finally {
      executor.close();
    }
    assert.equal(emu.log.list().length, before, "nothing was sent");
  });

  test("a request that is no query, a select with only links, and an unknown --explode are refused in a sentence", async () => {
    await assert.rejects(runExport(request("POST", "os/mxapiwodetail"), "csv"), /^Error: Export runs a query \(GET\); this request is POST/);
    await assert.rejects(runExport(woQuery(undefined), "csv"), /carry only links, no attributes: add oslc\.select/);
    await assert.rejects(runExport(woQuery("wonum"), "csv", { explode: "wplabor" }), /--explode wplabor: the request's oslc\.select has no child wplabor\{\.\.\.\}/);
  });
});
