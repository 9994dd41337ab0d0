/** The three writers alone: quoting, types, limits, and an empty result. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { CsvWriter } from "../../../client/src/export/csvWriter";
import { JsonWriter } from "../../../client/src/export/jsonWriter";
import { XlsxWriter } from "../../../client/src/export/xlsxWriter";
import { readCsv, readJson, readXlsx, scratchDir } from "./support";

const COLUMNS = ["wonum", "description", "wopriority", "isflag", "wplabor"];
const ROWS = [
  { wonum: "1001", description: 'Pump "north", line 2\r\nsecond line', wopriority: 2, isflag: true, wplabor: [{ laborcode: "KING" }] },
  { wonum: "1002", description: "  padded  ", isflag: false },
  { wonum: "1003", description: "Éléments — ünïcode" },
];

describe("export writers", () => {
  test("CSV: quotes, line breaks and padding survive a CSV reader; booleans true/false, children as JSON, missing empty", async () => {
    const path = join(scratchDir(), "rows.csv");
    const writer = new CsvWriter(path);
    await writer.start(COLUMNS);
    await writer.write(ROWS.slice(0, 2), COLUMNS);
    await writer.write(ROWS.slice(2), COLUMNS);
    await writer.finish();
    assert.deepEqual(readCsv(path), [
      COLUMNS,
      ["1001", 'Pump "north", line 2\r\nsecond line', "2", "true", '[{"laborcode":"KING"}]'],
      ["1002", "  padded  ", "", "false", ""],
      ["1003", "Éléments — ünïcode", "", "", ""],
    ]);
    assert.match(readFileSync(path, "utf8"), /\r\n1002,"  padded  ",,false,\r\n/);
  });

  test("CSV: text a spreadsheet would run as a formula is written as it is (a load reads it back) and counted in a note; numbers are not", async () => {
    // OWASP "CSV Injection": =, +, -, @ first. Found by an audit: =HYPERLINK(...) descriptions exported silently.
    const path = join(scratchDir(), "formulas.csv");
    const writer = new CsvWriter(path);
    await writer.start(["wonum", "description", "wopriority"]);
    await writer.write([{ wonum: "1", description: '=HYPERLINK("http://127.0.0.1/x")', wopriority: -2 }, { wonum: "2", description: "+1+cmd" }, { wonum: "3", description: "@SUM(A1)" }, { wonum: "4", description: "plain - text" }], ["wonum", "description", "wopriority"]);
    await writer.finish();
    assert.deepEqual(readCsv(path).slice(1).map((row) => row[1]), ['=HYPERLINK("http://127.0.0.1/x")', "+1+cmd", "@SUM(A1)", "plain - text"]);
    assert.match(writer.notes().join(" "), /^3 text values begin with =, \+, - or @.*export as xlsx/);
    const clean = new CsvWriter(join(scratchDir(), "clean.csv"));
    await clean.start(["wonum"]);
    await clean.write([{ wonum: "A-5" }], ["wonum"]);
    await clean.finish();
    assert.deepEqual(clean.notes(), []);
  });

  test("XLSX: numbers and booleans typed, text as text; a value longer than an Excel cell holds is refused in a sentence", async () => {
    const dir = scratchDir();
    const path = join(dir, "rows.xlsx");
    const writer = new XlsxWriter(path);
    await writer.start(COLUMNS);
    await writer.write(ROWS, COLUMNS);
    await writer.finish();
    assert.deepEqual(await readXlsx(path), [
      COLUMNS,
      // XML reads a CR LF inside text as LF (README: Values).
      ["1001", 'Pump "north", line 2\nsecond line', 2, true, '[{"laborcode":"KING"}]'],
      ["1002", "  padded  ", null, false, null],
      ["1003", "Éléments — ünïcode", null, null, null],
    ]);
    const long = new XlsxWriter(join(dir, "long.xlsx"));
    await long.start(["a"]);
    await assert.rejects(long.write([{ a: "x".repeat(40_000) }], ["a"]), /^Error: Row 1, column a: the value has 40000 characters and an Excel cell holds at most 32767; export as CSV or JSON/);
    await long.abort();
  });

  test("JSON: one object per row, keys in column order, missing values left out; no rows is an empty array", async () => {
    const dir = scratchDir();
    const path = join(dir, "rows.json");
    const writer = new JsonWriter(path);
    await writer.start();
    await writer.write(ROWS, COLUMNS);
    await writer.finish();
    assert.deepEqual(readJson(path), ROWS);
    const empty = new JsonWriter(join(dir, "empty.json"));
    await empty.start();
    await empty.finish();
    assert.equal(readFileSync(join(dir, "empty.json"), "utf8"), "[]\n");
  });
});
