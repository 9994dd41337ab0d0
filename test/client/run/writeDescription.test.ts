/** The read-only guard's sentence: what a request would change (reference: x-method-override, BULK). */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { describeWrite, effectiveMethodOf, isWrite } from "../../../client/src/extension/run/writeDescription";
import { request } from "../http/support";

describe("writes and their description", () => {
  test("GET is a read; POST, DELETE and overridden POSTs are writes", () => {
    assert.equal(isWrite(request("GET", "os/mxapiasset")), false);
    assert.equal(isWrite(request("POST", "os/mxapiasset")), true);
    assert.equal(isWrite(request("DELETE", "os/mxapiasset/_QkVERk9SRC8xMDAx")), true);
    assert.equal(effectiveMethodOf(request("POST", "os/mxapiasset", { headers: [["X-Method-Override", "bulk"]] })), "BULK");
  });

  test("a create names the object structure and the body size", () => {
    assert.equal(describeWrite(request("POST", "os/mxapiwodetail", { body: '{"description":"x"}' })), "POST os/mxapiwodetail would create a record in MXAPIWODETAIL with a 19-byte body.");
  });

  test("PATCH through x-method-override, DELETE, BULK and actions each say what they do", () => {
    assert.match(describeWrite(request("POST", "os/mxapiwodetail/_ABC", { headers: [["x-method-override", "PATCH"]] })), /x-method-override: PATCH\) would update the record it names in MXAPIWODETAIL/);
    assert.match(describeWrite(request("DELETE", "os/mxapiasset/_ABC")), /would delete the record it names in MXAPIASSET/);
    assert.match(describeWrite(request("POST", "os/mxapiasset", { headers: [["x-method-override", "BULK"]], body: "[]" })), /would apply several changes at once in MXAPIASSET/);
    assert.match(describeWrite(request("POST", "os/mxapiwodetail/_ABC", { query: [{ key: "action", value: "wsmethod:changeStatus" }] })), /would run the action wsmethod:changeStatus in MXAPIWODETAIL/);
  });
});
