/**
 * The results table of a load: the results CSV's columns (issue 14: `row,status,<keys>,href,
 * reasonCode,message`), failed rows first with their messages, then skipped, then loaded rows;
 * every failed row kept, loaded rows only up to a limit.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { ResultsCollector } from "../../../client/src/extension/load/resultsModel";

test("failed rows come first with their reason and message, then skipped, then loaded, each in file order", () => {
  const collector = new ResultsCollector(["assetnum", "siteid"]);
  collector.add({ row: 1, status: "ok", keys: { assetnum: "A1", siteid: "BEDFORD" }, href: "http://127.0.0.1/api/os/mxapiasset/_QTE-" });
  collector.add({ row: 2, status: "failed", keys: { assetnum: "A2", siteid: "BEDFORD" }, reasonCode: "BMXAA4129E", message: "Asset A2 already exists." });
  collector.add({ row: 3, status: "skipped", keys: { assetnum: "A3", siteid: "BEDFORD" }, message: "landed in an earlier run" });
  collector.add({ row: 4, status: "failed", keys: { assetnum: "A4", siteid: "BEDFORD" }, message: "Description: longer than 100 characters" });
  const view = collector.view({ id: "r", title: "Results", resultsFile: "/w/assets.results.csv" });
  assert.deepEqual(view.columns, ["row", "status", "assetnum", "siteid", "href", "reasonCode", "message"]);
  assert.deepEqual(view.rows.map((r) => r.cells[0]), ["2", "4", "3", "1"]);
  assert.deepEqual(view.rows[0], { status: "failed", cells: ["2", "failed", "A2", "BEDFORD", "", "BMXAA4129E", "Asset A2 already exists."] });
  assert.equal(view.summary, "1 of 4 rows loaded, 2 failed, 1 skipped.");
  assert.equal(view.resultsFile, "/w/assets.results.csv");
  assert.equal(collector.failed, 2);
});

test("a key the structure does not list but a row names gets its own column", () => {
  const collector = new ResultsCollector(["wonum"]);
  collector.add({ row: 1, status: "ok", keys: { wonum: "1001", siteid: "BEDFORD" } });
  assert.deepEqual(collector.view({ id: "r", title: "t" }).columns, ["row", "status", "wonum", "siteid", "href", "reasonCode", "message"]);
});

test("a large load keeps every failed row but only the first loaded ones, and says so", () => {
  const collector = new ResultsCollector(["assetnum"], 10);
  for (let row = 1; row <= 5000; row++) collector.add({ row, status: row % 1000 === 0 ? "failed" : "ok", keys: { assetnum: `A${row}` } });
  const view = collector.view({ id: "r", title: "t", resultsFile: "/w/r.csv" });
  assert.equal(view.rows.length, 15);
  assert.deepEqual(view.rows.slice(0, 5).map((r) => r.cells[0]), ["1000", "2000", "3000", "4000", "5000"]);
  assert.deepEqual(view.notes, ["Showing 10 of the 4995 loaded rows; the results file has them all."]);
  assert.equal(view.summary, "4995 of 5000 rows loaded, 5 failed.");
});

test("all loaded, and nothing sent", () => {
  const collector = new ResultsCollector(["assetnum"]);
  assert.equal(collector.summary(), "No rows were sent.");
  collector.add({ row: 1, status: "ok", keys: { assetnum: "A" } });
  assert.equal(collector.summary(), "1 of 1 row loaded.");
});
