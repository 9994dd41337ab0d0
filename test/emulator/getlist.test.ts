/**
 * `os/{os}/{id}/getlist~{attr}` (JSON API reference §10): the values valid for that record's
 * state, as a serialized SYNONYMDOMAIN (or ALNDOMAIN / NUMERICDOMAIN) set whose query
 * parameters apply to the domain record, not the object structure.
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startEmulator, type EmulatorHandle } from "../../emulator/index";

let emu: EmulatorHandle;
before(async () => {
  emu = await startEmulator({ port: 0, options: { workOrders: 200 } });
});
after(async () => {
  await emu.close();
});

interface Answer {
  status: number;
  body: any;
}

async function get(path: string, params: Record<string, string> = {}): Promise<Answer> {
  const url = new URL(path.startsWith("http") ? path : `${emu.url}/${path}`);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  const response = await fetch(url, { headers: { apikey: "emulator-apikey" } });
  const text = await response.text();
  return { status: response.status, body: text === "" ? undefined : JSON.parse(text) };
}

/** The href of the first record matching `where` in a lean collection. */
async function firstHref(os: string, where: string): Promise<string> {
  const { body } = await get(`api/os/${os}`, { "oslc.where": where, "oslc.pageSize": "1" });
  assert.equal(body.member.length, 1, `a ${os} with ${where}`);
  return body.member[0].href as string;
}

test("reference §10: getlist~status of a WAPPR work order lists the states it may move to, as SYNONYMDOMAIN rows", async () => {
  const wo = await firstHref("mxapiwodetail", 'status="WAPPR"');
  const { status, body } = await get(`${wo}/getlist~status`, { "oslc.select": "*" });
  assert.equal(status, 200);
  const values = body.member.map((m: { value: string }) => m.value);
  // From WAPPR: approve, schedule states, start, complete, close or cancel; not WAPPR itself, not HISTEDIT.
  assert.deepEqual([...values].sort(), ["APPR", "CAN", "CLOSE", "COMP", "INPRG", "WMATL", "WPCOND", "WSCH"]);
  const appr = body.member.find((m: { value: string }) => m.value === "APPR");
  assert.equal(appr.maxvalue, "APPR");
  assert.equal(appr.description, "Approved");
  assert.equal(appr.domainid, "WOSTATUS");
  assert.equal(appr.valueid, "WOSTATUS|APPR");
  assert.equal(appr.defaults, true);
  assert.match(appr._rowstamp, /^\d+$/);
  assert.ok(typeof appr.synonymdomainid === "number");
  // Recorded real answers name each value `{list href}/{position}-{unique id}`; following it answers the value.
  assert.equal(appr.href, `${wo}/getlist~status/${body.member.indexOf(appr)}-${appr.synonymdomainid}`);
  const followed = await get(appr.href);
  assert.equal(followed.status, 200);
  assert.equal(followed.body.value, "APPR");
  // Not an object structure: the set's own href is the getlist path.
  assert.equal(body.href, `${wo}/getlist~status`);
});

test("reference §10: the list follows the record's state (COMP only closes; CLOSE has nowhere to go)", async () => {
  const comp = await firstHref("mxapiwodetail", 'status="COMP"');
  const fromComp = await get(`${comp}/getlist~status`, { "oslc.select": "value" });
  assert.deepEqual(fromComp.body.member.map((m: { value: string }) => m.value), ["CLOSE"]);
  const closed = await firstHref("mxapiwodetail", 'status="CLOSE"');
  const fromClose = await get(`${closed}/getlist~status`, { "oslc.select": "value" });
  assert.equal(fromClose.status, 200);
  assert.deepEqual(fromClose.body.member, []);
});

test("reference §10 with synonyms: an ACTIVE asset (internal OPERATING) may move to other OPERATING synonyms and to reachable states", async () => {
  const asset = await firstHref("mxapiasset", 'status="ACTIVE"');
  const { body } = await get(`${asset}/getlist~status`, { "oslc.select": "value,maxvalue,defaults" });
  const pairs = body.member.map((m: { value: string; maxvalue: string }) => `${m.value}:${m.maxvalue}`).sort();
  assert.deepEqual(pairs, [
    "BROKEN:DECOMMISSIONED", "DECOMMISSIONED:DECOMMISSIONED", "INACTIVE:DECOMMISSIONED", "LIMITEDUSE:OPERATING",
    "MISSING:DECOMMISSIONED", "NOT READY:NOT READY", "OPERATING:OPERATING", "SEALED:DECOMMISSIONED",
  ]);
  assert.equal(body.member.find((m: { value: string }) => m.value === "LIMITEDUSE").defaults, false);
  // The same rule as the status change itself: ACTIVE → LIMITEDUSE is allowed (reference §13 changeStatus).
  const changed = await fetch(`${asset}?lean=1`, {
    method: "POST",
    headers: { apikey: "emulator-apikey", "x-method-override": "PATCH", "content-type": "application/json" },
    body: JSON.stringify({ status: "LIMITEDUSE" }),
  });
  assert.ok(changed.status < 300, String(changed.status));
  const broken = await firstHref("mxapiasset", 'status="BROKEN"');
  const fromBroken = await get(`${broken}/getlist~status`, { "oslc.select": "value" });
  // BROKEN is a DECOMMISSIONED synonym: only the other DECOMMISSIONED synonyms remain.
  assert.deepEqual(fromBroken.body.member.map((m: { value: string }) => m.value).sort(), ["DECOMMISSIONED", "INACTIVE", "MISSING", "SEALED"]);
});

