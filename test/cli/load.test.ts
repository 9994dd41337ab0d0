/**
 * `maximo load`: the built dist/cli.js spawned against an in-process emulator (build first:
 * `node esbuild.mjs`). Rows go through BULK (JSON API reference §15) with derived transaction
 * ids (§29); the results CSV has one line per data row; `--preview` saves nothing (§25.4);
 * `--resume` after a kill skips what landed; a read-only connection is refused.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, beforeEach, describe, test } from "node:test";
import type { EmulatorHandle } from "../../emulator/index";
import { progressLine } from "../../client/src/cli/loadCommand";
import { cliBundle, spawnCli, startEmulatorWithKey, type CliResult } from "./emulatorWithKey";

// A key invented for this test and registered only with the in-process emulator below: not a real secret.
const APIKEY = "emulator-test-key-cli-load";
let emu: EmulatorHandle;
before(async () => {
  emu = await startEmulatorWithKey(APIKEY);
});
after(() => emu.close());
beforeEach(() => emu.reset());

function maximo(args: string[], cwd: string): Promise<CliResult> {
  return spawnCli(args, cwd, { MAXIMO_APIKEY: APIKEY });
}

function project(readOnly = false): string {
  const dir = mkdtempSync(join(tmpdir(), "maximo-cli-load-"));
  writeFileSync(join(dir, "maximo.connections.json"), JSON.stringify({ connections: [{ name: "dev", url: emu.url, auth: "apikey", readOnly }] }));
  return dir;
}

const stored = (prefix: string) => emu.emulator.store.rows("asset").filter((r) => String(r.assetnum).startsWith(prefix));
const bulkCount = () => emu.log.list().filter((r) => r.method === "POST" && (r.headers["x-method-override"] ?? "").toUpperCase() === "BULK").length;

/** A BOM, CRLF line ends, a quoted comma, a quoted line break; row 2 has a bad integer, row 3 a site the server refuses. */
const mixedCsv = "\uFEFFASSETNUM,SITEID,DESCRIPTION,PRIORITY\r\nCLI-1,BEDFORD,\"one, two\",1\r\nCLI-2,BEDFORD,bad,x\r\nCLI-3,NOSUCH,refused,2\r\ncli-4,BEDFORD,\"two\r\nlines\",3\r\n";

function csvLines(path: string): string[] {
  return readFileSync(path, "utf8").trimEnd().split("\n");
}

