// Cache folders saved from a running server (the emulator) override the pack; corrupt or partial
// files give one warning each and fall back.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { startEmulator, type EmulatorHandle } from "../../../emulator/index";
import { createSchemaStore } from "../../../server/src/schema/index";
import { cacheFolder, packDir, writeInto } from "./fixtures";

let emu: EmulatorHandle;
let apimeta: Buffer;
let woSchema: Buffer;

async function get(path: string): Promise<Buffer> {
  const response = await fetch(`${emu.url}${path}`, { headers: { apikey: "emulator-apikey" } });
  assert.equal(response.status, 200, path);
  return Buffer.from(await response.arrayBuffer());
}

before(async () => {
  emu = await startEmulator({ port: 0 });
  apimeta = await get("/oslc/apimeta");
  woSchema = await get("/oslc/jsonschemas/mxapiwodetail?oslc.select=*");
});
after(() => emu.close());

test("a cache folder saved from the server overrides the pack, file by file", (t) => {
  // What a customised server adds: one more attribute, and a saved query the pack does not have.
  const schema = JSON.parse(woSchema.toString("utf8"));
  schema.properties.cxpermit = { type: "string", subType: "ALN", maxLength: 12, title: "Permit" };
  const meta = JSON.parse(apimeta.toString("utf8"));
  meta[0].queryCapability.push({ name: "cxMyWork", title: "My work", ispublic: false });
  const cache = cacheFolder({ "apimeta.json": JSON.stringify(meta), "jsonschemas/mxapiwodetail.json": JSON.stringify(schema) });
  t.after(cache.remove);

  const store = createSchemaStore({ cacheDirs: [cache.dir], packDir });
  const wo = store.objectStructure("mxapiwodetail");
  assert.equal(wo?.source, join(cache.dir, "jsonschemas", "mxapiwodetail.json"));
  assert.equal(store.attributeAtPath("mxapiwodetail", ["cxpermit"])?.maxLength, 12);
  assert.ok(store.savedQueries("MXAPIWODETAIL").some((q) => q.name === "cxMyWork"));
  // Not in the cache: the pack answers.
  assert.equal(store.objectStructure("mxapiasset")?.source, join(packDir, "jsonschemas", "mxapiasset.json"));
  assert.deepEqual(store.warnings(), []);
});

test("the server's bytes as saved parse to the same schema as the pack", (t) => {
  const cache = cacheFolder({ "apimeta.json": apimeta, "jsonschemas/mxapiwodetail.json": woSchema });
  t.after(cache.remove);
  const store = createSchemaStore({ cacheDirs: [cache.dir], packDir: join(cache.dir, "no-pack") });
  assert.equal(store.attributeAtPath("mxapiwodetail", ["wplabor", "laborcode"])?.maxLength, 30);
  assert.ok(store.objectStructureNames().includes("mxapiasset"));
  assert.deepEqual(store.warnings(), []);
});

test("a corrupt jsonschemas file gives exactly one warning, naming it, and the pack answers", (t) => {
  const cache = cacheFolder({ "apimeta.json": apimeta, "jsonschemas/mxapiwodetail.json": woSchema.subarray(0, 5000) });
  t.after(cache.remove);
  const store = createSchemaStore({ cacheDirs: [cache.dir], packDir });
  const file = join(cache.dir, "jsonschemas", "mxapiwodetail.json");
  assert.equal(store.objectStructure("mxapiwodetail")?.source, join(packDir, "jsonschemas", "mxapiwodetail.json"));
  store.objectStructure("MXAPIWODETAIL");
  store.attributeAtPath("mxapiwodetail", ["wonum"]);
  const warnings = store.warnings();
  assert.equal(warnings.length, 1);
  assert.equal(warnings[0].file, file);
  assert.match(warnings[0].message, /mxapiwodetail\.json/);
  assert.match(warnings[0].message, /not valid JSON/);

  // Fixed on disk: reload reads it again and the warning goes away.
  writeInto(cache.dir, "jsonschemas/mxapiwodetail.json", woSchema);
  store.reload();
  assert.equal(store.objectStructure("mxapiwodetail")?.source, file);
  assert.deepEqual(store.warnings(), []);
});

test("a schema that parses but is not a schema (an error body) is a partial file", (t) => {
  const errorBody = JSON.stringify({ Error: { reasonCode: "BMXAA9301E", statusCode: "404", message: "BMXAA9301E - no such" } });
  const cache = cacheFolder({ "jsonschemas/mxapiasset.json": errorBody });
  t.after(cache.remove);
  const store = createSchemaStore({ cacheDirs: [cache.dir], packDir });
  assert.equal(store.objectStructure("mxapiasset")?.source, join(packDir, "jsonschemas", "mxapiasset.json"));
  assert.equal(store.warnings().length, 1);
  assert.match(store.warnings()[0].message, /no properties/);
});

test("a truncated apimeta.json gives exactly one warning and the pack's apimeta answers", (t) => {
  const cache = cacheFolder({ "apimeta.json": apimeta.subarray(0, Math.floor(apimeta.length / 2)) });
  t.after(cache.remove);
  const store = createSchemaStore({ cacheDirs: [cache.dir], packDir });
  const warnings = store.warnings();
  assert.equal(warnings.length, 1);
  assert.equal(warnings[0].file, join(cache.dir, "apimeta.json"));
  assert.ok(store.savedQueries("mxapiwodetail").some((q) => q.name === "myNotCompletedList"));
  assert.ok(store.objectStructureNames().includes("mxapiwodetail"));
  assert.equal(store.warnings().length, 1);
});

test("missing folders and unreadable files never throw", () => {
  const store = createSchemaStore({ cacheDirs: ["/nonexistent/cache"], packDir: "/nonexistent/pack" });
  assert.deepEqual(store.objectStructureNames(), []);
  assert.equal(store.objectStructure("mxapiwodetail"), undefined);
  assert.deepEqual(store.savedQueries("mxapiwodetail"), []);
  assert.deepEqual(store.warnings(), []);
});
