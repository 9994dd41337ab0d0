/**
 * Headers → attributes of the pack's MXAPIWODETAIL and MXAPIASSET, and the checks made before
 * anything is sent, each naming its column: unknown and repeated columns, values their type
 * refuses, maxLength, required attributes on add (the rule the editor's schema.missing-required
 * uses) and the keys (schema.pk) on update, addchange and delete.
 */
import assert from "node:assert/strict";
import { afterEach, beforeEach, test } from "node:test";
import type { PlanItem } from "../../../client/src/load/contract";
import { mapColumns } from "../../../client/src/load/headerMapping";
import { planLoad } from "../../../client/src/load/planLoad";
import { allItems, packSchema, scratchDir, type LoadAction } from "./loadFixtures";

let scratch: ReturnType<typeof scratchDir>;
beforeEach(() => {
  scratch = scratchDir();
});
afterEach(() => scratch.remove());

const wo = packSchema("mxapiwodetail");
const asset = packSchema("mxapiasset");

async function plan(csv: string, action: LoadAction, schema = wo): Promise<PlanItem[]> {
  return allItems(await planLoad({ file: scratch.file("load.csv", csv), schema, action }));
}

test("attribute names in any case, dotted child paths (by property or relationship), titles and flat-file aliases", () => {
  const columns = mapColumns(["WONUM", "SiteId", "Description", "wplabor.laborcode", "SHOWPLANLABOR.CRAFT", "Work Type", "laborhrs", "WPMATERIAL.ITEMNUM"], wo);
  assert.deepEqual(
    columns.map((c) => [c.mapping.header, c.mapping.path, c.mapping.maximoType, c.mapping.jsonType, c.mapping.maxLength, c.mapping.problem]),
    [
      ["WONUM", "wonum", "UPPER", "string", 25, undefined],
      ["SiteId", "siteid", "UPPER", "string", 8, undefined],
      ["Description", "description", "ALN", "string", 100, undefined],
      ["wplabor.laborcode", "wplabor.laborcode", "UPPER", "string", 30, undefined],
      ["SHOWPLANLABOR.CRAFT", "wplabor.craft", "UPPER", "string", 8, undefined],
      ["Work Type", "worktype", "UPPER", "string", 5, undefined],
      ["laborhrs", "wplabor.laborhrs", "DURATION", "number", 8, undefined],
      ["WPMATERIAL.ITEMNUM", "wpmaterial.itemnum", "UPPER", "string", 30, undefined],
    ],
  );
});

test("unknown, ambiguous, repeated and headerless columns get a problem, and so do paths through an attribute", () => {
  const columns = mapColumns(["wonum", "colour", "Class", "laborcode", "WONUM", "wplabor", "", "wplabor.nosuch", "description.x"], wo);
  const problems = columns.map((c) => c.mapping.problem);
  assert.equal(problems[0], undefined);
  assert.match(problems[1]!, /mxapiwodetail has no attribute "colour"/);
  assert.match(problems[2]!, /the title "Class" belongs to several attributes \(woclass, origrecordclass\)/);
  assert.match(problems[3]!, /"laborcode" is an attribute of several child objects \(wplabor, labtrans\)/);
  assert.match(problems[4]!, /repeats column 1 \("wonum"\), which already loads wonum/);
  assert.equal(problems[5], undefined, "a child object's own name is a column of JSON cells");
  assert.deepEqual([columns[5].mapping.path, columns[5].mapping.jsonType, columns[5].mapping.maximoType], ["wplabor", "array", undefined]);
  assert.match(problems[6]!, /the column has no header/);
  assert.match(problems[7]!, /wplabor has no attribute or child object "nosuch"/);
  assert.match(problems[8]!, /description is an attribute, not a child object/);
  assert.equal(columns[4].mapping.path, "wonum", "a repeated column still says what it names");
  assert.equal(mapColumns(["descripton"], wo)[0].mapping.problem, 'mxapiwodetail has no attribute "descripton"; did you mean description?');
});

test("a value in a column that cannot be loaded makes its row invalid; an empty cell there does not", async () => {
  const items = await plan("wonum,siteid,colour\nWO1,BEDFORD,red\nWO2,BEDFORD,\n", "add");
  assert.deepEqual(items[0], {
    kind: "invalid",
    row: { row: 1, keys: { wonum: "WO1", siteid: "BEDFORD" }, problems: [{ column: "colour", message: 'this column cannot be loaded: mxapiwodetail has no attribute "colour"' }] },
  });
  assert.deepEqual(items[1], { kind: "row", row: { row: 2, record: { wonum: "WO2", siteid: "BEDFORD" }, keys: { wonum: "WO2", siteid: "BEDFORD" } } });
});

