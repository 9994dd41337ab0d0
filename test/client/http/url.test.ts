/** URL building and query encoding (JSON API reference §7 "Sorting": the `+` must be encoded; §17.3 `gbsortby`). */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { startEmulator, type EmulatorHandle } from "../../../emulator/index";
import { buildOutgoing, buildUrl, encodeQueryValue } from "../../../client/src/http/url";
import { apikeyConnection, request, testExecutor } from "./support";

describe("buildUrl", () => {
  const connection = { ...apikeyConnection("https://host.example/maximo/"), apiRoot: "auto" as const };

  test("relative targets go under the API root (apikey → /api/), a leading / under the origin, absolute ones stay", () => {
    assert.equal(buildUrl(connection, { target: "os/mxapiasset", query: [] }).href, "https://host.example/maximo/api/os/mxapiasset");
    assert.equal(buildUrl({ ...connection, auth: "basic" }, { target: "os/mxapiasset", query: [] }).href, "https://host.example/maximo/oslc/os/mxapiasset");
    assert.equal(buildUrl(connection, { target: "/maximo/oslc/whoami", query: [] }).href, "https://host.example/maximo/oslc/whoami");
    assert.equal(buildUrl(connection, { target: "http://other:9080/maximo/oslc/apimeta", query: [] }).href, "http://other:9080/maximo/oslc/apimeta");
  });

  test("an href written with relativeuri=1 (oslc/..., api/...) goes under the context root, as a chained {{x.response.body.member[0].href}} needs", () => {
    assert.equal(buildUrl(connection, { target: "oslc/os/mxapidomain/_V09TVEFUVVM-/synonymdomain", query: [] }).href, "https://host.example/maximo/oslc/os/mxapidomain/_V09TVEFUVVM-/synonymdomain");
    assert.equal(buildUrl({ ...connection, auth: "basic" }, { target: "api/os/mxapiasset/_QQ--", query: [{ key: "lean", value: "1" }] }).href, "https://host.example/maximo/api/os/mxapiasset/_QQ--?lean=1");
  });

  test("a path already percent-encoded is not encoded twice; a raw space is", () => {
    assert.equal(buildUrl(connection, { target: "script/MY%20SCRIPT", query: [] }).pathname, "/maximo/api/script/MY%20SCRIPT");
    assert.equal(buildUrl(connection, { target: "script/MY SCRIPT", query: [] }).pathname, "/maximo/api/script/MY%20SCRIPT");
  });

  const table: Array<[string, string]> = [
    ["+reportdate,-wonum", "%2Breportdate,-wonum"],
    ['status="APPR" and siteid="BEDFORD"', "status=%22APPR%22%20and%20siteid=%22BEDFORD%22"],
    ["status in [APPR,WAPPR]", "status%20in%20%5BAPPR,WAPPR%5D"],
    ["wonum,wplabor{laborcode,laborhrs}", "wonum,wplabor%7Blaborcode,laborhrs%7D"],
    ['description="%pump%"', "description=%22%25pump%25%22"],
    ["a&b#c", "a%26b%23c"],
    ["Größe ✓", "Gr%C3%B6%C3%9Fe%20%E2%9C%93"],
    ["count.*:x.y_z~!/", "count.*:x.y_z~!/"],
  ];
  for (const [value, encoded] of table) {
    test(`encodes ${JSON.stringify(value)} as ${encoded}`, () => assert.equal(encodeQueryValue(value), encoded));
  }

  test("keys and bare keys; the URL keeps the encoding as built", () => {
    const url = buildUrl(connection, { target: "os/mxapiwodetail", query: [{ key: "lean", value: "1" }, { key: "oslc.orderBy", value: "+wonum" }, { key: "collectioncount" }] });
    assert.equal(url.search, "?lean=1&oslc.orderBy=%2Bwonum&collectioncount");
  });

  test("buildOutgoing lower-cases headers, adds accept and a JSON content-type, body as bytes", () => {
    const out = buildOutgoing(connection, request("post", "os/mxapiasset", { headers: [["X-Method-Override", "PATCH"]], body: '{"description":"x"}' }));
    assert.equal(out.method, "POST");
    assert.equal(out.headers.get("x-method-override"), "PATCH");
    assert.equal(out.headers.get("accept"), "application/json");
    assert.equal(out.headers.get("content-type"), "application/json");
    assert.ok(Buffer.isBuffer(out.body));
  });
});

describe("encoding against the emulator", () => {
  let emu: EmulatorHandle;
  before(async () => {
    emu = await startEmulator({ port: 0 });
  });
  after(async () => {
    await emu.close();
  });

  test("the emulator decodes what we send back to the values as written (raw query in its log)", async () => {
    const { executor } = testExecutor(emu.url);
    try {
      const response = await executor.execute(
        request("GET", "os/mxapiwodetail", {
          query: [
            { key: "lean", value: "1" },
            { key: "oslc.where", value: 'status="APPR" and siteid="BEDFORD"' },
            { key: "oslc.select", value: "wonum,status,siteid" },
            { key: "oslc.orderBy", value: "+wonum" },
            { key: "oslc.pageSize", value: "5" },
          ],
        }),
      );
      assert.equal(response.status, 200, response.text());
      const body = response.json() as { member: Array<{ wonum: string; status: string; siteid: string }> };
      assert.ok(body.member.length > 0);
      for (const member of body.member) assert.deepEqual([member.status, member.siteid], ["APPR", "BEDFORD"]);
      // `+wonum` arrived as ascending order, not as " wonum" (a servlet reads + as space).
      const wonums = body.member.map((m) => m.wonum);
      assert.deepEqual(wonums, [...wonums].sort());
      const logged = emu.log.list().at(-1)!;
      assert.equal(logged.query, "lean=1&oslc.where=status=%22APPR%22%20and%20siteid=%22BEDFORD%22&oslc.select=wonum,status,siteid&oslc.orderBy=%2Bwonum&oslc.pageSize=5");
    } finally {
      executor.close();
    }
  });

  test("unicode, %, & and # in a where value reach the server intact", async () => {
    const { executor } = testExecutor(emu.url);
    try {
      const response = await executor.execute(request("GET", "os/mxapiwodetail", { query: [{ key: "lean", value: "1" }, { key: "oslc.where", value: 'description="%Größe & #1%"' }] }));
      assert.equal(response.status, 200, response.text());
      assert.equal(emu.log.list().at(-1)!.query, "lean=1&oslc.where=description=%22%25Gr%C3%B6%C3%9Fe%20%26%20%231%25%22");
    } finally {
      executor.close();
    }
  });
});
