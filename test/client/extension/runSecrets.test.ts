// The request runner's own secrets (client/src/extension/run/runSecrets.ts): password answers and
// the values of secret-looking variables, masked in the output channel, notifications and panel.
import { test } from "node:test";
import assert from "node:assert/strict";
import { RunSecrets } from "../../../client/src/extension/run/runSecrets";
import { resolverFor, WORKSPACE } from "../variables/support";
import { join } from "node:path";

test("each request the runner resolves adds its secret variables' values; the masked log never shows them", async () => {
  const { resolver } = resolverFor("@token = FILETOKEN-771\n@site = BEDFORD\nGET os/x?t={{token}}&site={{site}}&pw={{password}}\n", {
    files: { [join(WORKSPACE, "maximo.env.json")]: JSON.stringify({ $shared: { password: "ENVPW-882" } }) },
  });
  const secrets = new RunSecrets(() => ["ANSWER-993"]);
  const lines: string[] = [];
  const log = secrets.maskedLog({ info: (l) => lines.push(l), warn: (l) => lines.push(l), error: (l) => lines.push(l), show: () => undefined });
  // Before the request resolves, only the answers are known.
  assert.deepEqual(secrets.values(), ["ANSWER-993"]);
  const resolved = await secrets.noting(resolver).resolve(0);
  assert.deepEqual(secrets.values().sort(), ["ANSWER-993", "ENVPW-882", "FILETOKEN-771"]);
  const url = `http://h/maximo/api/${resolved.target}?${resolved.query.map((q) => `${q.key}=${q.value}`).join("&")}`;
  log.info(`GET ${url} → 200`);
  log.error(`GET ${url} failed: could not connect; the answer was ANSWER-993`);
  for (const line of lines) assert.ok(!/FILETOKEN-771|ENVPW-882|ANSWER-993/.test(line), line);
  assert.match(lines[0]!, /site=BEDFORD/);
  assert.equal(secrets.mask("x-auth: FILETOKEN-771"), "x-auth: *****");
});
