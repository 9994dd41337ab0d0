// `maximo run --server-log` (thread logging, JSON API reference §23): each request's lines
// printed indented under its result line, `--out` writes them next to the body as `.log`,
// `# @server-log` captures one request without the flag, logging is off on the server after the
// run, and a server that refuses is said once while the requests still pass.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, beforeEach, test } from "node:test";
import { runCli } from "../../client/src/cli/main";
import { startEmulator, type EmulatorHandle } from "../../emulator/index";

const APIKEY = "emulator-apikey";
let emu: EmulatorHandle;
before(async () => {
  emu = await startEmulator({ port: 0, options: { workOrders: 40 } });
});
after(() => emu.close());
beforeEach(() => emu.reset());

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(["run", ...args, "--connection", emu.url], (t) => out.push(t), (t) => err.push(t), { env: { MAXIMO_APIKEY: APIKEY }, cwd: tmpdir() });
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

function file(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "maximo-serverlog-"));
  const path = join(dir, "log.maximo");
  writeFileSync(path, text);
  return path;
}

const requests = `### approved
# @name approved
GET os/mxapiwodetail?lean=1&oslc.where=status="APPR"&oslc.select=wonum&oslc.orderBy=-wonum

### who
# @name who
GET whoami
`;

test("--server-log prints each request's lines indented under its result line, and turns logging off after the run", async () => {
  const result = await run([file(requests), "--server-log"]);
  assert.equal(result.code, 0, result.stdout + result.stderr);
  const lines = result.stdout.split("\n");
  const first = lines.findIndex((line) => line.startsWith("PASS") && line.includes("approved"));
  const second = lines.findIndex((line) => line.startsWith("PASS") && / who\b/.test(line));
  assert.ok(first >= 0 && second > first, result.stdout);
  const firstBlock = lines.slice(first + 1, second).join("\n");
  assert.match(firstBlock, /^ {4}server log \(\d+ lines\):$/m);
  assert.match(firstBlock, /^ {6}\d{2} \w{3} \d{4} .*\[maximo\.sql\] select \* from workorder where \(status = 'APPR'\) order by wonum desc$/m);
  assert.doesNotMatch(firstBlock, /whoami/, "the second request's lines are not under the first");
  assert.match(lines.slice(second + 1).join("\n"), /OSLC request GET \/maximo\/(oslc|api)\/whoami/);
  assert.deepEqual(emu.emulator.threadLogs?.enabled("MAXADMIN"), [], "logging is off on the server after the run");
  assert.ok(!result.stdout.includes(APIKEY));
});

test("--out writes each request's lines next to its body as NAME.log", async () => {
  const out = mkdtempSync(join(tmpdir(), "maximo-serverlog-out-"));
  const result = await run([file(requests), "--server-log", "--out", out]);
  assert.equal(result.code, 0, result.stdout + result.stderr);
  const logs = readdirSync(out).filter((name) => name.endsWith(".log")).sort();
  assert.equal(logs.length, 2, JSON.stringify(readdirSync(out)));
  assert.match(logs[0]!, /^log-01-approved\.log$/);
  assert.match(readFileSync(join(out, logs[0]!), "utf8"), /select \* from workorder where \(status = 'APPR'\)/);
});

test("# @server-log captures one request without the flag", async () => {
  const result = await run([file(`### one\n# @server-log\nGET whoami\n\n### two\nGET systeminfo\n`)]);
  assert.equal(result.code, 0, result.stdout + result.stderr);
  assert.match(result.stdout, /server log \(\d+ lines?\):\n.*OSLC request GET \/maximo\/(oslc|api)\/whoami/);
  assert.equal((result.stdout.match(/server log/g) ?? []).length, 1, "only the request with the directive");
});

test("a server refusing thread logging is said once; every request still passes", async () => {
  emu.addFault({ path: "*/log/enablelogs", kind: "error", status: 403, reasonCode: "BMXAA0021E", message: "Not authorized." });
  const result = await run([file(requests), "--server-log"]);
  assert.equal(result.code, 0, result.stdout + result.stderr);
  assert.match(result.stdout, /^2 passed, 0 failed$/m);
  assert.equal((result.stderr.match(/Server log capture is off/g) ?? []).length, 1, result.stderr);
  assert.doesNotMatch(result.stdout, /server log/);
});

test("control characters in server log lines are shown escaped", async () => {
  const result = await run([file(`### bell\n# @server-log\nGET os/mxapiwodetail?lean=1&oslc.where=description="\u0007\u001b[31mred"\n`)]);
  assert.ok(!result.stdout.includes("\u001b"), "no raw ESC reaches the terminal");
  assert.ok(!result.stdout.includes("\u0007"), "no raw BEL");
});
