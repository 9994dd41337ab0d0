// Variable resolution: each source, its precedence, chained requests and the errors.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseDocument } from "../../../server/src/language/maximo/api";
import { createResolver, VariableError } from "../../../client/src/variables";
import { FILE, WORKSPACE, fakeFiles, fakeResponse, resolverFor } from "./support";

const ENV = join(WORKSPACE, "maximo.env.json");

async function rejectsWith(promise: Promise<unknown>, message: RegExp): Promise<VariableError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof VariableError, `expected a VariableError, got ${String(error)}`);
    assert.match(error.message, message);
    return error;
  }
  assert.fail("expected a VariableError");
}

test("file variables fill the URL path, each query value, headers and a JSON body as text", async () => {
  const { resolver } = resolverFor(
    [
      "@site = BEDFORD",
      "@object = mxapiwodetail",
      "",
      "### Orders",
      "# @name orders",
      "POST os/{{object}}?lean=1",
      '    &oslc.where=siteid="{{site}}" and status="APPR"',
      "X-Site: {{site}}",
      "Content-Type: application/json",
      "",
      '{ "siteid": "{{site}}", "n": 1 }',
    ].join("\n"),
  );
  const request = await resolver.resolve(0);
  assert.equal(request.name, "orders");
  assert.equal(request.method, "POST");
  assert.equal(request.line, 5);
  assert.equal(request.target, "os/mxapiwodetail");
  assert.deepEqual(request.query, [
    { key: "lean", value: "1" },
    { key: "oslc.where", value: 'siteid="BEDFORD" and status="APPR"' },
  ]);
  assert.deepEqual(request.headers, [
    ["X-Site", "BEDFORD"],
    ["Content-Type", "application/json"],
  ]);
  assert.equal(request.body, '{ "siteid": "BEDFORD", "n": 1 }');
  assert.deepEqual(request.directives, { allPages: false, noRedirect: false });
});

test("JetBrains' indented query lines after `?` are sent as parameters, variables filled in (spec §3.2.1.4)", async () => {
  const { resolver } = resolverFor(["@size = 20", "GET os/mxapiasset?", "    oslc.pageSize={{size}}&", "    lean=1", "Accept: application/json"].join("\n"));
  const request = await resolver.resolve(0);
  assert.equal(request.target, "os/mxapiasset");
  assert.deepEqual(request.query, [
    { key: "oslc.pageSize", value: "20" },
    { key: "lean", value: "1" },
  ]);
  assert.deepEqual(request.headers, [["Accept", "application/json"]]);
});

test("a query a variable brings in is sent before the written one, not dropped (reference §8 nextPage, §17.1 collectionref)", async () => {
  // A server's href comes percent-encoded: its values are sent as written (encoded), not encoded twice.
  const next = "http://mx.example/maximo/api/os/mxapiasset?oslc.where=siteid%3D%22BEDFORD%22&pageno=2&oslc.pageSize=10";
  const text = ["# @name p1", "GET os/mxapiasset?oslc.pageSize=10", "", "###", "GET {{p1.response.body.responseInfo.nextPage.href}}&collectioncount=1", "", "###", '@u = os/mxapiasset?oslc.where=siteid="BEDFORD" and status="OPERATING"&lean=1', "GET {{u}}&oslc.select=assetnum"].join("\n");
  const { resolver } = resolverFor(text, { responses: { p1: fakeResponse(JSON.stringify({ responseInfo: { nextPage: { href: next } } })) } });
  const paged = await resolver.resolve(1);
  assert.equal(paged.target, "http://mx.example/maximo/api/os/mxapiasset");
  assert.deepEqual(paged.query, [
    { key: "oslc.where", value: "siteid%3D%22BEDFORD%22", encoded: true },
    { key: "pageno", value: "2" },
    { key: "oslc.pageSize", value: "10" },
    { key: "collectioncount", value: "1" },
  ]);
  // Written decoded in a file variable: read as the request line's own query is (quotes keep their blanks).
  const variable = await resolver.resolve(2);
  assert.equal(variable.target, "os/mxapiasset");
  assert.deepEqual(variable.query, [
    { key: "oslc.where", value: 'siteid="BEDFORD" and status="OPERATING"' },
    { key: "lean", value: "1" },
    { key: "oslc.select", value: "assetnum" },
  ]);
});

