// `maximo import` as a user runs it: a curl command (a file or stdin) or a Postman collection to
// .maximo text on stdout or --out; and the round trip: a curl command against the emulator,
// imported, then sent by `maximo run` through a connection that signs in (no key in the file).
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { runCli } from "../../client/src/cli/main";
import { startEmulator, type EmulatorHandle } from "../../emulator/index";
import { defaultOptions } from "../../emulator/emulator";

const root = process.env.MAXIMO_WORKBENCH_ROOT ?? process.cwd();
const APIKEY = "emulator-apikey";
let emu: EmulatorHandle;

before(async () => {
  emu = await startEmulator({ port: 0, options: defaultOptions() });
});
after(() => emu.close());

async function cli(args: string[], options: { stdin?: string; env?: Record<string, string>; cwd?: string } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, (t) => out.push(t), (t) => err.push(t), {
    env: options.env ?? {},
    cwd: options.cwd ?? root,
    ...(options.stdin !== undefined ? { stdin: async () => options.stdin! } : {}),
  });
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

test("import - reads a curl command from stdin and prints .maximo text", async () => {
  const result = await cli(["import", "-"], { stdin: `curl -H 'apikey: stdin-key-1' 'https://mx.example.test/maximo/api/os/mxapiasset?lean=1&oslc.select=assetnum'\n` });
  assert.equal(result.code, 0, result.stderr);
  assert.ok(!result.stdout.includes("stdin-key-1"));
  assert.match(result.stdout, /^GET os\/mxapiasset\?lean=1$/m);
  assert.match(result.stdout, /^    &oslc\.select=assetnum$/m);
});

test("import FILE --out writes the file once; --force replaces it; a Postman collection is recognised", async () => {
  const dir = mkdtempSync(join(tmpdir(), "maximo-import-"));
  const first = await cli(["import", join(root, "test/fixtures/import/workorders.postman_collection.json"), "--out", "wo.maximo"], { cwd: dir });
  assert.equal(first.code, 0, first.stderr);
  assert.equal(first.stdout, "");
  assert.match(first.stderr, /Imported 6 requests from a Postman collection into wo\.maximo\./);
  assert.match(readFileSync(join(dir, "wo.maximo"), "utf8"), /^### Work orders \/ Changes \/ Create$/m);

  const again = await cli(["import", join(root, "test/fixtures/import/workorders.postman_collection.json"), "--out", "wo.maximo"], { cwd: dir });
  assert.equal(again.code, 2);
  assert.match(again.stderr, /wo\.maximo exists; choose another --out or add --force/);
  const forced = await cli(["import", join(root, "test/fixtures/import/workorders.postman_collection.json"), "--out", "wo.maximo", "--force"], { cwd: dir });
  assert.equal(forced.code, 0);
});

test("import: usage errors and input that is neither curl nor Postman exit 2 with a sentence", async () => {
  assert.equal((await cli(["import"])).code, 2);
  assert.equal((await cli(["import", "a", "b"])).code, 2);
  assert.equal((await cli(["import", "-", "--bogus"], { stdin: "curl http://x" })).code, 2);
  const wrong = await cli(["import", "-"], { stdin: "GET http://127.0.0.1/x\n" });
  assert.equal(wrong.code, 2);
  assert.match(wrong.stderr, /No curl command found/);
  const escaped = await cli(["import", "-"], { stdin: "curl '\x1b[2Jhttp://x" });
  assert.equal(escaped.code, 2);
  assert.ok(!escaped.stderr.includes("\x1b"), "no raw ESC reaches the terminal");
});

test("round trip: a curl command against the emulator, imported, then run through a connection", async () => {
  const dir = mkdtempSync(join(tmpdir(), "maximo-import-run-"));
  const command = [
    `curl -s -H 'apikey: ${APIKEY}' \\`,
    `  '${emu.url}/oslc/os/mxapiwodetail?lean=1&oslc.select=wonum,status&oslc.where=status%3D%22APPR%22&oslc.pageSize=2'`,
  ].join("\n");
  writeFileSync(join(dir, "copied.sh"), command);
  const imported = await cli(["import", "copied.sh", "--out", "copied.maximo"], { cwd: dir });
  assert.equal(imported.code, 0, imported.stderr);
  const text = readFileSync(join(dir, "copied.maximo"), "utf8");
  assert.ok(!text.includes(APIKEY), `no key in the file:\n${text}`);
  assert.ok(existsSync(join(dir, "copied.maximo")));

  const run = await cli(["run", "copied.maximo", "--connection", emu.url, "--out", join(dir, "out")], { cwd: dir, env: { MAXIMO_APIKEY: APIKEY } });
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.match(run.stdout, /1 passed, 0 failed/);
  const sent = emu.log.list().filter((request) => request.path.includes("mxapiwodetail"));
  const last = sent[sent.length - 1]!;
  assert.equal(new URLSearchParams(last.query).get("oslc.where"), 'status="APPR"');
  assert.equal(last.headers["apikey"], APIKEY, "the connection signed in");
});
