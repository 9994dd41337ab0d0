/**
 * Reading an XLSX sheet as a load (client/src/load/xlsxWorkbook.ts: the zip by its central
 * directory, exceljs's part parsers): a workbook written here with exceljs is read back. The first sheet by default, another by name; every cell kind
 * becomes text by the README's rule (numbers in their shortest form, dates as ISO 8601 without
 * offset, booleans, rich text, hyperlinks, formulas' cached results) and then goes through the
 * same conversion as a CSV cell; an error cell is a row problem.
 */
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, test } from "node:test";
import { excelJs } from "../../../client/src/libraries/lazy";
import { LoadFileError, planLoad } from "../../../client/src/load/planLoad";
import { previewLoad } from "../../../client/src/load/previewLoad";
import { allItems, packSchema, scratchDir } from "./loadFixtures";

let scratch: ReturnType<typeof scratchDir>;
beforeEach(() => {
  scratch = scratchDir();
});
afterEach(() => scratch.remove());

const wo = packSchema("mxapiwodetail");

async function workbook(arrange?: (book: import("exceljs").Workbook) => void): Promise<string> {
  const book = new (excelJs().Workbook)();
  const notes = book.addWorksheet("Notes");
  notes.addRow(["wonum", "siteid", "description"]);
  notes.addRow(["NOTE-1", "BEDFORD", "from the first sheet"]);
  const orders = book.addWorksheet("Orders");
  orders.addRow(["WONUM", "SITEID", "Description", "WOPRIORITY", "ESTDUR", "DOWNTIME", "SCHEDSTART", "ESTLABCOST"]);
  orders.addRow(["wo-1", "bedford", { richText: [{ text: "Pump " }, { font: { bold: true }, text: "north" }] }, 2, 1.5, true, new Date(Date.UTC(2026, 1, 10, 8, 30, 0)), { formula: "2*6.2", result: 12.4 }]);
  orders.addRow([]); // an empty row is no data row
  orders.addRow(["WO-2", "BEDFORD", { text: "linked", hyperlink: "http://127.0.0.1/doc" }, "3", 0.25, false, "2026-03-01T09:00:00-05:00", 100]);
  orders.addRow(["WO-3", "BEDFORD", { error: "#N/A" }, 1]);
  const labor = book.addWorksheet("Labor");
  labor.addRow(["wonum", "siteid", "wplabor.laborcode", "labtrans.laborcode", "labtrans.starttime", "labtrans.startdate"]);
  labor.addRow(["WO-1", "BEDFORD", "AMY", "AMY", new Date(Date.UTC(1899, 11, 30, 8, 30, 0)), new Date(Date.UTC(2026, 1, 10))]);
  arrange?.(book);
  const file = join(scratch.dir, "orders.xlsx");
  await book.xlsx.writeFile(file);
  return file;
}

test("the named sheet: every cell kind converted, the error cell a row problem, the empty row skipped", async () => {
  const file = await workbook();
  const plan = await planLoad({ file, schema: wo, action: "add", sheet: "orders" });
  assert.deepEqual(
    plan.columns.map((c) => c.path),
    ["wonum", "siteid", "description", "wopriority", "estdur", "downtime", "schedstart", "estlabcost"],
  );
  const items = await allItems(plan);
  assert.deepEqual(items, [
    {
      kind: "row",
      row: {
        row: 1,
        record: { wonum: "WO-1", siteid: "BEDFORD", description: "Pump north", wopriority: 2, estdur: 1.5, downtime: true, schedstart: "2026-02-10T08:30:00", estlabcost: 12.4 },
        keys: { wonum: "WO-1", siteid: "BEDFORD" },
      },
    },
    {
      kind: "row",
      row: {
        row: 2,
        record: { wonum: "WO-2", siteid: "BEDFORD", description: "linked", wopriority: 3, estdur: 0.25, downtime: false, schedstart: "2026-03-01T09:00:00-05:00", estlabcost: 100 },
        keys: { wonum: "WO-2", siteid: "BEDFORD" },
      },
    },
    { kind: "invalid", row: { row: 3, keys: { wonum: "WO-3", siteid: "BEDFORD" }, problems: [{ column: "Description", message: "the cell holds the error #N/A" }] } },
  ]);
});

test("a time typed alone in Excel is a time; a date alone that day's midnight (TIME and DATE attributes)", async () => {
  const file = await workbook();
  const items = await allItems(await planLoad({ file, schema: wo, action: "add", sheet: "Labor" }));
  assert.deepEqual(items, [
    {
      kind: "row",
      row: {
        row: 1,
        record: { wonum: "WO-1", siteid: "BEDFORD", wplabor: [{ laborcode: "AMY" }], labtrans: [{ laborcode: "AMY", starttime: "08:30:00", startdate: "2026-02-10T00:00:00" }] },
        keys: { wonum: "WO-1", siteid: "BEDFORD" },
      },
    },
  ]);
});