test("the values of secret-looking variables are handed to the host to mask; other values are not", async () => {
  const text = [
    "@token = FILETOKEN1",
    "@site = BEDFORD",
    "# @name login",
    "POST /maximo/oauth/token",
    "",
    "###",
    "GET os/x?pw={{password}}&site={{site}}&t={{token}}",
    "x-auth: {{$processEnv MAXIMO_TOKEN}}",
    "x-chained: {{login.response.body.access_token}}",
    "x-user: {{$processEnv MAXIMO_USER}}",
  ].join("\n");
  const { resolver } = resolverFor(text, {
    processEnv: { MAXIMO_TOKEN: "ENVTOKEN2", MAXIMO_USER: "wilson" },
    files: { [ENV]: JSON.stringify({ $shared: { password: "ENVPW3" } }) },
    responses: { login: fakeResponse(JSON.stringify({ access_token: "CHAINED4" })) },
  });
  const request = await resolver.resolve(1);
  assert.deepEqual([...(request.secrets ?? [])].sort(), ["CHAINED4", "ENVPW3", "ENVTOKEN2", "FILETOKEN1"]);
  // A request without secrets carries none.
  assert.equal((await resolverFor("GET os/x?site=A\n").resolver.resolve(0)).secrets, undefined);
  // `%envKey` names the variable read: MAXIMO_TOKEN is the name that counts (second audit).
  const indirect = resolverFor("@envKey = MAXIMO_TOKEN\nGET os/x?d={{$processEnv %envKey}}\n", { processEnv: { MAXIMO_TOKEN: "INDIRECT5" } });
  assert.deepEqual((await indirect.resolver.resolve(0)).secrets, ["INDIRECT5"]);
});

test("a file variable may use earlier ones, and a redefinition applies from where it stands", async () => {
  const { resolver } = resolverFor(
    ["@host = maximo.example.com", "@base = https://{{host}}/maximo", "", "### a", "GET {{base}}/oslc/whoami", "", "###", "@host = other", "GET {{base}}/x"].join("\n"),
  );
  assert.equal((await resolver.resolve(0)).target, "https://maximo.example.com/maximo/oslc/whoami");
  // `base` stands above the second `@host`, so it still reads the first one.
  assert.equal((await resolver.resolve(1)).target, "https://maximo.example.com/maximo/x");
  assert.deepEqual(resolver.fileVariables(), new Map([["host", "other"], ["base", "https://{{host}}/maximo"]]));
});

test("a file variable that needs itself is reported, not looped on", async () => {
  const { resolver } = resolverFor("@a = {{b}}\n@b = x{{a}}\nGET os/{{a}}\n");
  await rejectsWith(resolver.resolve(0), /Variable "a" refers to itself \(line 2\)/);
});

test("environments: the chosen one over $shared, file variables over both; env values may use $shared", async () => {
  const files = {
    [ENV]: JSON.stringify({
      $shared: { site: "SHARED", version: "v1", host: "shared.example.com" },
      dev: { site: "DEVSITE", path: "api/{{$shared version}}", url: "https://{{host}}/maximo", alt: "{{$shared.version}}" },
      test: { site: "TESTSITE" },
    }),
  };
  const text = "GET {{url}}/{{path}}?site={{site}}&v={{version}}&alt={{alt}}\n";
  const dev = resolverFor(text, { files, envName: "dev" });
  const request = await dev.resolver.resolve(0);
  assert.equal(request.target, "https://shared.example.com/maximo/api/v1");
  assert.deepEqual(request.query, [
    { key: "site", value: "DEVSITE" },
    { key: "v", value: "v1" },
    { key: "alt", value: "v1" },
  ]);
  const shared = resolverFor("GET x?site={{site}}\n", { files });
  assert.deepEqual((await shared.resolver.resolve(0)).query, [{ key: "site", value: "SHARED" }]);
  const fileWins = resolverFor("@site = FILE\nGET x?site={{site}}\n", { files, envName: "test" });
  assert.deepEqual((await fileWins.resolver.resolve(0)).query, [{ key: "site", value: "FILE" }]);
});

