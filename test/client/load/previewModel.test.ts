/**
 * The load preview's model: columns headed by attribute and type, each bad value flagged on its
 * own cell with its message, a summary that counts every row of the file, and a bounded number of
 * rows however large the file (issue 14: "see a preview of the first rows with each column's
 * attribute, type and any validation error").
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { columnType, PreviewBuilder, valueAtPath } from "../../../client/src/extension/load/previewModel";
import { problemText } from "../../../client/src/load/problemText";
import type { ColumnMapping, PlanItem } from "../../../client/src/load/contract";

const columns: ColumnMapping[] = [
  { header: "ASSETNUM", index: 0, path: "assetnum", maximoType: "UPPER", jsonType: "string", maxLength: 25 },
  { header: "Description", index: 1, path: "description", maximoType: "ALN", jsonType: "string", maxLength: 100 },
  { header: "PRIORITY", index: 2, path: "priority", maximoType: "INTEGER", jsonType: "integer" },
  { header: "colour", index: 3, problem: "MXAPIASSET has no attribute colour" },
];

const ok = (row: number, assetnum: string): PlanItem => ({ kind: "row", row: { row, record: { assetnum, description: `Pump ${row}`, priority: row }, keys: { assetnum, siteid: "BEDFORD" } } });
const bad = (row: number, ...problems: Array<{ column?: string; message: string }>): PlanItem => ({ kind: "invalid", row: { row, keys: { assetnum: `A${row}` }, problems } });
const cells = (row: number, description = `Pump ${row}`) => [`A${row}`, description, String(row), "red"];

describe("columns", () => {
  test("each column says its header, attribute and type; a column that maps to nothing says why", () => {
    const builder = new PreviewBuilder(columns);
    const preview = builder.finish({ id: "p", title: "t" });
    assert.deepEqual(preview.columns, [
      { header: "ASSETNUM", path: "assetnum", type: "UPPER(25)" },
      { header: "Description", path: "description", type: "ALN(100)" },
      { header: "PRIORITY", path: "priority", type: "INTEGER" },
      { header: "colour", problem: "MXAPIASSET has no attribute colour" },
    ]);
  });

  test("keys and attributes required on add say so beside their type; the schema's title comes along", () => {
    const builder = new PreviewBuilder([
      { header: "ASSETNUM", index: 0, path: "assetnum", maximoType: "UPPER", maxLength: 25, key: true, requiredOnAdd: true, title: "Asset" },
      { header: "ORGID", index: 1, path: "orgid", maximoType: "UPPER", maxLength: 8, requiredOnAdd: true },
    ]);
    assert.deepEqual(builder.finish({ id: "p", title: "t" }).columns, [
      { header: "ASSETNUM", path: "assetnum", type: "UPPER(25) · key", title: "Asset" },
      { header: "ORGID", path: "orgid", type: "UPPER(8) · required" },
    ]);
  });

  test("the type falls back to the JSON type when the schema gives no Maximo type", () => {
    assert.equal(columnType({ header: "x", index: 0, jsonType: "number" }), "number");
    assert.equal(columnType({ header: "x", index: 0 }), undefined);
  });
});

describe("rows", () => {
  test("a value's problem flags its own cell, with the message; problems without a column stay on the row", () => {
    const builder = new PreviewBuilder(columns);
    builder.add(ok(1, "A1"), cells(1));
    const long = "x".repeat(101);
    builder.add(bad(2, { column: "Description", message: "longer than 100 characters" }, { message: "the row has 5 cells, the header 4" }), cells(2, long));
    builder.add(bad(3, { column: "PRIORITY", message: "not an integer" }, { column: "PRIORITY", message: "required on add" }), ["A3", "Seal", "high", ""]);
    const preview = builder.finish({ id: "p", title: "t" });
    assert.equal(preview.rows.length, 3);
    const [first, second, third] = preview.rows;
    assert.deepEqual(first!.cells, [{ text: "A1" }, { text: "Pump 1" }, { text: "1" }, { text: "red" }]);
    assert.deepEqual(first!.problems, []);
    assert.equal(second!.row, 2);
    assert.deepEqual(second!.cells[1], { text: long, problem: "longer than 100 characters" });
    assert.equal(second!.cells.filter((cell) => cell.problem).length, 1, "only the bad cell is flagged");
    assert.deepEqual(second!.problems, ["Description: longer than 100 characters", "the row has 5 cells, the header 4"]);
    assert.deepEqual(third!.cells[2], { text: "high", problem: "not an integer; required on add" });
    assert.equal(problemText({ column: "DESCRIPTION", message: "description: holds at most 100 characters" }), "description: holds at most 100 characters", "a message that names its column already is not prefixed again");
  });

  test("without the file's cells a planned row shows its record's values (children: the first one's)", () => {
    const builder = new PreviewBuilder([...columns.slice(0, 2), { header: "wplabor.laborcode", index: 2, path: "wplabor.laborcode" }]);
    builder.add({ kind: "row", row: { row: 1, record: { assetnum: "A1", wplabor: [{ laborcode: "AMY" }, { laborcode: "BOB" }] }, keys: {} } });
    assert.deepEqual(builder.finish({ id: "p", title: "t" }).rows[0]!.cells.map((c) => c.text), ["A1", "", "AMY"]);
    assert.equal(valueAtPath({ a: { b: 3 } }, "a.b"), "3");
    assert.equal(valueAtPath({ a: null }, "a.b"), "");
    assert.equal(valueAtPath({ flag: false }, "flag"), "false");
  });

  test("a large file keeps the first rows and later rows with problems only, up to a limit, and says so", () => {
    const builder = new PreviewBuilder(columns, { firstRows: 5, laterProblemRows: 2 });
    for (let row = 1; row <= 1000; row++) {
      const item = row % 100 === 0 ? bad(row, { column: "PRIORITY", message: "not an integer" }) : ok(row, `A${row}`);
      builder.add(item, cells(row));
    }
    const preview = builder.finish({ id: "p", title: "t", notes: ["from the pack"] });
    assert.deepEqual(preview.rows.map((r) => r.row), [1, 2, 3, 4, 5, 100, 200]);
    assert.deepEqual(preview.notes, ["from the pack", "Showing the first 5 of 1000 rows, then 2 later rows with problems (8 more rows with problems not shown)."]);
    assert.equal(preview.summary, "10 of 1000 rows have problems; they will not be sent. 1 column is not loaded.");
    assert.equal(preview.validRows, 990);
  });
});

describe("summary", () => {
  const summaryOf = (items: PlanItem[], mapped = columns.slice(0, 3)) => {
    const builder = new PreviewBuilder(mapped);
    for (const item of items) builder.add(item);
    return builder.finish({ id: "p", title: "t" });
  };

  test("counts the rows with problems among all rows", () => {
    const items = Array.from({ length: 20 }, (_, i) => (i === 3 || i === 7 ? bad(i + 1, { message: "x" }) : ok(i + 1, `A${i}`)));
    assert.equal(summaryOf(items).summary, "2 of 20 rows have problems; they will not be sent.");
    assert.equal(summaryOf(items.slice(0, 5)).summary, "1 of 5 rows has problems; it will not be sent.");
  });

  test("all valid, none valid, no rows", () => {
    assert.equal(summaryOf([ok(1, "A"), ok(2, "B")]).summary, "All 2 rows are valid.");
    assert.equal(summaryOf([ok(1, "A")]).summary, "The one row is valid.");
    const none = summaryOf([bad(1, { message: "x" })]);
    assert.equal(none.summary, "1 of 1 row has problems; nothing will be sent.");
    assert.equal(none.validRows, 0);
    assert.equal(summaryOf([]).summary, "The file has no data rows.");
  });
});
