// A getlist~ answer saved byte for byte (lean, reference §10) from the emulator, read back by the
// store: one record's status list, a non-status domain, and an answer without oslc.select.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startEmulator, type EmulatorHandle } from "../../../emulator/index";
import { createSchemaStore } from "../../../server/src/schema/index";
import { cacheFolder, packDir } from "./fixtures";

let emu: EmulatorHandle;
before(async () => {
  emu = await startEmulator({ port: 0 });
});
after(() => emu.close());

async function text(path: string): Promise<string> {
  const response = await fetch(`${emu.url}${path}`, { headers: { apikey: "emulator-apikey" } });
  assert.equal(response.status, 200, path);
  return response.text();
}

test("the emulator's lean getlist~status and getlist~woclass answers, saved as lists/, read as value lists", async (t) => {
  const page = JSON.parse(await text('/api/os/mxapiwodetail?oslc.where=status="WAPPR"&oslc.select=href&oslc.pageSize=1&lean=1'));
  const member = new URL(page.member[0].href as string).pathname.replace(/^\/maximo/, "");
  const cache = cacheFolder({
    // As §10's own example asks: without oslc.select a collection answers hrefs only.
    "lists/mxapiwodetail/status.json": await text(`${member}/getlist~status?lean=1&oslc.select=*`),
    "lists/mxapiwodetail/woclass.json": await text(`${member}/getlist~woclass?lean=1&oslc.select=*`),
    "lists/mxapiwodetail/wopriority.json": await text(`${member}/getlist~status?lean=1`),
  });
  t.after(cache.remove);
  const store = createSchemaStore({ cacheDirs: [cache.dir], packDir });
  const status = store.valueList("mxapiwodetail", "status")!;
  assert.ok(status.values.some((v) => v.value === "APPR" && v.maxvalue === "APPR" && v.description === "Approved"));
  assert.equal(status.synonym, true);
  // One WAPPR record's answer: the states it may move to, marked as such.
  assert.equal(status.fromRecord, true);
  assert.equal(status.byValue.has("WAPPR"), false);
  const woclass = store.valueList("mxapiwodetail", "woclass")!;
  assert.deepEqual(woclass.values.map((v) => v.value), ["WORKORDER", "ACTIVITY", "CHANGE", "RELEASE"]);
  assert.deepEqual(store.warnings(), []);
  // An answer saved without oslc.select holds hrefs only: no list, one warning naming the file.
  assert.equal(store.valueList("mxapiwodetail", "wopriority"), undefined);
  assert.deepEqual(store.warnings().map((w) => /wopriority\.json is not a value list \(no member has a `value`\)/.test(w.message)), [true]);
});
