/**
 * Reading a CSV file as a load (issue 14): csv-parse's quoting rules (RFC 4180: quoted fields
 * with the delimiter, doubled quotes and line breaks inside), a UTF-8 byte-order mark, CRLF and LF,
 * ragged rows and a quote that never closes reported as row problems, and the flat-file header
 * lines of reference §25.3.
 */
import assert from "node:assert/strict";
import { afterEach, beforeEach, test } from "node:test";
import { planLoad, LoadFileError } from "../../../client/src/load/planLoad";
import { allItems, packSchema, scratchDir } from "./loadFixtures";

let scratch: ReturnType<typeof scratchDir>;
beforeEach(() => {
  scratch = scratchDir();
});
afterEach(() => scratch.remove());

const asset = () => packSchema("mxapiasset");

test("a BOM, CRLF line ends, quoted commas, doubled quotes and a newline inside quotes", async () => {
  const csv = '\uFEFFassetnum,siteid,description\r\nA-1,bedford,"Pump, north"\r\nA-2,BEDFORD,"6"" pipe, ""old"""\r\nA-3,BEDFORD,"two\r\nlines"\r\n';
  const plan = await planLoad({ file: scratch.file("assets.csv", csv), schema: asset(), action: "add" });
  assert.deepEqual(
    plan.columns.map((c) => [c.header, c.path]),
    [
      ["assetnum", "assetnum"],
      ["siteid", "siteid"],
      ["description", "description"],
    ],
    "the BOM is not part of the first header",
  );
  const items = await allItems(plan);
  assert.deepEqual(items, [
    { kind: "row", row: { row: 1, record: { assetnum: "A-1", siteid: "BEDFORD", description: "Pump, north" }, keys: { assetnum: "A-1", siteid: "BEDFORD" } } },
    { kind: "row", row: { row: 2, record: { assetnum: "A-2", siteid: "BEDFORD", description: '6" pipe, "old"' }, keys: { assetnum: "A-2", siteid: "BEDFORD" } } },
    { kind: "row", row: { row: 3, record: { assetnum: "A-3", siteid: "BEDFORD", description: "two\r\nlines" }, keys: { assetnum: "A-3", siteid: "BEDFORD" } } },
  ]);
});

test("LF line ends and blank lines: blank lines are not data rows", async () => {
  const plan = await planLoad({ file: scratch.file("a.csv", "ASSETNUM,SITEID\n\nA-1,BEDFORD\n,\nA-2,BEDFORD\n"), schema: asset(), action: "add" });
  const items = await allItems(plan);
  assert.deepEqual(
    items.map((i) => (i.kind === "row" ? [i.row.row, i.row.keys.assetnum] : i)),
    [
      [1, "A-1"],
      [2, "A-2"],
    ],
  );
});

test("a row longer or shorter than the header is a row problem, and the read goes on", async () => {
  const plan = await planLoad({ file: scratch.file("a.csv", "assetnum,siteid,description\nA-1,BEDFORD,x,extra\nA-2,BEDFORD\nA-3,BEDFORD,ok\n"), schema: asset(), action: "add" });
  const items = await allItems(plan);
  assert.equal(items.length, 3);
  assert.deepEqual(items[0], { kind: "invalid", row: { row: 1, keys: { assetnum: "A-1", siteid: "BEDFORD" }, problems: [{ message: "the row has 4 cells; the header has 3" }] } });
  assert.deepEqual(items[1], { kind: "invalid", row: { row: 2, keys: { assetnum: "A-2", siteid: "BEDFORD" }, problems: [{ message: "the row has 2 cells; the header has 3" }] } });
  assert.equal(items[2].kind, "row");
});

test("a quote that never closes is a problem of that row, not a crash", async () => {
  const plan = await planLoad({ file: scratch.file("a.csv", 'assetnum,siteid,description\nA-1,BEDFORD,fine\nA-2,BEDFORD,"never closed\nA-3,BEDFORD,swallowed\n'), schema: asset(), action: "add" });
  const items = await allItems(plan);
  assert.equal(items[0].kind, "row");
  assert.equal(items.length, 2);
  assert.equal(items[1].kind, "invalid");
  assert.equal(items[1].kind === "invalid" && items[1].row.row, 2);
  assert.match(items[1].kind === "invalid" ? items[1].row.problems[0].message : "", /never closes/);
});

