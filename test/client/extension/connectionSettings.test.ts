/**
 * The `maximo.connections` setting read by the CLI's rules (connections/load.ts), with the
 * extension's own fields (package.json contributes.configuration) and secrets refused.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { readConnectionSettings } from "../../../client/src/extension/connections/connectionSettings";

describe("maximo.connections setting", () => {
  test("valid entries become connections, with package.json's defaults (apiRoot auto, auth apikey)", () => {
    const { connections, problems } = readConnectionSettings([
      { name: "dev", url: "https://dev.example.com/maximo" },
      { name: "prod", url: "https://prod.example.com/maximo", auth: "maxauth", user: "wilson", apiRoot: "oslc", readOnly: true, colour: " #c72e0f ", deployOnSave: false },
    ]);
    assert.deepEqual(problems, []);
    assert.deepEqual(connections, [
      { name: "dev", url: "https://dev.example.com/maximo", apiRoot: "auto", auth: "apikey" },
      { name: "prod", url: "https://prod.example.com/maximo", apiRoot: "oslc", auth: "maxauth", user: "wilson", readOnly: true, colour: "#c72e0f", deployOnSave: false },
    ]);
  });

  test("a bad entry is skipped with a sentence naming it; the others still load", () => {
    const { connections, problems } = readConnectionSettings([
      { name: "good", url: "https://a.example.com/maximo" },
      { name: "nourl" },
      { name: "badauth", url: "https://b.example.com/maximo", auth: "kerberos" },
      { name: "ftp", url: "ftp://c.example.com/maximo" },
      "just a string",
    ]);
    assert.deepEqual(connections.map((c) => c.name), ["good"]);
    assert.equal(problems.length, 4);
    assert.match(problems[0]!, /^maximo\.connections entry 2 \("nourl"\) has no "url"/);
    assert.match(problems[1]!, /entry 3 \("badauth"\): "auth" must be one of apikey, basic/);
    assert.match(problems[2]!, /entry 4 .*must start with http:\/\/ or https:\/\//);
    assert.match(problems[3]!, /entry 5 must be an object/);
    for (const problem of problems) assert.match(problem, /ignored until you fix it\.$/);
  });

  test("a secret-looking key is refused, and the remedy is SecretStorage, not an environment variable", () => {
    const { connections, problems } = readConnectionSettings([{ name: "dev", url: "https://a.example.com/maximo", password: "hunter2" }]);
    assert.deepEqual(connections, []);
    assert.match(problems[0]!, /entry 1 has a secret-looking key "password"; secrets never go in settings/);
    assert.match(problems[0]!, /SecretStorage/);
    assert.doesNotMatch(problems[0]!, /hunter2/);
    assert.doesNotMatch(problems[0]!, /MAXIMO_PASSWORD/);
  });

  test("unknown keys name the allowed ones, the extension's colour and deployOnSave included", () => {
    const { problems } = readConnectionSettings([{ name: "dev", url: "https://a.example.com/maximo", color: "red" }]);
    assert.match(problems[0]!, /unknown key "color"; allowed: .*colour.*deployOnSave/);
  });

  test("colour and deployOnSave are type-checked", () => {
    const { problems } = readConnectionSettings([
      { name: "a", url: "https://a.example.com/maximo", colour: 3 },
      { name: "b", url: "https://a.example.com/maximo", deployOnSave: "yes" },
    ]);
    assert.match(problems[0]!, /"colour" must be a colour/);
    assert.match(problems[1]!, /"deployOnSave" must be true or false/);
  });

  test("serverLog (capture the thread log, reference §23) is read as a boolean and type-checked", () => {
    const { connections, problems } = readConnectionSettings([
      { name: "dev", url: "https://dev.example.com/maximo", serverLog: true },
      { name: "bad", url: "https://dev.example.com/maximo", serverLog: "on" },
    ]);
    assert.equal(connections[0]!.serverLog, true);
    assert.equal(connections.length, 1);
    assert.match(problems[0]!, /"serverLog" must be true or false/);
  });

  test("a repeated name keeps the first entry and says which entry repeats it", () => {
    const { connections, problems } = readConnectionSettings([
      { name: "dev", url: "https://one.example.com/maximo" },
      { name: "dev", url: "https://two.example.com/maximo" },
    ]);
    assert.deepEqual(connections.map((c) => c.url), ["https://one.example.com/maximo"]);
    assert.match(problems[0]!, /entry 2 \("dev"\) repeats the name of entry 1/);
  });

  test("no setting means no connections and no problems; a non-list is one problem", () => {
    assert.deepEqual(readConnectionSettings(undefined), { connections: [], problems: [] });
    const { problems } = readConnectionSettings({ name: "dev" });
    assert.match(problems[0]!, /must be a list of connections/);
  });

  test("oauth entries need a client id and a token URL or issuer, as in the CLI", () => {
    const { connections, problems } = readConnectionSettings([
      { name: "o1", url: "https://a.example.com/maximo", auth: "oauth" },
      { name: "o2", url: "https://a.example.com/maximo", auth: "oauth", clientId: "cid" },
      { name: "o3", url: "https://a.example.com/maximo", auth: "oauth", clientId: "cid", issuer: "https://idp.example.com" },
    ]);
    assert.deepEqual(connections.map((c) => c.name), ["o3"]);
    assert.match(problems[0]!, /uses oauth but has no "clientId"/);
    assert.match(problems[1]!, /neither "tokenUrl" nor "issuer"/);
  });
});
