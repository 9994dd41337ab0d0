/**
 * `maximo deploy` and `maximo extract`: the built dist/cli.js spawned against an in-process
 * emulator, as a pipeline runs it (build first: `node esbuild.mjs`). Exit codes as `maximo
 * --help` documents them: 0 success, 1 failed or refused, 2 usage, 3 conflict / local file kept.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, beforeEach, describe, test } from "node:test";
import type { EmulatorHandle } from "../../emulator/index";
import { spawnCli, startEmulatorWithKey, type CliResult } from "./emulatorWithKey";

// A key invented for this test and registered only with the in-process emulator below: not a real secret.
const APIKEY = "emulator-test-key-cli-scripts";
let emu: EmulatorHandle;

before(async () => {
  emu = await startEmulatorWithKey(APIKEY);
});
after(() => emu.close());
beforeEach(() => emu.reset());

function maximo(args: string[], cwd: string, env: Record<string, string> = { MAXIMO_APIKEY: APIKEY }): Promise<CliResult> {
  return spawnCli(args, cwd, env);
}

function project(readOnly = false): string {
  const dir = mkdtempSync(join(tmpdir(), "maximo-cli-scripts-"));
  writeFileSync(join(dir, "maximo.connections.json"), JSON.stringify({ connections: [{ name: "dev", url: emu.url, auth: "apikey", readOnly }] }));
  return dir;
}

function write(dir: string, path: string, text: string): string {
  mkdirSync(join(dir, path, ".."), { recursive: true });
  writeFileSync(join(dir, path), text);
  return path;
}

function script(name: string, body: string): string {
  return `${body}\n\nvar scriptConfig = {\n    "autoscript": "${name}",\n    "description": "CLI test script",\n    "active": true\n};\n`;
}

async function changeOnServer(name: string, source: string): Promise<void> {
  const list = await fetch(`${emu.url}/oslc/os/mxscript?lean=1&oslc.where=${encodeURIComponent(`autoscript="${name}"`)}`, { headers: { apikey: APIKEY } });
  const href = ((await list.json()) as { member: Array<{ href: string }> }).member[0]!.href;
  const response = await fetch(`${href}?lean=1`, { method: "POST", headers: { apikey: APIKEY, "x-method-override": "PATCH", patchtype: "MERGE", "content-type": "application/json" }, body: JSON.stringify({ source }) });
  assert.equal(response.status, 204);
}

function assertNoSecret(...texts: string[]): void {
  for (const text of texts) assert.ok(!text.includes(APIKEY), `the apikey was printed:\n${text}`);
}

describe("maximo --help", () => {
  test("documents deploy, extract and their exit codes", async () => {
    const result = await maximo(["--help"], tmpdir());
    assert.equal(result.code, 0);
    assert.match(result.stdout, /maximo deploy FILE\.\.\. \[--connection NAME\|URL\] \[--force\]/);
    assert.match(result.stdout, /maximo extract \[NAME\.\.\.\] \[--connection NAME\|URL\] \[--out DIR\]/);
    assert.match(result.stdout, /Exit codes: 0 success; 1 .*; 2 usage or\s+file error; 3 deploy: the server copy changed/);
  });
});

describe("maximo deploy", () => {
  test("creates, then reports a server change as a conflict (exit 3, nothing written) until --force, which backs the server copy up", async () => {
    const dir = project();
    const file = write(dir, "scripts/cli_one.js", script("MXWB_CLI_ONE", "var v = 1;"));
    const first = await maximo(["deploy", file, "--connection", "dev"], dir);
    assert.equal(first.code, 0, first.stdout + first.stderr);
    assert.match(first.stdout, /^deployed {2}scripts\/cli_one\.js: Deployed MXWB_CLI_ONE to dev$/m);
    assert.equal(emu.emulator.store.findByKey("autoscript", ["MXWB_CLI_ONE"])!.status, "Active");
    const state = JSON.parse(readFileSync(join(dir, ".maximo", "state.json"), "utf8")) as { servers: Record<string, Record<string, { file: string; kind: string }>> };
    assert.deepEqual(Object.values(state.servers)[0]!.MXWB_CLI_ONE!.file, "scripts/cli_one.js");

    await changeOnServer("MXWB_CLI_ONE", "var theirs = true;\n");
    write(dir, file, script("MXWB_CLI_ONE", "var v = 2;"));
    emu.log.clear();
    const conflict = await maximo(["deploy", file], dir);
    assert.equal(conflict.code, 3, conflict.stdout + conflict.stderr);
    assert.match(conflict.stdout, /^CONFLICT {2}scripts\/cli_one\.js: MXWB_CLI_ONE on dev was changed by someone else/m);
    assert.match(conflict.stdout, /deploy with --force to overwrite it/);
    assert.ok(emu.log.list().every((r) => r.method === "GET"), "nothing was written");
    assert.equal(emu.emulator.store.findByKey("autoscript", ["MXWB_CLI_ONE"])!.source, "var theirs = true;\n");

    const forced = await maximo(["deploy", file, "--force"], dir);
    assert.equal(forced.code, 0, forced.stdout + forced.stderr);
    assert.match(forced.stdout, /backup of the server's previous source: .*MXWB_CLI_ONE-\d{8}T\d{9}Z\.js/);
    const backups = readdirSync(join(dir, ".maximo", "backups"));
    assert.equal(readFileSync(join(dir, ".maximo", "backups", backups[0]!), "utf8"), "var theirs = true;\n");
    assert.equal(emu.emulator.store.findByKey("autoscript", ["MXWB_CLI_ONE"])!.source, readFileSync(join(dir, file), "utf8"));
    assertNoSecret(first.stdout, first.stderr, conflict.stdout, forced.stdout);
  });

  test("an update the server answers 2xx but does not apply (a key it ignores) is FAILED naming the field, exit 1", async () => {
    const dir = project();
    const file = write(dir, "scripts/cli_ign.js", script("MXWB_CLI_IGN", "var v = 1;"));
    assert.equal((await maximo(["deploy", file, "--connection", "dev"], dir)).code, 0);
    emu.addFault({ path: "*", kind: "ignoreField", attribute: "description", os: "mxscript" });
    write(dir, file, script("MXWB_CLI_IGN", "var v = 2;").replace("CLI test script", "A new description"));
    const result = await maximo(["deploy", file], dir);
    assert.equal(result.code, 1, result.stdout + result.stderr);
    assert.match(result.stdout, /^FAILED {2}scripts\/cli_ign\.js: Deploying MXWB_CLI_IGN to dev failed at the source step: the server answered success but did not apply description\b/m);
    assert.match(result.stdout, /FAILED {2}source: .*kept its previous description/);
    assert.doesNotMatch(result.stdout, /^deployed/m);
    assert.equal(emu.emulator.store.findByKey("autoscript", ["MXWB_CLI_IGN"])!.description, "CLI test script");
    assertNoSecret(result.stdout, result.stderr);
  });

  test("several files: one refused makes the run exit 1, the others still deploy", async () => {
    const dir = project();
    const good = write(dir, "good.py", "x = 1\n");
    const bad = write(dir, "notes.txt", "not a script");
    const result = await maximo(["deploy", bad, good, "--connection", emu.url], dir);
    assert.equal(result.code, 1, result.stdout + result.stderr);
    assert.match(result.stdout, /^REFUSED {2}notes\.txt: notes\.txt is not an automation script file/m);
    assert.match(result.stdout, /^deployed {2}good\.py: Deployed GOOD to /m);
    assert.ok(emu.emulator.store.findByKey("autoscript", ["GOOD"]));
  });

  test("a read-only connection is refused before any request (exit 1)", async () => {
    const dir = project(true);
    const file = write(dir, "ro.js", script("MXWB_CLI_RO", "var a;"));
    const result = await maximo(["deploy", file], dir);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /connection "dev" is read-only; the CLI does not deploy to it/);
    assert.equal(emu.log.list().length, 0);
  });

  test("usage errors exit 2", async () => {
    const dir = project();
    assert.equal((await maximo(["deploy"], dir)).code, 2);
    const unknown = await maximo(["deploy", "a.js", "--all-pages"], dir);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /deploy does not know --all-pages/);
    assert.equal((await maximo(["deploy", "missing.js"], dir)).code, 2);
  });
});

describe("maximo extract", () => {
  test("all scripts to --out; deploy → extract round-trips byte for byte; a differing local file is kept (exit 3) until --force", async () => {
    const dir = project();
    const text = script("MXWB_CLI_TRIP", "// round trip\r\nvar x = 'é';");
    const file = write(dir, "src/trip.js", text);
    assert.equal((await maximo(["deploy", file], dir)).code, 0);

    const all = await maximo(["extract", "--connection", "dev", "--out", "out"], dir);
    assert.equal(all.code, 0, all.stdout + all.stderr);
    assert.match(all.stdout, /^written {2}MXWB_CLI_TRIP {2}out\/MXWB_CLI_TRIP\.js$/m);
    assert.match(all.stdout, /^8 of 8 scripts extracted to out$/m);
    assert.deepEqual(readFileSync(join(dir, "out", "MXWB_CLI_TRIP.js")), Buffer.from(text, "utf8"));
    assert.match(readFileSync(join(dir, "out", "MXWB_HELLO.py"), "utf8"), /scriptConfig = """\{\n {4}"autoscript": "MXWB_HELLO"/);

    writeFileSync(join(dir, "out", "MXWB_HELLO.py"), "# local work\n");
    const kept = await maximo(["extract", "MXWB_HELLO", "countofwoandsr", "--out", "out"], dir);
    assert.equal(kept.code, 3, kept.stdout + kept.stderr);
    assert.match(kept.stdout, /^KEPT {2}MXWB_HELLO {2}out\/MXWB_HELLO\.py: the file exists with other content; it was kept\. Use --force to replace it\.$/m);
    assert.match(kept.stdout, /^current {2}COUNTOFWOANDSR {2}out\/COUNTOFWOANDSR\.js$/m);
    assert.equal(readFileSync(join(dir, "out", "MXWB_HELLO.py"), "utf8"), "# local work\n");
    const forced = await maximo(["extract", "MXWB_HELLO", "--out", "out", "--force"], dir);
    assert.equal(forced.code, 0);
    assert.notEqual(readFileSync(join(dir, "out", "MXWB_HELLO.py"), "utf8"), "# local work\n");

    const missing = await maximo(["extract", "NO_SUCH", "--out", "out"], dir);
    assert.equal(missing.code, 1);
    assert.match(missing.stdout, /^FAILED {2}NO_SUCH: There is no automation script NO_SUCH on dev\.$/m);
    assertNoSecret(all.stdout, all.stderr, kept.stdout, missing.stdout);
  });
});
