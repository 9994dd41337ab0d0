// The schema store reads value lists (`lists/<os>/<attr>.json`, each a `getlist~attr` answer,
// reference §10) from every schema folder: lazily, once, first usable answer wins, and a
// corrupt file costs one warning.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createSchemaStore } from "../../../server/src/schema/index";
import { cacheFolder, packDir, writeInto } from "./fixtures";
import { listsFolder, statusList } from "./valueListFixture";

test("a lean getlist~ answer becomes the attribute's list: values in order, descriptions, synonyms", (t) => {
  const folder = listsFolder();
  t.after(folder.remove);
  const list = folder.store.valueList("MXAPIWODETAIL", "Status")!;
  assert.equal(list.source, join(folder.dir, "lists", "mxapiwodetail", "status.json"));
  assert.equal(list.fromPack, false);
  assert.equal(list.synonym, true);
  assert.deepEqual(list.values.map((v) => v.value), statusList.member.map((m) => m.value));
  assert.deepEqual(list.byValue.get("FLDAPPR"), { value: "FLDAPPR", maxvalue: "APPR", description: "Approved in the field" });
  // The default synonym speaks for its internal value.
  assert.equal(list.byMaxvalue.get("APPR")?.value, "APPR");
  assert.equal(list.byMaxvalue.get("WSCH")?.value, "AWSCHED");
  // A child object's attribute is keyed by its property path; an ALN list has no synonyms.
  const crafts = folder.store.valueList("mxapiwodetail", "wplabor.craft")!;
  assert.equal(crafts.synonym, false);
  assert.deepEqual(crafts.values.map((v) => v.value), ["ELECT", "MECH", "PIPEFIT"]);
  assert.equal(folder.store.valueList("mxapiwodetail", "worktype"), undefined);
  assert.equal(folder.store.valueList("mxapiasset", "status"), undefined);
  // Names come from user text: none climbs out of the folder.
  assert.equal(folder.store.valueList("mxapiwodetail", "../../jsonschemas/mxapiwodetail"), undefined);
  assert.equal(folder.store.valueList("..", "status"), undefined);
  assert.deepEqual(folder.store.warnings(), []);
});

test("namespaced answers, mxapisynonymdomain members and an mxapidomain record's synonymdomain child all read", (t) => {
  const namespaced = {
    "rdfs:member": [
      { "spi:value": "A", "spi:maxvalue": "A", "spi:description": "Active", "spi:defaults": true },
      { "spi:value": "I", "spi:maxvalue": "INACTIVE", "spi:description": "Inactive" },
    ],
  };
  const domainRecord = { member: [{ domainid: "WOSTATUS", synonymdomain: [{ value: "WAPPR", maxvalue: "WAPPR", description: "Waiting" }] }] };
  const numeric = { member: [{ value: 1, description: "Highest" }, { value: 2 }] };
  const folder = cacheFolder({
    "lists/mxapiasset/status.json": JSON.stringify(namespaced),
    "lists/mxapiwodetail/status.json": JSON.stringify(domainRecord),
    "lists/mxapiwodetail/wopriority.json": JSON.stringify(numeric),
    "lists/mxapiwodetail/woclass.json": JSON.stringify({ member: [] }),
  });
  t.after(folder.remove);
  const store = createSchemaStore({ cacheDirs: [folder.dir], packDir });
  assert.deepEqual(store.valueList("mxapiasset", "status")?.values, [
    { value: "A", maxvalue: "A", description: "Active", defaults: true },
    { value: "I", maxvalue: "INACTIVE", description: "Inactive" },
  ]);
  assert.deepEqual(store.valueList("mxapiwodetail", "status")?.values.map((v) => v.value), ["WAPPR"]);
  assert.deepEqual(store.valueList("mxapiwodetail", "wopriority")?.values.map((v) => v.value), ["1", "2"]);
  // An empty answer (a record whose state allows nothing) is a list, with nothing in it.
  assert.deepEqual(store.valueList("mxapiwodetail", "woclass")?.values, []);
  assert.deepEqual(store.warnings(), []);
});

test("first usable answer wins: a cache before the pack; a corrupt file warned once, and the next folder answers", (t) => {
  const pack = cacheFolder({ "lists/mxapiwodetail/status.json": JSON.stringify({ member: [{ value: "PACKVALUE" }] }) });
  const broken = cacheFolder({ "lists/mxapiwodetail/status.json": JSON.stringify(statusList).slice(0, 200) });
  const notAList = cacheFolder({ "lists/mxapiwodetail/status.json": JSON.stringify({ Error: { reasonCode: "BMXAA8727E", message: "BMXAA8727E - no record" } }) });
  t.after(() => [pack, broken, notAList].forEach((f) => f.remove()));

  const store = createSchemaStore({ cacheDirs: [broken.dir, notAList.dir], packDir: pack.dir });
  assert.deepEqual(store.valueList("mxapiwodetail", "status")?.values.map((v) => v.value), ["PACKVALUE"]);
  assert.equal(store.valueList("mxapiwodetail", "status")?.fromPack, true);
  store.valueList("MXAPIWODETAIL", "STATUS");
  const warnings = store.warnings();
  assert.deepEqual(warnings.map((w) => w.file), [join(broken.dir, "lists", "mxapiwodetail", "status.json"), join(notAList.dir, "lists", "mxapiwodetail", "status.json")]);
  assert.match(warnings[0]!.message, /not valid JSON/);
  assert.match(warnings[1]!.message, /not a value list/);

  // Fixed on disk: reload reads it again and the warning goes away.
  writeInto(broken.dir, "lists/mxapiwodetail/status.json", JSON.stringify(statusList));
  store.reload();
  assert.equal(store.valueList("mxapiwodetail", "status")?.values.length, statusList.member.length);
  assert.deepEqual(store.warnings().map((w) => w.file), []);
});

test("lists are read lazily, once: nothing until asked, one listing per structure, one read per file", (t) => {
  const folder = listsFolder();
  t.after(folder.remove);
  const reads: string[] = [];
  const listings: string[] = [];
  const store = createSchemaStore({
    cacheDirs: [folder.dir],
    packDir,
    readFile: (path) => {
      reads.push(path);
      try {
        return readFileSync(path, "utf8");
      } catch {
        return undefined;
      }
    },
    listDir: (path) => {
      listings.push(path);
      try {
        return readdirSync(path);
      } catch {
        return [];
      }
    },
  });
  store.objectStructure("mxapiwodetail");
  assert.ok(!reads.some((r) => r.includes("lists")), reads.join());
  for (let i = 0; i < 3; i++) {
    store.valueList("mxapiwodetail", "status");
    store.valueList("mxapiwodetail", "wplabor.craft");
    store.valueList("mxapiwodetail", "worktype");
  }
  assert.deepEqual(reads.filter((r) => r.includes("lists")).sort(), [join(folder.dir, "lists", "mxapiwodetail", "status.json"), join(folder.dir, "lists", "mxapiwodetail", "wplabor.craft.json")]);
  // The cache's folder listed once; the pack has no lists/ folder, asked once too.
  assert.equal(listings.filter((l) => l.endsWith(join("lists", "mxapiwodetail"))).length, 1);
  assert.equal(listings.filter((l) => l.endsWith("lists")).length, 2);
});
