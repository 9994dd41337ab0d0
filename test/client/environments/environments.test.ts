// Environments as the editor uses them: maximo.env.json first, REST Client's setting as the
// fallback; the active environment over $shared; and a variable's value with where it came from,
// secrets never shown.
import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { parseDocument } from "../../../server/src/language/maximo/api";
import { environmentOf, type EnvironmentSet } from "../../../client/src/environments/environmentSet";
import { loadEnvironmentSet } from "../../../client/src/environments/loadEnvironments";
import { explainExpression, expressionAt, type ExplainContext, type VariableExplanation } from "../../../client/src/environments/provenance";
import { describeSource, describeValue } from "../../../client/src/environments/describe";
import { createResolver } from "../../../client/src/variables";
import { FILE, WORKSPACE, fakeFiles } from "../variables/support";

const ENV_FILE = join(WORKSPACE, "maximo.env.json");
const ENV_JSON = JSON.stringify({
  $shared: { site: "BEDFORD", host: "127.0.0.1:7001", apikey: "shared-key-123" },
  dev: { host: "dev.example.test", object: "mxapiwodetail", password: "dev-password-456" },
  test: { host: "test.example.test" },
});

const REST_CLIENT = { $shared: { site: "NASHUA" }, local: { host: "127.0.0.1:9080" } };

test("maximo.env.json wins over REST Client's setting; without it the setting is read; with neither, nothing", async () => {
  const withFile = await loadEnvironmentSet({ readFile: fakeFiles({ [ENV_FILE]: ENV_JSON }).readFile, workspaceDir: WORKSPACE, restClientSetting: REST_CLIENT });
  assert.deepEqual(withFile.origin, { kind: "file", file: ENV_FILE });
  assert.deepEqual([...withFile.environments.keys()], ["dev", "test"], "$shared is not an environment to pick");
  assert.equal(withFile.shared.get("site"), "BEDFORD");

  const fallback = await loadEnvironmentSet({ readFile: fakeFiles({}).readFile, workspaceDir: WORKSPACE, restClientSetting: REST_CLIENT });
  assert.deepEqual(fallback.origin, { kind: "restClientSetting" });
  assert.deepEqual([...fallback.environments.keys()], ["local"]);
  assert.equal(fallback.shared.get("site"), "NASHUA");

  const none = await loadEnvironmentSet({ readFile: fakeFiles({}).readFile, workspaceDir: WORKSPACE });
  assert.equal(none.environments.size, 0);
  assert.equal(none.shared.size, 0);
});

test("a broken maximo.env.json or setting is a sentence naming it", async () => {
  await assert.rejects(loadEnvironmentSet({ readFile: fakeFiles({ [ENV_FILE]: "{ nope" }).readFile, workspaceDir: WORKSPACE }), /maximo\.env\.json is not valid JSON/);
  await assert.rejects(loadEnvironmentSet({ readFile: fakeFiles({}).readFile, workspaceDir: WORKSPACE, restClientSetting: { dev: "x" } }), /Environment "dev" in setting rest-client\.environmentVariables must be an object/);
  await assert.rejects(loadEnvironmentSet({ readFile: fakeFiles({ [ENV_FILE]: "[1]" }).readFile, workspaceDir: WORKSPACE }), /must hold an object of environments/);
});

test("Send's resolver reads the picked environment over $shared, and $shared alone without a pick", async () => {
  const set = await loadEnvironmentSet({ readFile: fakeFiles({ [ENV_FILE]: ENV_JSON }).readFile, workspaceDir: WORKSPACE });
  const text = ["### a", "GET http://{{host}}/maximo/oslc/os/mxapiwodetail?oslc.where=siteid=\"{{site}}\""].join("\n");
  const resolve = async (name: string | undefined) => {
    const resolver = createResolver({
      document: parseDocument(text),
      filePath: FILE,
      workspaceDir: WORKSPACE,
      processEnv: {},
      readFile: fakeFiles({}).readFile,
      environment: async () => environmentOf(set, name),
      runNamed: () => Promise.reject(new Error("no chained requests here")),
    });
    return resolver.resolve(0);
  };
  assert.equal((await resolve("dev")).target, "http://dev.example.test/maximo/oslc/os/mxapiwodetail");
  assert.equal((await resolve("test")).target, "http://test.example.test/maximo/oslc/os/mxapiwodetail");
  assert.equal((await resolve(undefined)).target, "http://127.0.0.1:7001/maximo/oslc/os/mxapiwodetail");
  // A name the file no longer has leaves $shared, as with no pick.
  assert.equal((await resolve("gone")).target, "http://127.0.0.1:7001/maximo/oslc/os/mxapiwodetail");
  assert.deepEqual((await resolve("dev")).query, [{ key: "oslc.where", value: 'siteid="BEDFORD"' }]);
});

