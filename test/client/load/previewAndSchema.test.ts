/**
 * previewLoad (the CLI's `--preview` and the editor's preview table) shows what planLoad would
 * do with the first rows; loadSchema finds the structure's schema in a connection's cache folder
 * before the shipped pack, as `maximo check --schemas DIR` does.
 */
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, test } from "node:test";
import { loadSchema } from "../../../client/src/load/loadSchema";
import { previewLoad } from "../../../client/src/load/previewLoad";
import { packDir, packSchema, scratchDir } from "./loadFixtures";

let scratch: ReturnType<typeof scratchDir>;
beforeEach(() => {
  scratch = scratchDir();
});
afterEach(() => scratch.remove());

const wo = packSchema("mxapiwodetail");

test("the columns with attribute, types, key and required; the first rows with converted values, problems and record", async () => {
  const csv = ["WONUM,siteid,Priority,colour,wplabor.laborcode", "wo1,bedford,2,,amy", ",,,,bob", "WO2,BEDFORD,high,red,", "WO3,BEDFORD,1,,", "WO4,BEDFORD,1,,"].join("\n");
  const preview = await previewLoad({ file: scratch.file("p.csv", csv), schema: wo, action: "add" }, 3);
  assert.deepEqual(preview.columns, [
    { header: "WONUM", index: 0, path: "wonum", maximoType: "UPPER", jsonType: "string", maxLength: 25, title: "Work Order", key: true, requiredOnAdd: false },
    { header: "siteid", index: 1, path: "siteid", maximoType: "UPPER", jsonType: "string", maxLength: 8, title: "Site", key: true, requiredOnAdd: true },
    { header: "Priority", index: 2, path: "wopriority", maximoType: "INTEGER", jsonType: "integer", maxLength: 12, title: "Priority", key: false, requiredOnAdd: false },
    { header: "colour", index: 3, problem: 'mxapiwodetail has no attribute "colour"', title: undefined, key: false, requiredOnAdd: false },
    { header: "wplabor.laborcode", index: 4, path: "wplabor.laborcode", maximoType: "UPPER", jsonType: "string", maxLength: 30, title: wo.attributes.get("wplabor")!.child!.attributes.get("laborcode")!.title, key: false, requiredOnAdd: false },
  ]);
  assert.deepEqual(preview.rows, [
    {
      row: 1,
      cells: ["wo1", "bedford", "2", "", "amy"],
      values: ["WO1", "BEDFORD", 2, undefined, "AMY"],
      problems: [],
      keys: { wonum: "WO1", siteid: "BEDFORD" },
      record: { wonum: "WO1", siteid: "BEDFORD", wopriority: 2, wplabor: [{ laborcode: "AMY" }, { laborcode: "BOB" }] },
    },
    { row: 2, cells: ["", "", "", "", "bob"], values: [undefined, undefined, undefined, undefined, "BOB"], problems: [], keys: { wonum: "WO1", siteid: "BEDFORD" } },
    {
      row: 3,
      cells: ["WO2", "BEDFORD", "high", "red", ""],
      values: ["WO2", "BEDFORD", undefined, undefined, undefined],
      problems: [
        { column: "Priority", message: 'wopriority: "high" is not a whole number (INTEGER)' },
        { column: "colour", message: 'this column cannot be loaded: mxapiwodetail has no attribute "colour"' },
      ],
      keys: { wonum: "WO2", siteid: "BEDFORD" },
    },
  ]);
  assert.equal(preview.more, true);
  const all = await previewLoad({ file: scratch.file("p.csv", csv), schema: wo, action: "add" });
  assert.equal(all.rows.length, 5);
  assert.equal(all.more, false);
});

test("loadSchema: a connection's cache folder first, then the pack; an unknown name is a sentence", () => {
  const cache = join(scratch.dir, "cache");
  mkdirSync(join(cache, "jsonschemas"), { recursive: true });
  const serverSchema = JSON.parse(readFileSync(join(packDir, "jsonschemas", "mxapiasset.json"), "utf8")) as { properties: Record<string, unknown> };
  serverSchema.properties.cxcolour = { type: "string", subType: "ALN", maxLength: 10, title: "Colour" };
  writeFileSync(join(cache, "jsonschemas", "mxapiasset.json"), JSON.stringify(serverSchema));

  const fromServer = loadSchema("MXAPIASSET", { cacheDirs: [cache], packDir });
  assert.ok(fromServer.ok);
  assert.equal(fromServer.origin, "server");
  assert.equal(fromServer.schema.attributes.get("cxcolour")?.maxLength, 10);

  const fromPack = loadSchema("mxapiwodetail", { cacheDirs: [cache], packDir });
  assert.ok(fromPack.ok);
  assert.equal(fromPack.origin, "pack");
  assert.deepEqual(fromPack.schema.pk, ["siteid", "wonum"]);

  const missing = loadSchema("mxapinosuch", { packDir });
  assert.ok(!missing.ok);
  assert.match(missing.message, /^No schema for the object structure "mxapinosuch" in the offline pack .*Known: .*mxapiasset/);
});
