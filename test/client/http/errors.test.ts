/** Maximo errors reported with their reason code, message and a hint (JSON API reference §11 ETag, §29 duplicates). */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { startEmulator, type EmulatorHandle } from "../../../emulator/index";
import { explainMaximoError, parseMaximoError } from "../../../client/src/http/maximoError";
import { request, testExecutor } from "./support";

let emu: EmulatorHandle;
before(async () => {
  emu = await startEmulator({ port: 0 });
});
after(async () => {
  await emu.close();
});

describe("Maximo errors", () => {
  test("BMXAA8727E is explained as a missing resource only with a 404, not on a 400 for a where clause (reference §5 `linear=false`)", () => {
    assert.match(explainMaximoError("BMXAA8727E", 404) ?? "", /No resource at this path/);
    assert.equal(explainMaximoError("BMXAA8727E", 400), undefined);
  });


  test("412: an update with a stale If-Match is reported with Maximo's text and a hint", async () => {
    const { executor } = testExecutor(emu.url);
    try {
      const created = await executor.execute(request("POST", "os/mxapiwodetail", { query: [{ key: "lean", value: "1" }], body: JSON.stringify({ siteid: "BEDFORD", description: "etag test" }) }));
      assert.equal(created.status, 201, created.text());
      const location = created.headers.find(([n]) => n === "location")![1];
      const etag = created.headers.find(([n]) => n === "etag")![1];
      const update = (description: string) =>
        executor.execute(request("POST", location, { query: [{ key: "lean", value: "1" }], headers: [["x-method-override", "PATCH"], ["If-Match", etag]], body: JSON.stringify({ description }) }));
      assert.equal((await update("changed")).status, 204);
      const stale = await update("again");
      assert.equal(stale.status, 412);
      assert.ok(stale.maximoError, stale.text());
      assert.match(stale.maximoError.reasonCode, /^BMXAA/);
      assert.ok(stale.maximoError.message.length > 0);
      assert.equal(stale.maximoError.statusCode, "412");
      assert.match(stale.maximoError.explanation ?? "", /changed since you read it/);
    } finally {
      executor.close();
    }
  });

  test("409: a repeated transactionid is reported as already applied", async () => {
    const { executor } = testExecutor(emu.url);
    try {
      const create = () => executor.execute(request("POST", "os/mxapiasset", { query: [{ key: "lean", value: "1" }], headers: [["transactionid", "errors-test-1"]], body: JSON.stringify({ assetnum: "ERRTX1", siteid: "BEDFORD" }) }));
      assert.equal((await create()).status, 201);
      const again = await create();
      assert.equal(again.status, 409);
      assert.equal(again.attempts, 1, "a 409 is an answer, not a transient failure");
      assert.ok(again.maximoError?.message, again.text());
      assert.match(again.maximoError!.explanation ?? "", /already applied|applied before/);
    } finally {
      executor.close();
    }
  });

  test("BMXAA8744E: `or` in oslc.where is explained with opmodeor", async () => {
    const { executor } = testExecutor(emu.url);
    try {
      const response = await executor.execute(request("GET", "os/mxapiwodetail", { query: [{ key: "lean", value: "1" }, { key: "oslc.where", value: 'status="APPR" or status="WAPPR"' }] }));
      assert.equal(response.status, 400);
      assert.equal(response.maximoError?.reasonCode, "BMXAA8744E");
      assert.match(response.maximoError!.explanation ?? "", /opmodeor/);
    } finally {
      executor.close();
    }
  });

  test("parses the namespaced oslc:Error form and a code only in the message", () => {
    const namespaced = parseMaximoError({ "oslc:Error": { "spi:reasonCode": "BMXAA4195E", "oslc:message": "BMXAA4195E - A value is required", "oslc:statusCode": "400" } }, 400);
    assert.equal(namespaced?.reasonCode, "BMXAA4195E");
    assert.match(namespaced!.explanation ?? "", /required field/);
    const inMessage = parseMaximoError({ Error: { message: "BMXAA4153E - [X is not a valid site.]", statusCode: "400" } }, 400);
    assert.equal(inMessage?.reasonCode, "BMXAA4153E");
    assert.equal(parseMaximoError({ member: [] }, 400), undefined);
  });

  test("json() names the position of a syntax error", async () => {
    const { MaximoResponse } = await import("../../../client/src/http/response");
    const { MemoryBody } = await import("../../../client/src/body/responseBody");
    const response = new MaximoResponse({
      request: { method: "GET", url: new URL("http://127.0.0.1/"), headers: new Map() },
      status: 200, statusText: "OK", headers: [["content-type", "application/json; charset=ISO-8859-1"]],
      timings: { connectMs: 0, firstByteMs: 0, totalMs: 0 }, body: new MemoryBody(Buffer.from('{"a":\n "\xe9",}', "latin1")), attempts: 1,
    });
    assert.equal(response.text(), '{"a":\n "é",}');
    assert.throws(() => response.json(), /line 2, column/);
  });
});