test("errors in a REST Client environment name the setting, not maximo.env.json", async () => {
  const set = await loadEnvironmentSet({ readFile: fakeFiles({}).readFile, workspaceDir: WORKSPACE, restClientSetting: { local: { url: "{{nothere}}" } } });
  const resolver = createResolver({
    document: parseDocument("### a\nGET {{url}}/x"),
    filePath: FILE,
    workspaceDir: WORKSPACE,
    processEnv: {},
    readFile: fakeFiles({}).readFile,
    environment: async () => environmentOf(set, "local"),
    runNamed: () => Promise.reject(new Error("none")),
  });
  await assert.rejects(resolver.resolve(0), (error: Error) => /setting rest-client\.environmentVariables "local"/.test(error.message) && /"nothere" is not defined/.test(error.message));
});

// ---- hover: value and provenance ----

const REQUESTS = [
  "@object = mxapiwodetail",
  "@where = siteid=\"{{site}}\"",
  "@auth = Basic {{password}}",
  "@stamp = wo-{{$timestamp}}",
  "@keyName = MAXIMO_PASSWORD",
  "",
  "### Orders",
  "# @name orders",
  "GET http://{{host}}/maximo/oslc/os/{{object}}?oslc.where={{where}}",
  "Authorization: {{auth}}",
  "apikey: {{apikey}}",
  "x-user: {{$processEnv MAXIMO_USER}}",
  "x-pass: {{$processEnv MAXIMO_PASSWORD}}",
  "x-env-user: {{$env.MAXIMO_USER}}",
  "x-env-pass: {{$env.MAXIMO_PASSWORD}}",
  "x-indirect: {{$processEnv %keyName}}",
  "x-dot: {{$dotenv TENANT}}",
  "x-shared: {{$shared site}}",
  "x-stamp: {{stamp}}",
  "x-id: {{$guid}}",
  "x-missing: {{nothing}}",
  "x-known: {{stored}}",
  "",
  "### Next",
  "GET os/mxapiwodetail/{{orders.response.body.member[0].wonum}}",
  "x-token: {{orders.response.body.access_token}}",
].join("\n");

async function explain(word: string, overrides: Partial<ExplainContext> = {}): Promise<VariableExplanation> {
  const document = parseDocument(REQUESTS);
  const set: EnvironmentSet = await loadEnvironmentSet({ readFile: fakeFiles({ [ENV_FILE]: ENV_JSON }).readFile, workspaceDir: WORKSPACE });
  const offset = REQUESTS.indexOf(word) + 2;
  assert.ok(offset > 1, `${word} is in the fixture`);
  const expression = expressionAt(document, offset);
  assert.ok(expression, `an expression at ${word}`);
  return explainExpression(
    {
      document,
      filePath: FILE,
      workspaceDir: WORKSPACE,
      environments: set,
      activeEnvironment: "dev",
      processEnv: { MAXIMO_USER: "maxadmin", MAXIMO_PASSWORD: "env-password-test-value-789" },
      readFile: fakeFiles({ [join(WORKSPACE, ".env")]: "TENANT=acme\n", [ENV_FILE]: ENV_JSON }).readFile,
      secrets: [],
      ...overrides,
    },
    expression,
  );
}

test("hover: a file variable names its @ line and shows the value it resolves to, environment values inside included", async () => {
  const object = await explain("{{object}}");
  assert.deepEqual(object.source, { kind: "fileVariable", name: "object", line: 1 });
  assert.equal(object.value, "mxapiwodetail");
  assert.equal(describeSource(object.source), "file variable @object (line 1)");

  const where = await explain("{{where}}");
  assert.equal(where.value, 'siteid="BEDFORD"');
  assert.equal(where.masked, false);
});

test("hover: the active environment, then $shared, each named with the file they are in", async () => {
  const host = await explain("{{host}}");
  assert.equal(host.source.kind, "environment");
  assert.equal(describeSource(host.source), 'environment "dev" in maximo.env.json');
  assert.equal(host.value, "dev.example.test");

  const shared = await explain("{{$shared site}}");
  assert.equal(describeSource(shared.source), '"$shared" in maximo.env.json');
  assert.equal(shared.value, "BEDFORD");

  // With another environment active the same use reads that one.
  const other = await explain("{{host}}", { activeEnvironment: "test" });
  assert.equal(other.value, "test.example.test");
  assert.equal(describeSource(other.source), 'environment "test" in maximo.env.json');
  // With none, $shared.
  const none = await explain("{{host}}", { activeEnvironment: undefined });
  assert.equal(none.value, "127.0.0.1:7001");
  assert.equal(none.source.kind, "shared");
});

