import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startEmulator, type EmulatorHandle } from "../../emulator/index";

let emu: EmulatorHandle;
before(async () => {
  emu = await startEmulator({ port: 0 });
});
after(async () => {
  await emu.close();
});

async function get(path: string, params: Record<string, string>): Promise<{ status: number; body: unknown; headers: Headers }> {
  const url = new URL(`${emu.url}/${path}`);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  const response = await fetch(url, { headers: { apikey: "emulator-apikey" } });
  const text = await response.text();
  const type = response.headers.get("content-type") ?? "";
  return { status: response.status, body: type.includes("json") ? JSON.parse(text) : text, headers: response.headers };
}

test("JSON API reference §4.1 over HTTP: select, where, pageSize with responseInfo.nextPage", async () => {
  const { status, body } = await get("api/os/mxapiwodetail", {
    "oslc.select": "wonum,status",
    "oslc.where": 'status="APPR" and siteid="BEDFORD"',
    "oslc.pageSize": "5",
    "oslc.orderBy": "+wonum",
  });
  assert.equal(status, 200);
  const page = body as { member: Array<{ wonum: string; status: string; href: string }>; responseInfo: { nextPage?: { href: string }; pagenum: number } };
  assert.ok(page.member.length > 0 && page.member.length <= 5);
  assert.ok(page.member.every((m) => m.status === "APPR" && m.href.startsWith(`${emu.url}/api/os/mxapiwodetail/_`)));
  const sorted = page.member.map((m) => m.wonum);
  assert.deepEqual(sorted, [...sorted].sort());
  assert.equal(page.responseInfo.pagenum, 1);
  if (page.responseInfo.nextPage) {
    const next = await fetch(page.responseInfo.nextPage.href, { headers: { apikey: "emulator-apikey" } });
    const second = (await next.json()) as { member: Array<{ wonum: string }>; responseInfo: { pagenum: number } };
    assert.equal(second.responseInfo.pagenum, 2);
    assert.ok(second.member.every((m) => m.wonum > sorted[sorted.length - 1]));
  }
});

test("PRODUCT.md real-server facts over HTTP: or in oslc.where answers 400 BMXAA8744E", async () => {
  const { status, body } = await get("api/os/mxapiwodetail", { "oslc.where": 'status="APPR" or status="WAPPR"' });
  assert.equal(status, 400);
  assert.equal((body as { Error: { reasonCode: string } }).Error.reasonCode, "BMXAA8744E");
});

test("JSON API reference §4.1 over HTTP: count=1 answers totalCount only", async () => {
  const { body } = await get("api/os/mxapiwodetail", { count: "1" });
  assert.deepEqual(Object.keys(body as object), ["totalCount"]);
  assert.ok((body as { totalCount: number }).totalCount >= 5000);
});

test("JSON API reference §16.1 over HTTP: a member GET carries an ETag and its attributes", async () => {
  const list = (await get("api/os/mxapiwodetail", { "oslc.pageSize": "1" })).body as { member: Array<{ href: string }> };
  const response = await fetch(list.member[0].href, { headers: { apikey: "emulator-apikey" } });
  assert.equal(response.status, 200);
  assert.match(response.headers.get("etag") ?? "", /^"\d+"$/);
  const member = (await response.json()) as Record<string, unknown>;
  assert.equal(typeof member.wonum, "string");
  assert.equal(member.href, list.member[0].href);
});

test("JSON API reference §26 over HTTP: _format=csv answers text/csv", async () => {
  const { status, body, headers } = await get("api/os/mxapiasset", { _format: "csv", "oslc.select": "assetnum,siteid", "oslc.pageSize": "3" });
  assert.equal(status, 200);
  assert.match(headers.get("content-type") ?? "", /text\/csv/);
  const lines = String(body).trim().split("\r\n");
  assert.equal(lines[0], "ASSETNUM,SITEID");
  assert.equal(lines.length, 4);
});
