/** The column rules (client/src/export/README.md), from the select notations of reference §4.1. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { planColumns } from "../../../client/src/export/columns";
import { ColumnSet } from "../../../client/src/export/rows";

function table(select: string | undefined, records: unknown[], explode?: string) {
  const columns = new ColumnSet(planColumns(select, explode));
  const rows = records.flatMap((record) => columns.rows(record));
  return { names: columns.names(), rows };
}

describe("export columns", () => {
  test("select order wins over the records' own key order; unselected keys and links are no columns", () => {
    const { names, rows } = table("status,wonum", [{ href: "x", _rowstamp: "1", wonum: "1001", status: "APPR", status_description: "Approved", extra: 1 }]);
    assert.deepEqual(names, ["status", "wonum"]);
    assert.deepEqual(rows, [{ status: "APPR", wonum: "1001" }]);
  });

  test("dot paths read related objects (location.status), aliases name the column, formulas and aggregates keep their path", () => {
    const record = {
      assetnum: "11430",
      location: { status: "OPERATING", status_description: "Operating" },
      $alias_this_attr$location: "BR300",
      mydesc: "Pump",
      myreplacecost: 12.5,
      openwo: { _dbcount: 3 },
    };
    const { names, rows } = table("assetnum,location,location.status,description--mydesc,exp.myreplacecost,openwo._dbcount", [record]);
    assert.deepEqual(names, ["assetnum", "location", "location.status", "mydesc", "myreplacecost", "openwo._dbcount"]);
    assert.deepEqual(rows, [{ assetnum: "11430", location: "BR300", "location.status": "OPERATING", mydesc: "Pump", myreplacecost: 12.5, "openwo._dbcount": 3 }]);
  });

  test("a wildcard's key first seen on a later record is appended to its slot; earlier rows simply lack it", () => {
    const { names, rows } = table("wonum,*", [{ wonum: "1", status: "APPR" }, { wonum: "2", status: "WAPPR", wopriority: 2 }]);
    assert.deepEqual(names, ["wonum", "status", "wopriority"]);
    assert.deepEqual(rows, [{ wonum: "1", status: "APPR" }, { wonum: "2", status: "WAPPR", wopriority: 2 }]);
  });

  test("the wildcard's columns sit where * is written, before the names after it", () => {
    const { names } = table("*,wonum", [{ status: "APPR", wonum: "1", siteid: "BEDFORD" }]);
    assert.deepEqual(names, ["status", "siteid", "wonum"]);
  });

  test("namespaced records (no lean=1): spi: prefixes dropped, rdf:/oslc: keys skipped", () => {
    const { names, rows } = table(undefined, [{ "rdf:about": "x", "spi:wonum": "1", "spi:status": "APPR", "spi:status_description": "Approved", "oslc:shortTitle": "t" }]);
    assert.deepEqual(names, ["wonum", "status"]);
    assert.deepEqual(rows, [{ wonum: "1", status: "APPR" }]);
  });

  test("children: a JSON value without links by default; exploded, one row per child with child.attr columns", () => {
    const record = { wonum: "1", wplabor: [{ href: "h", localref: "l", laborcode: "KING", laborhrs: 1.5, _rowstamp: "9" }, { laborcode: "SMITH" }] };
    assert.deepEqual(table("wonum,wplabor{laborcode,laborhrs}", [record]).rows, [{ wonum: "1", wplabor: [{ laborcode: "KING", laborhrs: 1.5 }, { laborcode: "SMITH" }] }]);
    const exploded = table("wonum,wplabor{laborcode,laborhrs},status", [record, { wonum: "2", status: "APPR" }], "WPLABOR");
    assert.deepEqual(exploded.names, ["wonum", "wplabor.laborcode", "wplabor.laborhrs", "status"]);
    assert.deepEqual(exploded.rows, [
      { wonum: "1", "wplabor.laborcode": "KING", "wplabor.laborhrs": 1.5 },
      { wonum: "1", "wplabor.laborcode": "SMITH" },
      { wonum: "2", status: "APPR" },
    ]);
  });

  test("rel.openwo{...} (a 1:* relation inlined as an array) explodes like a child; child{*} discovers the child's keys", () => {
    const record = { assetnum: "A", openwo: [{ wonum: "1", status: "APPR" }, { wonum: "2", priority: 3 }] };
    const { names, rows } = table("assetnum,rel.openwo{*}", [record], "openwo");
    assert.deepEqual(names, ["assetnum", "openwo.wonum", "openwo.status", "openwo.priority"]);
    assert.equal(rows.length, 2);
  });

  test("--explode naming no child of the select is refused", () => {
    assert.throws(() => planColumns("wonum,status", "wplabor"), /has no child wplabor\{\.\.\.\}/);
    assert.throws(() => planColumns(undefined, "wplabor"), /has no oslc\.select/);
  });
});