test("hover: process environment and .env values say where they were read", async () => {
  const user = await explain("{{$processEnv MAXIMO_USER}}");
  assert.equal(describeSource(user.source), "process environment variable MAXIMO_USER");
  assert.equal(user.value, "maxadmin");
  // JetBrains' form reads the same place.
  const envUser = await explain("{{$env.MAXIMO_USER}}");
  assert.equal(describeSource(envUser.source), "process environment variable MAXIMO_USER");
  assert.equal(envUser.value, "maxadmin");
  const dot = await explain("{{$dotenv TENANT}}");
  assert.equal(describeSource(dot.source), `.env file ${join(WORKSPACE, ".env")}`);
  assert.equal(dot.value, "acme");
});

test("hover: secrets are masked by name, through the variables a value is built from, and by known value", async () => {
  for (const word of ["{{apikey}}", "{{auth}}", "{{$processEnv MAXIMO_PASSWORD}}", "{{$env.MAXIMO_PASSWORD}}", "{{$processEnv %keyName}}", "{{orders.response.body.access_token}}"]) {
    const explanation = await explain(word);
    assert.equal(explanation.masked, true, `${word} is masked`);
    assert.equal(explanation.value, undefined, `${word} has no value to show`);
    const shown = describeValue(explanation);
    for (const secret of ["shared-key-123", "dev-password-456", "env-password-test-value-789"]) assert.ok(!shown.includes(secret), `${word} shows no secret: ${shown}`);
  }
  assert.match(describeValue(await explain("{{apikey}}")), /^\*+ \(secret: not shown\)$/);
  // A value kept in SecretStorage is never shown, whatever the variable is called.
  const stored = await explain("{{stored}}", {
    environments: await loadEnvironmentSet({ readFile: fakeFiles({ [ENV_FILE]: JSON.stringify({ $shared: { stored: "vault-value-42" } }) }).readFile, workspaceDir: WORKSPACE }),
    secrets: ["vault-value-42"],
  });
  assert.equal(stored.masked, true);
  assert.equal(stored.value, undefined);
});

test("hover: chained references, system values, per-send values and undefined names say why there is no fixed value", async () => {
  const chained = await explain("{{orders.response.body.member[0].wonum}}");
  assert.equal(describeSource(chained.source), 'the response of request "orders" (line 9)');
  assert.equal(chained.value, undefined);
  assert.match(describeValue(chained), /Known once request "orders" has been sent/);

  const guid = await explain("{{$guid}}");
  assert.equal(describeSource(guid.source), "system variable $guid");
  assert.match(describeValue(guid), /Computed when the request is sent/);

  const stamp = await explain("{{stamp}}");
  assert.equal(stamp.changesPerSend, true);
  assert.match(describeValue(stamp), /^wo-\d+ \(computed again at each send\)$/);

  const missing = await explain("{{nothing}}");
  assert.equal(missing.source.kind, "undefined");
  assert.match(describeValue(missing), /Variable "nothing" is not defined/);
});

test("hover: REST Client's setting is named as the source when it is the fallback", async () => {
  const document = parseDocument("### a\nGET http://{{host}}/x");
  const set = await loadEnvironmentSet({ readFile: fakeFiles({}).readFile, workspaceDir: WORKSPACE, restClientSetting: REST_CLIENT });
  const expression = expressionAt(document, document.text.indexOf("{{host}}") + 3)!;
  const explanation = await explainExpression(
    { document, filePath: FILE, workspaceDir: WORKSPACE, environments: set, activeEnvironment: "local", processEnv: {}, readFile: fakeFiles({}).readFile, secrets: [] },
    expression,
  );
  assert.equal(explanation.value, "127.0.0.1:9080");
  assert.equal(describeSource(explanation.source), 'environment "local" in setting rest-client.environmentVariables');
});

test("expressionAt finds the {{...}} under the cursor only", () => {
  const document = parseDocument("### a\nGET {{a}}/x/{{b}}");
  const at = (offset: number) => expressionAt(document, offset)?.name;
  const text = document.text;
  assert.equal(at(text.indexOf("{{a}}") + 2), "a");
  assert.equal(at(text.indexOf("{{b}}")), "b");
  assert.equal(at(text.indexOf("/x/") + 1), undefined);
});
