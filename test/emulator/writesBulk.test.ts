/** writes/: BULK (JSON API reference §15) and file import with preview (§25). */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { bulk, importFile } from "../../emulator/writes/index";
import { apiRequest, woRow, writesFixture } from "./fixtures/writesFixture";

type Item = { _responsemeta?: Record<string, string>; _responsedata?: { Error?: Record<string, unknown> } };

function items(reply: { status: number; body?: { kind: string; value?: unknown } }): Item[] {
  assert.equal(reply.status, 200);
  assert.ok(reply.body?.kind === "json");
  return reply.body.value as Item[];
}

describe("BULK", () => {
  test("JSON API reference §15.1: an invalid site fails its item only; the other gets 201, ETag and Location", () => {
    const fx = writesFixture();
    const result = items(bulk(apiRequest({ override: "BULK", body: [
      { _data: { assetnum: "test-5", siteid: "BEDFORDXXYY", description: "TS test 5" } },
      { _data: { assetnum: "test-6", siteid: "BEDFORD", description: "TS test 6" } },
    ] }), fx.emulator, fx.os("mxapiasset"), fx.collectionHref("mxapiasset")));
    assert.equal(result[0]._responsedata?.Error?.reasonCode, "BMXAA4153E");
    assert.equal(result[0]._responsedata?.Error?.statusCode, "400");
    assert.match(String(result[0]._responsedata?.Error?.message), /^BMXAA4153E - \[BEDFORDXXYY is not a valid site/);
    assert.equal(result[1]._responsemeta?.status, "201");
    const asset = fx.emulator.store.findByKey("asset", ["TEST-6", "BEDFORD"]);
    assert.ok(asset);
    assert.equal(result[1]._responsemeta?.Location, `${fx.collectionHref("mxapiasset")}/${fx.emulator.store.restId("asset", asset)}`);
    assert.equal(result[1]._responsemeta?.ETag, `"${String(asset._rowstamp)}"`);
    assert.equal(fx.emulator.store.findByKey("asset", ["TEST-5", "BEDFORDXXYY"]), undefined);
  });

  test("JSON API reference §15.2: update (PATCH MERGE), create and delete in one request, each committed on its own", () => {
    const fx = writesFixture();
    const href = fx.collectionHref("mxapiwodetail");
    const uri = (wonum: string) => `${href}/${fx.emulator.store.restId("workorder", woRow(fx.emulator, wonum))}`;
    const result = items(bulk(apiRequest({ override: "BULK", body: [
      { _data: { description: "New Description" }, _meta: { uri: uri("1002"), method: "PATCH", patchtype: "MERGE" } },
      { _data: { siteid: "BEDFORD", wonum: "test-100", description: "New WO 100" } },
      { _meta: { uri: uri("1001"), method: "DELETE" } },
      { _meta: { uri: `${href}/_bm9wZQ--`, method: "DELETE" } },
    ] }), fx.emulator, fx.os("mxapiwodetail"), href));
    assert.deepEqual(result.map((r) => r._responsemeta?.status), ["204", "201", "204", "404"]);
    assert.equal(woRow(fx.emulator, "1002").description, "New Description");
    assert.equal(woRow(fx.emulator, "TEST-100").description, "New WO 100");
    assert.equal(fx.emulator.store.findByKey("workorder", ["BEDFORD", "1001"]), undefined);
  });

  test("JSON API reference §15.1 (7608): _action and href inside the data; bulk changeStatus", () => {
    const fx = writesFixture();
    const href = fx.collectionHref("mxapiwodetail");
    const uri = (wonum: string) => `${href}/${fx.emulator.store.restId("workorder", woRow(fx.emulator, wonum))}`;
    const updated = items(bulk(apiRequest({ override: "BULK", body: [
      { href: uri("1002"), description: "via _action", _action: "Update" },
      { siteid: "BEDFORD", wonum: "A1", _action: "Add" },
    ] }), fx.emulator, fx.os("mxapiwodetail"), href));
    assert.deepEqual(updated.map((r) => r._responsemeta?.status), ["204", "201"]);
    assert.equal(woRow(fx.emulator, "1002").description, "via _action");
    const statuses = items(bulk(apiRequest({ override: "BULK", query: { action: "wsmethod:changeStatus" }, body: [
      { status: "APPR", href: uri("1001") },
      { status: "INPRG", href: uri("1002") },
    ] }), fx.emulator, fx.os("mxapiwodetail"), href));
    assert.equal(statuses[0]._responsemeta?.status, "204");
    assert.equal(statuses[1]._responsedata?.Error?.reasonCode, "BMXAA4590E");
    assert.equal(statuses[1]._responsemeta?.status, "400");
    assert.equal(woRow(fx.emulator, "1001").status, "APPR");
  });

  test("JSON API reference §15: malformed JSON is the only non-200 answer", () => {
    const fx = writesFixture();
    assert.throws(() => bulk(apiRequest({ override: "BULK", rawBody: "[{" }), fx.emulator, fx.os("mxapiasset"), fx.collectionHref("mxapiasset")), /BMXAA9396E/);
  });
});

describe("import", () => {
  const csv = "WONUM,SITEID,DESCRIPTION,WOPRIORITY\nIMP1,BEDFORD,\"Imported, with comma\",2\nIMP2,NOWHERE,Bad site,1\n";

  test("JSON API reference §25.4: preview=1 validates each document and saves nothing", () => {
    const fx = writesFixture();
    const before = fx.emulator.store.rows("workorder").length;
    const reply = importFile(apiRequest({ query: { action: "importfile", lean: "1" }, headers: { preview: "1" }, rawBody: csv }), fx.emulator, fx.os("mxapiwodetail"));
    const value = reply.body?.kind === "json" ? (reply.body.value as Record<string, unknown>) : {};
    assert.equal(value.totaldoc, 2);
    assert.equal(value.validdoc, 1);
    assert.equal(value.invaliddoc, 1);
    assert.match(String(value.warningmsg), /BMXAA5598E - Processing of an inbound transaction failed\. The processing exception is identified in document 2\.\n\tBMXAA4153E/);
    assert.equal(fx.emulator.store.rows("workorder").length, before);
  });

  test("JSON API reference §25.5: the import saves the valid documents; delimiter and textqualifier headers", () => {
    const fx = writesFixture();
    const reply = importFile(apiRequest({ query: { action: "importfile" }, headers: { delimiter: ";", textqualifier: "'" }, rawBody: "WONUM;SITEID;DESCRIPTION\nIMP3;BEDFORD;'a;b'\n" }), fx.emulator, fx.os("mxapiwodetail"));
    assert.deepEqual(reply.body?.kind === "json" ? reply.body.value : undefined, { validdoc: 1 });
    assert.equal(woRow(fx.emulator, "IMP3").description, "a;b");
  });
});