test("an environment value that names itself reads $shared's value of that name", async () => {
  const files = { [ENV]: JSON.stringify({ $shared: { host: "h.example.com" }, dev: { host: "dev.{{host}}" } }) };
  const { resolver } = resolverFor("GET https://{{host}}/x\n", { files, envName: "dev" });
  assert.equal((await resolver.resolve(0)).target, "https://dev.h.example.com/x");
});

test("an unknown environment and a broken maximo.env.json are reported by name", async () => {
  const files = { [ENV]: JSON.stringify({ $shared: {}, dev: {}, test: {} }) };
  await assert.rejects(resolverFor("GET x\n", { files, envName: "prod" }).resolver.resolve(0), /Environment "prod" is not defined .*dev, test/);
  await assert.rejects(resolverFor("GET x\n", { envName: "dev" }).resolver.resolve(0), /maximo\.env\.json does not exist/);
  await assert.rejects(resolverFor("GET x\n", { files: { [ENV]: "{ nope" } }).resolver.resolve(0), /is not valid JSON/);
});

test("$dotenv reads .env next to the file first, then the workspace's", async () => {
  const files = {
    [join(WORKSPACE, "requests", ".env")]: "# local\nAPIKEY=local-key\nexport QUOTED=\"a b\"\n",
    [join(WORKSPACE, ".env")]: "APIKEY=workspace-key\nUSER=wilson # a comment\n",
  };
  const { resolver } = resolverFor("GET x\napikey: {{$dotenv APIKEY}}\nx-user: {{$dotenv USER}}\nx-q: {{$dotenv QUOTED}}\n", { files });
  assert.deepEqual((await resolver.resolve(0)).headers, [
    ["apikey", "local-key"],
    ["x-user", "wilson"],
    ["x-q", "a b"],
  ]);
  const missing = resolverFor("GET x\n\n{\n  \"k\": \"{{$dotenv NOPE}}\"\n}\n", { files });
  const error = await rejectsWith(missing.resolver.resolve(0), /"NOPE" is not in \.env .*\(line 4\)/);
  assert.equal(error.line, 4);
});

test("$processEnv reads the runner's environment; %NAME takes the name from a variable", async () => {
  const { resolver } = resolverFor("@tokenVar = MAXIMO_TOKEN\nGET x?a={{$processEnv MAXIMO_USER}}&b={{$processEnv %tokenVar}}\n", {
    processEnv: { MAXIMO_USER: "wilson", MAXIMO_TOKEN: "t0ken" },
  });
  assert.deepEqual((await resolver.resolve(0)).query, [
    { key: "a", value: "wilson" },
    { key: "b", value: "t0ken" },
  ]);
  const unset = resolverFor("GET x?a={{$processEnv NOT_SET}}\n");
  await rejectsWith(unset.resolver.resolve(0), /Environment variable "NOT_SET" is not set \(line 1\)/);
});

test("an undefined variable names itself and its line; a literal {{x}} is never sent", async () => {
  const { resolver } = resolverFor("# comment\n\n### x\nGET os/x\n  &oslc.where=siteid=\"{{site}}\"\n");
  const error = await rejectsWith(resolver.resolve(0), /^Variable "site" is not defined \(line 5\)$/);
  assert.equal(error.variable, "site");
  assert.equal(error.line, 5);
  for (const [text, message] of [
    ["GET x\n\n{{ 1 + 2 }}\n", /script.*\(line 3\)/],
    ["GET x\nA: {{}}\n", /empty \{\{\}\}.*\(line 2\)/],
    ["GET x\nA: {{site\n", /not closed.*\(line 2\)/],
    ["GET x?a={{$nope}}\n", /"\$nope" is not a system variable/],
    ["GET x?a={{$randomInt 5 x}}\n", /two whole numbers.*\(line 1\)/],
  ] as const) {
    await rejectsWith(resolverFor(text).resolver.resolve(0), message);
  }
});

