/**
 * Child objects from dotted columns, built as the reference's nested creates and BULK items
 * build them (§11: `"assetmeter": [{...}, {...}]`; §15: one `_data` object per resource):
 * children are arrays, and consecutive rows of one record add one child each — rows whose root
 * columns are empty, or that repeat the record's keys (schema.pk). A record is sent whole or not
 * at all.
 */
import assert from "node:assert/strict";
import { afterEach, beforeEach, test } from "node:test";
import type { PlanItem } from "../../../client/src/load/contract";
import { planLoad } from "../../../client/src/load/planLoad";
import { allItems, packSchema, scratchDir, type LoadAction } from "./loadFixtures";

let scratch: ReturnType<typeof scratchDir>;
beforeEach(() => {
  scratch = scratchDir();
});
afterEach(() => scratch.remove());

const wo = packSchema("mxapiwodetail");

async function plan(csv: string, action: LoadAction = "add", schema = wo): Promise<PlanItem[]> {
  return allItems(await planLoad({ file: scratch.file("load.csv", csv), schema, action }));
}

test("rows with empty root columns add children to the record above; each child object gets its own array", async () => {
  const items = await plan(
    [
      "wonum,siteid,description,wplabor.laborcode,wplabor.laborhrs,wpmaterial.itemnum,wpmaterial.itemqty",
      "WO1,BEDFORD,Pump,amy,2,PUMP-1,1",
      ",,,BOB,1:30,,",
      "WO2,BEDFORD,Fan,,,,",
    ].join("\n"),
  );
  assert.deepEqual(items, [
    {
      kind: "row",
      row: {
        row: 1,
        rows: [1, 2],
        record: {
          wonum: "WO1",
          siteid: "BEDFORD",
          description: "Pump",
          wplabor: [
            { laborcode: "AMY", laborhrs: 2 },
            { laborcode: "BOB", laborhrs: 1.5 },
          ],
          wpmaterial: [{ itemnum: "PUMP-1", itemqty: 1 }],
        },
        keys: { wonum: "WO1", siteid: "BEDFORD" },
      },
    },
    { kind: "row", row: { row: 3, record: { wonum: "WO2", siteid: "BEDFORD", description: "Fan" }, keys: { wonum: "WO2", siteid: "BEDFORD" } } },
  ]);
});

test("rows that repeat the record's keys add children too; repeated root values must agree or be empty", async () => {
  const items = await plan(["wonum,siteid,description,wplabor.laborcode", "WO1,BEDFORD,Pump,AMY", "wo1,bedford,Pump,BOB", "WO1,BEDFORD,,CAL", "WO2,BEDFORD,,DAN"].join("\n"), "update");
  assert.equal(items.length, 2);
  assert.deepEqual(items[0], {
    kind: "row",
    row: { row: 1, rows: [1, 2, 3], record: { wonum: "WO1", siteid: "BEDFORD", description: "Pump", wplabor: [{ laborcode: "AMY" }, { laborcode: "BOB" }, { laborcode: "CAL" }] }, keys: { wonum: "WO1", siteid: "BEDFORD" } },
  });
  assert.deepEqual(items[1], { kind: "row", row: { row: 4, record: { wonum: "WO2", siteid: "BEDFORD", wplabor: [{ laborcode: "DAN" }] }, keys: { wonum: "WO2", siteid: "BEDFORD" } } });
});

test("a row that contradicts its record, or a bad child value, keeps the whole record back, row by row", async () => {
  const items = await plan(["wonum,siteid,description,wplabor.laborcode,wplabor.laborhrs", "WO1,BEDFORD,Pump,AMY,2", "WO1,BEDFORD,Fan,BOB,1", "WO2,BEDFORD,x,CAL,2", ",,,DAN,lots"].join("\n"));
  assert.deepEqual(items, [
    { kind: "invalid", row: { row: 1, keys: { wonum: "WO1", siteid: "BEDFORD" }, problems: [{ message: "not sent: row 2 of the same record has a problem, and a record is sent whole or not at all" }] } },
    {
      kind: "invalid",
      row: { row: 2, keys: { wonum: "WO1", siteid: "BEDFORD" }, problems: [{ column: "description", message: "differs from row 1, the first row of the same record; leave it empty or repeat the same value" }] },
    },
    { kind: "invalid", row: { row: 3, keys: { wonum: "WO2", siteid: "BEDFORD" }, problems: [{ message: "not sent: row 4 of the same record has a problem, and a record is sent whole or not at all" }] } },
    {
      kind: "invalid",
      row: { row: 4, keys: { wonum: "WO2", siteid: "BEDFORD" }, problems: [{ column: "wplabor.laborhrs", message: 'wplabor.laborhrs: "lots" is not a number (DURATION; write 1234.5, without thousands separators)' }] },
    },
  ]);
});

