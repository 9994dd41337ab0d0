/**
 * Maximo: Load Data from CSV/Excel… — the user's steps: the file, the connection, the object
 * structure (from apimeta), the action, the sheet; then a preview of the first rows with every
 * problem flagged, and only on Load the rows go to the server (a read-only connection asks first),
 * with cancellable progress; the results are written beside the file and shown failed rows first.
 */
import { randomUUID } from "node:crypto";
import { constants } from "node:fs";
import { access } from "node:fs/promises";
import { basename, dirname, extname, join } from "node:path";
import * as vscode from "vscode";
import { childKeyNotes } from "../../load/childKeyNotes";
import type { LoadPlanInput } from "../../load/contract";
import type { LoadPreview } from "../../../webview/load/protocol";
import type { Connections, ExtensionConnection, Log } from "../contracts";
import { adviseError } from "../run/failureAdvice";
import { signalOf } from "../scripts/scriptWorkspace";
import type { LoadEngine } from "./loadEngine";
import { LoadPanel } from "./loadPanel";
import { isXlsx, pickAction, pickFile, pickSheet, pickStructure } from "./loadPickers";
import { PreviewBuilder } from "./previewModel";
import { ResultsCollector } from "./resultsModel";
import type { StructureSchemas } from "./structureSchemas";

export interface LoadDeps {
  connections: Connections;
  schemas: StructureSchemas;
  engine: LoadEngine;
  log: Log;
  extensionUri: vscode.Uri;
}

interface Prepared {
  input: LoadPlanInput;
  connection: ExtensionConnection;
  os: string;
  title: string;
  preview: LoadPreview;
  rows: number;
}

export async function loadFromFile(deps: LoadDeps, argument?: unknown): Promise<void> {
  let prepared: Prepared | undefined;
  try {
    prepared = await prepare(deps, argument);
  } catch (error) {
    return fail(deps, "Could not preview the load", error);
  }
  if (!prepared) return;
  const panel = new LoadPanel(deps.extensionUri, `Load ${basename(prepared.input.file)}`, deps.log);
  let decision = await panel.decide(prepared.preview);
  while (decision === "load") {
    const { connection, os, input, rows } = prepared;
    const change = `Load ${prepared.preview.validRows} of ${rows} rows of ${basename(input.file)} into ${os.toUpperCase()} (${input.action}) on ${connection.name}.`;
    if (!(await deps.connections.confirmWrite(connection, change))) {
      decision = await panel.stopped(`Nothing was sent: ${connection.name} is read-only and the load was not confirmed.`, prepared.preview);
      continue;
    }
    try {
      const ran = await run(deps, prepared, panel);
      if (ran === "done") return;
      decision = await panel.stopped(ran, prepared.preview);
    } catch (error) {
      const message = adviseError(error, connection.name).message.replace(/\.?$/, ".");
      deps.log.error(`load of ${input.file} into ${os}: ${message}`);
      void vscode.window.showErrorMessage(`The load of ${basename(input.file)} stopped: ${message}`, "Show Log").then((action) => {
        if (action) deps.log.show();
      });
      decision = await panel.stopped(`The load stopped: ${message} Load again to resume where it stopped, or to start over.`, prepared.preview);
    }
  }
  panel.dispose();
}

async function prepare(deps: LoadDeps, argument: unknown): Promise<Prepared | undefined> {
  const file = await pickFile(argument);
  if (!file) return undefined;
  const connection = await deps.connections.choose();
  if (!connection) return undefined;
  const list = await deps.schemas.structures(connection);
  const os = await pickStructure(list.entries, basename(file), connection.name, list.packNote);
  if (!os) return undefined;
  const action = await pickAction();
  if (!action) return undefined;
  let sheet: string | undefined;
  if (isXlsx(file)) {
    sheet = await pickSheet(await deps.engine.sheets(file));
    if (sheet === undefined) return undefined;
  }
  const found = await deps.schemas.schema(connection, os);
  if (!found.schema) throw new Error(`There is no schema for ${os.toUpperCase()}: ${found.packNote}.`);
  const input: LoadPlanInput = { file, schema: found.schema, action, ...(sheet ? { sheet } : {}) };
  const title = `${basename(file)}${sheet ? ` (${sheet})` : ""} → ${os.toUpperCase()} (${action}) on ${connection.name}`;
  // Every row is read once to count and check them all (the table keeps only a few): cancellable for a large file.
  const read = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Checking ${basename(file)}`, cancellable: true },
    async (progress, token) => {
      const read = await deps.engine.read(input);
      const builder = new PreviewBuilder(read.columns);
      for await (const { item, cells } of read.items) {
        if (token.isCancellationRequested) return undefined;
        builder.add(item, cells);
        if (builder.rowCount % 10_000 === 0) progress.report({ message: `${builder.rowCount} rows` });
      }
      const notes = [...childKeyNotes(read.columns, input.schema, input.action), ...(found.packNote ? [`Checked against the offline pack's schema: ${found.packNote}.`] : [])];
      return { preview: builder.finish({ id: randomUUID(), title, notes }), rows: builder.rowCount };
    },
  );
  if (!read) return undefined;
  return { input, connection, os, title, preview: read.preview, rows: read.rows };
}

