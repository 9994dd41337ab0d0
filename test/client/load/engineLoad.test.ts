/**
 * The editor's load engine against the emulator, without VS Code: the preview reads every data
 * row with its file cells and the plan's verdict; a load sends the good rows (BULK, JSON API
 * reference §15), writes the results CSV beside the file and, once finished, leaves no state to
 * resume; a cancelled load keeps its state, offers to resume, and the resumed load sends only the
 * rest (every row landed exactly once); a read-only connection's load goes once the user confirmed.
 */
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, beforeEach, test } from "node:test";
import { engineLoad, stateFileOf } from "../../../client/src/extension/load/engineLoad";
import type { SendOptions } from "../../../client/src/extension/load/loadEngine";
import { PreviewBuilder } from "../../../client/src/extension/load/previewModel";
import { createExecutor } from "../../../client/src/http/executor";
import { excelJs } from "../../../client/src/libraries/lazy";
import type { LoadPlanInput, RowResult } from "../../../client/src/load/contract";
import { loadSchema } from "../../../client/src/load/loadSchema";
import { startEmulator, type EmulatorHandle } from "../../../emulator/index";
import { apikeyConnection, apikeySecrets } from "../http/support";
import { storedAssets } from "./support";

const root = process.env.MAXIMO_WORKBENCH_ROOT ?? process.cwd();
const temp = mkdtempSync(join(tmpdir(), "engine-load-"));
let emu: EmulatorHandle;
before(async () => {
  emu = await startEmulator({ port: 0, options: { workOrders: 5 } });
});
after(async () => {
  await emu.close();
  rmSync(temp, { recursive: true, force: true });
});
beforeEach(() => emu.reset());

const packed = loadSchema("mxapiasset", { packDir: join(root, "server", "schema-pack") });
if (!packed.ok) throw new Error(packed.message);
const schema = packed.schema;

function csvFile(name: string, lines: string[]): string {
  const file = join(temp, name);
  writeFileSync(file, lines.join("\r\n") + "\r\n");
  return file;
}

async function run(input: LoadPlanInput, options: Partial<SendOptions> & { readOnly?: boolean } = {}) {
  const executor = createExecutor({ connection: { ...apikeyConnection(emu.url), ...(options.readOnly ? { readOnly: true } : {}) }, secrets: apikeySecrets, retry: { baseDelayMs: 5, maxRetries: 2 } });
  const results: RowResult[] = [];
  const progress: number[] = [];
  const resultsFile = options.resultsFile ?? input.file.replace(/\.csv$/, ".results.csv");
  try {
    const outcome = await engineLoad.send(input, {
      executor,
      os: "mxapiasset",
      action: input.action,
      resultsFile,
      resume: false,
      signal: new AbortController().signal,
      onProgress: (done) => progress.push(done),
      onResult: (result) => results.push(result),
      ...options,
    });
    return { outcome, results, progress, resultsFile };
  } finally {
    executor.close();
  }
}

const tooLong = "x".repeat(101);

test("the preview reads each data row with its cells and the plan's verdict, the bad value on its column", async () => {
  const file = csvFile("preview.csv", ["ASSETNUM,SITEID,DESCRIPTION", "EL-1,BEDFORD,One", `EL-2,BEDFORD,${tooLong}`, 'EL-3,BEDFORD,"Three, quoted"']);
  const read = await engineLoad.read({ file, schema, action: "add" });
  assert.deepEqual(read.columns.map((c) => [c.header, c.path, c.maximoType, c.maxLength]), [
    ["ASSETNUM", "assetnum", "UPPER", 25],
    ["SITEID", "siteid", "UPPER", 8],
    ["DESCRIPTION", "description", "ALN", 100],
  ]);
  assert.deepEqual(read.columns.map((c) => c.key), [true, true, false], "MXAPIASSET's keys are assetnum and siteid");
  assert.equal(read.columns[0]!.title, "Asset");
  const builder = new PreviewBuilder(read.columns);
  for await (const { item, cells } of read.items) builder.add(item, cells);
  const preview = builder.finish({ id: "p", title: "t" });
  assert.equal(preview.summary, "1 of 3 rows has problems; it will not be sent.");
  assert.deepEqual(preview.rows.map((r) => r.cells.map((c) => c.text)), [["EL-1", "BEDFORD", "One"], ["EL-2", "BEDFORD", tooLong], ["EL-3", "BEDFORD", "Three, quoted"]]);
  const flagged = preview.rows[1]!.cells[2]!;
  assert.match(flagged.problem ?? "", /100/, "the description's cell carries the maxLength problem");
  assert.equal(preview.rows[1]!.cells.filter((c) => c.problem).length, 1);
});

