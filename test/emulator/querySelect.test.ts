import { test } from "node:test";
import assert from "node:assert/strict";
import { getMember, queryCollection, renderMember } from "../../emulator/query/index";
import { bodyOf, contextRoot, queryEmulator, request, woCollection, woMember } from "./fixtures/queryFixture";

async function members(query: Array<[string, string]>, lean = true): Promise<Array<Record<string, unknown>>> {
  const emu = queryEmulator();
  const body = (await bodyOf(await queryCollection(request(query, lean), emu, woCollection(emu)))) as Record<string, unknown>;
  return (lean ? body.member : body["rdfs:member"]) as Array<Record<string, unknown>>;
}

test("JSON API reference §4.1: without oslc.select members are links only", async () => {
  const list = await members([["oslc.where", 'status="APPR"']]);
  assert.deepEqual(list, [{ href: `${contextRoot}/api/os/mxapiwodetail/_QkVERk9SRC8xMDAx` }]);
});

test("JSON API reference §4.1: selected attributes, status_description, _rowstamp; nulls dropped unless _dropnulls=0", async () => {
  const [wo] = await members([["oslc.where", 'wonum="1003"'], ["oslc.select", "wonum,status,location"]]);
  assert.equal(wo.wonum, "1003");
  assert.equal(wo.status, "INPRG");
  assert.equal(wo.status_description, "In Progress");
  assert.equal(typeof wo._rowstamp, "string");
  assert.ok(!("location" in wo));
  const [withNulls] = await members([["oslc.where", 'wonum="1003"'], ["oslc.select", "wonum,location"], ["_dropnulls", "0"]]);
  assert.equal(withNulls.location, null);
});

test("JSON API reference §4.1/§4.1.2: dot paths make nested objects; a clashing attribute becomes $alias_this_attr$", async () => {
  const [wo] = await members([["oslc.where", 'wonum="1001"'], ["oslc.select", "wonum,location,location.description,location.status"]]);
  assert.deepEqual(
    { desc: (wo.location as Record<string, unknown>).description, status: (wo.location as Record<string, unknown>).status },
    { desc: "Boiler room 300", status: "OPERATING" },
  );
  assert.equal(wo["$alias_this_attr$location"], "BR300");
});

test("JSON API reference §4.1.2: -- renames an attribute", async () => {
  const [wo] = await members([["oslc.where", 'wonum="1001"'], ["oslc.select", "wonum,location--mylocation,location.status"]]);
  assert.equal(wo.mylocation, "BR300");
  assert.ok(!("$alias_this_attr$location" in wo));
});

test("JSON API reference §4.1: child{...} inlines object-structure children; rel.x{...} inlines a relationship as an array", async () => {
  const [wo] = await members([["oslc.where", 'wonum="1001"'], ["oslc.select", "wonum,wplabor{craft,quantity},rel.location{status}"]]);
  const labor = wo.wplabor as Array<Record<string, unknown>>;
  assert.deepEqual(labor.map((l) => l.craft).sort(), ["ELECT", "MECH"]);
  assert.ok(String(labor[0].href).startsWith(`${contextRoot}/api/os/mxapiwodetail/_QkVERk9SRC8xMDAx/wplabor/`));
  assert.deepEqual((wo.location as Array<Record<string, unknown>>).map((l) => l.status), ["OPERATING"]);
});

test("JSON API reference §9: <mbo>.<rel>.where / orderBy / limit shape inlined children only", async () => {
  const select: [string, string] = ["oslc.select", "wonum,wplabor{craft,quantity}"];
  const where = await members([select, ["oslc.where", 'wonum="1001"'], ["workorder.showplanlabor.where", 'craft="MECH"']]);
  assert.deepEqual((where[0].wplabor as Array<Record<string, unknown>>).map((l) => l.craft), ["MECH"]);
  const sorted = await members([select, ["oslc.where", 'wonum="1001"'], ["workorder.showplanlabor.orderBy", "-quantity"], ["workorder.showplanlabor.limit", "1"]]);
  assert.deepEqual((sorted[0].wplabor as Array<Record<string, unknown>>).map((l) => l.quantity), [2]);
  const all = await members([select, ["workorder.showplanlabor.where", 'craft="NONE"']]);
  assert.equal(all.length, 4);
});

test("JSON API reference §4.1: _db aggregates over a relationship", async () => {
  const [wo] = await members([["oslc.where", 'wonum="1001"'], ["oslc.select", "wonum,wplabor._dbcount,wplabor.quantity._dbsum"]]);
  assert.deepEqual(wo.wplabor, { _dbcount: 2, quantity: { _dbsum: 3 } });
});

test("JSON API reference §4.1: * selects persistent attributes and links child collections", async () => {
  const [wo] = await members([["oslc.where", 'wonum="1001"'], ["oslc.select", "*"]]);
  assert.equal(wo.description, "Pump motor overhaul");
  assert.ok(!("parent" in wo) || wo.parent === undefined);
  assert.equal(wo.wplabor_collectionref, `${contextRoot}/api/os/mxapiwodetail/_QkVERk9SRC8xMDAx/wplabor`);
  assert.deepEqual(wo.doclinks, { href: `${contextRoot}/api/os/mxapiwodetail/_QkVERk9SRC8xMDAx/doclinks` });
});

test("PRODUCT.md real-server facts: namespaced output without lean (spi: keys, rdf:about)", async () => {
  const [wo] = await members([["oslc.where", 'wonum="1001"'], ["oslc.select", "wonum,status"]], false);
  assert.equal(wo["spi:wonum"], "1001");
  assert.equal(wo["spi:status_description"], "Approved");
  assert.ok(String(wo["rdf:about"]).endsWith("/_QkVERk9SRC8xMDAx"));
  assert.ok(!("wonum" in wo));
});

test("JSON API reference §16.1: a member GET shows all attributes, doclinks ref and an ETag", async () => {
  const emu = queryEmulator();
  const target = woMember(emu, "1001");
  const reply = getMember(request(), emu, target);
  const body = (await bodyOf(reply)) as Record<string, unknown>;
  assert.equal(reply.headers?.ETag, `"${String(target.row._rowstamp)}"`);
  assert.equal(body.href, target.href);
  assert.equal(body.wonum, "1001");
  assert.equal(body.reportedby, "WILSON");
  assert.deepEqual(body.doclinks, { href: `${target.href}/doclinks` });
  const selected = (await bodyOf(getMember(request([["oslc.select", "wonum"]]), emu, target))) as Record<string, unknown>;
  assert.deepEqual(Object.keys(selected).sort(), ["_rowstamp", "href", "wonum"]);
});

test("JSON API reference §11: renderMember shows a record as a GET with that select would", () => {
  const emu = queryEmulator();
  const target = woMember(emu, "1002");
  const json = renderMember(request(), emu, target, "wonum,status,wplabor{craft}");
  assert.equal(json.status_description, "Waiting on Approval");
  assert.deepEqual((json.wplabor as Array<Record<string, unknown>>).map((l) => l.craft), ["MECH"]);
});
