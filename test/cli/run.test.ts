// `maximo run` in-process (runCli with captured output) against an in-process emulator.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../../client/src/cli/main";
import { startEmulator, type EmulatorHandle } from "../../emulator/index";
import { defaultOptions } from "../../emulator/emulator";

const root = process.env.MAXIMO_WORKBENCH_ROOT ?? process.cwd();
const PASSWORD = "Tr0ub4dor-cli-pass";
const APIKEY = "emulator-apikey";
let emu: EmulatorHandle;

before(async () => {
  const options = defaultOptions();
  options.credentials.users = { ...options.credentials.users, MAXADMIN: PASSWORD };
  emu = await startEmulator({ port: 0, options });
});
after(() => emu.close());

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(args: string[], env: Record<string, string> = { MAXIMO_APIKEY: APIKEY }, cwd = root): Promise<Result> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(["run", ...args], (t) => out.push(t), (t) => err.push(t), { env, cwd, progress: (t) => err.push(t) });
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "maximo-run-"));
}

function tempFile(text: string, dir = tempDir(), name = "requests.maximo"): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** No secret value, nor the Basic/MAXAUTH encoding of the credentials, in anything printed. */
function assertNoSecrets(...texts: string[]): void {
  const encoded = Buffer.from(`maxadmin:${PASSWORD}`).toString("base64");
  for (const text of texts) {
    for (const secret of [APIKEY, PASSWORD, encoded]) assert.ok(!text.includes(secret), `secret "${secret}" printed:\n${text}`);
  }
}

test("run: every example passes against a fresh emulator, and again on the same data", async () => {
  for (let round = 0; round < 2; round++) {
    const result = await run([join(root, "examples"), "--connection", emu.url]);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /^\d+ passed, 0 failed$/m);
    assert.doesNotMatch(result.stdout, /^FAIL/m);
    assertNoSecrets(result.stdout, result.stderr);
  }
});

test("run: one line per request with method, status, time, size and the expectation count", async () => {
  const file = tempFile(["### who", "# @expect status 200", "# @expect body.userName == \"MAXADMIN\"", "GET whoami", ""].join("\n"));
  const result = await run([file, "--connection", emu.url]);
  assert.equal(result.code, 0, result.stdout);
  assert.match(result.stdout, /^PASS {2}\S+requests\.maximo:4 who {2}GET {2}200 OK {2}\d+ ms {2}\d+(\.\d)? (B|KB) {2}✓ 2$/m);
  assert.match(result.stdout, /^1 passed, 0 failed$/m);
});

test("run: a failing expectation exits 1 and prints the ✗ line", async () => {
  const file = tempFile(["### Count", "# @expect status 200", "# @expect body.member.length == 999", "GET os/mxapiwodetail?lean=1&oslc.pageSize=2", ""].join("\n"));
  const result = await run([file, "--connection", emu.url]);
  assert.equal(result.code, 1);
  assert.match(result.stdout, /^FAIL .* ✓ 1 ✗ 1$/m);
  assert.match(result.stdout, /^ {4}✗ body\.member\.length == 999/m);
  assert.match(result.stdout, /^0 passed, 1 failed$/m);
});

test("run: a Maximo error prints its reason code, message and explanation, and fails without an expectation", async () => {
  const file = tempFile(["### Uses or", 'GET os/mxapiwodetail?lean=1&oslc.where=status="APPR" or status="INPRG"', ""].join("\n"));
  const result = await run([file, "--connection", emu.url]);
  assert.equal(result.code, 1);
  assert.match(result.stdout, /^FAIL .* 400 /m);
  assert.match(result.stdout, /^ {4}BMXAA8744E: /m);
  assert.match(result.stdout, /opmodeor=1/);
});

