/**
 * The HTTP platform: routing, Maximo error bodies, query decoding, both API roots, keep-alive.
 */
import assert from "node:assert/strict";
import { Agent } from "node:http";
import { after, before, describe, it } from "node:test";
import { startEmulator, type EmulatorHandle } from "../../emulator/index";
import { parseQuery, parseSegments } from "../../emulator/http/query";
import { MaximoError } from "../../emulator/http/errors";
import { parseCli } from "../../emulator/control/cliOptions";
import { apikeyHeader, assertMaximoError, send, type TestResponse } from "./support/testClient";

describe("query and path decoding (servlet rules)", () => {
  it("decodes + as a space in query strings, which is why reference §7 sends the orderBy + as %2B", () => {
    assert.deepEqual(parseQuery("oslc.orderBy=+assetnum&b=%2Bassetnum"), [
      { name: "oslc.orderBy", value: " assetnum" },
      { name: "b", value: "+assetnum" },
    ]);
  });

  it("keeps parameters in order, splits on the first =, and allows repeats and empty values", () => {
    assert.deepEqual(parseQuery("a=1&a=2&w=x%3D%22y%22=z&flag&&e="), [
      { name: "a", value: "1" },
      { name: "a", value: "2" },
      { name: "w", value: 'x="y"=z' },
      { name: "flag", value: "" },
      { name: "e", value: "" },
    ]);
  });

  it("decodes percent-encoded UTF-8 and keeps + literal in path segments", () => {
    assert.deepEqual(parseQuery("d=caf%C3%A9"), [{ name: "d", value: "café" }]);
    assert.deepEqual(parseSegments("/os/a+b/%5FMTAwMQ--/"), ["os", "a+b", "_MTAwMQ--"]);
  });

  it("refuses a malformed escape or invalid UTF-8 with a 400 MaximoError", () => {
    for (const raw of ["a=%ZZ", "a=%4", "a=%C3%28", "a=%FF"]) {
      assert.throws(() => parseQuery(raw), (e: unknown) => e instanceof MaximoError && e.statusCode === 400, raw);
    }
  });
});

