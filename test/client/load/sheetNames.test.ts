/** The sheets a workbook offers for a load, in workbook order (the XLSX sheet picker's list). */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { sheetNames } from "../../../client/src/extension/load/sheetNames";
import { excelJs } from "../../../client/src/libraries/lazy";

const temp = mkdtempSync(join(tmpdir(), "load-sheets-"));
after(() => rmSync(temp, { recursive: true, force: true }));

test("every sheet's name, in workbook order, however many rows they hold", async () => {
  const workbook = new (excelJs().Workbook)();
  for (const name of ["Assets", "Notes & <more>", "Locations"]) {
    const sheet = workbook.addWorksheet(name);
    sheet.addRow(["ASSETNUM", "SITEID"]);
    for (let i = 0; i < 2000; i++) sheet.addRow([`A${i}`, "BEDFORD"]);
  }
  const file = join(temp, "three.xlsx");
  await workbook.xlsx.writeFile(file);
  assert.deepEqual(await sheetNames(file), ["Assets", "Notes & <more>", "Locations"]);
});

test("a file that is not a workbook is an error, not an empty list", async () => {
  const file = join(temp, "not.xlsx");
  await import("node:fs/promises").then((fs) => fs.writeFile(file, "ASSETNUM,SITEID\n"));
  await assert.rejects(sheetNames(file));
});
