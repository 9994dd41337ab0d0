// What the language client lets cross to the language server of VS Code's settings: REST
// Client's `rest-client.environmentVariables` (github:Huachao/vscode-restclient README.md,
// Environments: `{ "$shared": {...}, "local": {...} }`, in user or workspace settings) as its
// environments and variable names only; no value (an apikey, a password) ever crosses.
import assert from "node:assert/strict";
import { test } from "node:test";
import { CancellationTokenSource, ResponseError } from "vscode-jsonrpc";
import { namesOnly, withheldConfiguration, WITHHELD } from "../../../client/src/environments/settingNames";
import { settingsMiddleware } from "../../../client/src/language/settingsMiddleware";

const PLANTED = "PLANTED-not-a-secret";
const SETTING = "rest-client.environmentVariables";

/** REST Client's setting as VS Code merges it, a planted value in every place a value can be. */
const USER_SETTING = {
  $shared: { version: "v1", apikey: PLANTED },
  local: { host: "http://127.0.0.1:9080", password: PLANTED, nested: { deep: PLANTED }, list: [PLANTED], count: 3, on: true },
  production: { host: PLANTED },
};

test("namesOnly keeps every environment and variable name and replaces every value", () => {
  const names = namesOnly(USER_SETTING);
  assert.deepEqual(names, {
    $shared: { version: WITHHELD, apikey: WITHHELD },
    local: { host: WITHHELD, password: WITHHELD, nested: WITHHELD, list: WITHHELD, count: WITHHELD, on: WITHHELD },
    production: { host: WITHHELD },
  });
  assert.ok(!JSON.stringify(names).includes(PLANTED));
  assert.ok(!JSON.stringify(names).includes("127.0.0.1"), "not even a harmless value crosses");
  // Not REST Client's shape: nothing to read (an environment that is no object is left out).
  assert.equal(namesOnly(PLANTED), null);
  assert.equal(namesOnly([PLANTED]), null);
  assert.equal(namesOnly(null), null);
  assert.deepEqual(namesOnly({ broken: PLANTED, dev: { host: PLANTED } }), { dev: { host: WITHHELD } });
});

test("withheldConfiguration: the setting as names; the whole configuration or `rest-client` never; other sections as they are", () => {
  const answers = withheldConfiguration(
    [{ section: SETTING }, { section: "rest-client" }, {}, { section: null }, { section: "Rest-Client.EnvironmentVariables" }, { section: "editor.tabSize" }],
    [USER_SETTING, { environmentVariables: USER_SETTING }, { "rest-client": { environmentVariables: USER_SETTING } }, { "rest-client.environmentVariables": USER_SETTING }, USER_SETTING, 4],
  );
  assert.deepEqual(answers[0], namesOnly(USER_SETTING));
  assert.deepEqual(answers.slice(1, 4), [null, null, null]);
  assert.deepEqual(answers[4], namesOnly(USER_SETTING), "a differently spelled section is withheld the same way");
  assert.equal(answers[5], 4);
  assert.ok(!JSON.stringify(answers).includes(PLANTED));
  // An answer with no item to say what it is: withheld.
  assert.deepEqual(withheldConfiguration([], [USER_SETTING]), [null]);
});

test("the language client's configuration middleware answers names only; a failed answer stays the same error", async () => {
  const token = new CancellationTokenSource().token;
  const params = { items: [{ scopeUri: "file:///work/api/users.http", section: SETTING }] };
  const asked: unknown[] = [];
  const answer = await settingsMiddleware.configuration(params, token, (p) => {
    asked.push(p);
    return [USER_SETTING];
  });
  assert.deepEqual(asked, [params], "VS Code is asked what the server asked, for the same document");
  assert.deepEqual(answer, [namesOnly(USER_SETTING)]);
  assert.ok(!JSON.stringify(answer).includes(PLANTED));

  // vscode-languageclient's own handler returns a thenable in some versions.
  assert.deepEqual(await settingsMiddleware.configuration(params, token, async () => [USER_SETTING]), [namesOnly(USER_SETTING)]);

  const failure = new ResponseError(-32603, "no configuration");
  assert.equal(await settingsMiddleware.configuration(params, token, () => failure), failure);
});

test("the language client's settings change middleware announces a change without the settings", async () => {
  const sent: Array<string[] | undefined> = [];
  await settingsMiddleware.didChangeConfiguration([SETTING], async (sections) => {
    sent.push(sections);
  });
  // `undefined` makes vscode-languageclient send `{ settings: null }` instead of the values.
  assert.deepEqual(sent, [undefined]);
});
