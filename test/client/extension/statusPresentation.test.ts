/** The status bar item's text: the active connection, its colour, a lock when read-only. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { READ_ONLY_MARKER, statusPresentation } from "../../../client/src/extension/connections/statusPresentation";

describe("connection status bar text", () => {
  test("names the connection and its API root; a read-only one carries the lock and says it asks", () => {
    const shown = statusPresentation({ name: "prod", url: "https://prod.example.com/maximo/", apiRoot: "auto", auth: "apikey", readOnly: true, colour: "#c72e0f" }, 2);
    assert.equal(shown.text, `$(plug) prod ${READ_ONLY_MARKER}`);
    assert.equal(shown.colour, "#c72e0f");
    assert.match(shown.tooltip, /https:\/\/prod\.example\.com\/maximo\/api\/ \(apikey\), read-only: asks before every write/);
  });

  test("a writable connection has no lock and keeps the default colour", () => {
    const shown = statusPresentation({ name: "dev", url: "https://dev.example.com/maximo", apiRoot: "auto", auth: "maxauth" }, 1);
    assert.equal(shown.text, "$(plug) dev");
    assert.equal(shown.colour, undefined);
    assert.match(shown.tooltip, /\/maximo\/oslc\//);
  });

  test("without a connection it invites to add or choose one", () => {
    assert.match(statusPresentation(undefined, 0).tooltip, /click to add one/);
    assert.match(statusPresentation(undefined, 2).tooltip, /click to choose one/);
  });
});