test("a quote inside an unquoted field is part of the value", async () => {
  const plan = await planLoad({ file: scratch.file("a.csv", 'assetnum,siteid,description\nA-1,BEDFORD,6" pipe\n'), schema: asset(), action: "add" });
  const [item] = await allItems(plan);
  assert.deepEqual(item.kind === "row" && item.row.record.description, '6" pipe');
});

test("a flat file's interface line before the header is skipped (reference §25.3)", async () => {
  const plan = await planLoad({ file: scratch.file("a.csv", "EXTSYS1,MXASSETInterface,AddChange,EN\nASSETNUM,SITEID\nA-1,BEDFORD\n"), schema: asset(), action: "addchange" });
  assert.deepEqual(plan.columns.map((c) => c.path), ["assetnum", "siteid"]);
  const items = await allItems(plan);
  assert.deepEqual(items, [{ kind: "row", row: { row: 1, record: { assetnum: "A-1", siteid: "BEDFORD" }, keys: { assetnum: "A-1", siteid: "BEDFORD" } } }]);
});

test("the guide's own header line, `_METERNAME,...,MEASUREUNITID_`, maps its first and last names (reference §25.3)", async () => {
  const plan = await planLoad({ file: scratch.file("a.csv", "_ASSETNUM,SITEID,DESCRIPTION_\nA-1,BEDFORD,x\n"), schema: asset(), action: "add" });
  assert.deepEqual(plan.columns.map((c) => [c.path, c.problem]), [["assetnum", undefined], ["siteid", undefined], ["description", undefined]]);
});

test("an empty file has no header: the plan says so as a sentence", async () => {
  await assert.rejects(planLoad({ file: scratch.file("a.csv", ""), schema: asset(), action: "add" }), (e: unknown) => e instanceof LoadFileError && /no header row/.test(e.message));
});

test("items() may be read again: each pass reads the file from its start", async () => {
  const plan = await planLoad({ file: scratch.file("a.csv", "assetnum,siteid\nA-1,BEDFORD\nA-2,BEDFORD\n"), schema: asset(), action: "add" });
  assert.deepEqual(await allItems(plan), await allItems(plan));
  assert.equal((await allItems(plan)).length, 2);
});

test("semicolon- and tab-separated files: the header line decides when it has no comma, or a `sep=;` line", async () => {
  for (const [name, text] of [
    ["semi.csv", 'assetnum;siteid;description\r\nA-1;BEDFORD;"Pump; north, old"\r\n'],
    ["tabs.txt", "assetnum\tsiteid\tdescription\nA-1\tBEDFORD\tPump; north, old\n"],
    // Excel's delimiter hint as a first line names the delimiter and is no header (found by an audit: every row failed).
    ["sepline.csv", '\uFEFFsep=;\r\nassetnum;siteid;description\r\nA-1;BEDFORD;"Pump; north, old"\r\n'],
  ]) {
    const items = await allItems(await planLoad({ file: scratch.file(name, text), schema: asset(), action: "add" }));
    assert.deepEqual(items, [{ kind: "row", row: { row: 1, record: { assetnum: "A-1", siteid: "BEDFORD", description: "Pump; north, old" }, keys: { assetnum: "A-1", siteid: "BEDFORD" } } }], name);
  }
});

test("a row that is not UTF-8 (Excel's plain CSV in Windows-1252) is a row problem, never loaded garbled", async () => {
  const latin1 = Buffer.concat([Buffer.from("assetnum,siteid,description\nA-1,BEDFORD,Bomba "), Buffer.from([0x6e, 0xfa, 0x6d]), Buffer.from("\nA-2,BEDFORD,plain\n")]);
  const items = await allItems(await planLoad({ file: scratch.file("latin1.csv", latin1), schema: asset(), action: "add" }));
  assert.equal(items[0].kind, "invalid");
  assert.match(items[0].kind === "invalid" ? items[0].row.problems[0].message : "", /not UTF-8 .*save the file as "CSV UTF-8"/);
  assert.equal(items[1].kind, "row");
});

test("a quoted field with text after its closing quote is read as written, and the rows after it still load", async () => {
  const plan = await planLoad({ file: scratch.file("a.csv", 'assetnum,siteid,description\nA-1,BEDFORD,one\nA-2,BEDFORD,"two"x\nA-3,BEDFORD,three\n'), schema: asset(), action: "add" });
  const items = await allItems(plan);
  assert.deepEqual(
    items.map((i) => i.kind === "row" && [i.row.row, i.row.record.description]),
    [
      [1, "one"],
      [2, '"two"x'],
      [3, "three"],
    ],
  );
});
