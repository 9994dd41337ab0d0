/**
 * writes/: create, update (PATCH vs MERGE), delete, ETag/If-Match and transactionid, checked
 * against the reference guides' examples.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { MaximoError } from "../../emulator/http/errors";
import { createMember, deleteMember, updateMember } from "../../emulator/writes/index";
import { etagOf } from "../../emulator/store/etag";
import { apiRequest, woRow, writesFixture } from "./fixtures/writesFixture";

function rejects(work: () => unknown, status: number, reasonCode: string): MaximoError {
  let caught: unknown;
  try {
    work();
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof MaximoError, `expected a MaximoError, got ${String(caught)}`);
  assert.equal(caught.statusCode, status, caught.message);
  assert.equal(caught.reasonCode, reasonCode, caught.message);
  return caught;
}

describe("create", () => {
  test("practitioner guide CREATE: work order with wpmaterial and wplabor, 201 + Location, defaults and autonumber", () => {
    const fx = writesFixture();
    const os = fx.os("mxapiwodetail");
    const reply = createMember(apiRequest({ body: {
      siteid: "BEDFORD", description: "Replace pump motor - Building A", classstructureid: "1007", wopriority: 2, worktype: "CM",
      wpmaterial: [{ itemnum: "PUMP-100", itemqty: 1, description: "Centrifugal pump motor" }],
      wplabor: [{ laborcode: "SMITH", laborhrs: 4, craft: "MECHANIC" }],
    } }), fx.emulator, os, fx.collectionHref("mxapiwodetail"));
    assert.equal(reply.status, 201);
    assert.equal(reply.body, undefined);
    const wo = woRow(fx.emulator, "1003");
    assert.equal(reply.headers?.location, `${fx.collectionHref("mxapiwodetail")}/${fx.emulator.store.restId("workorder", wo)}`);
    assert.equal(wo.status, "WAPPR");
    assert.equal(wo.orgid, "EAGLENA");
    assert.equal(wo.changeby, "MAXADMIN");
    assert.equal(wo.reportdate, "2024-06-03T09:00:00+00:00");
    assert.equal(fx.emulator.store.related("workorder", wo, "wpmaterial")[0].itemnum, "PUMP-100");
    const labor = fx.emulator.store.related("workorder", wo, "wplabor")[0];
    assert.equal(labor.craft, "MECHANIC");
    assert.equal(labor.siteid, "BEDFORD");
    assert.equal(reply.headers?.etag, etagOf(wo));
  });

  test("JSON API reference §15.1: an invalid site is refused with BMXAA4153E and nothing is saved", () => {
    const fx = writesFixture();
    const before = fx.emulator.store.rows("workorder").length;
    const error = rejects(() => createMember(apiRequest({ body: { siteid: "BEDFORDXXYY", description: "x" } }), fx.emulator, fx.os("mxapiwodetail"), fx.collectionHref("mxapiwodetail")), 400, "BMXAA4153E");
    assert.match(error.message, /BEDFORDXXYY is not a valid site/);
    assert.equal(fx.emulator.store.rows("workorder").length, before);
  });

  test("practitioner guide CREATE: children are atomic with the parent — a bad child leaves no parent", () => {
    const fx = writesFixture();
    const before = fx.emulator.store.rows("workorder").length;
    rejects(() => createMember(apiRequest({ body: { siteid: "BEDFORD", wplabor: [{ laborhrs: "lots" }] } }), fx.emulator, fx.os("mxapiwodetail"), fx.collectionHref("mxapiwodetail")), 400, "BMXAA4144E");
    assert.equal(fx.emulator.store.rows("workorder").length, before);
    assert.equal(fx.emulator.store.rows("wplabor").length, 2);
  });

  test("practitioner guide status table: a missing required field is 400 BMXAA4195E", () => {
    const fx = writesFixture();
    const error = rejects(() => createMember(apiRequest({ body: { description: "no site" } }), fx.emulator, fx.os("mxapiwodetail"), fx.collectionHref("mxapiwodetail")), 400, "BMXAA4195E");
    assert.match(error.message, /A value is required for the Site field on the WORKORDER object/);
  });

  test("JSON API reference §11: domain, length and type checks; numbers sent as text are accepted", () => {
    const fx = writesFixture();
    const os = fx.os("mxapiwodetail");
    const href = fx.collectionHref("mxapiwodetail");
    rejects(() => createMember(apiRequest({ body: { siteid: "BEDFORD", status: "DONE" } }), fx.emulator, os, href), 400, "BMXAA4190E");
    rejects(() => createMember(apiRequest({ body: { siteid: "BEDFORD", description: "x".repeat(101) } }), fx.emulator, os, href), 400, "BMXAA4049E");
    rejects(() => createMember(apiRequest({ body: { siteid: "BEDFORD", wopriority: "high" } }), fx.emulator, os, href), 400, "BMXAA4144E");
    createMember(apiRequest({ body: { siteid: "BEDFORD", wonum: "t-1", wopriority: "3" } }), fx.emulator, os, href);
    assert.equal(woRow(fx.emulator, "T-1").wopriority, 3);
  });

  test("PRODUCT.md real-server facts: spi: keys in a lean create are ignored; namespaced requests read them", () => {
    const fx = writesFixture();
    const os = fx.os("mxapiwodetail");
    createMember(apiRequest({ body: { siteid: "BEDFORD", wonum: "L1", "spi:description": "ignored" } }), fx.emulator, os, fx.collectionHref("mxapiwodetail"));
    assert.equal(woRow(fx.emulator, "L1").description, undefined);
    createMember(apiRequest({ lean: false, body: { "spi:siteid": "BEDFORD", "spi:wonum": "N1", "spi:description": "read" } }), fx.emulator, os, fx.collectionHref("mxapiwodetail"));
    assert.equal(woRow(fx.emulator, "N1").description, "read");
  });

  test("JSON API reference §16.5: doclinks with base64 documentdata are created with the record", () => {
    const fx = writesFixture();
    createMember(apiRequest({ body: { siteid: "BEDFORD", wonum: "D1", doclinks: [
      { urltype: "FILE", documentdata: "aGV5IGhvdyBhcmUgeW91", doctype: "Attachments", urlname: "greetingsabcd.txt" },
    ] } }), fx.emulator, fx.os("mxapiwodetail"), fx.collectionHref("mxapiwodetail"));
    const link = fx.emulator.store.related("workorder", woRow(fx.emulator, "D1"), "doclinks")[0];
    assert.equal(link.urlname, "greetingsabcd.txt");
    assert.equal(fx.emulator.writes?.files.get(Number(link.doclinksid))?.bytes.toString(), "hey how are you");
  });

  test("JSON API reference §11: bad JSON is a 400 Maximo error", () => {
    const fx = writesFixture();
    rejects(() => createMember(apiRequest({ rawBody: "{oops" }), fx.emulator, fx.os("mxapiwodetail"), fx.collectionHref("mxapiwodetail")), 400, "BMXAA9396E");
  });

  test("PRODUCT.md: creating an automation script with status set is refused (BMXAA4190E); create then activate", () => {
    const fx = writesFixture();
    const os = fx.os("mxapiautoscript");
    const href = fx.collectionHref("mxapiautoscript");
    rejects(() => createMember(apiRequest({ body: { autoscript: "NEWONE", source: "x", status: "Active" } }), fx.emulator, os, href), 400, "BMXAA4190E");
    createMember(apiRequest({ body: { autoscript: "newone", source: "x" } }), fx.emulator, os, href);
    const row = fx.emulator.store.findByKey("autoscript", ["NEWONE"]);
    assert.equal(row?.status, "Draft");
    assert.ok(row);
    updateMember(apiRequest({ override: "PATCH", headers: { patchtype: "MERGE" }, body: { status: "Active" } }), fx.emulator, fx.member("mxapiautoscript", row));
    assert.equal(row.status, "Active");
    assert.equal(row.active, true);
  });
});

describe("update", () => {
  test("JSON API reference §11: PATCH returns 204 and deletes the children not in the request", () => {
    const fx = writesFixture();
    const wo = woRow(fx.emulator, "1001");
    const [mech] = fx.emulator.store.related("workorder", wo, "wplabor");
    const reply = updateMember(apiRequest({ override: "PATCH", body: {
      description: "new", wplabor: [{ href: `${fx.collectionHref("mxapiwodetail")}/x#${fx.emulator.store.restId("wplabor", mech)}`, laborhrs: 5 }, { craft: "HVAC", laborhrs: 1 }],
    } }), fx.emulator, fx.member("mxapiwodetail", wo));
    assert.equal(reply.status, 204);
    assert.equal(wo.description, "new");
    const crafts = fx.emulator.store.related("workorder", wo, "wplabor").map((r) => `${r.craft}:${r.laborhrs}`).sort();
    assert.deepEqual(crafts, ["HVAC:1", "MECH:5"]);
  });

  test("JSON API reference §11: MERGE keeps children not in the request; _action Delete removes one", () => {
    const fx = writesFixture();
    const wo = woRow(fx.emulator, "1001");
    const [mech, elect] = fx.emulator.store.related("workorder", wo, "wplabor");
    updateMember(apiRequest({ override: "PATCH", headers: { patchtype: "MERGE" }, body: { wplabor: [{ craft: "HVAC", laborhrs: 1 }] } }), fx.emulator, fx.member("mxapiwodetail", wo));
    assert.equal(fx.emulator.store.related("workorder", wo, "wplabor").length, 3);
    updateMember(apiRequest({ override: "PATCH", headers: { patchtype: "MERGE" }, body: {
      wplabor: [{ wplaborid: elect.wplaborid, _action: "Delete" }, { href: `x#${fx.emulator.store.restId("wplabor", mech)}`, laborhrs: 9 }],
    } }), fx.emulator, fx.member("mxapiwodetail", wo));
    const crafts = fx.emulator.store.related("workorder", wo, "wplabor").map((r) => `${r.craft}:${r.laborhrs}`).sort();
    assert.deepEqual(crafts, ["HVAC:1", "MECH:9"]);
  });

  test("JSON API reference §11: a properties header returns 200 with the record", () => {
    const fx = writesFixture();
    const wo = woRow(fx.emulator, "1001");
    const reply = updateMember(apiRequest({ override: "PATCH", headers: { properties: "wonum,description" }, body: { description: "with props" } }), fx.emulator, fx.member("mxapiwodetail", wo));
    assert.equal(reply.status, 200);
    const value = reply.body?.kind === "json" ? (reply.body.value as Record<string, unknown>) : {};
    assert.equal(value.description, "with props");
    assert.equal(value.wonum, "1001");
  });

  test("PRODUCT.md real-server facts: spi: and upper-case keys in a lean update change nothing (204)", () => {
    const fx = writesFixture();
    const wo = woRow(fx.emulator, "1001");
    const stamp = wo._rowstamp;
    const reply = updateMember(apiRequest({ override: "PATCH", body: { "spi:description": "a", DESCRIPTION: "b" } }), fx.emulator, fx.member("mxapiwodetail", wo));
    assert.equal(reply.status, 204);
    assert.equal(wo.description, "Fix pump");
    assert.equal(wo._rowstamp, stamp);
  });

  test("JSON API reference §11: keys may be sent back unchanged but not changed", () => {
    const fx = writesFixture();
    const wo = woRow(fx.emulator, "1001");
    updateMember(apiRequest({ override: "PATCH", body: { wonum: "1001", siteid: "BEDFORD", description: "same keys" } }), fx.emulator, fx.member("mxapiwodetail", wo));
    assert.equal(wo.description, "same keys");
    rejects(() => updateMember(apiRequest({ override: "PATCH", body: { wonum: "9999" } }), fx.emulator, fx.member("mxapiwodetail", wo)), 400, "BMXAA4176E");
  });

  test("practitioner guide UPDATE: a stale If-Match is 412 and the record is unchanged; the current ETag passes", () => {
    const fx = writesFixture();
    const wo = woRow(fx.emulator, "1001");
    const stale = etagOf(wo);
    updateMember(apiRequest({ override: "PATCH", headers: { "if-match": stale }, body: { description: "first" } }), fx.emulator, fx.member("mxapiwodetail", wo));
    rejects(() => updateMember(apiRequest({ override: "PATCH", headers: { "if-match": stale }, body: { description: "second" } }), fx.emulator, fx.member("mxapiwodetail", wo)), 412, "BMXAA8229W");
    assert.equal(wo.description, "first");
  });

  test("practitioner guide Action Invocations: changeStatus validates the transition (BMXAA4590E) and records statusdate", () => {
    const fx = writesFixture();
    const wo = woRow(fx.emulator, "1002");
    const change = (status: string) => updateMember(apiRequest({ query: { action: "wsmethod:changeStatus" }, body: { status, memo: "m" } }), fx.emulator, fx.member("mxapiwodetail", wo));
    const same = rejects(() => change("INPRG"), 400, "BMXAA4590E");
    assert.match(same.message, /Could not change Work Order 1002 status to INPRG\.\n\tBMXAA0032E/);
    rejects(() => change("WAPPR"), 400, "BMXAA4590E");
    rejects(() => change("DONE"), 400, "BMXAA4590E");
    assert.equal(change("COMP").status, 204);
    assert.equal(wo.status, "COMP");
    assert.equal(wo.statusdate, "2024-06-03T09:00:00+00:00");
    rejects(() => updateMember(apiRequest({ query: { action: "wsmethod:approve" }, body: {} }), fx.emulator, fx.member("mxapiwodetail", wo)), 400, "BMXAA9547E");
  });

  test("JSON API reference §28.1: interactive=1 asks woassetchange; yncuserinput 8 follows the asset, 16 keeps the location", () => {
    const fx = writesFixture();
    const wo = woRow(fx.emulator, "1001");
    const target = fx.member("mxapiwodetail", wo);
    rejects(() => updateMember(apiRequest({ override: "PATCH", query: { interactive: "1" }, body: { assetnum: "11430" } }), fx.emulator, target), 400, "BMXAA9551E");
    assert.equal(wo.assetnum, undefined);
    updateMember(apiRequest({ override: "PATCH", query: { interactive: "1" }, headers: { yncuserinput: "woassetchange:16" }, body: { assetnum: "11430" } }), fx.emulator, target);
    assert.equal(wo.location, "BR100");
    updateMember(apiRequest({ override: "PATCH", body: { assetnum: "" } }), fx.emulator, target);
    updateMember(apiRequest({ override: "PATCH", query: { interactive: "1" }, headers: { yncuserinput: "woassetchange:8" }, body: { assetnum: "11430" } }), fx.emulator, target);
    assert.equal(wo.location, "BR300");
  });
});

describe("delete and duplicates", () => {
  test("JSON API reference §12: DELETE answers 204 and cascades to the structure's children", () => {
    const fx = writesFixture();
    const wo = woRow(fx.emulator, "1001");
    assert.equal(deleteMember(apiRequest({ method: "DELETE" }), fx.emulator, fx.member("mxapiwodetail", wo)).status, 204);
    assert.equal(fx.emulator.store.findByKey("workorder", ["BEDFORD", "1001"]), undefined);
    assert.equal(fx.emulator.store.rows("wplabor").length, 0);
  });

  test("JSON API reference §12 (7608+): PATCH with _action Delete deletes the record; an in-progress WO cannot be deleted", () => {
    const fx = writesFixture();
    const wo = woRow(fx.emulator, "1001");
    assert.equal(updateMember(apiRequest({ override: "PATCH", body: { _action: "Delete" } }), fx.emulator, fx.member("mxapiwodetail", wo)).status, 204);
    assert.equal(fx.emulator.store.findByKey("workorder", ["BEDFORD", "1001"]), undefined);
    rejects(() => deleteMember(apiRequest({ method: "DELETE" }), fx.emulator, fx.member("mxapiwodetail", woRow(fx.emulator, "1002"))), 400, "BMXAA4172E");
  });

  test("JSON API reference §29: a repeated transactionid within five minutes is 409 and not applied again", () => {
    const fx = writesFixture();
    const os = fx.os("mxapiwodetail");
    const href = fx.collectionHref("mxapiwodetail");
    const send = () => createMember(apiRequest({ headers: { transactionid: "tx-1" }, body: { siteid: "BEDFORD", description: "once" } }), fx.emulator, os, href);
    assert.equal(send().status, 201);
    const count = fx.emulator.store.rows("workorder").length;
    fx.advance(4 * 60 * 1000);
    rejects(send, 409, "BMXAA9552E");
    assert.equal(fx.emulator.store.rows("workorder").length, count);
    fx.advance(61 * 1000);
    assert.equal(send().status, 201);
  });

  test("JSON API reference §29: a failed write does not remember its transactionid", () => {
    const fx = writesFixture();
    const os = fx.os("mxapiwodetail");
    const href = fx.collectionHref("mxapiwodetail");
    rejects(() => createMember(apiRequest({ headers: { transactionid: "tx-2" }, body: { siteid: "NOWHERE" } }), fx.emulator, os, href), 400, "BMXAA4153E");
    assert.equal(createMember(apiRequest({ headers: { transactionid: "tx-2" }, body: { siteid: "BEDFORD" } }), fx.emulator, os, href).status, 201);
  });
});