test("only consecutive rows merge, and only when the file has child columns", async () => {
  const apart = await plan(["wonum,siteid,wplabor.laborcode", "WO1,BEDFORD,AMY", "WO2,BEDFORD,BOB", "WO1,BEDFORD,CAL"].join("\n"), "update");
  assert.deepEqual(
    apart.map((i) => i.kind === "row" && [i.row.row, i.row.keys.wonum, i.row.rows]),
    [
      [1, "WO1", undefined],
      [2, "WO2", undefined],
      [3, "WO1", undefined],
    ],
  );
  const flat = await plan(["wonum,siteid,description", "WO1,BEDFORD,first", "WO1,BEDFORD,second"].join("\n"), "update");
  assert.deepEqual(
    flat.map((i) => i.kind === "row" && i.row.record.description),
    ["first", "second"],
    "without children two rows are two updates",
  );
});

test("required attributes on add are the parent's: a continuing row need not repeat them", async () => {
  const items = await plan(["siteid,description,wplabor.laborcode", "BEDFORD,Autonumbered,AMY", ",,BOB"].join("\n"));
  assert.deepEqual(items, [
    { kind: "row", row: { row: 1, rows: [1, 2], record: { siteid: "BEDFORD", description: "Autonumbered", wplabor: [{ laborcode: "AMY" }, { laborcode: "BOB" }] }, keys: { siteid: "BEDFORD" } } },
  ]);
});

test("a child object's column of JSON cells, as maximo export writes children, loads back: each child attribute checked and converted", async () => {
  const csv = [
    "wonum,siteid,description,wplabor",
    'WO1,BEDFORD,Pump,"[{""laborcode"":""king"",""laborhrs"":1.5,""href"":""http://127.0.0.1/x""},{""spi:laborcode"":""AMY"",""quantity"":2}]"',
    'WO2,BEDFORD,Fan,"{""laborcode"":""BOB""}"',
    "WO3,BEDFORD,None,",
  ].join("\r\n");
  const items = await plan(csv);
  assert.deepEqual(items, [
    {
      kind: "row",
      row: {
        row: 1,
        record: { wonum: "WO1", siteid: "BEDFORD", description: "Pump", wplabor: [{ laborcode: "KING", laborhrs: 1.5 }, { laborcode: "AMY", quantity: 2 }] },
        keys: { wonum: "WO1", siteid: "BEDFORD" },
      },
    },
    { kind: "row", row: { row: 2, record: { wonum: "WO2", siteid: "BEDFORD", description: "Fan", wplabor: [{ laborcode: "BOB" }] }, keys: { wonum: "WO2", siteid: "BEDFORD" } } },
    { kind: "row", row: { row: 3, record: { wonum: "WO3", siteid: "BEDFORD", description: "None" }, keys: { wonum: "WO3", siteid: "BEDFORD" } } },
  ]);
});

test("a JSON child cell that is not JSON, or names an attribute the child lacks, or a value its type refuses, is a problem of its column", async () => {
  const csv = [
    "wonum,siteid,wplabor",
    "WO1,BEDFORD,laborcode=KING",
    'WO2,BEDFORD,"[{""laborcod"":""KING"",""laborhrs"":""lots""}]"',
    'WO3,BEDFORD,"[3]"',
  ].join("\n");
  const problems = (await plan(csv)).map((i) => (i.kind === "invalid" ? i.row.problems : []));
  assert.deepEqual(problems, [
    [{ column: "wplabor", message: 'wplabor: not JSON; a child object\'s cell holds its children as JSON, such as [{"wplaborid":"..."}]' }],
    [{ column: "wplabor", message: 'wplabor has no attribute "laborcod"; did you mean laborcode?; wplabor.laborhrs: "lots" is not a number (DURATION; write 1234.5, without thousands separators)' }],
    [{ column: "wplabor", message: "wplabor: each child is a JSON object, not 3" }],
  ]);
});