test("run: --out writes the body and headers, and all pages as one JSON array", async () => {
  const out = tempDir();
  const file = tempFile(
    [
      "### one",
      "# @name one",
      "GET os/mxapiwodetail?lean=1&oslc.select=wonum&oslc.pageSize=3",
      "",
      "### all",
      "# @name all",
      "# @all-pages",
      '# @expect body.member.length == 50',
      'GET os/mxapiwodetail?lean=1&oslc.select=wonum&oslc.where=siteid="BEDFORD" and status="APPR"&oslc.pageSize=50&collectioncount=1',
      "",
    ].join("\n"),
  );
  const result = await run([file, "--connection", emu.url, "--out", out]);
  assert.equal(result.code, 0, result.stdout);
  const files = readdirSync(out).sort();
  assert.deepEqual(files, ["requests-01-one.headers.txt", "requests-01-one.json", "requests-02-all.headers.txt", "requests-02-all.json"]);
  const one = JSON.parse(readFileSync(join(out, "requests-01-one.json"), "utf8")) as { member: unknown[] };
  assert.equal(one.member.length, 3);
  assert.match(readFileSync(join(out, "requests-01-one.headers.txt"), "utf8"), /^HTTP 200 OK\ncontent-type: application\/json/m);
  const all = JSON.parse(readFileSync(join(out, "requests-02-all.json"), "utf8")) as Array<{ wonum: string }>;
  const total = /(\d+) members in (\d+) page/.exec(result.stdout);
  assert.ok(total && Number(total[1]) === all.length && Number(total[2]) > 1, result.stdout);
  assert.equal(new Set(all.map((m) => m.wonum)).size, all.length, "every member once");
});

test("run: an undefined variable names it and its line, exit 1", async () => {
  const file = tempFile(["### Uses a missing variable", "GET os/mxapiasset?oslc.where=siteid=\"{{nosuchsite}}\"", ""].join("\n"));
  const result = await run([file, "--connection", emu.url]);
  assert.equal(result.code, 1);
  assert.match(result.stdout, /nosuchsite/);
  assert.match(result.stdout, /line 2/);
});

test("run: --verbose prints request and response headers with no secret, for apikey and MAXAUTH", async () => {
  const file = tempFile(["### who", "# @expect status 200", "GET whoami", "", "### create", "POST os/mxapiwodetail?lean=1", "Content-Type: application/json", "", '{"siteid": "BEDFORD", "description": "verbose"}', ""].join("\n"));
  const apikey = await run([file, "--connection", emu.url, "--verbose"]);
  assert.equal(apikey.code, 0, apikey.stdout);
  assert.match(apikey.stdout, /^ {4}> GET http:\/\/127\.0\.0\.1:\d+\/maximo\/api\/whoami/m);
  assert.match(apikey.stdout, /^ {4}> apikey: \*+$/m);
  assert.match(apikey.stdout, /^ {4}< content-type: /m);
  assertNoSecrets(apikey.stdout, apikey.stderr);

  const maxauth = await run([file, "--connection", emu.url, "--verbose"], { MAXIMO_USER: "maxadmin", MAXIMO_PASSWORD: PASSWORD });
  assert.equal(maxauth.code, 0, maxauth.stdout + maxauth.stderr);
  assert.match(maxauth.stdout, /\/maximo\/oslc\/whoami/);
  assertNoSecrets(maxauth.stdout, maxauth.stderr);
});

test("run: a wrong password fails with a sentence and no secret", async () => {
  const file = tempFile(["### who", "GET whoami", ""].join("\n"));
  const result = await run([file, "--connection", emu.url, "--verbose"], { MAXIMO_USER: "maxadmin", MAXIMO_PASSWORD: "wrong-Pa55-word" });
  assert.equal(result.code, 1);
  assert.match(result.stdout, /^FAIL /m);
  assert.ok(!(result.stdout + result.stderr).includes("wrong-Pa55-word"));
});

test("run: maximo.connections.json picks connections by name and # @connection; read-only refuses writes", async () => {
  const dir = tempDir();
  writeFileSync(
    join(dir, "maximo.connections.json"),
    JSON.stringify({
      connections: [
        { name: "dev", url: emu.url, auth: "apikey" },
        { name: "prod", url: emu.url, auth: "apikey", readOnly: true },
      ],
      default: "prod",
    }),
  );
  const file = tempFile(
    ["### read", "# @expect status 200", "GET whoami", "", "### write", 'POST os/mxapiwodetail?lean=1', "Content-Type: application/json", "", '{"siteid": "BEDFORD"}', "", "### write on dev", "# @connection dev", "# @expect status 201", "POST os/mxapiwodetail?lean=1", "Content-Type: application/json", "", '{"siteid": "BEDFORD"}', ""].join("\n"),
    dir,
  );
  const posts = () => emu.log.list().filter((e) => e.method === "POST").length;
  const before = posts();
  const result = await run([file], { MAXIMO_APIKEY: APIKEY });
  assert.equal(result.code, 1, result.stdout);
  assert.match(result.stdout, /^FAIL .*:6 write {2}POST$/m);
  assert.match(result.stdout, /connection "prod" is read-only/);
  assert.match(result.stdout, /^PASS .*write on dev {2}POST {2}201/m);
  assert.equal(posts() - before, 1, "only the dev write reached the server");
  assert.match(result.stdout, /^2 passed, 1 failed$/m);
});

