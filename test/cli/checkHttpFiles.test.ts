// `maximo check` on folders and files written for REST Client, httpyac and JetBrains' HTTP
// Client: a folder without .maximo files is a usage error that names what it holds, and a
// variable an environment file around the request file defines is not undefined. In-process,
// through the check cache test/run.mjs points at out/ (so a re-check is answered from it).
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runFileCli } from "../../client/src/cli/fileCli";
import { environmentFolders, environmentNames } from "../../client/src/environments/variableNames";

function check(...args: string[]): { code: number; stdout: string; stderr: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = runFileCli(["check", ...args], (t) => out.push(t), (t) => err.push(t));
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "maximo-check-http-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const undefinedNames = (stdout: string) => [...stdout.matchAll(/warning maximo\.undefined-variable No `@([^ ]+) = /g)].map((m) => m[1]);

test("check DIR: a folder with .http/.rest files but no .maximo file is a usage error (exit 2) that names them (corpus repro/P05)", () => {
  const root = tree({ "api/a.http": "GET http://localhost:3000/a\n", "api/b.rest": "GET http://localhost:3000/b\n", "api/sub/c.http": "GET http://localhost:3000/c\n", "api/notes.txt": "x" });
  const dir = join(root, "api");
  const result = check(dir);
  assert.equal(result.code, 2);
  assert.equal(result.stdout, "", "nothing was checked, so nothing is reported as checked");
  assert.match(result.stderr, /api holds no \.maximo file; a folder contributes only \.maximo files, so its 3 \.http\/\.rest file\(s\) \(.*a\.http, .*b\.rest, .*c\.http\) were not checked: name them, e.g\. maximo check .*a\.http .*b\.rest .*c\.http/);
  // Named, they are checked.
  const named = check(join(dir, "a.http"), join(dir, "b.rest"));
  assert.equal(named.code, 0, named.stderr);
  assert.match(named.stdout, /2 file\(s\) checked: 0 error\(s\)/);
  // More than three: the first three and a way to name them all.
  const many = tree(Object.fromEntries(["1", "2", "3", "4"].map((n) => [`f${n}.http`, "GET http://localhost:3000/\n"])));
  const manyResult = check(many);
  assert.equal(manyResult.code, 2);
  assert.match(manyResult.stderr, /its 4 \.http\/\.rest file\(s\) \(.*f1\.http, .*f2\.http, .*f3\.http, \.\.\.\).*find .* -name '\*\.http' -o -name '\*\.rest'/);
  // An empty folder says there is nothing to check; still not a silent pass.
  const empty = check(tree({ "readme.md": "x" }));
  assert.equal(empty.code, 2);
  assert.match(empty.stderr, /holds no \.maximo, \.http or \.rest file: nothing to check/);
  // A folder with .maximo files is checked as before, even beside one without.
  const mixed = tree({ "a/x.maximo": "GET os/mxapiasset\n" });
  assert.match(check(join(mixed, "a")).stdout, /1 file\(s\) checked/);
  assert.equal(check(join(mixed, "a"), dir).code, 2);
});

// REST Client: "Environments and including variables are defined directly in Visual Studio Code
// setting file" (github:Huachao/vscode-restclient README.md, Environments); JetBrains:
// http-client.env.json and http-client.private.env.json (jetbrains.com/help "HTTP Client
// environment files"; httpyac reads them too); httpyac: `.httpyac.json` `environments` and `.env`
// files as variables (github:AnWeber/httpyac src/plugins/dotenv/, src/plugins/core/environments/).
const USES = "GET http://localhost:3000/{{fromDotenv}}/{{fromMaximoEnv}}/{{fromRestClient}}/{{fromJetBrains}}/{{fromPrivate}}/{{fromHttpyac}}/{{fromEnvFolder}}/{{config.host}}/{{nowhere}}\n";
// A planted value (no real credential): the test proves environment values never reach the output.
const PLANTED = "planted-value-never-printed";

test("check: variables from the environment files beside the request file and above it are defined; only names are read, values never printed", () => {
  const root = tree({
    ".git/HEAD": "ref: refs/heads/main\n",
    ".env": `fromDotenv=${PLANTED}\n`,
    ".vscode/settings.json": `{\n  // REST Client's environments, JSON with comments\n  "rest-client.environmentVariables": {"$shared": {"fromRestClient": "${PLANTED}"}, "dev": {"config": {"host": "x"}},},\n}\n`,
    "http/maximo.env.json": `{"$shared": {}, "dev": {"fromMaximoEnv": "${PLANTED}"}}`,
    "http/http-client.env.json": `{"dev": {"fromJetBrains": "${PLANTED}"}, "prod": {}}`,
    "http/http-client.private.env.json": `{"dev": {"fromPrivate": "${PLANTED}"}}`,
    "http/.httpyac.json": `{"log": {"level": 10}, "environments": {"$shared": {"fromHttpyac": "${PLANTED}"}}}`,
    "http/env/dev.env": `fromEnvFolder=${PLANTED}\n`,
    "http/api/api.http": USES,
  });
  const file = join(root, "http", "api", "api.http");
  for (const format of ["text", "json"]) {
    const result = check(file, "--format", format);
    assert.equal(result.code, 0, result.stderr);
    assert.ok(!result.stdout.includes(PLANTED), "no environment value is printed");
    if (format === "text") assert.deepEqual(undefinedNames(result.stdout), ["nowhere"]);
    else assert.deepEqual((JSON.parse(result.stdout) as Array<{ code: string }>).map((d) => d.code), ["maximo.undefined-variable"]);
  }
  const found = environmentNames(file);
  assert.deepEqual([...found.names].sort(), ["config", "fromDotenv", "fromEnvFolder", "fromHttpyac", "fromJetBrains", "fromMaximoEnv", "fromPrivate", "fromRestClient"]);
  // The message says where environments are read from, and names no value.
  const text = check(file).stdout;
  assert.match(text, /No `@nowhere = \.\.\.` line in this file, request name or environment file defines `nowhere`: add `@nowhere = value` .* \(maximo\.env\.json, http-client\.env\.json, \.httpyac\.json, \.env, or rest-client\.environmentVariables in \.vscode\/settings\.json, beside the file or above it; or a JetBrains handler's client\.global\.set in a request file there\)/);
});

test("check: the folders read stop at the repository root (.git) or the given root; a file outside the root reads its own folder only", () => {
  const outer = tree({ "maximo.env.json": '{"$shared": {"outside": "1"}}', "repo/.git/HEAD": "x", "repo/a/b/req.http": "GET http://localhost:3000/{{outside}}\n" });
  const file = join(outer, "repo", "a", "b", "req.http");
  assert.deepEqual(environmentFolders(file), [join(outer, "repo", "a", "b"), join(outer, "repo", "a"), join(outer, "repo")]);
  assert.deepEqual(undefinedNames(check(file).stdout), ["outside"], "an environment above the repository is not the repository's");
  assert.deepEqual(environmentFolders(file, join(outer, "repo", "a")), [join(outer, "repo", "a", "b"), join(outer, "repo", "a")]);
  assert.deepEqual(environmentFolders(file, join(outer, "elsewhere")), [join(outer, "repo", "a", "b")]);
  // Broken files are no environment and never stop a check.
  const broken = tree({ ".git/HEAD": "x", "http-client.env.json": "{not json", ".vscode/settings.json": "[]", "req.http": "GET http://localhost:3000/{{x}}\n" });
  const result = check(join(broken, "req.http"));
  assert.equal(result.code, 0);
  assert.deepEqual(undefinedNames(result.stdout), ["x"]);
});

test("check cache: an answer from the cache still follows the environment files as they are now", () => {
  const root = tree({ ".git/HEAD": "x", "req.http": "GET http://localhost:3000/{{late}}\n" });
  const file = join(root, "req.http");
  assert.deepEqual(undefinedNames(check(file).stdout), ["late"]);
  writeFileSync(join(root, "http-client.env.json"), '{"dev": {"late": "1"}}');
  assert.deepEqual(undefinedNames(check(file).stdout), [], "the same text, answered from the cache, with the new environment");
  rmSync(join(root, "http-client.env.json"));
  assert.deepEqual(undefinedNames(check(file).stdout), ["late"]);
  // The same with the cache off.
  writeFileSync(join(root, ".env"), "late=1\n");
  assert.deepEqual(undefinedNames(check(file, "--no-cache").stdout), []);
});

// JetBrains HTTP Client 2024.1+ `import` / `run` lines (jetbrains.com/help "Import and run requests";
// http-files.org/spec/imports); corpus probe jb04_meta.http. Paths are relative to the file naming them.
test("check: JetBrains import and run lines are read, and the files they name are looked at", () => {
  const root = tree({
    "api/auth.http": "@user = admin\n\n### Login\nPOST http://localhost:3000/login\n\n###\n# @name refresh\nPOST http://localhost:3000/refresh\n",
    "api/main.http": "import ./auth.http\n\n###\nrun #Login (@user=alice)\n\n###\nrun ./auth.http#refresh\n\n###\nGET http://localhost:3000/me?u={{user}}\n",
    "api/broken.http": "import ./nowhere.http\n\n###\nrun ./auth.http#Refresh\n\n###\nrun ./gone.http\n\n###\nrun #Anything\n",
    "api/wrong.http": "import ./auth.http\n\n###\nrun #Logn\n",
  });
  const clean = check(join(root, "api/main.http"));
  assert.equal(clean.code, 0, clean.stdout);
  assert.match(clean.stdout, /: 0 error\(s\), 0 other diagnostic\(s\)$/m);

  const broken = check(join(root, "api/broken.http"));
  assert.equal(broken.code, 1, broken.stdout);
  const lines = broken.stdout.split("\n").filter((l) => /maximo\./.test(l)).map((l) => l.replace(/^.*broken\.http:/, ""));
  assert.deepEqual(lines.map((l) => l.split(" ").slice(0, 3).join(" ")), [
    "1:8 warning maximo.import-missing",
    "4:17 error maximo.run-unknown-request",
    "7:5 warning maximo.import-missing",
  ]);
  assert.match(lines[1]!, /No request in `\.\/auth\.http` is named `Refresh`: did you mean `refresh`\?/);
  assert.match(lines[0]!, /No file `\.\/nowhere\.http` beside this file/);
  // `run #Anything` may be in the missing import: not reported.

  const wrong = check(join(root, "api/wrong.http"));
  assert.match(wrong.stdout, /4:6 error maximo\.run-unknown-request No request in this file or the files it imports is named `Logn`: did you mean `Login`\?/);
});

test("check: a JetBrains global set by a handler in another request file beside or above is defined (the IDE session keeps globals across files)", () => {
  // jetbrains.com/help "HTTP Client variables": globals are set by response handler and pre-request scripts, for the session.
  const root = tree({
    ".git/HEAD": "x",
    "http/main.http": 'POST http://localhost:3000/login\n\n> {% client.global.set("ADMIN_AUTHORIZATION", response.body.token); %}\n',
    "http/token.http": "POST http://localhost:3000/oauth\n\n> handlers/token.js\n",
    "http/handlers/token.js": 'client.global.set("token", response.body.access_token);\nrequest.variables.set("onlyThisRequest", 1);\n',
    "http/users/users.http": "GET http://localhost:3000/users\nAuthorization: {{ADMIN_AUTHORIZATION}}\nX-Token: {{token}}\nX-Other: {{onlyThisRequest}}\nX-Typo: {{ADMIN_AUTHORISATION}}\n",
    "elsewhere/other.http": "GET http://localhost:3000/{{ADMIN_AUTHORIZATION}}\n",
  });
  assert.deepEqual(undefinedNames(check(join(root, "http", "users", "users.http")).stdout), ["onlyThisRequest", "ADMIN_AUTHORISATION"]);
  assert.deepEqual(undefinedNames(check(join(root, "elsewhere", "other.http")).stdout), ["ADMIN_AUTHORIZATION"], "a sibling folder's globals are not this one's");
  // Several files in one run read each folder once and give the same answers.
  const both = check(join(root, "http", "users", "users.http"), join(root, "elsewhere", "other.http")).stdout;
  assert.deepEqual(undefinedNames(both), ["onlyThisRequest", "ADMIN_AUTHORISATION", "ADMIN_AUTHORIZATION"]);
  assert.deepEqual(environmentNames(join(root, "http", "users", "users.http")).files.map((f) => f.slice(root.length + 1)).sort(), ["http/main.http", "http/token.http"]);
});

test("check: httpyac's .httpyac.cjs / httpyac.config.js environments are read when written as a literal object; a computed one is not guessed", () => {
  // httpyac.github.io examples/configfile/environments/.httpyac.cjs.
  const literal = tree({
    ".git/HEAD": "x",
    ".httpyac.cjs": "module.exports = {\n\tenvironments: {\n\t\t$shared: {\n\t\t\tdev: false,\n\t\t\thost: 'https://httpbin.org',\n\t\t\tsystem: 'none' // a comment\n\t\t},\n\t\tdev: { dev: true, system: 'dev', },\n\t},\n\tlog: { level: 10 },\n};\n",
    "test.http": "GET {{host}}/anything?q={{system}}&dev={{dev}}&x={{nowhere}}\n",
  });
  assert.deepEqual(undefinedNames(check(join(literal, "test.http")).stdout), ["nowhere"]);
  const computed = tree({
    ".git/HEAD": "x",
    "httpyac.config.js": "module.exports = { environments: { dev: { host: process.env.HOST } } };\n",
    "test.http": "GET {{host}}/a\n",
  });
  assert.deepEqual(undefinedNames(check(join(computed, "test.http")).stdout), ["host"]);
});

test("check: JetBrains' env files in an env/ folder are read, as httpyac's default envDirName has them", () => {
  // httpyac src/store/getEnvironmentConfig.ts (envDirName 'env'), src/plugins/intellij/intellijVariableProvider.ts; survey: alekdavis/httpyac-extras.
  const root = tree({
    ".git/HEAD": "x",
    "env/http-client.env.json": '{ "dev": { "baseUrl": "https://httpbin.org" } }',
    "env/http-client.private.env.json": '{ "dev": { "clientSecret": "planted-value-never-printed" } }',
    "Tests/a.http": "GET {{baseUrl}}/get?s={{clientSecret}}&x={{nowhere}}\n",
  });
  const result = check(join(root, "Tests", "a.http"));
  assert.deepEqual(undefinedNames(result.stdout), ["nowhere"]);
  assert.ok(!result.stdout.includes("planted-value-never-printed"));
});

test("check: an httpyac configuration's envDirName is where its env files are read, as httpyac reads them", () => {
  // httpyac src/plugins/dotenv/dotenvVariableProvider.ts (envDirName, relative to each folder up to the root)
  // and src/plugins/intellij/intellijVariableProvider.ts (relative to the root); httpyac.github.io "Configuration".
  const configs: Record<string, Record<string, string>> = {
    ".httpyac.json": { ".httpyac.json": '{ "envDirName": "environments" }' },
    "package.json": { "package.json": '{ "name": "x", "httpyac": { "envDirName": "environments" } }' },
    "httpyac.config.js": { "httpyac.config.js": "module.exports = {\n  cookieJarEnabled: true,\n  envDirName: 'environments',\n};\n" },
    ".vscode/settings.json": { ".vscode/settings.json": '{ "httpyac.envDirName": "environments" }' },
  };
  for (const [where, config] of Object.entries(configs)) {
    const root = tree({
      ".git/HEAD": "x",
      ...config,
      "environments/http-client.env.json": '{ "dev": { "baseUrl": "https://httpbin.org" } }',
      "environments/.env.dev": "token=planted-value-never-printed\n",
      "requests/a.http": "GET {{baseUrl}}/get?t={{token}}&x={{nowhere}}\n",
    });
    const result = check(join(root, "requests", "a.http"));
    assert.deepEqual(undefinedNames(result.stdout), ["nowhere"], where);
    assert.ok(!result.stdout.includes("planted-value-never-printed"), where);
  }
  // Without a configuration naming it, that folder is not httpyac's: its names stay undefined.
  const plain = tree({
    ".git/HEAD": "x",
    "environments/http-client.env.json": '{ "dev": { "baseUrl": "https://httpbin.org" } }',
    "requests/a.http": "GET {{baseUrl}}/get\n",
  });
  assert.deepEqual(undefinedNames(check(join(plain, "requests", "a.http")).stdout), ["baseUrl"]);
});