test("a variable only a REST Client / httpyac / JetBrains environment file defines: the error names that file and says where variables come from", async () => {
  // `maximo check` counts such a variable as defined (environments/variableNames.ts); the runner
  // fills variables from maximo.env.json, so it says which file has it instead of just "not defined".
  const workspace = mkdtempSync(join(tmpdir(), "maximo-resolver-env-"));
  mkdirSync(join(workspace, ".git"));
  mkdirSync(join(workspace, "api"));
  writeFileSync(join(workspace, "http-client.env.json"), '{"dev": {"host": "http://127.0.0.1:1"}}');
  const filePath = join(workspace, "api", "users.http");
  const { resolver } = resolverFor("GET {{host}}/users\n", { filePath, workspaceDir: workspace });
  const error = await rejectsWith(resolver.resolve(0), /^Variable "host" is not defined here: http-client\.env\.json defines it, but variables are filled from maximo\.env\.json .*copy it there \(line 1\)$/);
  assert.equal(error.variable, "host");
  assert.ok(!error.message.includes("127.0.0.1"), "no value in the message");
  // Defined in maximo.env.json, it is filled as before.
  writeFileSync(join(workspace, "maximo.env.json"), '{"$shared": {"host": "http://127.0.0.1:2"}}');
  const filled = resolverFor("GET {{host}}/users\n", { filePath, workspaceDir: workspace, readFile: (path) => readFile(path) });
  assert.equal((await filled.resolver.resolve(0)).target, "http://127.0.0.1:2/users");
});

test("a chained request runs first, exactly once, and fills body values and headers", async () => {
  const text = [
    "### Find",
    "# @name wo",
    "GET os/mxapiwodetail?oslc.select=wonum",
    "",
    "### Use it",
    "POST {{wo.response.headers.Location}}?wonum={{wo.response.body.member[0].wonum}}",
    "x-first: {{wo.response.body.$.member[0].wonum}}",
    "x-count: {{wo.response.body.member.length}}",
    "x-quoted: {{wo.response.body[\"spi:odd key\"]}}",
    "x-obj: {{wo.response.body.member[1]}}",
    "x-sent: {{wo.request.body.sent.n}}",
    "",
    "{{wo.response.body.member[-1].wonum}}",
  ].join("\n");
  const response = fakeResponse(JSON.stringify({ member: [{ wonum: "1001" }, { wonum: 1002 }], "spi:odd key": true }), [
    ["location", "http://h/maximo/oslc/os/mxapiwodetail/_QkVERk9SRC8xMDAx"],
  ]);
  const { resolver, runs } = resolverFor(text, { responses: { wo: response } });
  const request = await resolver.resolve(1);
  assert.deepEqual(runs, ["wo"]);
  assert.equal(request.target, "http://h/maximo/oslc/os/mxapiwodetail/_QkVERk9SRC8xMDAx");
  assert.deepEqual(request.query, [{ key: "wonum", value: "1001" }]);
  assert.deepEqual(request.headers, [
    ["x-first", "1001"],
    ["x-count", "2"],
    ["x-quoted", "true"],
    ["x-obj", '{"wonum":1002}'],
    ["x-sent", "1"],
  ]);
  assert.equal(request.body, "1002");
  await resolver.resolve(1);
  assert.deepEqual(runs, ["wo"], "the response is cached per name");
});

test("httpyac's {{login.accessToken}} / {{loginResponse.statusCode}} after `# @name login` run login first and read its response", async () => {
  // httpyac sets `login` to the parsed body and `loginResponse` to the response
  // (github:AnWeber/httpyac src/plugins/core/response/handleNameMetaData.ts; ref.spec.ts expects
  // `{{foo.test}}` to read `test` of foo's JSON body).
  const text = [
    "# @name login",
    "POST http://127.0.0.1/login",
    "",
    "###",
    "@auth = Bearer {{login.accessToken}}",
    "GET http://127.0.0.1/me/{{login.user.id}}?status={{loginResponse.statusCode}}",
    "Authorization: {{auth}}",
    "x-type: {{loginResponse.headers.content-type}}",
    "x-body: {{loginResponse.body.user.id}}",
    "",
    "{{login}}",
  ].join("\n");
  const body = '{"accessToken":"t0k","user":{"id":7}}';
  const { resolver, runs } = resolverFor(text, { responses: { login: fakeResponse(body, [["content-type", "application/json"]], 201) } });
  const request = await resolver.resolve(1);
  assert.deepEqual(runs, ["login"], "login runs once, before");
  assert.equal(request.target, "http://127.0.0.1/me/7");
  assert.deepEqual(request.query, [{ key: "status", value: "201" }]);
  assert.deepEqual(request.headers, [
    ["Authorization", "Bearer t0k"],
    ["x-type", "application/json"],
    ["x-body", "7"],
  ]);
  assert.equal(request.body, body);
  // A file variable of that very name wins, as any variable does; then nothing runs.
  const shadowed = resolverFor("@login.id = 5\n# @name login\nGET a\n\n###\nGET b/{{login.id}}\n");
  assert.equal((await shadowed.resolver.resolve(1)).target, "b/5");
  assert.deepEqual(shadowed.runs, []);
  // What the runner cannot read is said, not sent.
  const { resolver: other } = resolverFor("# @name login\nGET a\n\n###\nGET b/{{loginResponse.timings}}\n", { responses: { login: fakeResponse("{}") } });
  await rejectsWith(other.resolve(1), /loginResponse.timings is not read here: use loginResponse.statusCode/);
  const missing = resolverFor("# @name login\nGET a\n\n###\nGET b/{{login.nothing}}\n", { responses: { login: fakeResponse("{}") } });
  await rejectsWith(missing.resolver.resolve(1), /\{\{login.nothing\}\} resolves to nothing/);
  // A cycle through such a name is found before anything runs.
  const cycle = resolverFor("# @name a\nGET a/{{b.id}}\n\n###\n# @name b\nGET b/{{a.id}}\n");
  await rejectsWith(cycle.resolver.resolve(0), /cycle: a → b → a/);
  assert.deepEqual(cycle.runs, []);
});