test("reference §10: a domain attribute that is not a status lists its whole domain (WOCLASS)", async () => {
  const wo = await firstHref("mxapiwodetail", 'status="WAPPR"');
  const { body } = await get(`${wo}/getlist~woclass`, { "oslc.select": "value,description" });
  assert.deepEqual(
    body.member.map((m: { value: string; description: string }) => [m.value, m.description]),
    [["WORKORDER", "Work Order"], ["ACTIVITY", "Activity"], ["CHANGE", "Change"], ["RELEASE", "Release"]],
  );
});

test("reference §10: oslc.where, oslc.select and oslc.orderBy of a getlist path apply to the domain record", async () => {
  const wo = await firstHref("mxapiwodetail", 'status="WAPPR"');
  const { status, body } = await get(`${wo}/getlist~status`, {
    "oslc.select": "value,description",
    "oslc.where": 'maxvalue in ["APPR","INPRG","CAN"]',
    "oslc.orderBy": "-value",
  });
  assert.equal(status, 200);
  assert.deepEqual(body.member.map((m: { value: string }) => m.value), ["INPRG", "CAN", "APPR"]);
  assert.deepEqual(Object.keys(body.member[0]).sort(), ["_rowstamp", "description", "href", "value"]);
  // wonum is the structure's attribute, not the domain's: the server does not know it here.
  const wrong = await get(`${wo}/getlist~status`, { "oslc.where": 'wonum="1000"' });
  assert.equal(wrong.status, 400);
});

test("reference §8: a getlist answer pages like any collection", async () => {
  const wo = await firstHref("mxapiwodetail", 'status="WAPPR"');
  const first = await get(`${wo}/getlist~status`, { "oslc.select": "value", "oslc.pageSize": "3", "oslc.orderBy": "+value" });
  assert.equal(first.body.member.length, 3);
  const second = await get(first.body.responseInfo.nextPage.href);
  assert.equal(second.body.responseInfo.pagenum, 2);
  assert.ok(second.body.member.every((m: { value: string }) => m.value > first.body.member[2].value));
});

test("reference §4.1 namespaced form: getlist on the oslc root writes spi: keys and rdfs:member", async () => {
  const wo = await firstHref("mxapiwodetail", 'status="WAPPR"');
  const oslcHref = wo.replace(`${emu.url}/api/`, `${emu.url}/oslc/`);
  const { status, body } = await get(`${oslcHref}/getlist~status`, { "oslc.select": "spi:value,spi:description", "oslc.where": 'spi:value="APPR"' });
  assert.equal(status, 200);
  assert.deepEqual(body["rdfs:member"].map((m: Record<string, string>) => [m["spi:value"], m["spi:description"]]), [["APPR", "Approved"]]);
  assert.ok(body["rdfs:member"][0]["rdf:about"].startsWith(`${oslcHref}/getlist~status/0-`));
});

test("reference §10: ALN and numeric domains answer ALNDOMAIN / NUMERICDOMAIN rows (no maxvalue)", async () => {
  const asset = await firstHref("mxapiasset", 'assettype="FLEET"');
  const aln = await get(`${asset}/getlist~assettype`, { "oslc.select": "*" });
  assert.equal(aln.status, 200);
  assert.deepEqual(aln.body.member.map((m: { value: string }) => m.value), ["FACILITIES", "FLEET", "IT", "PRODUCTION"]);
  assert.equal(aln.body.member[1].valueid, "ASSETTYPE|FLEET");
  assert.equal(aln.body.member[1].maxvalue, undefined);
  const sr = await firstHref("mxapisr", "reportedpriority=1");
  const numeric = await get(`${sr}/getlist~reportedpriority`, { "oslc.select": "value,description" });
  assert.deepEqual(numeric.body.member.map((m: { value: number; description: string }) => [m.value, m.description]), [[1, "Urgent"], [2, "High"], [3, "Medium"], [4, "Low"]]);
});

test("reference §10: an attribute without a value list, or no attribute at all, is a Maximo error", async () => {
  const wo = await firstHref("mxapiwodetail", 'status="WAPPR"');
  const plain = await get(`${wo}/getlist~description`);
  assert.equal(plain.status, 400);
  assert.equal(plain.body.Error.reasonCode, "BMXAA9560E");
  assert.match(plain.body.Error.message, /DESCRIPTION.*no value list/);
  const unknown = await get(`${wo}/getlist~nosuchattr`);
  assert.equal(unknown.status, 400);
  assert.equal(unknown.body.Error.reasonCode, "BMXAA8727E");
  const post = await fetch(`${wo}/getlist~status`, { method: "POST", headers: { apikey: "emulator-apikey" }, body: "{}" });
  assert.equal(post.status, 405);
});