describe("maximo load", () => {
  test("loads the good rows, writes one result per data row, exits 1 naming exactly the bad rows", async () => {
    const dir = project();
    writeFileSync(join(dir, "assets.csv"), mixedCsv);
    const result = await maximo(["load", "assets.csv", "--os", "mxapiasset", "--batch", "2"], dir);
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stdout, /^row 2 failed: priority: .*whole number/m, "the column is named once");
    assert.match(result.stdout, /^row 3 failed: BMXAA4153E - \[NOSUCH is not a valid site/m);
    assert.match(result.stdout, /4 rows: 2 loaded, 2 failed, 0 skipped/);
    assert.deepEqual(stored("CLI-").map((r) => [r.assetnum, r.description]).sort(), [["CLI-1", "one, two"], ["CLI-4", "two\r\nlines"]]);
    const lines = csvLines(join(dir, "assets.results.csv"));
    assert.equal(lines[0], "row,status,assetnum,siteid,href,reasonCode,message");
    assert.deepEqual(lines.slice(1).map((l) => l.split(",").slice(0, 4).join(",")), ["1,ok,CLI-1,BEDFORD", "2,failed,CLI-2,BEDFORD", "3,failed,CLI-3,NOSUCH", "4,ok,CLI-4,BEDFORD"]);
    assert.match(lines[3]!, /,BMXAA4153E,/);
    assert.match(lines[1]!, /\/os\/mxapiasset\/_/, "the href of the created record");
    assert.equal(bulkCount(), 2, "three valid rows in batches of two");
  });

  test("faults mid-load (a 503, then an answer truncated after the commit): each good row stored once, the results name exactly the bad rows", async () => {
    const dir = project();
    const lines = ["assetnum,siteid,description"];
    for (let i = 1; i <= 12; i++) lines.push(i === 7 ? "FLT-7,NOSUCH,refused" : `FLT-${i},BEDFORD,row ${i}`);
    writeFileSync(join(dir, "faults.csv"), lines.join("\n") + "\n");
    emu.addFault({ path: "*/os/mxapiasset", method: "BULK", kind: "503", count: 1, bodyContains: '"FLT-5"' });
    emu.addFault({ path: "*/os/mxapiasset", method: "BULK", kind: "truncate", count: 1, bodyContains: '"FLT-7"' });
    const result = await maximo(["load", "faults.csv", "--os", "mxapiasset", "--batch", "4"], dir);
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /the answer was lost/);
    const names = stored("FLT-").map((r) => String(r.assetnum));
    assert.equal(names.length, 11);
    assert.equal(new Set(names).size, 11);
    const results = csvLines(join(dir, "faults.results.csv")).slice(1).map((l) => l.split(","));
    assert.deepEqual(results.filter((c) => c[1] === "failed").map((c) => c[0]), ["7"]);
    assert.equal(results.filter((c) => c[1] === "ok").length, 11);
  });

  test("every row landed: exit 0; --results names the file; the state file sits beside it", async () => {
    const dir = project();
    writeFileSync(join(dir, "ok.csv"), "assetnum,siteid,description\nOK-1,BEDFORD,a\nOK-2,BEDFORD,b\n");
    const result = await maximo(["load", "ok.csv", "--os", "mxapiasset", "--results", "out/r.csv"], dir);
    assert.equal(result.code, 0, result.stderr + result.stdout);
    assert.match(result.stdout, /results in out\/r\.csv/);
    assert.ok(existsSync(join(dir, "out", "r.csv.state")));
    assert.equal(csvLines(join(dir, "out", "r.csv")).length, 3);
    assert.equal(stored("OK-").length, 2);
  });

  test("--action update and delete through the CLI", async () => {
    const dir = project();
    writeFileSync(join(dir, "add.csv"), "assetnum,siteid,description\nUD-1,BEDFORD,a\nUD-2,BEDFORD,b\n");
    assert.equal((await maximo(["load", "add.csv", "--os", "mxapiasset"], dir)).code, 0);
    writeFileSync(join(dir, "upd.csv"), "assetnum,siteid,description\nUD-1,BEDFORD,changed\n");
    assert.equal((await maximo(["load", "upd.csv", "--os", "mxapiasset", "--action", "update"], dir)).code, 0);
    assert.equal(stored("UD-1")[0]!.description, "changed");
    writeFileSync(join(dir, "del.csv"), "assetnum,siteid\nUD-2,BEDFORD\n");
    assert.equal((await maximo(["load", "del.csv", "--os", "mxapiasset", "--action", "delete"], dir)).code, 0);
    assert.deepEqual(stored("UD-").map((r) => r.assetnum), ["UD-1"]);
  });

  test("--preview checks locally and through importfile preview (reference §25.4), saves nothing, names file rows", async () => {
    const dir = project();
    writeFileSync(join(dir, "assets.csv"), mixedCsv);
    const result = await maximo(["load", "assets.csv", "--os", "mxapiasset", "--preview"], dir);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /^column PRIORITY: priority \(INTEGER/m);
    assert.match(result.stdout, /^row 2: PRIORITY: /m);
    assert.match(result.stdout, /^server: row 3: BMXAA4153E/m, "the server's document 2 is the file's row 3");
    assert.match(result.stdout, /2 valid, 1 invalid; nothing was saved/);
    assert.equal(stored("CLI-").length, 0);
    assert.equal(bulkCount(), 0);
    assert.ok(!existsSync(join(dir, "assets.results.csv")));
  });

  test("child objects from dotted columns: one record from consecutive rows, one result line per file row", async () => {
    const dir = project();
    writeFileSync(join(dir, "meters.csv"), "assetnum,siteid,description,assetmeter.metername,assetmeter.active\nCHM-1,BEDFORD,Pump,TEMP-F,Y\n,,,RUNHOURS,Y\nCHM-2,BEDFORD,Fan,TEMP-F,N\n");
    const result = await maximo(["load", "meters.csv", "--os", "mxapiasset"], dir);
    assert.equal(result.code, 0, result.stderr + result.stdout);
    const meters = (assetnum: string) => emu.emulator.store.rows("assetmeter").filter((m) => m.assetnum === assetnum).map((m) => m.metername).sort();
    assert.deepEqual(meters("CHM-1"), ["RUNHOURS", "TEMP-F"]);
    assert.deepEqual(meters("CHM-2"), ["TEMP-F"]);
    const lines = csvLines(join(dir, "meters.results.csv")).slice(1).map((l) => l.split(",").slice(0, 3).join(","));
    assert.deepEqual(lines, ["1,ok,CHM-1", "2,ok,CHM-1", "3,ok,CHM-2"]);
    const body = JSON.parse(emu.log.list().find((r) => r.method === "POST")!.body) as Array<{ _data: Record<string, unknown> }>;
    assert.equal(body.length, 2, "two records, one BULK item each (reference §15)");
    assert.deepEqual(body[0]!._data.assetmeter, [{ metername: "TEMP-F", active: true }, { metername: "RUNHOURS", active: true }]);
  });

  test("an XLSX sheet chosen with --sheet", async () => {
    const dir = project();
    const ExcelJS = (await import("exceljs")).default;
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Notes").addRow(["not", "a", "load"]);
    const sheet = workbook.addWorksheet("Assets");
    sheet.addRow(["ASSETNUM", "SITEID", "DESCRIPTION", "PRIORITY"]);
    sheet.addRow(["XL-1", "BEDFORD", "from Excel, \"quoted\"", 2]);
    sheet.addRow(["XL-2", "BEDFORD", "second", "high"]);
    await workbook.xlsx.writeFile(join(dir, "assets.xlsx"));
    const result = await maximo(["load", "assets.xlsx", "--os", "mxapiasset", "--sheet", "assets"], dir);
    assert.equal(result.code, 1, result.stderr + result.stdout);
    assert.match(result.stdout, /^row 2 failed: priority: "high" is not a whole number/m, "the column is named once");
    assert.deepEqual(stored("XL-").map((r) => [r.assetnum, r.description, r.priority]), [["XL-1", 'from Excel, "quoted"', 2]]);
  });

  test("a read-only connection is refused before anything is sent", async () => {
    const dir = project(true);
    writeFileSync(join(dir, "assets.csv"), "assetnum,siteid\nRO-1,BEDFORD\n");
    const result = await maximo(["load", "assets.csv", "--os", "mxapiasset"], dir);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /read-only; the CLI does not load into it/);
    assert.equal(bulkCount(), 0);
    assert.equal(stored("RO-").length, 0);
    const preview = await maximo(["load", "assets.csv", "--os", "mxapiasset", "--preview"], dir);
    assert.equal(preview.code, 0, preview.stderr);
    assert.match(preview.stdout, /not checked by the server: the connection is read-only/);
    assert.equal(emu.log.list().filter((r) => r.method === "POST").length, 0, "not even the importfile preview");
  });

  test("--resume with a state file of another load is refused (exit 2)", async () => {
    const dir = project();
    writeFileSync(join(dir, "a.csv"), "assetnum,siteid\nRZ-1,BEDFORD\n");
    assert.equal((await maximo(["load", "a.csv", "--os", "mxapiasset"], dir)).code, 0);
    writeFileSync(join(dir, "a.csv"), "assetnum,siteid\nRZ-2,BEDFORD\n");
    const resumed = await maximo(["load", "a.csv", "--os", "mxapiasset", "--resume"], dir);
    assert.equal(resumed.code, 2);
    assert.match(resumed.stderr, /belongs to another load/);
    assert.equal(stored("RZ-2").length, 0);
  });

  test("text from the file reaches the terminal escaped", async () => {
    const dir = project();
    writeFileSync(join(dir, "esc.csv"), "assetnum,siteid,priority\nESC-1,BEDFORD,\u001b[2J\n");
    const result = await maximo(["load", "esc.csv", "--os", "mxapiasset"], dir);
    assert.equal(result.code, 1);
    assert.ok(!result.stdout.includes("\u001b"), "no raw ESC");
    assert.match(result.stdout, /\\u001b\[2J/);
  });

  test("usage: --os is required, the action must be known (exit 2)", async () => {
    const dir = project();
    writeFileSync(join(dir, "a.csv"), "assetnum,siteid\nU-1,BEDFORD\n");
    assert.equal((await maximo(["load", "a.csv"], dir)).code, 2);
    assert.equal((await maximo(["load", "a.csv", "--os", "mxapiasset", "--action", "upsert"], dir)).code, 2);
  });
});