test("httpyac's {{$index}} is 0 in a `# @loop` request (sent once here); {{$global.x}} is not sent and says why", async () => {
  // $index: github:AnWeber/httpyac src/plugins/core/test/metadata/loop.spec.ts (0, 1, 2 for `for 3`).
  const { resolver } = resolverFor("# @loop for 3\nGET http://127.0.0.1/items?i={{$index}}\n");
  assert.deepEqual((await resolver.resolve(0)).query, [{ key: "i", value: "0" }]);
  await rejectsWith(resolverFor("GET http://127.0.0.1/items?i={{$index}}\n").resolver.resolve(0), /no `# @loop`/);
  // $global is filled by httpyac scripts (src/plugins/javascript/globalVariableProvider.ts), never run here.
  const error = await rejectsWith(resolverFor("GET http://127.0.0.1/me\nAuthorization: Bearer {{$global.token}}\n").resolver.resolve(0), /set by an httpyac script.*not sent.*environment instead \(line 2\)$/);
  assert.equal(error.variable, "$global.token");
});

test("a response the runner records is used without running the request again", async () => {
  const { resolver, runs } = resolverFor("# @name wo\nGET a\n\n###\nGET b/{{wo.response.body.id}}\n");
  resolver.recordResponse("wo", fakeResponse('{"id":7}'));
  assert.equal((await resolver.resolve(1)).target, "b/7");
  assert.deepEqual(runs, []);
});

test("chained references that resolve to nothing say why", async () => {
  const response = fakeResponse('{"member":[]}', [["content-type", "application/json"]]);
  const cases = [
    ["GET x/{{wo.response.body.member[0].wonum}}", /has nothing at member\[0\] \(line 4\)/],
    ["GET x/{{wo.response.headers.location}}", /no header "location"/],
    ["GET x/{{nobody.response.body.id}}", /Request "nobody" is not defined: name a request with "# @name nobody" \(line 4\)/],
  ] as const;
  for (const [line, message] of cases) {
    const { resolver } = resolverFor(`# @name wo\nGET a\n###\n${line}\n`, { responses: { wo: response } });
    await rejectsWith(resolver.resolve(1), message);
  }
  const text = fakeResponse("plain text");
  const { resolver } = resolverFor("# @name wo\nGET a\n###\nGET x/{{wo.response.body.id}}\n", { responses: { wo: text } });
  await rejectsWith(resolver.resolve(1), /not JSON/);
});

test("requests that need each other are a cycle, reported before anything runs", async () => {
  const text = [
    "# @name a",
    "GET a/{{b.response.body.id}}",
    "",
    "###",
    "# @name b",
    "@viaVariable = {{a.response.body.id}}",
    "GET b/{{viaVariable}}",
    "",
    "###",
    "GET c/{{a.response.body.id}}",
  ].join("\n");
  const { resolver, runs } = resolverFor(text);
  await rejectsWith(resolver.resolve(2), /cycle: a → b → a \(line 10\)/);
  await rejectsWith(resolver.resolve(0), /cycle: a → b → a \(line 2\)/);
  assert.deepEqual(runs, []);
  const self = resolverFor("# @name me\nGET x/{{me.response.body.id}}\n");
  await rejectsWith(self.resolver.resolve(0), /cycle: me → me/);
});