test("the first sheet when none is named; a sheet that does not exist is named in the error with the ones that do", async () => {
  const file = await workbook();
  const items = await allItems(await planLoad({ file, schema: wo, action: "add" }));
  assert.deepEqual(items, [{ kind: "row", row: { row: 1, record: { wonum: "NOTE-1", siteid: "BEDFORD", description: "from the first sheet" }, keys: { wonum: "NOTE-1", siteid: "BEDFORD" } } }]);
  // A file problem (the CLI's exit 2), as an empty file is.
  await assert.rejects(planLoad({ file, schema: wo, action: "add", sheet: "Assets" }), (error: Error) => error instanceof LoadFileError && /has no sheet named "Assets"; its sheets: "Notes", "Orders", "Labor"/.test(error.message));
});

test("the first sheet is the first visible tab, even when the tabs were moved or the first is hidden", async () => {
  const moved = await workbook((book) => {
    (book.getWorksheet("Orders") as unknown as { orderNo: number }).orderNo = 0; // Orders (sheet2.xml) becomes the first tab
  });
  assert.deepEqual((await allItems(await planLoad({ file: moved, schema: wo, action: "add" }))).map((i) => i.row.keys.wonum), ["WO-1", "WO-2", "WO-3"]);
  const hidden = await workbook((book) => {
    book.getWorksheet("Notes")!.state = "hidden";
  });
  assert.deepEqual((await allItems(await planLoad({ file: hidden, schema: wo, action: "add" }))).map((i) => i.row.keys.wonum), ["WO-1", "WO-2", "WO-3"]);
});

test("a short XLSX row is not ragged: exceljs leaves trailing empty cells out", async () => {
  const file = await workbook();
  const preview = await previewLoad({ file, schema: wo, action: "add", sheet: "Orders" }, 5);
  const last = preview.rows[2];
  assert.equal(last.row, 3);
  assert.deepEqual(last.problems, [{ column: "Description", message: "the cell holds the error #N/A" }], "an error, and no ragged-row problem for the 4 cells of 8");
});

test("a read stopped early (the header, a preview, another sheet) leaves no file open", async () => {
  const file = await workbook();
  const csv = scratch.file("a.csv", "wonum,siteid\n" + "WO,BEDFORD\n".repeat(5000));
  const openFiles = () => readdirSync("/proc/self/fd").length;
  const before = openFiles();
  for (let i = 0; i < 20; i++) {
    await previewLoad({ file, schema: wo, action: "add", sheet: "Orders" }, 1);
    await previewLoad({ file, schema: wo, action: "add" }, 1);
    await previewLoad({ file: csv, schema: wo, action: "add" }, 1);
    await assert.rejects(planLoad({ file, schema: wo, action: "add", sheet: "nosuch" }));
  }
  // 80 reads that each opened the file, and each XLSX read a part stream of the zip.
  assert.ok(openFiles() - before < 10, `${openFiles() - before} more files open than before`);
});

test("a formula without a saved value (one that evaluates to an error, or never calculated) is a row problem, not an empty value", async () => {
  // Found by an audit: =1/0 and a failed VLOOKUP loaded as empty, and the asset landed without its value.
  const file = await workbook((book) => {
    const sheet = book.addWorksheet("Formulas");
    sheet.addRow(["wonum", "siteid", "description", "wopriority"]);
    sheet.addRow(["WO-7", "BEDFORD", "fine", { formula: "1+1", result: 2 }]);
    sheet.addRow(["WO-8", "BEDFORD", "error", { formula: "1/0", result: { error: "#DIV/0!" } }]);
    sheet.addRow(["WO-9", "BEDFORD", { formula: "CONCAT(\"a\",\"b\")" }, 1]);
  });
  const items = await allItems(await planLoad({ file, schema: wo, action: "add", sheet: "Formulas" }));
  assert.equal(items[0]!.kind, "row");
  for (const [index, column, formula] of [[1, "wopriority", "=1/0"], [2, "description", '=CONCAT("a","b")']] as const) {
    const item = items[index]!;
    assert.equal(item.kind, "invalid", JSON.stringify(item));
    const problem = item.kind === "invalid" ? item.row.problems[0]! : undefined;
    assert.equal(problem?.column, column);
    assert.ok(problem?.message.includes(`the formula ${formula} has no saved value`), problem?.message);
  }
});