test("type and maxLength problems name the column and the attribute; every problem of a row is reported", async () => {
  const items = await plan("wonum,siteid,wopriority,downtime,schedstart,description\nWO1,BEDFORD-XX,high,maybe,31/12/2026,ok\n", "add");
  assert.equal(items.length, 1);
  const [item] = items;
  assert.equal(item.kind, "invalid");
  assert.deepEqual(
    item.kind === "invalid" && item.row.problems,
    [
      { column: "siteid", message: "siteid: holds at most 8 characters; this value has 10" },
      { column: "wopriority", message: 'wopriority: "high" is not a whole number (INTEGER)' },
      { column: "downtime", message: 'downtime: "maybe" is not a yes/no value (YORN: write Y, N, 1, 0, true or false)' },
      { column: "schedstart", message: 'schedstart: "31/12/2026" is not a date: write ISO 8601, such as 2026-02-10, 2026-02-10T08:00:00 or 2026-02-10T08:00:00-05:00' },
    ],
  );
});

test("converted values go into the record; empty cells are left out; the pk values are the keys", async () => {
  const items = await plan("wonum,siteid,description,wopriority,estdur,downtime,targstartdate,worktype\nwo-7,bedford,Fix pump,2,1:15,Y,2026-02-10T08:00:00-05:00,\n", "add");
  assert.deepEqual(items, [
    {
      kind: "row",
      row: {
        row: 1,
        record: { wonum: "WO-7", siteid: "BEDFORD", description: "Fix pump", wopriority: 2, estdur: 1.25, downtime: true, targstartdate: "2026-02-10T08:00:00-05:00" },
        keys: { wonum: "WO-7", siteid: "BEDFORD" },
      },
    },
  ]);
});

test("add: required attributes the server does not fill in must have a value (siteid; the autonumbered wonum need not)", async () => {
  const items = await plan("wonum,siteid,description\n,BEDFORD,autonumbered\nWO2,,no site\n", "add");
  assert.equal(items[0].kind, "row", "Maximo autonumbers WONUM");
  assert.deepEqual(items[1], { kind: "invalid", row: { row: 2, keys: { wonum: "WO2" }, problems: [{ column: "siteid", message: "siteid is required to add a mxapiwodetail record" }] } });
  const noColumn = await plan("wonum,description\nWO1,x\n", "add");
  assert.deepEqual(noColumn[0].kind === "invalid" && noColumn[0].row.problems, [{ message: "siteid is required to add a mxapiwodetail record, and the file has no column for it" }]);
  const locations = await plan("location,siteid\nL1,BEDFORD\n", "add", packSchema("mxapilocations"));
  assert.match(locations[0].kind === "invalid" ? locations[0].row.problems[0].message : "", /type is required to add a mxapilocations record/);
});

for (const action of ["update", "addchange", "delete"] as const) {
  test(`${action}: every key column (schema.pk) must have a value`, async () => {
    const items = await plan("assetnum,siteid,description\nA1,BEDFORD,x\nA2,,y\n,BEDFORD,z\n", action, asset);
    assert.equal(items[0].kind, "row");
    assert.deepEqual(items[1], {
      kind: "invalid",
      row: { row: 2, keys: { assetnum: "A2" }, problems: [{ column: "siteid", message: `the key siteid is empty: ${action} finds each record by its keys (assetnum, siteid)` }] },
    });
    assert.deepEqual(items[2].kind === "invalid" && items[2].row.problems, [{ column: "assetnum", message: `the key assetnum is empty: ${action} finds each record by its keys (assetnum, siteid)` }]);
    const noKey = await plan("assetnum,description\nA1,x\n", action, asset);
    assert.deepEqual(noKey[0].kind === "invalid" && noKey[0].row.problems, [{ message: `the file has no column for the key siteid: ${action} finds each record by its keys (assetnum, siteid)` }]);
  });
}

test("update may clear a value with #EMPTY; a key may not be #EMPTY", async () => {
  const items = await plan("assetnum,siteid,description\nA1,BEDFORD,#EMPTY\nA2,#EMPTY,x\n", "update", asset);
  assert.deepEqual(items[0], { kind: "row", row: { row: 1, record: { assetnum: "A1", siteid: "BEDFORD", description: "" }, keys: { assetnum: "A1", siteid: "BEDFORD" } } });
  assert.equal(items[1].kind, "invalid");
});
