/**
 * The CLI in any terminal and any pipeline: `--version`; control characters from files and
 * servers shown escaped on every print path (run, check, parse, deploy, extract, errors); a
 * closed pipe ends the process quietly; a missing connection told once per run. run/check/parse
 * in-process through runCli; the pipe and the top-level paths through the built dist/cli.js.
 */
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { runCli } from "../../client/src/cli/main";
import { terminalSafe } from "../../client/src/cli/terminalText";
import type { EmulatorHandle } from "../../emulator/index";
import { cliBundle, startEmulatorWithKey } from "./emulatorWithKey";

const root = process.env.MAXIMO_WORKBENCH_ROOT ?? process.cwd();
const cli = cliBundle;
// A key invented for this test and registered only with the in-process emulator below: not a real secret.
const APIKEY = "emulator-test-key-cli-safety";
let emu: EmulatorHandle;

before(async () => {
  emu = await startEmulatorWithKey(APIKEY);
});
after(() => emu.close());

/** Any character a terminal could act on: C0 but tab and line feed, DEL, C1, bidi controls. */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

function assertTerminalSafe(label: string, ...texts: string[]): void {
  for (const text of texts) {
    const at = text.search(RAW_CONTROL);
    assert.equal(at, -1, `${label}: a raw control character U+${text.charCodeAt(at).toString(16).padStart(4, "0")} reached the terminal in:\n${JSON.stringify(text)}`);
  }
}

async function cliInProcess(args: string[], cwd: string, env: Record<string, string> = { MAXIMO_APIKEY: APIKEY }) {
  const out: string[] = [];
  const err: string[] = [];
  const progress: string[] = [];
  const code = await runCli(args, (t) => out.push(t), (t) => err.push(t), { env, cwd, progress: (t) => progress.push(t) });
  return { code, stdout: out.join("\n"), stderr: err.join("\n"), progress: progress.join("\n") };
}

function spawnCli(args: string[], cwd: string, env: Record<string, string> = { MAXIMO_APIKEY: APIKEY }) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: "utf8", env: { PATH: process.env.PATH ?? "", ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const ESC = "\u001b";
const BEL = "\u0007";
const CSI8 = "\u009b";
const RLO = "\u202e";

/** A folder whose own name carries an escape sequence, as a cloned repository's could. */
function hostileDir(): string {
  const dir = join(mkdtempSync(join(tmpdir(), "maximo-safe-")), `work${ESC}]0;pwned${BEL}`);
  mkdirSync(dir);
  return dir;
}

test("--version prints the package version and exits 0", () => {
  const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
  const result = spawnCli(["--version"], root);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stdout, `${version}\n`);
  assert.match(spawnCli(["--help"], root).stdout, /maximo --version/);
});

test("terminalSafe writes every terminal control as \\uXXXX and leaves text, tabs and newlines alone", () => {
  assert.equal(terminalSafe(`a${ESC}[31mred${BEL}\r\b\u0000${CSI8}2J\u007f${RLO}txt.exe`), "a\\u001b[31mred\\u0007\\u000d\\u0008\\u0000\\u009b2J\\u007f\\u202etxt.exe");
  assert.equal(terminalSafe("wonum\t1001\nstatus ✓ APPR — Überprüfung 作業"), "wonum\t1001\nstatus ✓ APPR — Überprüfung 作業");
});

