/**
 * The request examples of the two reference guides, sent over HTTP to the emulator, each checked
 * for the shape its guide shows. Test names cite the guide and section. Examples the emulator
 * does not cover are listed in emulator/README.md with the reason.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { startEmulator, type EmulatorHandle } from "../../emulator/index";
import { apikeyHeader, assertMaximoError, send, type TestResponse } from "./support/testClient";

type Json = Record<string, unknown>;
type Collection = { member: Json[]; responseInfo: Json; href?: string };

let emu: EmulatorHandle;
before(async () => {
  emu = await startEmulator({ port: 0 });
});
after(async () => {
  await emu.close();
});

/** `path` relative to `/maximo/`, query values written readable and encoded here. */
function url(path: string, query: Record<string, string> = {}): string {
  const search = Object.entries(query)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join("&");
  return `${emu.url}/${path}${search ? `?${search}` : ""}`;
}

async function get(path: string, query: Record<string, string> = {}, headers: Json = {}): Promise<TestResponse> {
  return send(url(path, query), { headers: { ...apikeyHeader, ...(headers as Record<string, string>) } });
}

async function post(path: string, body: unknown, headers: Record<string, string> = {}, query: Record<string, string> = {}): Promise<TestResponse> {
  return send(url(path, query), {
    method: "POST",
    headers: { ...apikeyHeader, "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** The `/maximo/...` path of an absolute href, for following links the emulator gave. */
function pathOf(href: string): string {
  return new URL(href).pathname.replace(/^\/maximo\//, "") + new URL(href).search;
}

async function collection(path: string, query: Record<string, string>): Promise<Collection> {
  const response = await get(path, { lean: "1", ...query });
  assert.equal(response.status, 200, response.text);
  return response.json as Collection;
}

async function firstHref(os: string, where: string): Promise<string> {
  const found = await collection(`oslc/os/${os}`, { "oslc.where": where, "oslc.pageSize": "1" });
  assert.equal(found.member.length, 1, `no ${os} where ${where}`);
  return found.member[0].href as string;
}

describe("JSON API reference", () => {
  test("§2.1 native authentication: POST /oslc/login with maxauth gives a session cookie to replay", async () => {
    const maxauth = Buffer.from("maxadmin:maxadmin").toString("base64");
    const login = await send(`${emu.url}/oslc/login`, { method: "POST", headers: { maxauth } });
    assert.equal(login.status, 200, login.text);
    const cookies = ([] as string[]).concat(login.headers["set-cookie"] ?? []);
    const session = cookies.find((c) => c.startsWith("JSESSIONID="));
    assert.ok(session, "no JSESSIONID cookie");
    const whoami = await send(`${emu.url}/oslc/whoami`, { headers: { cookie: session.split(";")[0] } });
    assert.equal(whoami.status, 200, whoami.text);
  });

  test("§2.2.1 BASIC authentication: POST /oslc/login with Authorization: BASIC", async () => {
    const basic = Buffer.from("maxadmin:maxadmin").toString("base64");
    const login = await send(`${emu.url}/oslc/login`, { method: "POST", headers: { authorization: `BASIC ${basic}` } });
    assert.equal(login.status, 200, login.text);
    const wrong = await send(`${emu.url}/oslc/login`, {
      method: "POST",
      headers: { authorization: `Basic ${Buffer.from("maxadmin:nope").toString("base64")}` },
    });
    assertMaximoError(wrong, 401);
  });

  test("§2.2.2 FORM authentication: j_security_check answers with JSESSIONID and LTPA cookies", async () => {
    const form = await send(`${emu.url}/j_security_check`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "j_username=maxadmin&j_password=maxadmin",
    });
    const cookies = ([] as string[]).concat(form.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]);
    assert.ok(cookies.some((c) => c.startsWith("JSESSIONID=")), `cookies: ${cookies}`);
    assert.ok(cookies.some((c) => c.startsWith("LtpaToken2=")), `cookies: ${cookies}`);
    const replay = await send(`${emu.url}/oslc/os/mxapiasset?lean=1&oslc.pageSize=1`, { headers: { cookie: cookies.join("; ") } });
    assert.equal(replay.status, 200, replay.text);
  });

  test("§3 API home: GET /oslc links systeminfo, whoami and apimeta", async () => {
    const home = await get("oslc", { lean: "1" });
    assert.equal(home.status, 200, home.text);
    for (const link of ["systeminfo", "whoami", "apimeta"]) assert.match(home.text, new RegExp(link));
    assert.equal((await get("oslc/whoami")).status, 200);
    assert.equal((await get("oslc/systeminfo")).status, 200);
  });

  test("§4.1 select clause: members with the selected attributes, responseInfo with nextPage and pagenum", async () => {
    const page = await collection("oslc/os/mxasset", { "oslc.select": "assetnum,location,description,status", "oslc.pageSize": "10" });
    assert.equal(page.member.length, 10);
    for (const asset of page.member) {
      assert.equal(typeof asset.href, "string");
      assert.equal(typeof asset.assetnum, "string");
      assert.equal(typeof asset.status_description, "string", "§4.1: status_description comes with a domain-bound status");
      assert.equal(typeof asset._rowstamp, "string");
      assert.equal(asset.siteid, undefined, "only selected attributes");
    }
    assert.equal(page.responseInfo.pagenum, 1);
    assert.match((page.responseInfo.nextPage as Json).href as string, /pageno=2/);
    assert.equal(typeof page.responseInfo.href, "string");
    assert.equal(page.responseInfo.totalCount, undefined, "§4.1: totalCount only with collectioncount=1");
  });

  test("§4.1 collectioncount=1 adds totalCount and totalPages; count=1 answers only the count", async () => {
    const page = await collection("oslc/os/mxasset", { "oslc.pageSize": "10", collectioncount: "1" });
    const total = page.responseInfo.totalCount as number;
    assert.ok(total >= 500);
    assert.equal(page.responseInfo.totalPages, Math.ceil(total / 10));
    const count = await get("oslc/os/mxasset", { lean: "1", count: "1" });
    assert.deepEqual(count.json, { totalCount: total });
  });

  test("§4.1 nulls are skipped by default and kept with _dropnulls=0", async () => {
    const where = 'assetnum="11450" and siteid="BEDFORD"';
    const lean = await collection("oslc/os/mxapiasset", { "oslc.where": where, "oslc.select": "*" });
    const full = await collection("oslc/os/mxapiasset", { "oslc.where": where, "oslc.select": "*", _dropnulls: "0" });
    assert.ok(Object.values(lean.member[0]).every((v) => v !== null));
    assert.ok(Object.values(full.member[0]).some((v) => v === null));
  });

  test("§4.1 child objects inline: assetmeter{*} is an array of meters", async () => {
    const page = await collection("oslc/os/mxasset", {
      "oslc.where": 'assetnum="11450" and siteid="BEDFORD"',
      "oslc.select": "assetnum,status,description,location,assetmeter{*}",
    });
    const meters = page.member[0].assetmeter as Json[];
    assert.ok(Array.isArray(meters) && meters.length > 0, JSON.stringify(page.member[0]));
    assert.equal(typeof meters[0].metername, "string");
  });

  test("§4.1 dot notation: location.description nests a location object beside the aliased attribute", async () => {
    const page = await collection("oslc/os/mxasset", {
      "oslc.where": 'location="*"',
      "oslc.select": "assetnum,status,description,location,location.description,location.status",
      "oslc.pageSize": "1",
    });
    const asset = page.member[0];
    assert.equal(typeof (asset.location as Json).status, "string", JSON.stringify(asset));
    assert.equal(typeof asset["$alias_this_attr$location"], "string");
  });

  test("§4.1 rel notation: rel.openwo{wonum,description} is an array named after the relation", async () => {
    const page = await collection("oslc/os/mxasset", {
      "oslc.where": 'siteid="BEDFORD"',
      "oslc.select": "assetnum,rel.openwo{wonum,description}",
      "oslc.pageSize": "50",
    });
    const withWork = page.member.find((a) => Array.isArray(a.openwo));
    assert.ok(withWork, "no asset with open work orders among 50");
    assert.equal(typeof (withWork.openwo as Json[])[0].wonum, "string");
  });

  test("§4.1.2 aliasing: location--mylocation renames the attribute", async () => {
    const page = await collection("oslc/os/mxasset", { "oslc.where": 'location="*"', "oslc.select": "assetnum,location--mylocation,location.status", "oslc.pageSize": "1" });
    assert.equal(typeof page.member[0].mylocation, "string", JSON.stringify(page.member[0]));
  });

  test("§4.1.2 traversing to related MboSets: {rest id}/openwo and openwo.mxwodetail", async () => {
    const assets = await collection("oslc/os/mxasset", { "oslc.where": 'siteid="BEDFORD"', "oslc.select": "assetnum,rel.openwo{wonum}", "oslc.pageSize": "50" });
    const asset = assets.member.find((a) => Array.isArray(a.openwo));
    assert.ok(asset);
    const expected = (asset.openwo as Json[]).map((w) => w.wonum).sort();
    const bare = await get(`${pathOf(asset.href as string)}/openwo`, { lean: "1", "oslc.select": "*" });
    assert.equal(bare.status, 200, bare.text);
    assert.deepEqual((bare.json as Collection).member.map((w) => w.wonum).sort(), expected);
    const asOs = await get(`${pathOf(asset.href as string)}/openwo.mxwodetail`, { lean: "1", "oslc.select": "wonum" });
    assert.equal(asOs.status, 200, asOs.text);
    assert.equal((asOs.json as Collection).member.length, expected.length);
  });

  test("§5 where through a relationship: status and location.status", async () => {
    const page = await collection("oslc/os/mxasset", {
      "oslc.where": 'status="OPERATING" and location.status="OPERATING"',
      "oslc.select": "assetnum,status,location.status",
      "oslc.pageSize": "20",
    });
    assert.ok(page.member.length > 0);
    for (const asset of page.member) {
      assert.equal(asset.status, "OPERATING");
      assert.equal((asset.location as Json).status, "OPERATING");
    }
  });

  test("§5 operators: in lists, numeric in, booleans", async () => {
    const page = await collection("oslc/os/mxapiwodetail", {
      "oslc.where": 'status in ["APPR","INPRG"] and wopriority in [1,2] and istask=false',
      "oslc.select": "wonum,status,wopriority",
      "oslc.pageSize": "100",
    });
    assert.ok(page.member.length > 0);
    for (const wo of page.member) {
      assert.ok(["APPR", "INPRG"].includes(wo.status as string));
      assert.ok([1, 2].includes(wo.wopriority as number));
    }
  });

  test("§5 like variations: \"%x%\", \"x%\" and \"%x\" wildcards", async () => {
    const contains = await collection("oslc/os/mxapiwodetail", { "oslc.where": 'description="%pump%"', "oslc.select": "description", "oslc.pageSize": "50" });
    assert.ok(contains.member.length > 0);
    for (const wo of contains.member) assert.match(wo.description as string, /pump/i);
    const starts = await collection("oslc/os/mxapiwodetail", { "oslc.where": 'wonum="100%"', "oslc.select": "wonum", "oslc.pageSize": "50" });
    for (const wo of starts.member) assert.match(wo.wonum as string, /^100/);
    const ends = await collection("oslc/os/mxapiwodetail", { "oslc.where": 'wonum="%7"', "oslc.select": "wonum", "oslc.pageSize": "50" });
    assert.ok(ends.member.length > 0);
    for (const wo of ends.member) assert.match(wo.wonum as string, /7$/);
  });

  test("§5 null checks with the star: =\"*\" is not null, !=\"*\" is null", async () => {
    const query = { "oslc.select": "wonum,assetnum", _dropnulls: "0", "oslc.pageSize": "50" };
    const notNull = await collection("oslc/os/mxapiwodetail", { ...query, "oslc.where": 'assetnum="*"' });
    const isNull = await collection("oslc/os/mxapiwodetail", { ...query, "oslc.where": 'assetnum!="*"' });
    assert.ok(notNull.member.length > 0 && isNull.member.length > 0);
    for (const wo of notNull.member) assert.notEqual(wo.assetnum, null);
    for (const wo of isNull.member) assert.equal(wo.assetnum ?? null, null);
  });

  test("§5 not in for ALN attributes: location!=\"[BR300,BR400]\"", async () => {
    const page = await collection("oslc/os/mxasset", { "oslc.where": 'location!="[BR300,BR400]" and location="*"', "oslc.select": "location", "oslc.pageSize": "200" });
    assert.ok(page.member.length > 0);
    for (const asset of page.member) assert.ok(!["BR300", "BR400"].includes(asset.location as string));
  });

  test("§5.1 range filters with ISO dates and numbers", async () => {
    const page = await collection("oslc/os/mxapiwodetail", {
      "oslc.where": 'wopriority>1 and wopriority<=3 and reportdate>="2024-01-01T00:00:00-05:00" and reportdate<"2026-01-01T00:00:00-05:00"',
      "oslc.select": "wopriority,reportdate",
      "oslc.pageSize": "100",
    });
    assert.ok(page.member.length > 0);
    for (const wo of page.member) {
      assert.ok((wo.wopriority as number) > 1 && (wo.wopriority as number) <= 3);
      const at = Date.parse(wo.reportdate as string);
      assert.ok(at >= Date.parse("2024-01-01T00:00:00-05:00") && at < Date.parse("2026-01-01T00:00:00-05:00"), wo.reportdate as string);
    }
  });

  test("§5.2 domaininternalwhere: status!=APPR,INPRG is a not-in on internal values", async () => {
    const page = await collection("oslc/os/mxapiwodetail", { domaininternalwhere: "status!=APPR,INPRG", "oslc.select": "status", "oslc.pageSize": "200" });
    assert.ok(page.member.length > 0);
    for (const wo of page.member) assert.ok(!["APPR", "INPRG"].includes(wo.status as string));
  });

  test("§7 sorting: -attr1,+attr2 with the + encoded as %2B; an unsigned attribute is refused", async () => {
    const sorted = await send(`${emu.url}/oslc/os/mxapiwodetail?lean=1&oslc.select=siteid,wonum&oslc.pageSize=200&oslc.orderBy=-siteid,%2Bwonum`, { headers: apikeyHeader });
    const members = (sorted.json as Collection).member;
    for (let i = 1; i < members.length; i++) {
      const [a, b] = [members[i - 1], members[i]];
      assert.ok((a.siteid as string) > (b.siteid as string) || (a.siteid === b.siteid && (a.wonum as string) <= (b.wonum as string)));
    }
    assertMaximoError(await get("oslc/os/mxapiwodetail", { "oslc.orderBy": "wonum" }), 400);
  });

  test("§8 paging: following nextPage walks every record once, previousPage points back", async () => {
    const where = 'siteid="NASHUA" and status="CLOSE"';
    let page = await collection("oslc/os/mxapiwodetail", { "oslc.where": where, "oslc.select": "wonum", "oslc.pageSize": "40", collectioncount: "1" });
    const total = page.responseInfo.totalCount as number;
    const seen = new Set<string>(page.member.map((m) => m.wonum as string));
    let pages = 1;
    while (page.responseInfo.nextPage) {
      const next = await send((page.responseInfo.nextPage as Json).href as string, { headers: apikeyHeader });
      page = next.json as Collection;
      pages++;
      assert.equal(page.responseInfo.pagenum, pages);
      assert.ok(page.responseInfo.previousPage, "§8: previousPage on every page after the first");
      for (const m of page.member) seen.add(m.wonum as string);
    }
    assert.equal(seen.size, total);
    assert.equal(pages, Math.ceil(total / 40));
  });

  test("§8.3 stable paging: nextPage carries a stable id and a page cannot be read twice", async () => {
    const first = await collection("oslc/os/mxapiasset", { "oslc.pageSize": "10", stablepaging: "true", "oslc.select": "assetnum" });
    const next = (first.responseInfo.nextPage as Json).href as string;
    assert.match(next, /stableid=/i);
    assert.equal((await send(next, { headers: apikeyHeader })).status, 200);
    const again = await send(next, { headers: apikeyHeader });
    assert.ok(again.status >= 400, "§8.3: the same page cannot be reloaded");
  });

  test("§9 filtering child objects: po.poline.where, .limit and .orderBy", async () => {
    const select = "ponum,status,poline{polinenum,itemnum,linecost}";
    const filtered = await collection("oslc/os/mxpo", { "oslc.select": select, "po.poline.where": 'itemnum="*" and linecost>100.0' });
    for (const po of filtered.member) for (const line of (po.poline as Json[]) ?? []) assert.ok((line.linecost as number) > 100);
    const limited = await collection("oslc/os/mxpo", { "oslc.select": select, "po.poline.limit": "1" });
    assert.ok(limited.member.every((po) => ((po.poline as Json[]) ?? []).length <= 1));
    const ordered = await collection("oslc/os/mxpo", { "oslc.select": select, "po.poline.orderBy": "-linecost" });
    for (const po of ordered.member) {
      const costs = ((po.poline as Json[]) ?? []).map((l) => l.linecost as number);
      assert.deepEqual(costs, [...costs].sort((a, b) => b - a));
    }
  });

  test("§10 JSON schema: jsonschemas/mxwodetail with properties, subType and child links; oslc.select=* inlines children", async () => {
    const root = await get("oslc/jsonschemas/mxwodetail");
    assert.equal(root.status, 200, root.text);
    const schema = root.json as { properties: Record<string, Json> };
    assert.equal(schema.properties.wonum.type, "string");
    assert.equal(typeof schema.properties.wonum.subType, "string");
    const inlined = (await get("oslc/jsonschemas/mxwodetail", { "oslc.select": "*" })).json as { properties: Record<string, Json> };
    const child = Object.values(inlined.properties).find((p) => p.type === "array" && p.items);
    assert.ok(child, "§10: oslc.select=* inlines the child object schemas");
  });

  test("§10 getlist: GET /oslc/os/mxwodetail/{id}/getlist~status?oslc.select=* lists the status values for that work order's state, as synonymdomain rows", async () => {
    const wo = await firstHref("mxwodetail", 'status="APPR"');
    const list = await get(`${pathOf(wo)}/getlist~status`, { "oslc.select": "*" });
    assert.equal(list.status, 200, list.text);
    const body = list.json as Json;
    const members = body["rdfs:member"] as Json[];
    const values = members.map((m) => m["spi:value"]);
    // APPR may go back to WAPPR, be scheduled, started, completed, closed or canceled — not to itself.
    assert.deepEqual([...values].sort(), ["CAN", "CLOSE", "COMP", "INPRG", "WAPPR", "WMATL", "WPCOND", "WSCH"]);
    const first = members[0]!;
    for (const key of ["spi:value", "spi:maxvalue", "spi:description", "spi:domainid", "spi:valueid", "spi:defaults", "_rowstamp"]) assert.ok(key in first, key);
    // "not an object structure": the set is the getlist path itself.
    assert.equal(body["rdf:about"], `${wo}/getlist~status`);
  });

  test("§11 create: 201 with a Location; the properties header returns the new record", async () => {
    const created = await post("oslc/os/mxasset", { assetnum: "GUIDE-A1", siteid: "BEDFORD", description: "my first asset" });
    assert.equal(created.status, 201, created.text);
    const location = created.headers.location as string;
    assert.match(location, /\/oslc\/os\/mxasset\/_/);
    const fetched = await get(pathOf(location), { lean: "1" });
    assert.equal((fetched.json as Json).description, "my first asset");
    const withProps = await post("oslc/os/mxasset?lean=1", { assetnum: "GUIDE-A2", siteid: "BEDFORD", description: "second" }, { properties: "assetnum,status" });
    assert.equal(withProps.status, 201, withProps.text);
    assert.equal((withProps.json as Json).assetnum, "GUIDE-A2");
  });

  test("§11 update with x-method-override: PATCH; PATCH replaces children, MERGE keeps the others", async () => {
    const created = await post("oslc/os/mxasset", {
      assetnum: "GUIDE-M1",
      siteid: "BEDFORD",
      assetmeter: [{ metername: "TEMP-F", linearassetid: 0 }, { metername: "RUNHOURS", linearassetid: 0 }],
    });
    assert.equal(created.status, 201, created.text);
    const member = pathOf(created.headers.location as string);
    const meters = async () =>
      (((await get(member, { lean: "1", "oslc.select": "assetmeter{metername}" })).json as Json).assetmeter as Json[] | undefined ?? []).map((m) => m.metername).sort();
    assert.deepEqual(await meters(), ["RUNHOURS", "TEMP-F"]);
    const merged = await post(`${member}?lean=1`, { description: "merged", assetmeter: [{ metername: "PRESSURE", linearassetid: 0 }] }, { "x-method-override": "PATCH", patchtype: "MERGE" });
    assert.equal(merged.status, 204, merged.text);
    assert.deepEqual(await meters(), ["PRESSURE", "RUNHOURS", "TEMP-F"]);
    const removed = await post(`${member}?lean=1`, { assetmeter: [{ metername: "PRESSURE", linearassetid: 0, _action: "Delete" }] }, { "x-method-override": "PATCH", patchtype: "MERGE" });
    assert.equal(removed.status, 204, removed.text);
    assert.deepEqual(await meters(), ["RUNHOURS", "TEMP-F"]);
    const patched = await post(`${member}?lean=1`, { assetmeter: [{ metername: "TEMP-F", linearassetid: 0 }] }, { "x-method-override": "PATCH" });
    assert.equal(patched.status, 204, patched.text);
    assert.deepEqual(await meters(), ["TEMP-F"], "§11: a PATCH deletes the children not in the payload");
  });

  test("§12 deleting resources: DELETE, and POST with _action Delete", async () => {
    for (const assetnum of ["GUIDE-D1", "GUIDE-D2"]) {
      const created = await post("oslc/os/mxasset", { assetnum, siteid: "BEDFORD" });
      assert.equal(created.status, 201, created.text);
    }
    const first = await firstHref("mxasset", 'assetnum="GUIDE-D1"');
    const deleted = await send(first, { method: "DELETE", headers: apikeyHeader });
    assert.ok([200, 204].includes(deleted.status), deleted.text);
    assertMaximoError(await get(pathOf(first)), 404);
    const second = await firstHref("mxasset", 'assetnum="GUIDE-D2"');
    const viaPost = await post(pathOf(second), { _action: "Delete" }, { "x-method-override": "PATCH" });
    assert.ok([200, 204].includes(viaPost.status), viaPost.text);
    assertMaximoError(await get(pathOf(second)), 404);
  });

  test("§12 canDelete: GET {rest id}?action=system:candelete answers 200 for a deletable record, an error otherwise", async () => {
    const created = await post("oslc/os/mxapiwodetail", { siteid: "BEDFORD", description: "candelete probe" });
    assert.equal(created.status, 201, created.text);
    assert.equal((await get(pathOf(created.headers.location as string), { action: "system:candelete" })).status, 200);
    const closed = await firstHref("mxapiwodetail", 'siteid="BEDFORD" and status="CLOSE"');
    assertMaximoError(await get(pathOf(closed), { action: "system:candelete" }), 400);
    assert.equal(((await get(pathOf(closed), { lean: "1" })).json as Json).status, "CLOSE", "asking does not delete");
  });

  test("§10 JSON schema of a child object: jsonschemas/{os}/{child}", async () => {
    const child = await get("oslc/jsonschemas/mxapiwodetail/wplabor");
    assert.equal(child.status, 200, child.text);
    assert.ok((child.json as { properties: Json }).properties.laborcode);
  });

  test("§14 automation scripts: GET /oslc/script/countofwoandsr?site= counts work and service requests", async () => {
    const response = await get("oslc/script/countofwoandsr", { site: "BEDFORD" });
    assert.equal(response.status, 200, response.text);
    const body = response.json as { wocount: number; srcount: number; total: number };
    assert.ok(body.wocount > 0);
    assert.equal(body.total, body.wocount + body.srcount);
  });

  test("§15.1 BULK create: 200 with a 400 _responsedata for the invalid site and a 201 _responsemeta for the good one", async () => {
    const response = await post(
      "oslc/os/mxasset",
      [{ _data: { assetnum: "test-5", siteid: "BEDFORDXXYY", description: "TS test 5" } }, { _data: { assetnum: "test-6", siteid: "BEDFORD", description: "TS test 6" } }],
      { "x-method-override": "BULK" },
    );
    assert.equal(response.status, 200, response.text);
    const [bad, good] = response.json as Json[];
    const error = (bad._responsedata as { Error: Json }).Error;
    assert.equal(error.reasonCode, "BMXAA4153E");
    assert.equal(error.statusCode, "400");
    const meta = good._responsemeta as Json;
    assert.equal(meta.status, "201");
    assert.match(meta.Location as string, /os\/mxasset\/_/);
    assert.equal(typeof meta.ETag, "string");
  });

  test("§15.2 BULK mixed: update with _meta PATCH/MERGE, create, and delete in one request", async () => {
    await post("oslc/os/mxasset", { assetnum: "GUIDE-B1", siteid: "BEDFORD" });
    await post("oslc/os/mxasset", { assetnum: "GUIDE-B2", siteid: "BEDFORD" });
    const toUpdate = await firstHref("mxasset", 'assetnum="GUIDE-B1"');
    const toDelete = await firstHref("mxasset", 'assetnum="GUIDE-B2"');
    const response = await post(
      "oslc/os/mxasset",
      [
        { _data: { description: "New Description" }, _meta: { uri: toUpdate, method: "PATCH", patchtype: "MERGE" } },
        { _data: { assetnum: "test-100", siteid: "BEDFORD", description: "New Asset 100" } },
        { _meta: { uri: toDelete, method: "DELETE" } },
      ],
      { "x-method-override": "BULK" },
    );
    assert.equal(response.status, 200, response.text);
    assert.equal(((await get(pathOf(toUpdate), { lean: "1" })).json as Json).description, "New Description");
    assert.equal((await collection("oslc/os/mxasset", { "oslc.where": 'assetnum="test-100"' })).member.length, 1);
    assertMaximoError(await get(pathOf(toDelete)), 404);
  });

  test("§16 attachments: upload with slug and x-document-meta, list, download, meta, delete", async () => {
    const asset = await firstHref("mxasset", 'assetnum="1001" and siteid="BEDFORD"');
    const upload = await send(`${asset}/doclinks`, {
      method: "POST",
      headers: { ...apikeyHeader, "x-document-meta": "FILE/Attachments", slug: "test.txt", "x-document-description": "test file", "content-type": "text/plain" },
      body: "Hello this is my first test file",
    });
    assert.equal(upload.status, 201, upload.text);
    const fileHref = upload.headers.location as string;
    assert.match(fileHref, /\/doclinks\/\w+$/);
    const download = await send(fileHref, { headers: apikeyHeader });
    assert.equal(download.text, "Hello this is my first test file");
    assert.match(String(download.headers.link ?? ""), /doclinks\/meta\//, "§16.2: GET has a Link header to the metadata");
    const list = (await get(`${pathOf(asset)}/doclinks`, { lean: "1" })).json as Collection;
    const entry = list.member.find((m) => m.href === fileHref);
    assert.ok(entry, JSON.stringify(list));
    assert.equal((entry.describedBy as Json).description, "test file");
    const removed = await send(fileHref, { method: "POST", headers: { ...apikeyHeader, "x-method-override": "DELETE" } });
    assert.ok([200, 204].includes(removed.status), removed.text);
    assert.equal((await send(fileHref, { headers: apikeyHeader })).status, 404);
  });

  test("§17 aggregation: gbcols with count and min/max/avg, gbfilter and gbsortby", async () => {
    const groups = (await get("oslc/os/mxapiasset", { lean: "1", gbcols: "siteid,count.*,min.budgetcost,max.budgetcost,avg.totalcost" })).json as Json[];
    assert.ok(Array.isArray(groups) && groups.length >= 2, JSON.stringify(groups));
    const bedford = groups.find((g) => g.siteid === "BEDFORD");
    assert.ok(bedford && (bedford.count as number) > 0 && "max_budgetcost" in bedford && typeof bedford.collectionref === "string");
    const filtered = (await get("oslc/os/mxapiasset", { lean: "1", gbcols: "siteid,count.*", gbfilter: "siteid='BEDFORD'" })).json as Json[];
    assert.deepEqual(filtered.map((g) => g.siteid), ["BEDFORD"]);
    const sorted = (await send(`${emu.url}/oslc/os/mxapiasset?lean=1&gbcols=siteid,count.*&gbsortby=%2Bsiteid`, { headers: apikeyHeader })).json as Json[];
    const sites = sorted.map((g) => g.siteid as string);
    assert.deepEqual(sites, [...sites].sort());
  });

  test("§21 saved queries: apimeta/mxasset lists queryCapability; savedQuery=ITSTOCK filters; a wrong case is ignored", async () => {
    const meta = (await get("oslc/apimeta/mxasset")).json as Json;
    assert.match(JSON.stringify(meta), /ITSTOCK/);
    const all = await collection("oslc/os/mxasset", { collectioncount: "1", "oslc.pageSize": "1" });
    const stock = await collection("oslc/os/mxasset", { savedQuery: "ITSTOCK", collectioncount: "1", "oslc.pageSize": "1" });
    const wrongCase = await collection("oslc/os/mxasset", { savedQuery: "itstock", collectioncount: "1", "oslc.pageSize": "1" });
    assert.ok((stock.responseInfo.totalCount as number) < (all.responseInfo.totalCount as number));
    assert.equal(wrongCase.responseInfo.totalCount, all.responseInfo.totalCount, "PRODUCT.md: a wrong savedQuery is silently ignored");
  });

  test("§26 file export: _format=csv of a lean select", async () => {
    const csv = await get("oslc/os/mxapiasset", { lean: "1", "oslc.select": "assetnum,siteid,description,location", "oslc.pageSize": "10", "oslc.orderBy": "-assetnum", _format: "csv" });
    assert.equal(csv.status, 200);
    assert.match(String(csv.headers["content-type"]), /csv/);
    assert.equal(csv.text.trim().split(/\r?\n/).length, 11);
  });

  test("§29 duplicate requests: a repeated transactionid gets 409 and is not applied twice", async () => {
    const headers = { transactionid: "guide-txn-1" };
    const first = await post("oslc/os/mxasset", { assetnum: "GUIDE-T1", siteid: "BEDFORD" }, headers);
    assert.equal(first.status, 201, first.text);
    const repeat = await post("oslc/os/mxasset", { assetnum: "GUIDE-T1", siteid: "BEDFORD" }, headers);
    assertMaximoError(repeat, 409);
    assert.equal((await collection("oslc/os/mxasset", { "oslc.where": 'assetnum="GUIDE-T1"' })).member.length, 1);
  });
});

describe("MAS practitioner guide", () => {
  test("Method 1 API key: GET mxwo?oslc.pageSize=1 with the apikey header", async () => {
    const response = await get("oslc/os/mxwo", { "oslc.pageSize": "1" }, { accept: "application/json" });
    assert.equal(response.status, 200, response.text);
    assertMaximoError(await send(`${emu.url}/oslc/os/mxwo?oslc.pageSize=1`, { headers: { apikey: "wrong" } }), 401);
  });

  test("Method 2 OAuth client credentials, Method 3 OIDC discovery: the discovered token endpoint gives a bearer token", async () => {
    const origin = new URL(emu.url).origin;
    const discovery = await send(`${origin}/auth/realms/mas/.well-known/openid-configuration`);
    const tokenEndpoint = (discovery.json as Json).token_endpoint as string;
    assert.equal(tokenEndpoint, `${origin}/auth/realms/mas/protocol/openid-connect/token`);
    const token = await send(tokenEndpoint, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "grant_type=client_credentials&client_id=workbench&client_secret=workbench-secret",
    });
    const accessToken = (token.json as Json).access_token as string;
    assert.ok(accessToken);
    const workOrders = await send(`${emu.url}/oslc/os/mxwo?oslc.pageSize=10&lean=1`, { headers: { authorization: `Bearer ${accessToken}` } });
    assert.equal((workOrders.json as Collection).member.length, 10);
  });

  test("CREATE: the work order with planned materials and labor is created atomically, 201 + Location", async () => {
    const workOrder = {
      siteid: "BEDFORD",
      description: "Replace pump motor - Building A",
      wopriority: 2,
      worktype: "CM",
      wpmaterial: [{ itemnum: "PUMP-100", itemqty: 1, description: "Centrifugal pump motor" }],
      wplabor: [{ laborcode: "SMITH", laborhrs: 4, craft: "MECHANIC" }],
    };
    // The guide posts to mxwo; IBM's MXWO carries the work order alone and MXWODETAIL the plans,
    // so the children only land through a structure that has them.
    const plain = await post("oslc/os/mxwo", workOrder);
    assert.equal(plain.status, 201, plain.text);
    assert.match(plain.headers.location as string, /\/oslc\/os\/mxwo\/_/);
    const created = await post("oslc/os/mxapiwodetail", workOrder);
    assert.equal(created.status, 201, created.text);
    const wo = (await get(pathOf(created.headers.location as string), { lean: "1", "oslc.select": "wonum,status,wpmaterial{itemnum},wplabor{laborcode}" })).json as Json;
    assert.equal(typeof wo.wonum, "string");
    assert.equal(wo.status, "WAPPR");
    assert.equal((wo.wpmaterial as Json[])[0].itemnum, "PUMP-100");
    assert.equal((wo.wplabor as Json[])[0].laborcode, "SMITH");
  });

  test("READ: the encoded query of open high-priority BEDFORD work orders", async () => {
    const response = await send(
      `${emu.url}/oslc/os/mxwo?oslc.where=siteid=%22BEDFORD%22%20and%20status=%22APPR%22%20and%20wopriority%3C=2&oslc.select=wonum,description,status,wopriority,reportdate&oslc.pageSize=50&oslc.orderBy=%2Breportdate&lean=1`,
      { headers: { ...apikeyHeader, accept: "application/json" } },
    );
    const members = (response.json as Collection).member;
    assert.ok(members.length > 0);
    for (const wo of members) assert.ok(wo.status === "APPR" && (wo.wopriority as number) <= 2);
    const dates = members.map((wo) => Date.parse(wo.reportdate as string));
    assert.deepEqual(dates, [...dates].sort((a, b) => a - b));
  });

  test("UPDATE with optimistic locking: the ETag from GET in If-Match gives 204; a stale one 412", async () => {
    const href = await firstHref("mxwo", 'siteid="BEDFORD" and status="WAPPR"');
    const etag = (await get(pathOf(href), { lean: "1" })).headers.etag as string;
    assert.ok(etag);
    const updated = await post(`${pathOf(href)}?lean=1`, { description: "Replace pump motor - Building A (URGENT)", wopriority: 1 }, { "x-method-override": "PATCH", "if-match": etag });
    assert.equal(updated.status, 204, updated.text);
    const stale = await post(`${pathOf(href)}?lean=1`, { wopriority: 2 }, { "x-method-override": "PATCH", "if-match": etag });
    assertMaximoError(stale, 412);
  });

  test("UPDATE with a real HTTP PATCH: PRODUCT.md real-server fact, answered 501", async () => {
    const href = await firstHref("mxwo", 'siteid="BEDFORD"');
    const response = await send(href, { method: "PATCH", headers: { ...apikeyHeader, "content-type": "application/json", "x-method-override": "PATCH" }, body: "{}" });
    assertMaximoError(response, 501);
  });

  test("Advanced queries: examples 1, 4, 5, 7 and 9 run; 2 (like), 3 (or), 6 (null), 8 and 10 (parentheses) are refused as a real server does", async () => {
    const accepted = [
      'siteid="BEDFORD" and status="APPR" and worktype="CM"',
      'reportdate>="2026-01-01T00:00:00-05:00" and reportdate<"2026-02-01T00:00:00-05:00"',
      'assetnum="PUMP-001" and siteid="BEDFORD"',
      'wopriority>=1 and wopriority<=3 and siteid="BEDFORD"',
      'changedate>="2026-02-05T00:00:00-05:00" and siteid="BEDFORD"',
    ];
    for (const where of accepted) assert.equal((await get("oslc/os/mxwo", { "oslc.where": where, lean: "1" })).status, 200, where);
    const refused = [
      'description like "%pump%" and siteid="BEDFORD"',
      'status="APPR" or status="INPRG" or status="WMATL"',
      "targstartdate!=null and targcompdate=null",
      '(status="APPR" or status="INPRG") and wopriority<=2 and worktype="EM"',
      'description like "%HVAC%" and (status="WAPPR" or status="APPR") and siteid="BEDFORD"',
    ];
    for (const where of refused) assertMaximoError(await get("oslc/os/mxwo", { "oslc.where": where }), 400);
    const orError = (await get("oslc/os/mxwo", { "oslc.where": refused[1] })).json as { Error: Json };
    assert.equal(orError.Error.reasonCode, "BMXAA8744E", "PRODUCT.md: or fails with BMXAA8744E");
  });

  test("Changing work order status: action=wsmethod:changeStatus follows the status transitions", async () => {
    const href = await firstHref("mxwo", 'siteid="BEDFORD" and status="APPR"');
    const changed = await post(`${pathOf(href)}?action=wsmethod:changeStatus&lean=1`, { status: "INPRG", memo: "Work started per dispatcher assignment" }, { "x-method-override": "PATCH" });
    assert.ok([200, 204].includes(changed.status), changed.text);
    assert.equal(((await get(pathOf(href), { lean: "1" })).json as Json).status, "INPRG");
    const closed = await firstHref("mxwo", 'siteid="BEDFORD" and status="CLOSE"');
    const refused = await post(`${pathOf(closed)}?action=wsmethod:changeStatus&lean=1`, { status: "INPRG" }, { "x-method-override": "PATCH" });
    assertMaximoError(refused, 400);
  });

  test("Lean mode: lean=1 drops the namespaces the default OSLC output carries", async () => {
    const lean = await get("oslc/os/mxwo", { lean: "1", "oslc.pageSize": "10", "oslc.select": "wonum" });
    const namespaced = await get("oslc/os/mxwo", { "oslc.pageSize": "10", "oslc.select": "wonum" });
    assert.ok((lean.json as Collection).member);
    assert.match(namespaced.text, /"rdfs:member"/);
    assert.match(namespaced.text, /"spi:wonum"/);
    assert.ok(lean.text.length < namespaced.text.length);
  });
});
