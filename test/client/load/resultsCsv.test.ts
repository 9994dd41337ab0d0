/** The results CSV the editor's load writes beside the file: issue 14's columns, one line per data row, quoted as CSV must be. */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { openResultsWriter } from "../../../client/src/extension/load/resultsCsv";
import { parse } from "csv-parse/sync";

const temp = mkdtempSync(join(tmpdir(), "load-results-"));
after(() => rmSync(temp, { recursive: true, force: true }));

test("a header, then each row's result with its keys, href, reason code and message; commas, quotes and newlines survive", async () => {
  const file = join(temp, "assets.results.csv");
  const writer = await openResultsWriter(file, ["assetnum", "siteid"]);
  await writer.write({ row: 1, status: "ok", keys: { assetnum: "A1", siteid: "BEDFORD" }, href: "http://127.0.0.1:1/maximo/api/os/mxapiasset/_QTE-" });
  await writer.write({ row: 2, status: "failed", keys: { assetnum: "A2", siteid: "BEDFORD" }, reasonCode: "BMXAA4129E", message: 'The record for ASSETNUM=A2, SITEID=BEDFORD already exists.\nSecond "line"' });
  await writer.write({ row: 3, status: "skipped", keys: { assetnum: "A3" }, message: "Landed in an earlier run (state file)." });
  await writer.close();
  const text = readFileSync(file, "utf8");
  assert.equal(text.split("\n")[0], "row,status,assetnum,siteid,href,reasonCode,message");
  const parsed = parse(text) as string[][];
  assert.deepEqual(parsed.slice(1), [
    ["1", "ok", "A1", "BEDFORD", "http://127.0.0.1:1/maximo/api/os/mxapiasset/_QTE-", "", ""],
    ["2", "failed", "A2", "BEDFORD", "", "BMXAA4129E", 'The record for ASSETNUM=A2, SITEID=BEDFORD already exists.\nSecond "line"'],
    ["3", "skipped", "A3", "", "", "", "Landed in an earlier run (state file)."],
  ]);
});
