// `maximo export` in-process (runCli with captured output) against an in-process emulator.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { runCli } from "../../client/src/cli/main";
import { startEmulator, type EmulatorHandle } from "../../emulator/index";
import { filesIn, readCsv, readJson, readXlsx, scratchDir } from "../client/export/support";
import { cliBundle } from "./emulatorWithKey";

const APIKEY = "emulator-apikey";
let emu: EmulatorHandle;

before(async () => {
  emu = await startEmulator({ port: 0, options: { workOrders: 30 } });
});
after(() => emu.close());

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

async function maximo(args: string[], cwd: string): Promise<Result> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, (t) => out.push(t), (t) => err.push(t), { env: { MAXIMO_APIKEY: APIKEY }, cwd, progress: () => undefined });
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

const QUERY = [
  "### Work orders",
  "# @name wos",
  "GET os/mxapiwodetail?lean=1&oslc.select=wonum,siteid,description,status,wopriority&oslc.where=siteid=\"BEDFORD\"&oslc.orderBy=+wonum&oslc.pageSize=5&collectioncount=1",
  "",
  "### Who",
  "# @name who",
  "GET whoami",
  "",
].join("\n");

function workspace(text = QUERY): string {
  const dir = scratchDir();
  writeFileSync(join(dir, "wos.maximo"), text);
  return dir;
}

/** The server's count for the query, asked with count=1 (reference §4.1). */
async function serverCount(): Promise<number> {
  const response = await fetch(`${emu.url}/oslc/os/mxapiwodetail?lean=1&count=1&oslc.where=${encodeURIComponent('siteid="BEDFORD"')}`, { headers: { apikey: APIKEY } });
  return ((await response.json()) as { totalCount: number }).totalCount;
}

test("export: every page to CSV, the summary names rows, pages and columns; the file reads back", async () => {
  const dir = workspace();
  const result = await maximo(["export", "wos.maximo", "--name", "wos", "--out", "wos.csv", "--connection", emu.url], dir);
  assert.equal(result.code, 0, result.stderr);
  const total = await serverCount();
  assert.ok(total > 10, `only ${total} work orders`);
  const pages = Math.ceil(total / 5);
  assert.match(result.stdout, new RegExp(`^Exported ${total} rows \\(${pages} pages, \\d+\\.\\d s\\) to wos\\.csv$`, "m"));
  assert.match(result.stdout, /^ {2}5 columns: wonum, siteid, description, status, wopriority$/m);
  const [header, ...rows] = readCsv(join(dir, "wos.csv"));
  assert.deepEqual(header, ["wonum", "siteid", "description", "status", "wopriority"]);
  assert.equal(rows.length, total);
  assert.equal(new Set(rows.map((row) => row[0])).size, total, "each work order once");
  assert.ok(rows.every((row) => row[1] === "BEDFORD"));
});

test("export: the format comes from --format or the extension of --out; XLSX and JSON read back with the same rows", async () => {
  const dir = workspace();
  assert.equal((await maximo(["export", "wos.maximo", "--name", "wos", "--out", "a.csv", "--connection", emu.url], dir)).code, 0);
  assert.equal((await maximo(["export", "wos.maximo", "--name", "wos", "--format", "xlsx", "--out", "b.sheet", "--connection", emu.url], dir)).code, 0);
  assert.equal((await maximo(["export", "wos.maximo", "--name", "wos", "--out", "c.json", "--connection", emu.url], dir)).code, 0);
  const csv = readCsv(join(dir, "a.csv"));
  const xlsx = (await readXlsx(join(dir, "b.sheet"))).map((row) => row.map((cell) => (cell === null ? "" : String(cell))));
  assert.deepEqual(xlsx, csv);
  const json = readJson(join(dir, "c.json"));
  assert.deepEqual(
    json.map((row) => csv[0]!.map((name) => (row[name] === undefined ? "" : String(row[name])))),
    csv.slice(1),
  );
});

test("export --explode: one row per planned labor line", async () => {
  const dir = workspace(["GET os/mxapiwodetail?lean=1&oslc.select=wonum,siteid,wplabor{laborcode,laborhrs}&oslc.where=siteid=\"BEDFORD\"&oslc.orderBy=+wonum&oslc.pageSize=4", ""].join("\n"));
  const result = await maximo(["export", "wos.maximo", "--out", "labor.csv", "--explode", "wplabor", "--connection", emu.url], dir);
  assert.equal(result.code, 0, result.stderr);
  const match = /^Exported (\d+) rows from (\d+) records/m.exec(result.stdout);
  assert.ok(match && Number(match[1]) > Number(match[2]), result.stdout);
  assert.deepEqual(readCsv(join(dir, "labor.csv"))[0], ["wonum", "siteid", "wplabor.laborcode", "wplabor.laborhrs"]);
});

