/**
 * The Table tab's model: columns in oslc.select order (reference §4.1: oslc.select names the
 * attributes to fetch; null attributes are left out, so records differ in keys), sorting,
 * filtering, compact nested cells and RFC 4180 CSV.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { cellCopyText, cellText } from "../../../client/webview/model/cellText";
import { ColumnSet, compareValues, TableModel } from "../../../client/webview/model/tableModel";

const records = [
  { href: "h/1", wonum: "1010", status: "APPR", wopriority: 3, description: "Pump, east" },
  { href: "h/2", wonum: "1002", status: "WAPPR", wopriority: 10 },
  { href: "h/3", wonum: "1003", status: "APPR", wopriority: 1, description: 'Say "hi"' },
  { href: "h/4", wonum: "1001", status: "CLOSE", description: "Line1\nLine2" },
];

const rows = (model: TableModel, column: string) => model.view.map((_, row) => model.cell(row, column));

describe("columns", () => {
  test("without a select order: the union of keys in first-seen order", () => {
    const columns = new ColumnSet();
    columns.add([{ a: 1, b: 2 }, { c: 3, a: 4 }, "not a record", { d: 5, b: 6 }]);
    assert.deepEqual(columns.keys, ["a", "b", "c", "d"]);
  });

  test("with oslc.select order: those columns first, in that order, then keys the server adds", () => {
    const model = new TableModel(["wonum", "description", "status", "wopriority"]);
    model.append(records);
    assert.deepEqual(model.columnKeys, ["wonum", "description", "status", "wopriority", "href"]);
  });

  test("without a select order: first-seen order, with href and _rowstamp after the data columns", () => {
    const model = new TableModel();
    model.append([{ href: "h/1", _rowstamp: "9", wonum: "1", status: "APPR" }, { href: "h/2", description: "x", wonum: "2" }]);
    assert.deepEqual(model.columnKeys, ["wonum", "status", "description", "href", "_rowstamp"]);
  });

  test("a selected attribute that no record has (all null, dropped) still gets its column", () => {
    const model = new TableModel(["wonum", "location"]);
    model.append([{ wonum: "1" }]);
    assert.deepEqual(model.columnKeys, ["wonum", "location"]);
    assert.equal(model.cell(0, "location"), "");
  });
});

describe("sorting", () => {
  test("headers cycle ascending, descending, record order; numbers by value", () => {
    const model = new TableModel();
    model.append(records);
    model.toggleSort("wopriority");
    assert.deepEqual(rows(model, "wonum"), ["1003", "1010", "1002", "1001"], "1 < 3 < 10, missing last");
    model.toggleSort("wopriority");
    assert.deepEqual(rows(model, "wonum"), ["1002", "1010", "1003", "1001"], "missing stays last descending");
    model.toggleSort("wopriority");
    assert.equal(model.sort, undefined);
    assert.deepEqual(rows(model, "wonum"), ["1010", "1002", "1003", "1001"]);
  });

  test("text sorts naturally and ties keep record order", () => {
    const model = new TableModel();
    model.append(records);
    model.setSort({ column: "status", direction: "asc" });
    assert.deepEqual(rows(model, "wonum"), ["1010", "1003", "1001", "1002"]);
    assert.ok(compareValues("WO9", "WO10") < 0, "numeric collation");
    assert.ok(compareValues(false, true) < 0);
  });

  test("records appended while sorted land in sorted position", () => {
    const model = new TableModel();
    model.append(records.slice(0, 2));
    model.setSort({ column: "wonum", direction: "asc" });
    model.append(records.slice(2));
    assert.deepEqual(rows(model, "wonum"), ["1001", "1002", "1003", "1010"]);
  });
});

describe("filtering", () => {
  test("case-insensitive over every cell; composes with sort; cleared shows all", () => {
    const model = new TableModel();
    model.append(records);
    model.setFilter("appr");
    assert.deepEqual(rows(model, "wonum"), ["1010", "1002", "1003"], "APPR and WAPPR");
    model.setSort({ column: "wonum", direction: "desc" });
    assert.deepEqual(rows(model, "wonum"), ["1010", "1003", "1002"]);
    model.setFilter("pump");
    assert.deepEqual(rows(model, "wonum"), ["1010"]);
    model.setFilter("");
    assert.equal(model.view.length, 4);
  });

  test("records appended while filtered are filtered too", () => {
    const model = new TableModel();
    model.setFilter("close");
    model.append(records);
    assert.deepEqual(rows(model, "wonum"), ["1001"]);
  });
});

describe("cells and CSV", () => {
  test("nested objects and arrays read compactly; copies are full JSON", () => {
    const labor = [{ laborcode: "AMY", laborhrs: 2 }, { laborcode: "BOB", laborhrs: 1.5 }];
    assert.equal(cellText(labor), "[2] {laborcode: AMY, laborhrs: 2}, {laborcode: BOB, laborhrs: 1.5}");
    assert.equal(cellText({ href: "x/doclinks" }), "{href: x/doclinks}");
    assert.equal(cellText({ a: { b: { c: 1 } } }), "{a: {b: {…}}}");
    assert.equal(cellText(null), "null");
    assert.equal(cellText(undefined), "");
    assert.equal(cellText(false), "false");
    const long = cellText(Array.from({ length: 100 }, (_, i) => ({ code: `C${i}` })));
    assert.ok(long.length <= 160 && long.endsWith("…"), long);
    assert.equal(cellCopyText(labor), JSON.stringify(labor));
  });

  test("CSV quotes commas, quotes and line breaks (RFC 4180) and follows the view", () => {
    const model = new TableModel(["wonum", "description"]);
    model.append(records);
    model.setFilter("100");
    model.setSort({ column: "wonum", direction: "asc" });
    const csv = model.toCsv();
    assert.equal(
      csv,
      ["wonum,description,status,wopriority,href", '1001,"Line1\nLine2",CLOSE,,h/4', "1002,,WAPPR,10,h/2", '1003,"Say ""hi""",APPR,1,h/3'].join("\r\n") + "\r\n",
    );
    assert.equal(model.toCsv([0]).split("\r\n")[1], '1001,"Line1\nLine2",CLOSE,,h/4');
  });
});
