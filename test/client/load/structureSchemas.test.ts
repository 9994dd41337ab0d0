/**
 * Where a load's structures and schema come from: the connection's cache (the server's apimeta
 * and jsonschemas, JSON API reference §3), a schema fetched into it once when missing, else the
 * offline pack, which the answer then names.
 */
import assert from "node:assert/strict";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import type { ExtensionConnection } from "../../../client/src/extension/contracts";
import { StructureSchemas, type LoadSchemaCache } from "../../../client/src/extension/load/structureSchemas";

const root = process.env.MAXIMO_WORKBENCH_ROOT ?? process.cwd();
const packDir = join(root, "server", "schema-pack");
const temp = mkdtempSync(join(tmpdir(), "load-schemas-"));
after(() => rmSync(temp, { recursive: true, force: true }));

const connection = { name: "emu", url: "http://127.0.0.1:1/maximo", auth: "apikey" } as ExtensionConnection;

function cacheAt(folder: string, fetch: (name: string) => { ok: true } | { ok: false; reason: string }): LoadSchemaCache & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    folderFor: () => folder,
    ensureSchema: async (_connection, name) => {
      asked.push(name);
      return fetch(name);
    },
  };
}

test("nothing cached: the pack's structures and schema, each saying why, after one fetch was tried", async () => {
  const cache = cacheAt(join(temp, "empty"), () => ({ ok: false, reason: "the API key has not been entered yet" }));
  const schemas = new StructureSchemas(packDir, cache);
  const list = await schemas.structures(connection);
  assert.ok(list.entries.some((entry) => entry.name === "mxapiasset"));
  assert.deepEqual(list.entries.map((e) => e.name), [...list.entries.map((e) => e.name)].sort());
  assert.match(list.packNote ?? "", /^emu's apimeta is not cached yet; the offline pack is built from the local emulator/);
  const found = await schemas.schema(connection, "MXAPIASSET");
  assert.deepEqual(found.schema?.pk, ["assetnum", "siteid"]);
  assert.equal(cache.asked.length, 1);
  assert.match(found.packNote ?? "", /emu's schema of MXAPIASSET was not fetched \(the API key has not been entered yet\); the offline pack/);
});

test("a schema fetched into the cache is the server's: no note", async () => {
  const folder = join(temp, "fetched");
  const cache = cacheAt(folder, (name) => {
    mkdirSync(join(folder, "jsonschemas"), { recursive: true });
    cpSync(join(packDir, "jsonschemas", `${name.toLowerCase()}.json`), join(folder, "jsonschemas", `${name.toLowerCase()}.json`));
    return { ok: true };
  });
  const found = await new StructureSchemas(packDir, cache).schema(connection, "mxapiasset");
  assert.equal(found.packNote, undefined);
  assert.ok(found.schema?.attributes.has("description"));
  assert.equal(found.schema?.source, join(folder, "jsonschemas", "mxapiasset.json"));
});

test("the server's cached apimeta lists the structures, not the pack", async () => {
  const folder = join(temp, "cached");
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, "apimeta.json"), JSON.stringify([{ name: "ZZCUSTOM", description: "Ours", queryCapability: [] }, { name: "MXAPIASSET", description: "Assets" }]));
  const list = await new StructureSchemas(packDir, cacheAt(folder, () => ({ ok: true }))).structures(connection);
  assert.equal(list.packNote, undefined);
  assert.deepEqual(list.entries.map((e) => e.name), ["mxapiasset", "zzcustom"]);
});

test("a structure neither the server nor the pack knows has no schema, and the note says both", async () => {
  const found = await new StructureSchemas(packDir, cacheAt(join(temp, "none"), () => ({ ok: false, reason: "HTTP 404" }))).schema(connection, "zznothing");
  assert.equal(found.schema, undefined);
  assert.match(found.packNote ?? "", /not fetched \(HTTP 404\), and the offline pack has none/);
});