test("export: a failing query is one sentence, exit 1, and the earlier file stays as it was", async () => {
  const dir = workspace(["GET os/mxapiwodetail?lean=1&oslc.select=wonum&oslc.where=nosuchattribute=\"X\"", ""].join("\n"));
  writeFileSync(join(dir, "wos.csv"), "before\n");
  const result = await maximo(["export", "wos.maximo", "--out", "wos.csv", "--connection", emu.url], dir);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /^maximo: The query failed with HTTP 400: BMXAA\d{4}E .*; export stopped and \S*wos\.csv was not written\.$/);
  assert.equal(result.stderr.split("\n").length, 1);
  assert.equal(readFileSync(join(dir, "wos.csv"), "utf8"), "before\n");
  assert.deepEqual(filesIn(dir), ["wos.csv", "wos.maximo"]);
});

test("export: usage errors exit 2 with a sentence (no --out, unknown format, several requests without --name, a write)", async () => {
  const dir = workspace();
  const cases: Array<[string[], RegExp]> = [
    [["export", "wos.maximo", "--name", "wos"], /export needs --out PATH/],
    [["export", "wos.maximo", "--name", "wos", "--out", "x.txt"], /export needs --format csv\|xlsx\|json/],
    [["export", "wos.maximo", "--name", "wos", "--out", "x.csv", "--format", "xml"], /--format xml is not one of csv, xlsx, json/],
    [["export", "wos.maximo", "--out", "x.csv"], /wos\.maximo has 2 requests; pick the query with --name \(wos, who\)/],
    [["export", "wos.maximo", "--name", "nope", "--out", "x.csv"], /no request is named "nope"/],
  ];
  for (const [args, message] of cases) {
    const result = await maximo([...args, "--connection", emu.url], dir);
    assert.equal(result.code, 2, args.join(" "));
    assert.match(result.stderr, message);
  }
  const write = workspace(["POST os/mxapiwodetail?lean=1", "Content-Type: application/json", "", '{"description": "x"}', ""].join("\n"));
  const refused = await maximo(["export", "wos.maximo", "--out", "x.csv", "--connection", emu.url], write);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /^maximo: Export runs a query \(GET\); this request is POST, so nothing was exported\.$/);
  assert.equal(existsSync(join(write, "x.csv")), false);
});

test("export through dist/cli.js: an XLSX export prints the summary and nothing on stderr (no library deprecation warning)", async () => {
  const dir = workspace();
  const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>((resolve, reject) =>
    execFile(process.execPath, [cliBundle, "export", "wos.maximo", "--name", "wos", "--out", "wos.xlsx", "--connection", emu.url], { cwd: dir, env: { PATH: process.env.PATH, MAXIMO_APIKEY: APIKEY } }, (error, out, err) =>
      error ? reject(new Error(`${error.message}\n${err}`)) : resolve({ stdout: out, stderr: err }),
    ),
  );
  assert.match(stdout, /^Exported \d+ rows \(\d+ pages, [\d.]+ s\) to wos\.xlsx$/m);
  assert.equal(stderr, "");
  assert.ok(existsSync(join(dir, "wos.xlsx")));
});

test("export: Ctrl-C stops it with one sentence, exit 1, and leaves no file", async () => {
  const dir = workspace();
  let stop: (() => void) | undefined;
  const err: string[] = [];
  const code = await runCli(["export", "wos.maximo", "--name", "wos", "--out", "wos.csv", "--connection", emu.url], () => undefined, (t) => err.push(t), {
    env: { MAXIMO_APIKEY: APIKEY },
    cwd: dir,
    // The first progress line (page 1 written) is when the user presses Ctrl-C.
    progress: (line) => line !== "" && stop?.(),
    onInterrupt: (handler) => {
      stop = handler;
      return () => (stop = undefined);
    },
  });
  assert.equal(code, 1);
  assert.match(err.join("\n"), /^maximo: Export cancelled after 5 row\(s\); \S*wos\.csv was not written\.$/);
  assert.deepEqual(filesIn(dir), ["wos.maximo"]);
  assert.equal(stop, undefined, "the interrupt handler is released");
});