test("check: a file name and a request text with escape sequences print escaped; JSON stays valid and exact", async () => {
  const dir = hostileDir();
  const name = `orders${ESC}[2J${CSI8}.maximo`;
  writeFileSync(join(dir, name), `### title ${RLO}gnp.exe\nGET os/mxapiasset?oslc.orderBy=assetnum${ESC}[8m\n`);
  const text = await cliInProcess(["check", dir], dir);
  assertTerminalSafe("check text", text.stdout, text.stderr);
  // The sort parser quotes the stray characters back in its message, escape included.
  assert.equal(text.code, 1);
  assert.match(text.stdout, /orders\\u001b\[2J\\u009b\.maximo:2:\d+ error orderby\.unexpected-character \\u001b\[8 has no meaning/);
  const json = await cliInProcess(["check", dir, "--format", "json"], dir);
  assertTerminalSafe("check json", json.stdout);
  const items = JSON.parse(json.stdout) as Array<{ file: string }>;
  assert.equal(items[0]!.file, join(dir, name), "the JSON still names the file exactly");
});

test("check: one line per diagnostic, even for a file name holding a line break", async () => {
  const dir = mkdtempSync(join(tmpdir(), "maximo-lines-"));
  writeFileSync(join(dir, "two\nlines.maximo"), "FETCH os/mxapiasset\n");
  const result = await cliInProcess(["check", dir], dir);
  assert.equal(result.code, 1);
  const lines = result.stdout.split("\n");
  assert.equal(lines.length, 2, result.stdout);
  assert.ok(lines[0]!.startsWith(`${join(dir, "two lines.maximo")}:1:1 error maximo.unknown-method `), lines[0]);
  assert.match(lines[1]!, /^1 file\(s\) checked: 1 error/);
  const json = JSON.parse((await cliInProcess(["check", dir, "--format", "json"], dir)).stdout) as Array<{ file: string }>;
  assert.equal(json[0]!.file, join(dir, "two\nlines.maximo"), "the JSON names the file exactly");
});

test("parse: JSON output and its errors carry no raw control character", async () => {
  const dir = hostileDir();
  writeFileSync(join(dir, "a.maximo"), `GET os/x\nx-note: bell${BEL} c1${CSI8} rlo${RLO}\n`);
  const result = await cliInProcess(["parse", join(dir, "a.maximo")], dir);
  assertTerminalSafe("parse", result.stdout);
  const parsed = JSON.parse(result.stdout) as { requests: Array<{ headers: Array<{ value: string }> }> };
  assert.equal(parsed.requests[0]!.headers[0]!.value, `bell${BEL} c1${CSI8} rlo${RLO}`);
  const missing = await cliInProcess(["parse", join(dir, `gone${ESC}[5m.maximo`)], dir);
  assert.equal(missing.code, 2);
  assertTerminalSafe("parse error", missing.stderr);
  assert.match(missing.stderr, /gone\\u001b\[5m\.maximo/);
});

test("run: request names, Maximo messages echoing the URL, progress and the summary print escaped", async () => {
  const dir = hostileDir();
  writeFileSync(
    join(dir, "req.maximo"),
    [`### who${ESC}[31m`, `# @name who${BEL}`, "GET whoami", "", "### missing structure", `GET os/nosuch%1B[2Jthing?lean=1`, ""].join("\n"),
  );
  const result = await cliInProcess(["run", dir, "--connection", emu.url], dir);
  assert.equal(result.code, 1, result.stdout);
  assertTerminalSafe("run", result.stdout, result.stderr, result.progress);
  // The server's message names the object structure it could not find, escape included (BMXAA9301E).
  assert.match(result.stdout, /BMXAA9301E: .*NOSUCH\\u001b\[2JTHING/);
  assert.match(result.stdout, /^PASS .*who\\u0007/m);
});

test("deploy, extract and usage errors print escaped", async () => {
  const dir = hostileDir();
  writeFileSync(join(dir, "maximo.connections.json"), JSON.stringify({ connections: [{ name: "dev", url: emu.url, auth: "apikey" }] }));
  const scriptName = "SAFE_SCRIPT";
  writeFileSync(join(dir, `safe${ESC}[7m.py`), `print("x")\n\nscriptConfig = """{\n  "autoscript": "${scriptName}",\n  "description": "a${BEL}b"\n}"""\n`);
  const deploy = await cliInProcess(["deploy", `safe${ESC}[7m.py`], dir);
  assertTerminalSafe("deploy", deploy.stdout, deploy.stderr, deploy.progress);
  assert.match(deploy.stdout, /safe\\u001b\[7m\.py/);
  const extract = await cliInProcess(["extract", `NOPE${ESC}[41m`, "--out", "scripts"], dir);
  assertTerminalSafe("extract", extract.stdout, extract.stderr, extract.progress);
  assert.match(extract.stdout + extract.stderr, /NOPE\\u001b\[41M/i);
  const usage = await cliInProcess(["run", dir, `--bad${ESC}[2J`], dir);
  assert.equal(usage.code, 2);
  assertTerminalSafe("usage", usage.stderr);
  assert.match(usage.stderr, /--bad\\u001b\[2J/);
  const unknown = spawnCli([`frob${ESC}]0;x${BEL}`], dir);
  assert.equal(unknown.code, 2);
  assertTerminalSafe("unknown command (spawned)", unknown.stdout, unknown.stderr);
});

test("a closed pipe ends the CLI quietly: no stack trace, the SIGPIPE status 141", async () => {
  const dir = mkdtempSync(join(tmpdir(), "maximo-pipe-"));
  // Enough diagnostics to overflow any pipe buffer, so writing goes on after the reader left.
  const requests = Array.from({ length: 3000 }, (_, i) => `### r${i}\nGET os/mxapiwodetail?oslc.where=status="APPR" or status="X"\n`);
  writeFileSync(join(dir, "many.maximo"), requests.join("\n"));
  const child = spawn(process.execPath, [cli, "check", "many.maximo"], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  // The reader takes one chunk, as `head -1` does, and closes its end.
  child.stdout.once("data", () => child.stdout.destroy());
  const code = await new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)));
  assert.equal(stderr, "", "nothing on stderr");
  assert.equal(code, 141);
});

test("a missing connection is told once per run, not once per request", async () => {
  const dir = mkdtempSync(join(tmpdir(), "maximo-noconn-"));
  writeFileSync(join(dir, "a.maximo"), ["### one", "GET whoami", "", "### two", "GET os/mxapiasset", "", "### three", "GET os/mxapiwodetail", ""].join("\n"));
  writeFileSync(join(dir, "b.maximo"), ["### four", "GET whoami", ""].join("\n"));
  const result = await cliInProcess(["run", dir], dir, {});
  assert.equal(result.code, 1);
  const told = result.stdout.split("\n").filter((line) => /No connection is configured/.test(line));
  assert.equal(told.length, 1, result.stdout);
  assert.equal(result.stdout.split("\n").filter((line) => /the same connection problem/.test(line)).length, 3, result.stdout);
  assert.match(result.stdout, /^0 passed, 4 failed$/m);
});
