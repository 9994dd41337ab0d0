/**
 * `relativeuri=1` (PRODUCT.md "Real-server facts": IBM's MAS apps send it): every href in the
 * body is written relative to the context root (`oslc/os/mxapidomain/_SU5...--/synonymdomain`),
 * in members, `responseInfo.href`, `nextPage`, `previousPage`, child refs and getlist answers;
 * without it hrefs stay absolute. HTTP headers (Location) stay absolute.
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startEmulator, type EmulatorHandle } from "../../emulator/index";

let emu: EmulatorHandle;
/** `http://127.0.0.1:P/maximo/` — what a relative href is resolved against. */
let contextRoot: string;
before(async () => {
  emu = await startEmulator({ port: 0, options: { workOrders: 60 } });
  contextRoot = `${emu.url}/`;
});
after(async () => {
  await emu.close();
});

async function get(url: string): Promise<{ status: number; body: any }> {
  const response = await fetch(url, { headers: { apikey: "emulator-apikey" } });
  return { status: response.status, body: await response.json() };
}

/** Every string under a key named `href`, `rdf:about` or `rdf:resource`, or ending in `_collectionref`. */
function hrefsIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) hrefsIn(item, out);
  else if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      if (typeof inner === "string" && (key === "href" || key === "rdf:about" || key === "rdf:resource" || key.endsWith("_collectionref"))) out.push(inner);
      else hrefsIn(inner, out);
    }
  }
  return out;
}

test("relativeuri=1: members, responseInfo.href, nextPage and previousPage are relative to the context root", async () => {
  const query = "lean=1&relativeuri=1&oslc.select=wonum,status&oslc.pageSize=5&oslc.orderBy=%2Bwonum";
  const first = await get(`${emu.url}/oslc/os/mxapiwodetail?${query}`);
  assert.equal(first.status, 200);
  assert.match(first.body.href, /^oslc\/os\/mxapiwodetail$/);
  assert.match(first.body.responseInfo.href, /^oslc\/os\/mxapiwodetail\?/);
  assert.match(first.body.responseInfo.nextPage.href, /^oslc\/os\/mxapiwodetail\?.*pageno=2/);
  assert.ok(first.body.member.every((m: { href: string }) => /^oslc\/os\/mxapiwodetail\/_[A-Za-z0-9_-]+$/.test(m.href)));
  // Resolved against the context root, the next page is page 2 of the same query.
  const second = await get(new URL(first.body.responseInfo.nextPage.href, contextRoot).href);
  assert.equal(second.body.responseInfo.pagenum, 2);
  assert.match(second.body.responseInfo.previousPage.href, /^oslc\/os\/mxapiwodetail\?.*pageno=1/);
  const member = await get(new URL(first.body.member[0].href, contextRoot).href + "?lean=1&relativeuri=1");
  assert.equal(member.status, 200);
  const refs = hrefsIn(member.body);
  assert.ok(refs.length > 2);
  assert.ok(refs.every((href) => href.startsWith("oslc/os/mxapiwodetail/_")), refs.join(" "));
});

test("relativeuri=1 in PRODUCT.md's form: mxapidomain/{id}/synonymdomain and its members", async () => {
  const domains = await get(`${emu.url}/oslc/os/mxapidomain?lean=1&relativeuri=1&oslc.where=domainid%3D%22WOSTATUS%22`);
  const href = domains.body.member[0].href as string;
  assert.match(href, /^oslc\/os\/mxapidomain\/_V09TVEFUVVM-$/);
  const values = await get(`${new URL(href, contextRoot).href}/synonymdomain?lean=1&relativeuri=1&oslc.select=value`);
  assert.equal(values.body.href, `${href}/synonymdomain`);
  assert.ok(values.body.member.every((m: { href: string }) => m.href.startsWith(`${href}/synonymdomain/_`)));
});

test("relativeuri=1 on a getlist path and in the namespaced form", async () => {
  const wos = await get(`${emu.url}/oslc/os/mxapiwodetail?lean=1&relativeuri=1&oslc.where=status%3D%22WAPPR%22&oslc.pageSize=1`);
  const wo = wos.body.member[0].href as string;
  const list = await get(`${new URL(wo, contextRoot).href}/getlist~status?lean=1&relativeuri=1&oslc.select=value&oslc.pageSize=2`);
  assert.equal(list.body.href, `${wo}/getlist~status`);
  assert.ok(list.body.member.every((m: { href: string }) => m.href.startsWith(`${wo}/getlist~status/`)));
  assert.ok(list.body.responseInfo.nextPage.href.startsWith(`${wo}/getlist~status?`));
  const namespaced = await get(`${emu.url}/oslc/os/mxapiwodetail?relativeuri=1&oslc.select=spi:wonum&oslc.pageSize=2`);
  const refs = hrefsIn(namespaced.body);
  assert.ok(refs.length >= 4);
  assert.ok(refs.every((r) => r.startsWith("oslc/os/mxapiwodetail")), refs.join(" "));
});

test("without relativeuri hrefs stay absolute; with it a create's Location header stays absolute", async () => {
  const absolute = await get(`${emu.url}/oslc/os/mxapiwodetail?lean=1&oslc.pageSize=2`);
  assert.ok(hrefsIn(absolute.body).every((h) => h.startsWith(`${emu.url}/oslc/os/mxapiwodetail`)));
  const created = await fetch(`${emu.url}/oslc/os/mxapiwodetail?lean=1&relativeuri=1`, {
    method: "POST",
    headers: { apikey: "emulator-apikey", "content-type": "application/json", properties: "wonum" },
    body: JSON.stringify({ siteid: "BEDFORD", description: "relative href test" }),
  });
  assert.equal(created.status, 201);
  assert.ok(created.headers.get("location")?.startsWith(`${emu.url}/oslc/os/mxapiwodetail/_`));
  const body = (await created.json()) as { href: string };
  assert.match(body.href, /^oslc\/os\/mxapiwodetail\/_/);
});