/** "done" once the results show; otherwise why nothing was sent. */
async function run(deps: LoadDeps, prepared: Prepared, panel: LoadPanel): Promise<"done" | string> {
  const { input, connection, os, rows } = prepared;
  const resultsFile = await resultsFileFor(input.file);
  if (!resultsFile) return "Nothing was sent: no folder was chosen for the results file.";
  const resume = (await deps.engine.canResume(input, os, resultsFile)) && (await askResume(resultsFile));
  if (resume === undefined) return "Nothing was sent: the question to resume or start over was closed.";
  const collector = new ResultsCollector(input.schema.pk);
  const executor = deps.connections.executor(connection);
  const started = performance.now();
  deps.log.info(`load ${input.file} into ${os} (${input.action}) on ${connection.name}: ${rows} rows${resume ? ", resuming" : ""}`);
  const outcome = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Loading ${basename(input.file)} into ${os.toUpperCase()} on ${connection.name}`, cancellable: true },
    (progress, token) => {
      let reported = 0;
      return deps.engine.send(input, {
        executor,
        os,
        action: input.action,
        resultsFile,
        resume,
        signal: signalOf(token),
        onResult: (result) => collector.add(result),
        onProgress: (done) => {
          const seconds = (performance.now() - started) / 1000;
          const rate = seconds > 0 ? done / seconds : undefined;
          const message = `${done} of ${rows} rows${rate !== undefined ? `, ${Math.round(rate)} rows/s` : ""}`;
          progress.report({ message, increment: rows > 0 ? ((done - reported) / rows) * 100 : undefined });
          reported = done;
          panel.progress(done, rows, rate);
        },
      });
    },
  );
  const notes = outcome.cancelled ? [`Cancelled after ${collector.total} of ${rows} rows; run the load again on the same file to resume where it stopped.`] : [];
  const view = collector.view({ id: randomUUID(), title: `Results: ${prepared.title}`, resultsFile, notes });
  panel.results(view);
  deps.log.info(`load ${input.file} into ${os}: ${view.summary} Results in ${resultsFile}`);
  const say = collector.failed > 0 ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  void say(`${outcome.cancelled ? "Load cancelled: " : ""}${view.summary}`);
  return "done";
}

/** `<file>.results.csv` beside the file; a chosen folder when that one cannot be written. */
async function resultsFileFor(file: string): Promise<string | undefined> {
  const name = `${basename(file, extname(file))}.results.csv`;
  const beside = dirname(file);
  if (await writable(beside)) return join(beside, name);
  const picked = await vscode.window.showOpenDialog({
    title: `${beside} cannot be written: where should the results go?`,
    openLabel: "Write Results Here",
    canSelectFiles: false,
    canSelectFolders: true,
    canSelectMany: false,
  });
  return picked?.[0] ? join(picked[0].fsPath, name) : undefined;
}

async function writable(folder: string): Promise<boolean> {
  return access(folder, constants.W_OK).then(
    () => true,
    () => false,
  );
}

/** true: resume; false: start over; undefined: the user closed the question. */
async function askResume(resultsFile: string): Promise<boolean | undefined> {
  const answer = await vscode.window.showWarningMessage(
    "An earlier load of this file stopped part way.",
    { modal: true, detail: `${basename(resultsFile)} records what landed. Resume sends only the rest; Start Over sends every row again.` },
    "Resume",
    "Start Over",
  );
  return answer === undefined ? undefined : answer === "Resume";
}

function fail(deps: LoadDeps, what: string, error: unknown): void {
  const message = adviseError(error, undefined).message;
  deps.log.error(`${what}: ${message}`);
  void vscode.window.showErrorMessage(`${what}: ${message.replace(/\.?$/, ".")}`);
}
