// The round trip export → load → export (issue 14): an export is a file `maximo load` reads back
// unchanged. Each case changes the records on the server through a load of an edited copy first,
// so the second load is seen to restore what the first export wrote, and the second export is
// then the same file (CSV byte for byte; XLSX cell for cell, its zip carries timestamps).
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { stringify } from "csv-stringify/sync";
import { runCli } from "../../client/src/cli/main";
import { startEmulator, type EmulatorHandle } from "../../emulator/index";
import { readCsv, readXlsx, scratchDir } from "../client/export/support";

const APIKEY = "emulator-apikey";
let emu: EmulatorHandle;

before(async () => {
  emu = await startEmulator({ port: 0, options: { workOrders: 30 } });
});
after(() => emu.close());

async function maximo(args: string[], cwd: string): Promise<string> {
  const lines: string[] = [];
  const code = await runCli([...args, "--connection", emu.url], (t) => lines.push(t), (t) => lines.push(t), { env: { MAXIMO_APIKEY: APIKEY }, cwd });
  assert.equal(code, 0, `maximo ${args.join(" ")}:\n${lines.join("\n")}`);
  return lines.join("\n");
}

const FLAT = "GET os/mxapiwodetail?lean=1&oslc.select=wonum,siteid,description,wopriority,estdur,reportdate&oslc.where=siteid=\"BEDFORD\"&oslc.orderBy=+wonum&oslc.pageSize=7";
// A child's own key (wplaborid) in the select: without it, a child row is a new child to the server.
const LABOR = "GET os/mxapiwodetail?lean=1&oslc.select=wonum,siteid,description,wplabor{wplaborid,laborcode,laborhrs}&oslc.where=siteid=\"BEDFORD\"&oslc.orderBy=+wonum&oslc.pageSize=4";

/** A copy of the CSV with `edit` applied to each data row (header kept), written as CSV again. */
function editedCopy(from: string, to: string, edit: (row: string[], header: string[]) => string[]): void {
  const [header, ...rows] = readCsv(from);
  writeFileSync(to, stringify([header!, ...rows.map((row) => edit([...row], header!))], { record_delimiter: "\r\n" }));
}

test("round trip, CSV: export → load (update) → export gives the same file, byte for byte", async () => {
  const dir = scratchDir();
  writeFileSync(join(dir, "wos.maximo"), `${FLAT}\n`);
  await maximo(["export", "wos.maximo", "--out", "first.csv"], dir);
  const first = readFileSync(join(dir, "first.csv"));
  assert.ok(readCsv(join(dir, "first.csv")).length > 8, "several pages of work orders");

  // Text, an integer and a decimal changed on the server, through a load of an edited copy. Only
  // values the export holds are edited: an empty cell (a null the server left out) is left out by
  // the load too, so it would not clear a value set in between.
  const edits: Record<string, (value: string) => string> = { description: (v) => `${v}, edited "now"`, wopriority: () => "5", estdur: () => "12.75" };
  editedCopy(join(dir, "first.csv"), join(dir, "changed.csv"), (row, header) => row.map((cell, i) => (cell !== "" && edits[header[i]!] ? edits[header[i]!]!(cell) : cell)));
  await maximo(["load", "changed.csv", "--os", "mxapiwodetail", "--action", "update"], dir);
  await maximo(["export", "wos.maximo", "--out", "changed-export.csv"], dir);
  const changed = readCsv(join(dir, "changed-export.csv"));
  const original = readCsv(join(dir, "first.csv"));
  changed.slice(1).forEach((row, i) => {
    assert.equal(row[2], `${original[i + 1]![2]}, edited "now"`);
    assert.equal(row[3], original[i + 1]![3] === "" ? "" : "5");
    assert.equal(row[4], original[i + 1]![4] === "" ? "" : "12.75");
  });

  await maximo(["load", "first.csv", "--os", "mxapiwodetail", "--action", "update"], dir);
  await maximo(["export", "wos.maximo", "--out", "second.csv"], dir);
  assert.ok(readFileSync(join(dir, "second.csv")).equals(first), "the second export is the first file");
});

test("round trip, XLSX: the exported workbook loads back and exports to the same cells", async () => {
  const dir = scratchDir();
  writeFileSync(join(dir, "wos.maximo"), `${FLAT}\n`);
  await maximo(["export", "wos.maximo", "--out", "first.xlsx"], dir);
  await maximo(["export", "wos.maximo", "--out", "first.csv"], dir);
  editedCopy(join(dir, "first.csv"), join(dir, "changed.csv"), (row, header) => {
    row[header.indexOf("description")] = "Changed by a load";
    return row;
  });
  await maximo(["load", "changed.csv", "--os", "mxapiwodetail", "--action", "update"], dir);
  await maximo(["load", "first.xlsx", "--os", "mxapiwodetail", "--action", "update"], dir);
  await maximo(["export", "wos.maximo", "--out", "second.xlsx"], dir);
  const cells = await readXlsx(join(dir, "first.xlsx"));
  assert.ok(cells.slice(1).every((row) => row[2] !== "Changed by a load"));
  assert.deepEqual(await readXlsx(join(dir, "second.xlsx")), cells);
});

test("round trip, children exploded: one row per labor line loads back into the same lines", async () => {
  const dir = scratchDir();
  writeFileSync(join(dir, "labor.maximo"), `${LABOR}\n`);
  await maximo(["export", "labor.maximo", "--out", "first.csv", "--explode", "wplabor"], dir);
  const first = readFileSync(join(dir, "first.csv"));
  const [header, ...rows] = readCsv(join(dir, "first.csv"));
  assert.deepEqual(header, ["wonum", "siteid", "description", "wplabor.wplaborid", "wplabor.laborcode", "wplabor.laborhrs"]);
  const lines = rows.filter((row) => row[3] !== "").map((row) => row[0]);
  assert.ok(new Set(lines).size < lines.length, "some work orders have several labor lines");

  editedCopy(join(dir, "first.csv"), join(dir, "changed.csv"), (row) => {
    if (row[3] !== "") row[5] = "0.25";
    return row;
  });
  await maximo(["load", "changed.csv", "--os", "mxapiwodetail", "--action", "update"], dir);
  await maximo(["export", "labor.maximo", "--out", "changed-export.csv", "--explode", "wplabor"], dir);
  const changed = readCsv(join(dir, "changed-export.csv")).slice(1);
  assert.equal(changed.length, rows.length, "no labor line added");
  assert.ok(changed.every((row) => row[3] === "" || row[5] === "0.25"));

  await maximo(["load", "first.csv", "--os", "mxapiwodetail", "--action", "update"], dir);
  await maximo(["export", "labor.maximo", "--out", "second.csv", "--explode", "wplabor"], dir);
  assert.ok(readFileSync(join(dir, "second.csv")).equals(first), "the second export is the first file");
});
