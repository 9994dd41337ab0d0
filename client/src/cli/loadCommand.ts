/**
 * `maximo load FILE.csv|FILE.xlsx --os NAME [--action add|update|addchange|delete]
 * [--connection X] [--batch N] [--preview] [--results FILE] [--resume] [--sheet NAME]
 * [--insecure]`: loads a file's rows into an object structure through BULK, exactly once
 * (client/src/load/), and writes one result per data row to the results CSV. Exit codes: 0
 * every row landed, 1 a row failed, the load stopped early or was refused, 2 usage or file error.
 */
import { createReadStream, existsSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { findConnectionsFile } from "../connections/load";
import type { LoadAction, LoadPlan, PlannedRow, RowResult } from "../load/contract";
import { FileLoadState, readStateHeader, StateFileError, unfinishedBatch } from "../load/loadState";
import type { LoadTarget } from "../load/loadTarget";
import { planLoad, LoadFileError } from "../load/planLoad";
import { ResultsFile } from "../load/resultsFile";
import { checkWritable, defaultBatchSize, ReadOnlyRefusal, sendLoad, type LoadProgress } from "../load/sendLoad";
import { fetchObjectSchema, SchemaUnavailable } from "../load/serverSchema";
import { childKeyNotes } from "../load/childKeyNotes";
import { previewOnServer, serverPreviewRows } from "../load/serverPreview";
import { loadId } from "../load/transactionIds";
import { UsageError, type ParsedArgs } from "./args";
import { openCommandConnections } from "./commandConnections";
import type { RunIo } from "./runCommand";
import { checkOptions, textOption } from "./scriptSession";

import { LOAD_VALUE_OPTIONS } from "./valueOptions";
import { makeDirectorySync } from "../files/makeDirectory";

export { LOAD_VALUE_OPTIONS };
const LOAD_OPTIONS = [...LOAD_VALUE_OPTIONS, "connection", "preview", "resume", "insecure"];
const ACTIONS: readonly LoadAction[] = ["add", "update", "addchange", "delete"];
/** Failed rows printed on the terminal at most; the results file has them all. */
const shownFailures = 20;

export interface LoadIo extends RunIo {
  /** Ctrl-C: the command stops after the batch in flight. The CLI process wires SIGINT here. */
  onInterrupt?: (stop: () => void) => () => void;
}

export async function loadCommand(args: ParsedArgs, io: LoadIo): Promise<number> {
  checkOptions(args, "load", LOAD_OPTIONS);
  if (args.positionals.length !== 1) throw new UsageError("load needs one FILE (.csv or .xlsx)");
  const file = resolve(io.cwd, args.positionals[0]!);
  if (!/\.(csv|xlsx)$/i.test(file)) throw new UsageError("load reads .csv and .xlsx files");
  if (!existsSync(file)) throw Object.assign(new Error("missing"), { code: "ENOENT", path: file });
  const os = textOption(args, "os");
  if (!os) throw new UsageError("load needs --os NAME, the object structure to load into");
  const action = (textOption(args, "action") ?? "add").toLowerCase() as LoadAction;
  if (!ACTIONS.includes(action)) throw new UsageError(`--action must be one of ${ACTIONS.join(", ")}`);
  const sheet = textOption(args, "sheet");
  const resultsPath = resolve(io.cwd, textOption(args, "results") ?? `${file.replace(/\.(csv|xlsx)$/i, "")}.results.csv`);
  const preview = args.options.has("preview");
  const resume = args.options.has("resume");
  const batchText = textOption(args, "batch");
  // --resume without --batch keeps the batches of the run it resumes.
  const batchSize = batchText === undefined ? (resume ? readStateHeader(`${resultsPath}.state`)?.batchSize : undefined) ?? defaultBatchSize : Number(batchText);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) throw new UsageError("--batch must be a whole number from 1 to 10000");
  if (preview && resume) throw new UsageError("--preview and --resume do not go together");

  const workspaceDir = workspaceOf(dirname(file));
  const wanted = textOption(args, "connection");
  const { pool, out: print, err: printError } = openCommandConnections(io, { workspaceDir, insecure: args.options.has("insecure"), ...(wanted === undefined ? {} : { connection: wanted }) });
  const display = relative(io.cwd, file) || file;

  try {
    let connection;
    try {
      connection = pool.connection(undefined);
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : String(error));
    }
    const executor = pool.executor(connection);
    if (!preview && connection.readOnly) {
      printError(`maximo: connection "${connection.name}" is read-only; the CLI does not load into it. Use another connection or remove "readOnly".`);
      return 1;
    }
    let target: LoadTarget;
    let plan: LoadPlan;
    try {
      const schema = await fetchObjectSchema(executor, os);
      target = { executor, os, schema };
      plan = await planLoad({ file, schema, action, ...(sheet === undefined ? {} : { sheet }) });
    } catch (error) {
      if (error instanceof SchemaUnavailable || error instanceof LoadFileError) {
        printError(`maximo: ${error.message}`);
        return error instanceof LoadFileError ? 2 : 1;
      }
      throw error;
    }
    const unmapped = plan.columns.filter((c) => c.problem);
    for (const column of unmapped) printError(`maximo: column "${column.header}": ${column.problem}`);
    for (const note of childKeyNotes(plan.columns, target.schema, action)) printError(`maximo: note: ${note}`);
    if (preview) return await previewCommand(plan, target, print, connection.readOnly === true);

    checkWritable(target);
    const keyColumns = target.schema.pk.map((k) => k.toLowerCase());
    const header = { kind: "load" as const, load: loadId({ contentHash: plan.contentHash, os, action, batchSize }), os: os.toLowerCase(), action, batchSize };
    makeDirectorySync(dirname(resultsPath));
    let state: FileLoadState;
    const unfinished = resume ? undefined : unfinishedBatch(`${resultsPath}.state`, header.load);
    if (unfinished !== undefined) {
      printError(
        `maximo: ${resultsPath}.state says an earlier run of this same load stopped with batch ${unfinished + 1} sent and its answer unrecorded (it may have landed). Run again with --resume to finish it without sending anything twice, or delete the state file to start over.`,
      );
      return 2;
    }
    try {
      state = FileLoadState.open(`${resultsPath}.state`, header, resume);
    } catch (error) {
      if (error instanceof StateFileError) {
        printError(`maximo: ${error.message}`);
        return 2;
      }
      throw error;
    }
    const results = new ResultsFile(resultsPath, keyColumns);
    const failures: RowResult[] = [];
    let failedCount = 0;
    const controller = new AbortController();
    const release = io.onInterrupt?.(() => {
      controller.abort();
      io.progress?.("");
      printError("maximo: stopping after the batch in flight (Ctrl-C again ends at once; the state file then still allows --resume).");
    });
    const total = io.progress ? await estimateRows(file) : undefined;
    const started = performance.now();
    let summary;
    try {
      summary = await sendLoad(plan.items(), {
        target,
        action,
        contentHash: plan.contentHash,
        batchSize,
        state,
        signal: controller.signal,
        log: (line) => printError(`maximo: ${line}`),
        onResult: async (result) => {
          if (result.status === "failed") {
            failedCount++;
            if (failures.length < shownFailures) failures.push(result);
          }
          await results.add(result);
        },
        ...(io.progress ? { onProgress: (p: LoadProgress) => io.progress!(progressLine(p, total, performance.now() - started)) } : {}),
      });
    } finally {
      release?.();
      await results.close();
      io.progress?.("");
    }
    for (const failure of failures) print(`row ${failure.row} failed: ${failureText(failure)}`);
    if (failedCount > failures.length) print(`... and ${failedCount - failures.length} more failed rows in the results file.`);
    const resultsDisplay = relative(io.cwd, resultsPath) || resultsPath;
    print(`${display}: ${summary.rowsDone} rows: ${summary.ok} loaded, ${summary.failed} failed, ${summary.skipped} skipped (landed before); results in ${resultsDisplay}`);
    if (summary.cancelled || summary.interrupted) {
      if (summary.interrupted) printError(`maximo: ${summary.interrupted}`);
      printError(`maximo: the load stopped before the end of the file. Resume it (what landed is skipped): maximo ${resumeCommand(args, display)}`);
      return 1;
    }
    return summary.failed > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof ReadOnlyRefusal) {
      printError(`maximo: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    pool.close();
  }
}

async function previewCommand(plan: LoadPlan, target: LoadTarget, print: (line: string) => void, readOnly: boolean): Promise<number> {
  for (const column of plan.columns) {
    const what = column.problem ? `not loaded: ${column.problem}` : `${column.path} (${[column.maximoType, column.maxLength ? `max ${column.maxLength}` : undefined].filter(Boolean).join(", ")})`;
    print(`column ${column.header}: ${what}`);
  }
  let valid = 0;
  let invalid = 0;
  const sample: PlannedRow[] = [];
  for await (const item of plan.items()) {
    if (item.kind === "invalid") {
      invalid++;
      if (invalid <= shownFailures) print(`row ${item.row.row}: ${item.row.problems.map((p) => (p.column ? `${p.column}: ${p.message}` : p.message)).join("; ")}`);
      continue;
    }
    valid++;
    if (sample.length < serverPreviewRows) sample.push(item.row);
  }
  if (invalid > shownFailures) print(`... and ${invalid - shownFailures} more invalid rows.`);
  print(`checked here: ${valid} valid rows, ${invalid} invalid`);
  // importfile is a POST even in preview; a read-only connection gets no POST at all.
  const server = readOnly ? { kind: "not-checked" as const, reason: "the connection is read-only, and importfile is a POST even in preview" } : await previewOnServer(target, plan.columns, sample);
  if (server.kind === "not-checked") {
    print(`not checked by the server: ${server.reason}`);
    return invalid > 0 ? 1 : 0;
  }
  for (const warning of server.warnings.slice(0, shownFailures)) print(`server: ${documentToRow(warning, sample)}`);
  print(`checked by the server (importfile preview, reference §25.4${valid > sample.length ? `, the first ${sample.length} valid rows` : ""}): ${server.validdoc} valid, ${server.invaliddoc} invalid; nothing was saved`);
  return invalid > 0 || server.invaliddoc > 0 ? 1 : 0;
}

function failureText(result: RowResult): string {
  const message = result.message ?? "";
  return result.reasonCode && !message.includes(result.reasonCode) ? `${result.reasonCode} ${message}` : message;
}

/** The server numbers the documents it was sent (the valid rows); the user knows the file's rows. */
function documentToRow(warning: string, sent: readonly PlannedRow[]): string {
  const match = /identified in document (\d+)\.\s*(.*)$/.exec(warning);
  const row = match ? sent[Number(match[1]) - 1]?.row : undefined;
  return row === undefined ? warning : `row ${row}: ${match![2]}`;
}

/** `rows/s` and, when the file's size is known, an ETA. */
export function progressLine(progress: LoadProgress, total: number | undefined, elapsedMs: number): string {
  const rate = elapsedMs > 0 ? progress.rowsDone / (elapsedMs / 1000) : 0;
  const parts = [`${progress.rowsDone}${total ? ` of ~${total}` : ""} rows`, `${progress.ok} ok`, `${progress.failed} failed`];
  if (progress.skipped > 0) parts.push(`${progress.skipped} skipped`);
  parts.push(`${Math.round(rate)} rows/s`);
  if (total && rate > 0 && total > progress.rowsDone) parts.push(`ETA ${formatSeconds((total - progress.rowsDone) / rate)}`);
  return parts.join(", ");
}

function formatSeconds(seconds: number): string {
  const s = Math.round(seconds);
  return s < 60 ? `${s}s` : s < 3600 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s` : `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`;
}

/** Data rows of a CSV, estimated by its line breaks (quoted line breaks count too); none for XLSX. */
async function estimateRows(file: string): Promise<number | undefined> {
  if (!/\.csv$/i.test(file)) return undefined;
  let lines = 0;
  let last = 10;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
    last = chunk[chunk.length - 1] ?? last;
  }
  return Math.max(0, lines + (last === 10 ? 0 : 1) - 1);
}

function resumeCommand(args: ParsedArgs, display: string): string {
  const parts = ["load", quote(display)];
  for (const [name, value] of args.options) if (name !== "resume") parts.push(value === true ? `--${name}` : `--${name} ${quote(value)}`);
  return [...parts, "--resume"].join(" ");
}

function quote(text: string): string {
  return /^[\w./:@%+=,-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

function workspaceOf(start: string): string {
  const found = findConnectionsFile(start);
  return found ? dirname(found) : start;
}
