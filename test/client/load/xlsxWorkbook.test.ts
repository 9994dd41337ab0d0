// Workbooks read by their zip's central directory (client/src/load/xlsxWorkbook.ts): every sheet
// is listed and every cell read, whatever order the zip holds its parts in. exceljs's own streaming
// pass lost parts when its reader was slow (exceljs issues #2790, #3064): a TypeError on
// `model.sheets` when the workbook part comes last (as exceljs writes it), missing sheets and
// cells read as `[object Object]` (the shared strings lost) in Excel's order. Each workbook is
// read many times, since the loss depended on timing.
import assert from "node:assert/strict";
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { once } from "node:events";
import { ZipFile as ZipWriter } from "yazl";
import { sheetNames } from "../../../client/src/extension/load/sheetNames";
import { excelJs, yauzl } from "../../../client/src/libraries/lazy";
import { xlsxRows } from "../../../client/src/load/xlsxRows";

const temp = mkdtempSync(join(tmpdir(), "xlsx-workbook-"));
after(() => rmSync(temp, { recursive: true, force: true }));

const SHEETS = 30;
const names = Array.from({ length: SHEETS }, (_, i) => `Sheet ${i + 1}`);

/** A workbook of 30 sheets, each with text cells (shared strings), a number and a date. */
async function exceljsWorkbook(file: string): Promise<string> {
  const workbook = new (excelJs().Workbook)();
  for (const [i, name] of names.entries()) {
    const sheet = workbook.addWorksheet(name);
    sheet.addRow(["assetnum", "siteid", "priority", "installdate"]);
    sheet.addRow([`A${i + 1}`, "BEDFORD", i + 1, new Date(Date.UTC(2026, 0, 1 + i, 8, 30))]);
  }
  await workbook.xlsx.writeFile(file);
  return file;
}

/** The parts of `source` in another order (Excel's: the workbook part first, the sheets before the shared strings and styles), `edit` applied. */
async function rezipped(source: string, file: string, order: (paths: string[]) => string[], edit: (path: string, text: string) => string = (_p, t) => t): Promise<string> {
  const zip = await yauzl().openPromise(source, { lazyEntries: true });
  const parts = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on("entry", async (entry) => {
      if (!entry.fileName.endsWith("/")) {
        const chunks: Buffer[] = [];
        for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
        parts.set(entry.fileName, Buffer.concat(chunks));
      }
      zip.readEntry();
    });
    zip.once("end", resolve);
    zip.once("error", reject);
    zip.readEntry();
  });
  const writer = new ZipWriter();
  for (const path of order([...parts.keys()])) writer.addBuffer(Buffer.from(edit(path, parts.get(path)!.toString("utf8"))), path);
  writer.end();
  const out = writer.outputStream.pipe(createWriteStream(file));
  await once(out, "close");
  return file;
}

const excelOrder = (paths: string[]) => {
  const first = ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"];
  const sheets = paths.filter((p) => p.startsWith("xl/worksheets/"));
  return [...first, ...sheets, ...paths.filter((p) => !first.includes(p) && !sheets.includes(p))];
};

async function rowsOf(file: string, sheet: string): Promise<string[][]> {
  const rows: string[][] = [];
  for await (const row of xlsxRows(file, sheet)) rows.push(row.cells);
  return rows;
}

async function assertWholeWorkbook(file: string): Promise<void> {
  for (let round = 0; round < 8; round++) {
    assert.deepEqual(await sheetNames(file), names, `round ${round}: every sheet, in tab order`);
    for (const i of [0, 14, SHEETS - 1]) {
      assert.deepEqual(
        await rowsOf(file, names[i]!),
        [
          ["assetnum", "siteid", "priority", "installdate"],
          [`A${i + 1}`, "BEDFORD", String(i + 1), `2026-01-${String(i + 1).padStart(2, "0")}T08:30:00`],
        ],
        `round ${round}, ${names[i]}: text from the shared strings, the number, the date from the styles`,
      );
    }
  }
}

test("a workbook as exceljs writes it (the workbook part last): every sheet listed, every cell read, every time", async () => {
  await assertWholeWorkbook(await exceljsWorkbook(join(temp, "exceljs.xlsx")));
});

test("the same parts in Excel's order (sheets before the shared strings and styles): every sheet listed, every cell read, every time", async () => {
  const file = await rezipped(await exceljsWorkbook(join(temp, "source.xlsx")), join(temp, "excel-order.xlsx"), excelOrder);
  await assertWholeWorkbook(file);
});

test("a workbook exceljs's streaming writer wrote (as `maximo export` does): its sheets and cells", async () => {
  const file = join(temp, "streamed.xlsx");
  const writer = new (excelJs().stream.xlsx.WorkbookWriter)({ filename: file, useSharedStrings: true, useStyles: true });
  for (const [i, name] of names.entries()) {
    const sheet = writer.addWorksheet(name);
    sheet.addRow(["assetnum", "siteid", "priority", "installdate"]).commit();
    sheet.addRow([`A${i + 1}`, "BEDFORD", i + 1, new Date(Date.UTC(2026, 0, 1 + i, 8, 30))]).commit();
    sheet.commit();
  }
  await writer.commit();
  await assertWholeWorkbook(file);
});

test("sheet targets written absolute (`/xl/worksheets/...`) are found", async () => {
  const source = await exceljsWorkbook(join(temp, "relative.xlsx"));
  const file = await rezipped(source, join(temp, "absolute.xlsx"), excelOrder, (path, text) =>
    path === "xl/_rels/workbook.xml.rels" ? text.replace(/Target="worksheets\//g, 'Target="/xl/worksheets/') : text,
  );
  assert.deepEqual(await sheetNames(file), names);
  assert.deepEqual((await rowsOf(file, "Sheet 7"))[1]![0], "A7");
});

test("a chart sheet in the tab list is no sheet to load: only worksheets are offered", async () => {
  const source = await exceljsWorkbook(join(temp, "with-chart-source.xlsx"));
  const file = await rezipped(source, join(temp, "with-chart.xlsx"), excelOrder, (path, text) =>
    path === "xl/_rels/workbook.xml.rels" ? text.replace(/(Type="[^"]*\/)worksheet(" Target="worksheets\/sheet2\.xml")/, "$1chartsheet$2") : text,
  );
  assert.deepEqual(await sheetNames(file), names.filter((name) => name !== "Sheet 2"));
  await assert.rejects(rowsOf(file, "Sheet 2"), /has no sheet named "Sheet 2"/);
  assert.deepEqual((await rowsOf(file, "Sheet 3"))[1]![0], "A3");
});

test("a file that is a zip but no workbook has no sheets; a load names the problem", async () => {
  const file = join(temp, "plain.zip");
  const writer = new ZipWriter();
  writer.addBuffer(Buffer.from("hello"), "readme.txt");
  writer.end();
  await once(writer.outputStream.pipe(createWriteStream(file)), "close");
  assert.deepEqual(await sheetNames(file), []);
  await assert.rejects(rowsOf(file, "Sheet 1"), /has no sheet named "Sheet 1"; its sheets: none/);
  await assert.rejects(async () => {
    for await (const row of xlsxRows(file)) void row;
  }, /has no worksheet/);
});