describe("maximo load --resume", () => {
  const rowCount = 40;
  function bigCsv(dir: string): void {
    const lines = ["assetnum,siteid,description"];
    for (let i = 1; i <= rowCount; i++) lines.push(`RS-${i},BEDFORD,resumable ${i}`);
    writeFileSync(join(dir, "many.csv"), lines.join("\n") + "\n");
  }

  function landedBatches(dir: string): number {
    const path = join(dir, "many.results.csv.state");
    return existsSync(path) ? readFileSync(path, "utf8").split("\n").filter((l) => l.includes('"landed"')).length : 0;
  }

  /** Starts the load, waits until `landed` batches are recorded, then stops the process with `signal`. */
  async function startAndStop(dir: string, landed: number, signal: NodeJS.Signals): Promise<CliResult> {
    const child = spawn(process.execPath, [cliBundle, "load", "many.csv", "--os", "mxapiasset", "--batch", "4"], { cwd: dir, env: { PATH: process.env.PATH ?? "", MAXIMO_APIKEY: APIKEY } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number>((resolve) => child.on("exit", (code, sig) => resolve(code ?? (sig ? 128 : 1))));
    let sent = false;
    const watcher = setInterval(() => {
      if (!sent && landedBatches(dir) >= landed) {
        sent = true;
        child.kill(signal);
      }
    }, 5);
    const code = await exited;
    clearInterval(watcher);
    assert.ok(sent, "the load ended before it could be stopped");
    return { code, stdout, stderr };
  }

  function assertAllOnce(): void {
    const names = stored("RS-").map((r) => String(r.assetnum));
    assert.equal(names.length, rowCount);
    assert.equal(new Set(names).size, rowCount);
  }

  test("after a kill mid-load, --resume skips the batches that landed and loads the rest, each row once", async () => {
    const dir = project();
    bigCsv(dir);
    // Each BULK waits a little, so the kill comes mid-load.
    emu.addFault({ path: "*/os/mxapiasset", method: "BULK", kind: "latency", latencyMs: 40 });
    await startAndStop(dir, 3, "SIGKILL");
    const landedBefore = landedBatches(dir);
    assert.ok(landedBefore >= 3 && landedBefore < rowCount / 4);
    emu.log.clear();
    const resumed = await maximo(["load", "many.csv", "--os", "mxapiasset", "--batch", "4", "--resume"], dir);
    assert.equal(resumed.code, 0, resumed.stderr + resumed.stdout);
    assertAllOnce();
    const lines = csvLines(join(dir, "many.results.csv")).slice(1);
    assert.equal(lines.length, rowCount);
    const skipped = lines.filter((l) => l.split(",")[1] === "skipped").length;
    assert.equal(skipped, landedBefore * 4, "the rows of every landed batch are skipped, not sent");
    assert.ok(lines.every((l) => ["ok", "skipped"].includes(l.split(",")[1]!)));
    const sentAgain = emu.log.list().filter((r) => r.method === "POST").map((r) => r.body);
    assert.ok(!sentAgain.some((b) => b.includes('"RS-1"')), "the first batch is not sent again");
  });

  test("a run without --resume does not overwrite a batch an earlier run left unrecorded (exit 2, nothing sent)", async () => {
    // Found by an audit: the state file was overwritten and the batch in flight sent again as new.
    const dir = project();
    bigCsv(dir);
    const first = await maximo(["load", "many.csv", "--os", "mxapiasset", "--batch", "4"], dir);
    assert.equal(first.code, 0, first.stderr);
    const path = join(dir, "many.results.csv.state");
    const lines = readFileSync(path, "utf8").trimEnd().split("\n");
    // As a kill leaves it: the last batch started, its landing never written.
    writeFileSync(path, lines.slice(0, -1).join("\n") + "\n");
    const state = readFileSync(path, "utf8");
    emu.log.clear();
    const again = await maximo(["load", "many.csv", "--os", "mxapiasset", "--batch", "4"], dir);
    assert.equal(again.code, 2, again.stderr);
    assert.match(again.stderr, /an earlier run of this same load stopped with batch 10 sent and its answer unrecorded.*--resume/);
    assert.equal(readFileSync(path, "utf8"), state, "the state file is kept");
    assert.equal(emu.log.list().filter((r) => r.method === "POST").length, 0, "nothing sent");
  });

  test("Ctrl-C stops after the batch in flight and says how to resume", async () => {
    const dir = project();
    bigCsv(dir);
    emu.addFault({ path: "*/os/mxapiasset", method: "BULK", kind: "latency", latencyMs: 40 });
    const stopped = await startAndStop(dir, 2, "SIGINT");
    assert.equal(stopped.code, 1, stopped.stderr);
    assert.match(stopped.stderr, /stopping after the batch in flight/);
    assert.match(stopped.stderr, /Resume it \(what landed is skipped\): maximo load many\.csv --os mxapiasset --batch 4 --resume/);
    const landed = landedBatches(dir);
    assert.equal(stored("RS-").length, landed * 4, "the batch in flight finished and was recorded");
    // Without --batch, --resume keeps the batches of the run it resumes.
    const resumed = await maximo(["load", "many.csv", "--os", "mxapiasset", "--resume"], dir);
    assert.equal(resumed.code, 0, resumed.stderr);
    assertAllOnce();
  });
});

describe("the progress line", () => {
  test("rows done of the estimate, ok, failed, rows/s and an ETA", () => {
    assert.equal(progressLine({ rowsDone: 500, ok: 490, failed: 10, skipped: 0, batches: 5 }, 2000, 10_000), "500 of ~2000 rows, 490 ok, 10 failed, 50 rows/s, ETA 30s");
    assert.equal(progressLine({ rowsDone: 100, ok: 0, failed: 0, skipped: 100, batches: 1 }, undefined, 1000), "100 rows, 0 ok, 0 failed, 100 skipped, 100 rows/s");
  });
});