test("a runner that resolves named requests through the same resolver runs each once", async () => {
  const text = "# @name login\nGET whoami\n\n###\n# @name wo\nGET os/wo?user={{login.response.body.userid}}\n\n###\nGET os/x/{{wo.response.body.id}}?u={{login.response.body.userid}}\n";
  const document = parseDocument(text);
  const calls: string[] = [];
  const resolver = createResolver({
    document,
    filePath: FILE,
    workspaceDir: WORKSPACE,
    processEnv: {},
    readFile: fakeFiles({}).readFile,
    runNamed: async (name) => {
      calls.push(name);
      const request = await resolver.resolve(document.requests.findIndex((r) => r.name === name));
      return fakeResponse(name === "login" ? '{"userid":"WILSON"}' : `{"id":"${request.query[0]!.value}-1"}`);
    },
  });
  const request = await resolver.resolve(2);
  assert.equal(request.target, "os/x/WILSON-1");
  assert.deepEqual(request.query, [{ key: "u", value: "WILSON" }]);
  assert.deepEqual(calls, ["wo", "login"]);
});

test("body files: `<` sends bytes as they are, `<@` fills variables (errors name the file's line)", async () => {
  const dir = join(WORKSPACE, "requests");
  const files = {
    [join(dir, "raw.json")]: '{ "site": "{{site}}" }',
    [join(dir, "filled.json")]: '{\n  "site": "{{site}}"\n}',
    [join(dir, "broken.json")]: '{\n\n  "x": "{{missing}}"\n}',
  };
  const raw = await resolverFor("@site = BEDFORD\nPOST os/x\n\n< ./raw.json\n", { files }).resolver.resolve(0);
  assert.ok(Buffer.isBuffer(raw.body));
  assert.equal(raw.body.toString(), '{ "site": "{{site}}" }');
  const filled = await resolverFor("@site = BEDFORD\nPOST os/x\n\n<@ ./filled.json\n", { files }).resolver.resolve(0);
  assert.equal(filled.body, '{\n  "site": "BEDFORD"\n}');
  await rejectsWith(resolverFor("POST os/x\n\n<@ ./broken.json\n", { files }).resolver.resolve(0), /Variable "missing" is not defined \(line 3, in \.\/broken\.json\)/);
  await rejectsWith(resolverFor("POST os/x\n\n< ./absent.json\n", { files }).resolver.resolve(0), /cannot be read.*\(line 3\)/);
});

test("directives map to the request: @connection, @all-pages, @timeout, @no-redirect", async () => {
  const { resolver } = resolverFor("@conn = prod\n###\n# @name big\n# @connection {{conn}}\n# @all-pages\n# @timeout 30s\n# @no-redirect\n# @expect status 200\nGET os/x\n");
  const request = await resolver.resolve(0);
  assert.deepEqual(request.directives, { connection: "prod", allPages: true, timeoutMs: 30_000, noRedirect: true });
  assert.equal(request.name, "big");
  const titled = await resolverFor("### Approved orders\nGET os/x\n").resolver.resolve(0);
  assert.equal(titled.name, "Approved orders");
});

test("a query value written percent-encoded is resolved as written (variables filled in) and marked encoded; readable ones are decoded", async () => {
  const { resolver } = resolverFor("@site = BEDFORD\nGET os/mxapiwodetail?oslc.where=status%3D%22APPR%22+and+siteid%3D%22{{site}}%22&oslc.orderBy=+wonum&oslc.select=wonum%2Cstatus\n");
  const resolved = await resolver.resolve(0);
  assert.deepEqual(resolved.query, [
    { key: "oslc.where", value: "status%3D%22APPR%22+and+siteid%3D%22BEDFORD%22", encoded: true },
    { key: "oslc.orderBy", value: "+wonum" },
    { key: "oslc.select", value: "wonum%2Cstatus", encoded: true },
  ]);
});
