// The offline pack through the store: the emulator's mxapiwodetail, its children and saved queries.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createSchemaStore } from "../../../server/src/schema/index";
import { packDir } from "./fixtures";

test("the pack lists the common object structures and loads without warnings", () => {
  const store = createSchemaStore({ packDir });
  const names = store.objectStructureNames();
  for (const name of ["mxapiwodetail", "mxapiasset", "mxapilocations", "mxapisr", "mxapiperson", "mxapipo", "mxapiautoscript", "mxscript"]) {
    assert.ok(names.includes(name), `${name} in ${names.join(", ")}`);
    assert.ok(store.objectStructure(name), `${name} has a schema`);
  }
  assert.deepEqual(store.warnings(), []);
});

test("mxapiwodetail attributes carry Maximo's types, lengths, titles and domains", () => {
  const wo = createSchemaStore({ packDir }).objectStructure("mxapiwodetail");
  assert.ok(wo);
  assert.equal(wo.name, "mxapiwodetail");
  assert.deepEqual(wo.pk, ["siteid", "wonum"]);
  const wonum = wo.attributes.get("wonum");
  assert.equal(wonum?.type, "string");
  assert.equal(wonum?.subType, "UPPER"); // Maximo's WONUM is upper-case alphanumeric
  assert.equal(wonum?.maxLength, 25);
  assert.equal(wonum?.title, "Work Order");
  assert.equal(wonum?.required, true);
  assert.equal(wo.attributes.get("description")?.subType, "ALN");
  assert.equal(wo.attributes.get("wopriority")?.subType, "INTEGER");
  assert.equal(wo.attributes.get("wopriority")?.type, "integer");
  assert.equal(wo.attributes.get("wopriority")?.required, false);
  assert.equal(wo.attributes.get("reportdate")?.subType, "DATETIME");
  assert.equal(wo.attributes.get("status")?.hasList, true);
  assert.equal(wo.attributes.get("wonum")?.hasList, false);
});

test("attributeAtPath walks into the wplabor child by name or by relationship", () => {
  const store = createSchemaStore({ packDir });
  const wplabor = store.attributeAtPath("mxapiwodetail", ["wplabor"]);
  assert.equal(wplabor?.type, "array");
  assert.equal(wplabor?.relation, "SHOWPLANLABOR");
  assert.equal(wplabor?.child?.objectName, "WPLABOR");
  const laborcode = store.attributeAtPath("mxapiwodetail", ["wplabor", "laborcode"]);
  assert.equal(laborcode?.subType, "UPPER");
  assert.equal(laborcode?.title, "Labor");
  assert.equal(store.attributeAtPath("mxapiwodetail", ["showplanlabor", "laborcode"]), laborcode);
  assert.equal(store.attributeAtPath("mxapiwodetail", ["spi:wonum"])?.name, "wonum");
  assert.equal(store.attributeAtPath("mxapiwodetail", ["wplabor", "nosuchfield"]), undefined);
  assert.equal(store.attributeAtPath("mxapiwodetail", ["wonum", "status"]), undefined);
  assert.equal(store.attributeAtPath("mxapiwodetail", ["location", "status"]), undefined); // not in this schema
  assert.equal(store.attributeAtPath("mxapiwodetail", []), undefined);
  assert.equal(store.attributeAtPath("nosuchos", ["wonum"]), undefined);
});

test("saved queries keep apimeta's exact case and titles", () => {
  const queries = createSchemaStore({ packDir }).savedQueries("mxapiwodetail");
  const names = queries.map((q) => q.name);
  assert.ok(names.includes("myNotCompletedList"));
  assert.ok(names.includes("WOTRACK:All Work Orders"));
  assert.ok(!names.includes("mynotcompletedlist"));
  assert.equal(queries.find((q) => q.name === "APPROVEWORK")?.title, "Approve Work Order list");
  const asset = createSchemaStore({ packDir }).savedQueries("mxapiasset");
  assert.equal(asset.find((q) => q.name === "publicAssets")?.javaMethod, true);
  assert.deepEqual(createSchemaStore({ packDir }).savedQueries("nosuchos"), []);
});

test("object structure names are case-insensitive everywhere", () => {
  const store = createSchemaStore({ packDir });
  assert.equal(store.objectStructure("MXAPIWODETAIL"), store.objectStructure("mxapiwodetail"));
  assert.deepEqual(store.savedQueries("MxApiWoDetail"), store.savedQueries("mxapiwodetail"));
  assert.equal(store.attributeAtPath("MXAPIWODETAIL", ["WPLABOR", "LaborCode"])?.name, "laborcode");
  assert.equal(store.objectStructure("../apimeta"), undefined);
});

test("schema files are read only when first asked for, and once", () => {
  const reads: string[] = [];
  const store = createSchemaStore({
    packDir,
    readFile: (path) => {
      reads.push(path);
      return readFileSync(path, "utf8");
    },
  });
  store.objectStructureNames();
  store.savedQueries("mxapiasset");
  assert.deepEqual(reads.map((p) => p.slice(packDir.length)), ["/apimeta.json"]);
  store.objectStructure("mxapiwodetail");
  store.objectStructure("MXAPIWODETAIL");
  store.attributeAtPath("mxapiwodetail", ["wonum"]);
  assert.deepEqual(reads.map((p) => p.slice(packDir.length)), ["/apimeta.json", "/jsonschemas/mxapiwodetail.json"]);
  store.reload();
  store.objectStructure("mxapiwodetail");
  assert.equal(reads.length, 3);
});