test("a workbook: its sheets are offered, and the chosen one is previewed", async () => {
  const workbook = new (excelJs().Workbook)();
  workbook.addWorksheet("Notes").addRow(["Loaded by the editor"]);
  const sheet = workbook.addWorksheet("Assets");
  sheet.addRow(["assetnum", "siteid", "priority"]);
  sheet.addRow(["EX-1", "BEDFORD", 3]);
  sheet.addRow(["EX-2", "BEDFORD", "high"]);
  const file = join(temp, "book.xlsx");
  await workbook.xlsx.writeFile(file);
  assert.deepEqual(await engineLoad.sheets(file), ["Notes", "Assets"]);
  const read = await engineLoad.read({ file, schema, action: "add", sheet: "Assets" });
  const builder = new PreviewBuilder(read.columns);
  for await (const { item, cells } of read.items) builder.add(item, cells);
  const preview = builder.finish({ id: "p", title: "t" });
  assert.deepEqual(preview.rows.map((r) => r.cells.map((c) => c.text)), [["EX-1", "BEDFORD", "3"], ["EX-2", "BEDFORD", "high"]]);
  assert.ok(preview.rows[1]!.cells[2]!.problem, "a priority that is no integer is flagged on its cell");
  assert.equal(preview.summary, "1 of 2 rows has problems; it will not be sent.");
});

test("a load sends the good rows, reports the bad one failed unsent, writes the results CSV, and leaves nothing to resume", async () => {
  const file = csvFile("load.csv", ["ASSETNUM,SITEID,DESCRIPTION", "EL-1,BEDFORD,One", `EL-2,BEDFORD,${tooLong}`, "EL-3,BEDFORD,Three"]);
  const input: LoadPlanInput = { file, schema, action: "add" };
  const { outcome, results, progress, resultsFile } = await run(input);
  assert.equal(outcome.cancelled, false);
  assert.deepEqual(results.map((r) => [r.row, r.status]), [[1, "ok"], [2, "failed"], [3, "ok"]]);
  assert.equal(progress.at(-1), 3);
  assert.deepEqual(storedAssets(emu, "EL-").map((a) => a.assetnum).sort(), ["EL-1", "EL-3"]);
  const lines = readFileSync(resultsFile, "utf8").trim().split("\n");
  assert.equal(lines[0], "row,status,assetnum,siteid,href,reasonCode,message");
  assert.equal(lines.length, 4);
  assert.match(lines[2]!, /^2,failed,EL-2,BEDFORD,,,/);
  assert.equal(existsSync(stateFileOf(resultsFile)), false, "a finished load leaves no state");
  assert.equal(await engineLoad.canResume(input, "mxapiasset", resultsFile), false);
});

test("cancelled after the first batch: the state stays, resume is offered, and the resumed load sends only the rest", async () => {
  const lines = ["ASSETNUM,SITEID,DESCRIPTION", ...Array.from({ length: 250 }, (_, i) => `EC-${i + 1},BEDFORD,Row ${i + 1}`)];
  const input: LoadPlanInput = { file: csvFile("cancel.csv", lines), schema, action: "add" };
  const controller = new AbortController();
  const first = await run(input, { signal: controller.signal, onProgress: () => controller.abort() });
  assert.equal(first.outcome.cancelled, true);
  assert.equal(first.results.length, 100, "stopped after the batch in flight");
  assert.equal(storedAssets(emu, "EC-").length, 100);
  assert.equal(existsSync(stateFileOf(first.resultsFile)), true);
  assert.equal(await engineLoad.canResume(input, "mxapiasset", first.resultsFile), true);
  assert.equal(await engineLoad.canResume({ ...input, action: "addchange" }, "mxapiasset", first.resultsFile), false, "another action is another load");

  const second = await run(input, { resume: true });
  assert.equal(second.outcome.cancelled, false);
  assert.deepEqual(
    [second.results.filter((r) => r.status === "skipped").length, second.results.filter((r) => r.status === "ok").length],
    [100, 150],
  );
  const stored = storedAssets(emu, "EC-");
  assert.equal(stored.length, 250);
  assert.equal(new Set(stored.map((a) => a.assetnum)).size, 250, "every row landed exactly once");
});

test("a read-only connection's load goes once the user confirmed it (the command asks before calling send)", async () => {
  const input: LoadPlanInput = { file: csvFile("readonly.csv", ["ASSETNUM,SITEID,DESCRIPTION", "ER-1,BEDFORD,One"]), schema, action: "add" };
  const { results } = await run(input, { readOnly: true });
  assert.deepEqual(results.map((r) => r.status), ["ok"]);
  assert.equal(storedAssets(emu, "ER-").length, 1);
});