test("run: a secret in maximo.connections.json is refused with exit 2", async () => {
  const dir = tempDir();
  writeFileSync(join(dir, "maximo.connections.json"), JSON.stringify({ connections: [{ name: "dev", url: emu.url, auth: "apikey", apikey: "x" }] }));
  const result = await run([tempFile("GET whoami\n", dir)]);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /secret-looking key "apikey".*never go in maximo\.connections\.json/);
});

test("run: usage errors exit 2 (no file, unknown option, unknown connection)", async () => {
  assert.equal((await run([])).code, 2);
  assert.equal((await run([tempFile("GET whoami\n"), "--bogus"])).code, 2);
  const unknown = await run([tempFile("GET whoami\n"), "--connection", "nowhere"]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /no connection "nowhere"/i);
});

test("run: relativeuri=1 (PRODUCT.md) — all pages fetched once each, and a chained relative href reaches the record", async () => {
  const file = tempFile(
    [
      "### all",
      "# @name all",
      "# @all-pages",
      'GET os/mxapiwodetail?lean=1&relativeuri=1&oslc.select=wonum&oslc.where=siteid="BEDFORD" and status="APPR"&oslc.pageSize=40&collectioncount=1',
      "",
      "### first",
      "# @name first",
      "GET os/mxapidomain?lean=1&relativeuri=1&oslc.where=domainid=\"WOSTATUS\"",
      "",
      "### values",
      "# @expect status 200",
      "# @expect body.member.length == 10",
      "GET {{first.response.body.member[0].href}}/synonymdomain?lean=1&relativeuri=1&oslc.select=value",
      "",
    ].join("\n"),
  );
  emu.log.clear();
  const result = await run([file, "--connection", emu.url]);
  assert.equal(result.code, 0, result.stdout + result.stderr);
  assert.match(result.stdout, /^3 passed, 0 failed$/m);
  const paths = emu.log.list().map((r) => `${r.path}?${r.query}`);
  assert.ok(paths.every((p) => !p.includes("/oslc/os/oslc/") && !p.includes("/api/oslc/")), paths.join("\n"));
  const pageRequests = paths.filter((p) => p.startsWith("/maximo/") && p.includes("/os/mxapiwodetail?"));
  const pagenos = pageRequests.map((p) => /[?&]pageno=(\d+)/.exec(p)?.[1] ?? "1");
  const total = /(\d+) members in (\d+) page/.exec(result.stdout);
  assert.ok(total && Number(total[2]) > 1, result.stdout);
  assert.deepEqual(pagenos, Array.from({ length: Number(total[2]) }, (_, i) => String(i + 1)));
  assert.ok(paths.some((p) => /^\/maximo\/(oslc|api)\/os\/mxapidomain\/_V09TVEFUVVM-\/synonymdomain\?/.test(p)), paths.join("\n"));
});

test("run: --name runs one request and the named requests it chains to", async () => {
  const file = tempFile(
    ["### first", "# @name first", "GET os/mxapiwodetail?lean=1&oslc.select=wonum&oslc.pageSize=1", "", "### other", "GET whoami", "", "### second", "# @name second", "# @expect status 200", "GET {{first.response.body.member[0].href}}?lean=1", ""].join("\n"),
  );
  const result = await run([file, "--connection", emu.url, "--name", "second"]);
  assert.equal(result.code, 0, result.stdout);
  assert.match(result.stdout, /^PASS .* first /m);
  assert.match(result.stdout, /^PASS .* second /m);
  assert.doesNotMatch(result.stdout, / other /);
  assert.match(result.stdout, /^2 passed, 0 failed$/m);
  assert.ok(existsSync(file));
});