describe("HTTP platform", () => {
  let emu: EmulatorHandle;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  before(async () => {
    emu = await startEmulator({ port: 0, maxBodyBytes: 4096 });
  });
  after(async () => {
    agent.destroy();
    await emu.close();
  });

  it("listens on 127.0.0.1 and gives the /maximo context root", () => {
    assert.match(emu.url, /^http:\/\/127\.0\.0\.1:\d+\/maximo$/);
    assert.ok(emu.port > 0);
  });

  it("API home (reference §3) links systeminfo, whoami, apimeta on the root it was asked on", async () => {
    for (const root of ["oslc", "api"]) {
      const response = await send(`${emu.url}/${root}`, { headers: apikeyHeader });
      assert.equal(response.status, 200, response.text);
      const home = response.json as Record<string, { href: string }>;
      for (const link of ["systeminfo", "whoami", "apimeta"]) {
        assert.equal(home[link]?.href, `${emu.url}/${root}/${link}`);
      }
    }
  });

  it("whoami (reference §3) describes the authenticated user from the seeded person data", async () => {
    const response = await send(`${emu.url}/oslc/whoami`, { headers: apikeyHeader });
    assert.equal(response.status, 200, response.text);
    const me = response.json as Record<string, unknown>;
    assert.equal(me.userName, "MAXADMIN");
    for (const field of ["personid", "displayName", "defaultSite", "insertOrg", "langcode", "baseLang", "loginID"]) {
      assert.ok(typeof me[field] === "string" && me[field] !== "", `${field}: ${JSON.stringify(me[field])}`);
    }
  });

  it("systeminfo (reference §3) answers on both roots", async () => {
    const oslc = await send(`${emu.url}/oslc/systeminfo`, { headers: apikeyHeader });
    const api = await send(`${emu.url}/api/systeminfo`, { headers: apikeyHeader });
    assert.equal(oslc.status, 200);
    assert.equal(api.status, 200);
    assert.equal((api.json as { href: string }).href, `${emu.url}/api/systeminfo`);
  });

  it("answers an unknown route with a 404 Maximo error, inside and outside the API roots", async () => {
    assertMaximoError(await send(`${emu.url}/oslc/nosuchthing`, { headers: apikeyHeader }), 404);
    assertMaximoError(await send(`${emu.url.replace("/maximo", "")}/elsewhere`), 404);
  });

  it("answers an unknown object structure with BMXAA9301E and a missing member with 404", async () => {
    const unknownOs = await send(`${emu.url}/oslc/os/nosuchos`, { headers: apikeyHeader });
    assertMaximoError(unknownOs, 400);
    assert.equal((unknownOs.json as { Error: { reasonCode: string } }).Error.reasonCode, "BMXAA9301E");
    assertMaximoError(await send(`${emu.url}/oslc/os/mxapiasset/_Tk9TVUNIL05PTkU-`, { headers: apikeyHeader }), 404);
  });

  it("answers a method the route does not take with 405", async () => {
    assertMaximoError(await send(`${emu.url}/oslc/whoami`, { method: "DELETE", headers: apikeyHeader }), 405);
    assertMaximoError(await send(`${emu.url}/oslc/systeminfo`, { method: "OPTIONS", headers: apikeyHeader }), 405);
  });

  it("answers a real HTTP PATCH or PUT with 501 (PRODUCT.md real-server facts)", async () => {
    const restId = emu.emulator.store.restId("asset", emu.emulator.store.rows("asset")[0]!);
    for (const method of ["PATCH", "PUT"]) {
      const response = await send(`${emu.url}/oslc/os/mxapiasset/${restId}`, {
        method,
        headers: { ...apikeyHeader, "content-type": "application/json" },
        body: "{}",
      });
      assertMaximoError(response, 501);
    }
  });

  it("answers bad percent-encoding in the path or query with a 400 Maximo error", async () => {
    assertMaximoError(await send(`${emu.url}/oslc/os/mxapiasset?oslc.where=%ZZ`, { headers: apikeyHeader }), 400);
    assertMaximoError(await send(`${emu.url}/oslc/os/mx%E9asset`, { headers: apikeyHeader }), 400);
  });

  it("answers a body over the size cap with 413", async () => {
    const response = await send(`${emu.url}/oslc/os/mxapiasset`, {
      method: "POST",
      headers: { ...apikeyHeader, "content-type": "application/json" },
      body: JSON.stringify({ description: "x".repeat(5000) }),
    });
    assertMaximoError(response, 413);
  });

  it("reuses one keep-alive connection for consecutive requests", async () => {
    const first = await send(`${emu.url}/oslc/whoami`, { headers: apikeyHeader, agent });
    const second = await send(`${emu.url}/api/whoami`, { headers: apikeyHeader, agent });
    assert.equal(first.status, 200);
    assert.equal(second.status, 200);
    assert.equal(first.headers.connection, "keep-alive");
    assert.equal(second.reusedSocket, true);
  });

  it("serves a collection on /api/ as lean JSON and on /oslc/ with lean=1", async () => {
    const api = await send(`${emu.url}/api/os/mxapiasset?oslc.pageSize=1&oslc.select=assetnum`, { headers: apikeyHeader });
    const oslcLean = await send(`${emu.url}/oslc/os/mxapiasset?oslc.pageSize=1&oslc.select=assetnum&lean=1`, { headers: apikeyHeader });
    assert.equal(api.status, 200, api.text);
    assert.equal(oslcLean.status, 200, oslcLean.text);
    const member = (api.json as { member: Array<Record<string, unknown>> }).member[0]!;
    assert.ok("assetnum" in member, JSON.stringify(member));
    assert.ok(String(member.href).startsWith(`${emu.url}/api/os/mxapiasset/_`), String(member.href));
    const oslcMember = (oslcLean.json as { member: Array<Record<string, unknown>> }).member[0]!;
    assert.ok(String(oslcMember.href).startsWith(`${emu.url}/oslc/os/mxapiasset/_`));
  });

  it("turns an unexpected handler exception into a 500 Maximo error and stays up", async () => {
    // A relation whose join throws stands for a handler bug; the server must answer and carry on.
    const asset = emu.emulator.store.mbo("asset");
    const broken = { name: "brokenrel", target: "nosuchmbo", join: [["assetnum", "x"]] as Array<[string, string]>, whereText: "" };
    asset.relationships.push(broken);
    try {
      const restId = emu.emulator.store.restId("asset", emu.emulator.store.rows("asset")[0]!);
      const original = console.error;
      console.error = () => {};
      let response: TestResponse;
      try {
        response = await send(`${emu.url}/oslc/os/mxapiasset/${restId}/brokenrel`, { headers: apikeyHeader });
      } finally {
        console.error = original;
      }
      assertMaximoError(response, 500);
      assert.equal((await send(`${emu.url}/oslc/whoami`, { headers: apikeyHeader })).status, 200);
    } finally {
      asset.relationships.splice(asset.relationships.indexOf(broken), 1);
    }
  });
});

describe("emulator CLI flags (main.ts)", () => {
  it("maps flags onto EmulatorOptions", () => {
    const cli = parseCli(["--port", "8123", "--user", "bob", "--password", "pw", "--apikey", "k1", "--session-ttl", "60",
      "--token-ttl", "30", "--max-page-size", "500", "--require-csrf", "--latency", "25", "--oauth-client", "c", "--oauth-secret", "s",
      "--work-orders", "7000"]);
    assert.ok(typeof cli !== "string", String(cli));
    assert.equal(cli.port, 8123);
    assert.equal(cli.latencyMs, 25);
    assert.equal(cli.options.credentials.users.BOB, "pw");
    assert.equal(cli.options.credentials.apikeys.k1, "BOB");
    assert.equal(cli.options.credentials.oauthClients.c, "s");
    assert.equal(cli.options.sessionTtlMs, 60_000);
    assert.equal(cli.options.tokenTtlSeconds, 30);
    assert.equal(cli.options.maxPageSize, 500);
    assert.equal(cli.options.requireCsrf, true);
    assert.equal(cli.options.workOrders, 7000);
  });

  it("refuses unknown flags, missing values and bad numbers with a message", () => {
    for (const argv of [["--bogus"], ["--port"], ["--port", "x"], ["--user", "a"], ["--latency", "-1"]]) {
      assert.equal(typeof parseCli(argv), "string", argv.join(" "));
    }
  });
});
