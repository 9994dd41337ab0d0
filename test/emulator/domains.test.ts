/**
 * MXAPIDOMAIN and MXAPISYNONYMDOMAIN (PRODUCT.md "Real-server facts": IBM's MAS mobile apps read
 * whole value lists through `os/mxapidomain/{id}/synonymdomain` and
 * `os/mxapisynonymdomain?oslc.where=domainid="WOSTATUS"&internalvalues=1`), queried like any
 * object structure (reference §4 select, §5 where, §7 orderBy, §8 paging), listed by apimeta
 * and jsonschemas (§10).
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startEmulator, type EmulatorHandle } from "../../emulator/index";

let emu: EmulatorHandle;
before(async () => {
  emu = await startEmulator({ port: 0, options: { workOrders: 50 } });
});
after(async () => {
  await emu.close();
});

async function get(path: string, params: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const url = new URL(path.startsWith("http") ? path : `${emu.url}/${path}`);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  const response = await fetch(url, { headers: { apikey: "emulator-apikey" } });
  const text = await response.text();
  return { status: response.status, body: text === "" ? undefined : JSON.parse(text) };
}

const woStatuses = ["WAPPR", "APPR", "WSCH", "WMATL", "WPCOND", "INPRG", "COMP", "CLOSE", "CAN", "HISTEDIT"];

test("PRODUCT.md: mxapisynonymdomain with oslc.where=domainid and the mobile apps' parameters lists the whole domain", async () => {
  const { status, body } = await get("oslc/os/mxapisynonymdomain", {
    "oslc.select": "value,description,maxvalue,domainid,valueid,siteid,orgid,defaults",
    "oslc.where": 'domainid="WOSTATUS"',
    "oslc.pageSize": "100",
    savedQuery: "MOBILEDOMAIN",
    collectioncount: "1",
    ignorecollectionref: "1",
    addschema: "1",
    lean: "1",
    internalvalues: "1",
  });
  assert.equal(status, 200);
  assert.deepEqual(body.member.map((m: { value: string }) => m.value), woStatuses);
  const wappr = body.member[0];
  assert.deepEqual(
    { value: wappr.value, maxvalue: wappr.maxvalue, description: wappr.description, domainid: wappr.domainid, valueid: wappr.valueid, defaults: wappr.defaults },
    { value: "WAPPR", maxvalue: "WAPPR", description: "Waiting on Approval", domainid: "WOSTATUS", valueid: "WOSTATUS|WAPPR", defaults: true },
  );
  // Null site and org are dropped (reference §4.1 _dropnulls); the rest id encodes them as ~NULL~ as real ones do.
  assert.equal("siteid" in wappr, false);
  const id = wappr.href.split("/").pop() as string;
  assert.equal(Buffer.from(id.slice(1).replace(/-/g, "=").replace(/_/g, "/"), "base64").toString(), "WOSTATUS/WAPPR/~NULL~/~NULL~/WAPPR");
  assert.equal(body.responseInfo.totalCount, 10);
  const one = await get(wappr.href, { lean: "1" });
  assert.equal(one.status, 200);
  assert.equal(one.body.valueid, "WOSTATUS|WAPPR");
});

test("reference §5/§7/§8: where, orderBy and paging work on mxapisynonymdomain as on any structure", async () => {
  const first = await get("api/os/mxapisynonymdomain", {
    "oslc.select": "value,maxvalue",
    "oslc.where": 'domainid in ["WOSTATUS","POSTATUS"] and maxvalue="CAN"',
    "oslc.orderBy": "+domainid",
    "oslc.pageSize": "1",
  });
  assert.equal(first.status, 200);
  assert.deepEqual(first.body.member.map((m: { value: string }) => m.value), ["CAN"]);
  const second = await get(first.body.responseInfo.nextPage.href);
  assert.equal(second.body.member.length, 1);
  assert.equal(second.body.responseInfo.nextPage, undefined);
});

test("PRODUCT.md: mxapidomain/{id}/synonymdomain lists one domain's values; the domain carries its type and length", async () => {
  const { body } = await get("api/os/mxapidomain", { "oslc.select": "domainid,domaintype,description,maxtype,length", "oslc.where": 'domainid="WOSTATUS"' });
  assert.equal(body.member.length, 1);
  const domain = body.member[0];
  assert.deepEqual(
    { domainid: domain.domainid, domaintype: domain.domaintype, description: domain.description, maxtype: domain.maxtype, length: domain.length },
    { domainid: "WOSTATUS", domaintype: "SYNONYM", description: "Work Order Status", maxtype: "UPPER", length: 20 },
  );
  // The member id is base64 of the domain id, as the `_SU5...` of PRODUCT.md's example is.
  assert.ok(domain.href.endsWith(`/_${Buffer.from("WOSTATUS").toString("base64").replace(/=/g, "-")}`));
  const values = await get(`${domain.href}/synonymdomain`, { "oslc.select": "value,description", "oslc.orderBy": "+value", "oslc.where": 'value!="HISTEDIT"' });
  assert.equal(values.status, 200);
  assert.deepEqual(values.body.member.map((m: { value: string }) => m.value), [...woStatuses].filter((v) => v !== "HISTEDIT").sort());
  // oslc.select=* on the domain shows its value children inline as collection refs (§16.1).
  const whole = await get(domain.href, { lean: "1" });
  assert.equal(whole.body.synonymdomain_collectionref, `${domain.href}/synonymdomain`);
});

test("reference §4.1: mxapidomain answers ALN and numeric domains with their own value children", async () => {
  const { body } = await get("api/os/mxapidomain", { "oslc.select": "domainid,domaintype,alndomain{value},numericdomain{value,description}", "oslc.where": 'domainid in ["ASSETTYPE","TICKETPRIORITY"]', "oslc.orderBy": "+domainid" });
  assert.deepEqual(body.member.map((m: { domainid: string; domaintype: string }) => [m.domainid, m.domaintype]), [["ASSETTYPE", "ALN"], ["TICKETPRIORITY", "NUMERIC"]]);
  assert.deepEqual(body.member[0].alndomain.map((v: { value: string }) => v.value), ["FACILITIES", "FLEET", "IT", "PRODUCTION"]);
  assert.deepEqual(body.member[1].numericdomain.map((v: { value: number }) => v.value), [1, 2, 3, 4]);
});

test("reference §10: apimeta and jsonschemas describe both structures", async () => {
  const apimeta = await get("oslc/apimeta");
  const names = (apimeta.body as Array<{ name: string }>).map((e) => e.name.toLowerCase());
  assert.ok(names.includes("mxapidomain") && names.includes("mxapisynonymdomain"));
  const schema = await get("oslc/jsonschemas/mxapisynonymdomain");
  assert.equal(schema.status, 200);
  for (const property of ["domainid", "value", "maxvalue", "description", "defaults", "valueid", "siteid", "orgid"]) {
    assert.ok(property in schema.body.properties, property);
  }
  assert.equal(schema.body.properties.defaults.type, "boolean");
  const domain = await get("oslc/jsonschemas/mxapidomain", { "oslc.select": "*" });
  for (const child of ["synonymdomain", "alndomain", "numericdomain"]) assert.ok(child in domain.body.properties, child);
});

test("a value list changes only through Maximo's domain administration: the structures are read-only (405)", async () => {
  const response = await fetch(`${emu.url}/api/os/mxapisynonymdomain`, {
    method: "POST",
    headers: { apikey: "emulator-apikey", "content-type": "application/json" },
    body: JSON.stringify({ domainid: "WOSTATUS", value: "NEW", maxvalue: "WAPPR" }),
  });
  assert.equal(response.status, 405);
});

test("reference §5.2 domaininternalwhere over a synonym domain: status=OPERATING matches every OPERATING synonym", async () => {
  const { body } = await get("api/os/mxapiasset", { "oslc.select": "status", domaininternalwhere: "status=OPERATING", "oslc.pageSize": "1000" });
  const statuses = new Set(body.member.map((m: { status: string }) => m.status));
  assert.deepEqual([...statuses].sort(), ["ACTIVE", "LIMITEDUSE", "OPERATING"]);
});

test("a write outside an ALN or numeric domain is refused like a synonym value (BMXAA4190E)", async () => {
  const post = (os: string, body: object) =>
    fetch(`${emu.url}/api/os/${os}?lean=1`, { method: "POST", headers: { apikey: "emulator-apikey", "content-type": "application/json" }, body: JSON.stringify(body) });
  const asset = await post("mxapiasset", { assetnum: "DOMTEST1", siteid: "BEDFORD", assettype: "SPACESHIP" });
  assert.equal(asset.status, 400);
  assert.equal(((await asset.json()) as any).Error.reasonCode, "BMXAA4190E");
  assert.equal((await post("mxapiasset", { assetnum: "DOMTEST2", siteid: "BEDFORD", assettype: "FLEET" })).status, 201);
  const sr = await post("mxapisr", { description: "priority 9", reportedpriority: 9 });
  assert.equal(sr.status, 400);
  assert.match(((await sr.json()) as any).Error.message, /9 is not in the value list/);
});
