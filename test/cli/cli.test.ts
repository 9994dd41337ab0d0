// The CLI as a user runs it: the built dist/cli.js in a child process (npm test builds first).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = process.env.MAXIMO_WORKBENCH_ROOT ?? process.cwd();
const cli = join(root, "dist", "cli.js");

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", cwd: root });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempFile(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "maximo-cli-")), name);
  writeFileSync(path, text);
  return path;
}

const broken = [
  "### Good",
  "GET os/mxapiwodetail?oslc.where=status=\"APPR\"",
  "",
  "### Uses or",
  "GET os/mxapiwodetail?oslc.where=status=\"APPR\" or status=\"INPRG\"",
  "",
  "### Unsigned sort",
  "GET os/mxapiasset?oslc.orderBy=assetnum",
  "",
].join("\n");

test("check: the examples folder is clean and exits 0", () => {
  const result = run("check", "examples");
  assert.equal(result.code, 0, result.stdout + result.stderr);
  assert.match(result.stdout, /3 file\(s\) checked: 0 error\(s\)/);
});

test("check --format text: file:line:col severity code message, exit 1 on an error", () => {
  const file = tempFile("broken.maximo", broken);
  const result = run("check", file);
  assert.equal(result.code, 1);
  const lines = result.stdout.trim().split("\n");
  const or = lines.find((l) => l.includes("where.or-unsupported"));
  assert.ok(or, result.stdout);
  // PRODUCT.md: `or` fails on a real server with BMXAA8744E; column of `or` is 1-based.
  assert.ok(or.startsWith(`${file}:5:47 error where.or-unsupported `), or);
  assert.match(or, /BMXAA8744E/);
  assert.ok(lines.some((l) => l.startsWith(`${file}:8:`) && l.includes("orderby.missing-sign")), result.stdout);
});

test("check --format json: 0-based positions and the documented fields", () => {
  const file = tempFile("broken.maximo", broken);
  const result = run("check", file, "--format", "json");
  assert.equal(result.code, 1);
  const items = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
  const or = items.find((d) => d.code === "where.or-unsupported");
  assert.deepEqual(Object.keys(or!).sort(), ["character", "code", "endCharacter", "endLine", "file", "line", "message", "severity"]);
  assert.equal(or!.file, file);
  assert.equal(or!.line, 4);
  assert.equal(or!.character, 46);
  assert.equal(or!.endCharacter, 48);
  assert.equal(or!.severity, "error");
});

test("parse: requests with name, method, url, query, headers, body and range", () => {
  const file = tempFile(
    "one.maximo",
    "### Create\nPOST os/mxapiwodetail?lean=1\n  &oslc.where=status%3D%22APPR%22\nproperties: wonum\n\n{\"siteid\": \"{{site}}\"}\n",
  );
  const result = run("parse", file);
  assert.equal(result.code, 0, result.stderr);
  const parsed = JSON.parse(result.stdout);
  assert.equal(parsed.requests.length, 1);
  const [request] = parsed.requests;
  assert.equal(request.name, "Create");
  assert.equal(request.method, "POST");
  assert.deepEqual(request.query, [
    { key: "lean", value: "1" },
    { key: "oslc.where", value: 'status="APPR"' },
  ]);
  assert.deepEqual(request.headers, [{ name: "properties", value: "wonum" }]);
  assert.equal(request.body, '{"siteid": "{{site}}"}');
  assert.deepEqual(request.range.start, { line: 0, character: 0 });
  assert.deepEqual(parsed.diagnostics, []);
});

test("usage and file errors exit 2 with a sentence", () => {
  assert.equal(run().code, 2);
  const unknown = run("frobnicate");
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /unknown command "frobnicate"/);
  const missing = run("check", join(tmpdir(), "does-not-exist.maximo"));
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /cannot read .*does-not-exist\.maximo \(ENOENT\)/);
  assert.match(run("check", "examples", "--format", "xml").stderr, /--format must be text or json/);
});
