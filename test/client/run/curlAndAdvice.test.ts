/** Copy as curl never holds a secret; failures become sentences with an action. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { curlFor } from "../../../client/src/extension/run/curlCommand";
import { adviseError, adviseStatus } from "../../../client/src/extension/run/failureAdvice";
import { TransportError } from "../../../client/src/http/types";
import { VariableError } from "../../../client/src/variables/index";

describe("curlFor", () => {
  const outgoing = () => ({ method: "GET", url: new URL("http://127.0.0.1:9/maximo/api/os/mxapiasset?lean=1"), headers: new Map([["accept", "application/json"]]) });
  test("each auth type gets its credential header as an environment-variable placeholder", () => {
    assert.match(curlFor(outgoing(), { name: "a", url: "", apiRoot: "api", auth: "apikey" }, []), /-H "apikey: \$MAXIMO_APIKEY"/);
    assert.match(curlFor(outgoing(), { name: "b", url: "", apiRoot: "oslc", auth: "basic" }, []), /-H "Authorization: Basic \$MAXIMO_BASIC"/);
    assert.match(curlFor(outgoing(), { name: "m", url: "", apiRoot: "oslc", auth: "maxauth" }, []), /-H "maxauth: \$MAXIMO_MAXAUTH"/);
    assert.doesNotMatch(curlFor(outgoing(), { name: "n", url: "", apiRoot: "oslc", auth: "none" }, []), /apikey|Authorization/);
  });
  test("a secret in the body is masked", () => {
    const text = curlFor({ ...outgoing(), method: "POST", body: Buffer.from('{"note":"s3cr3t-value"}') }, { name: "a", url: "", apiRoot: "api", auth: "apikey" }, ["s3cr3t-value"]);
    assert.ok(!text.includes("s3cr3t-value"));
  });
});

describe("failure advice", () => {
  test("a refused connection names the connection and offers to edit it", () => {
    const advice = adviseError(new TransportError("Could not connect to 127.0.0.1:9 (ECONNREFUSED).", "connect"), "dev");
    assert.match(advice.message, /connection "dev"/);
    assert.deepEqual(advice.actions, ["editConnection", "showLog"]);
  });
  test("a cancel is quiet; a variable error points at its line", () => {
    assert.equal(adviseError(new TransportError("cancelled", "cancelled"), "dev").cancelled, true);
    const advice = adviseError(new VariableError("site", 7, 'Variable "site" is not defined'), "dev");
    assert.equal(advice.line, 7);
    assert.deepEqual(advice.actions, ["goToLine"]);
  });
  test("401 offers Re-enter password; 200 needs no advice", () => {
    assert.deepEqual(adviseStatus(401, "dev", "BMXAA7901E")?.actions, ["reenterSecret", "showLog"]);
    assert.equal(adviseStatus(200, "dev"), undefined);
  });
});
