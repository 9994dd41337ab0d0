/** Which connection a request uses (contracts.ts `choose`): `# @connection`, the selection, the default, the only one. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { activeConnection, requestedConnection } from "../../../client/src/extension/connections/activeConnection";
import type { ExtensionConnection } from "../../../client/src/extension/contracts";

const make = (name: string): ExtensionConnection => ({ name, url: `https://${name}.example.com/maximo`, apiRoot: "auto", auth: "apikey" });
const dev = make("dev");
const prod = make("prod");

describe("active connection", () => {
  test("the workspace's selection wins, then maximo.defaultConnection, then the only connection", () => {
    assert.equal(activeConnection([dev, prod], "prod", "dev"), prod);
    assert.equal(activeConnection([dev, prod], undefined, "dev"), dev);
    assert.equal(activeConnection([dev, prod], "gone", "dev"), dev, "a selection whose connection was removed falls back");
    assert.equal(activeConnection([dev, prod], undefined, undefined), undefined);
    assert.equal(activeConnection([prod], undefined, "missing"), prod);
    assert.equal(activeConnection([], "dev", "dev"), undefined);
  });

  test("# @connection names a connection exactly; a case-only difference is accepted when unambiguous", () => {
    assert.equal(requestedConnection([dev, prod], "prod"), prod);
    assert.equal(requestedConnection([dev, prod], " Prod "), prod);
  });

  test("an unknown name throws a sentence listing the known names", () => {
    assert.throws(() => requestedConnection([dev, prod], "qa"), (error: Error) => {
      assert.match(error.message, /connection "qa", which is not in the "maximo.connections" setting; known connections: "dev", "prod"\./);
      return true;
    });
    assert.throws(() => requestedConnection([], "qa"), /no connections are configured; run "Maximo: Add Connection"/);
  });
});
