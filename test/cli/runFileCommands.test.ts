// `maximo run` of JetBrains HTTP Client `import` / `run` lines (IntelliJ 2024.1+; jetbrains.com/help
// "Import and run requests", http-files.org/spec/imports): `run #X` sends the request named X (of
// this file or an imported one) with `(@var=value)` applied; `run ./other.http#Y` sends Y of that
// file; `run ./other.http` every request of it; `import` alone sends nothing. Against an in-process
// emulator, whose request log shows what went on the wire.
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../../client/src/cli/main";
import { startEmulator, type EmulatorHandle } from "../../emulator/index";

const APIKEY = "emulator-apikey";
let emu: EmulatorHandle;

before(async () => {
  emu = await startEmulator({ port: 0 });
});
after(() => emu.close());
beforeEach(() => emu.log.clear());

async function run(file: string): Promise<{ code: number; stdout: string }> {
  const out: string[] = [];
  const code = await runCli(["run", file, "--connection", emu.url], (t) => out.push(t), (t) => out.push(t), { env: { MAXIMO_APIKEY: APIKEY }, cwd: join(file, "..") });
  return { code, stdout: out.join("\n") };
}

/** Writes the files into a fresh folder; returns the folder. */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "maximo-jbrun-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** The where clauses the emulator received, in order (each request below asks for one site). */
function sitesSent(): string[] {
  return emu.log.list().map((r) => decodeURIComponent(new URLSearchParams(r.query).get("oslc.where") ?? r.path));
}

const SITE_QUERY = 'GET os/mxapiasset?lean=1&oslc.pageSize=1&oslc.where=siteid="{{site}}"';

test("run #X sends the request named X of this file with the override applied; the file's own copy runs too, unchanged", async () => {
  const dir = folder({
    "main.maximo": ["@site = BEDFORD", "", "### Assets", SITE_QUERY, "", "###", "run #Assets (@site=NASHUA)", ""].join("\n"),
  });
  const result = await run(join(dir, "main.maximo"));
  assert.equal(result.code, 0, result.stdout);
  assert.deepEqual(sitesSent(), ['siteid="BEDFORD"', 'siteid="NASHUA"']);
  // One result line per request sent, named by the file and line of the request.
  assert.match(result.stdout, /^PASS {2}main\.maximo:4 Assets {2}GET {2}200 OK/m);
  assert.equal(result.stdout.match(/^PASS .*main\.maximo:4 Assets/gm)?.length, 2, result.stdout);
  assert.match(result.stdout, /^2 passed, 0 failed$/m);
});

test("run #X finds X in an imported file; an override's {{value}} is filled in where the run line stands", async () => {
  const dir = folder({
    "assets.http": ["@site = BEDFORD", "", "### Assets", SITE_QUERY, "", "### Other", "GET os/mxapiasset?lean=1&oslc.pageSize=1&oslc.where=siteid=\"OTHER\"", ""].join("\n"),
    "main.maximo": ["@mine = TEXAS", "import ./assets.http", "", "###", "run #Assets (@site={{mine}})", ""].join("\n"),
  });
  const result = await run(join(dir, "main.maximo"));
  assert.equal(result.code, 0, result.stdout);
  // The import alone sent nothing: only the named request went out, with the override.
  assert.deepEqual(sitesSent(), ['siteid="TEXAS"']);
  assert.match(result.stdout, /^PASS {2}assets\.http:4 Assets {2}GET {2}200 OK/m);
});

test("run ./other.http#Y sends Y of that file (with its own variables); run ./other.http sends each of its requests", async () => {
  const dir = folder({
    "other.http": ["@site = BEDFORD", "", "### First", SITE_QUERY, "", "### Second", 'GET os/mxapiasset?lean=1&oslc.pageSize=1&oslc.where=siteid="SECOND"', ""].join("\n"),
    "main.maximo": ["run ./other.http#Second", "", "###", "run ./other.http (@site=NASHUA)", ""].join("\n"),
  });
  const result = await run(join(dir, "main.maximo"));
  assert.equal(result.code, 0, result.stdout);
  assert.deepEqual(sitesSent(), ['siteid="SECOND"', 'siteid="NASHUA"', 'siteid="SECOND"']);
  assert.match(result.stdout, /^3 passed, 0 failed$/m);
});

test("an import alone sends nothing; the importing file reads the imported file's variables", async () => {
  const dir = folder({
    "vars.http": ["@site = NASHUA", "", "### Never sent here", 'GET os/mxapiasset?oslc.where=siteid="IMPORTED"', ""].join("\n"),
    "main.maximo": ["import ./vars.http", "", "### Mine", SITE_QUERY, ""].join("\n"),
  });
  const result = await run(join(dir, "main.maximo"));
  assert.equal(result.code, 0, result.stdout);
  assert.deepEqual(sitesSent(), ['siteid="NASHUA"']);
  assert.match(result.stdout, /^1 passed, 0 failed$/m);
});

test("files that run each other whole are a cycle: the error names the chain and nothing loops", async () => {
  const dir = folder({
    "a.http": ["### A", 'GET os/mxapiasset?lean=1&oslc.pageSize=1&oslc.where=siteid="A"', "", "###", "run ./b.http", ""].join("\n"),
    "b.http": ["### B", 'GET os/mxapiasset?lean=1&oslc.pageSize=1&oslc.where=siteid="B"', "", "###", "run ./a.http", ""].join("\n"),
  });
  const result = await run(join(dir, "a.http"));
  assert.equal(result.code, 1, result.stdout);
  assert.deepEqual(sitesSent(), ['siteid="A"', 'siteid="B"']);
  assert.match(result.stdout, /^FAIL {2}b\.http:5 run \.\/a\.http {2}run$/m);
  assert.match(result.stdout, /cycle: a\.http → b\.http → a\.http\./);
});

test("a run line naming no request or no file fails with a sentence, and the rest of the file still runs", async () => {
  const dir = folder({
    "main.maximo": ["run #Nope (@password=Sekrit-1)", "", "###", "run ./missing.http#X", "", "###", "run #Mine (Sekrit-2", "", "### Mine", 'GET os/mxapiasset?lean=1&oslc.pageSize=1&oslc.where=siteid="MINE"', ""].join("\n"),
  });
  const result = await run(join(dir, "main.maximo"));
  assert.equal(result.code, 1, result.stdout);
  assert.deepEqual(sitesSent(), ['siteid="MINE"']);
  assert.match(result.stdout, /^ {4}No request named "Nope" in this file or the files it imports\.$/m);
  assert.match(result.stdout, /^ {4}\.\/missing\.http does not exist/m);
  // A malformed line (its `(` unclosed) is not run: sent without the variables it failed to set,
  // the request could go out with other values.
  assert.match(result.stdout, /^ {4}Not run: this run line is malformed/m);
  assert.match(result.stdout, /^1 passed, 3 failed$/m);
  // A failed line is named without its variables, parsed or not, whose values may be credentials.
  assert.match(result.stdout, /^FAIL {2}main\.maximo:1 run #Nope {2}run$/m);
  assert.doesNotMatch(result.stdout, /Sekrit-[12]/);
});
