/**
 * The response panel's Export: asks where to write (the file's extension picks CSV, XLSX or
 * JSON), then runs the engine (client/src/export/) over every page of the response's request
 * with a cancellable progress notification. The file appears only when the export completes.
 */
import { extname } from "node:path";
import * as vscode from "vscode";
import { EXPORT_FORMATS, type ExportFormat } from "../../export/cells";
import { ExportError, exportQuery, type ExportProgress } from "../../export/exportQuery";
import type { Executor } from "../../http/executor";
import type { ResolvedRequest } from "../../http/types";
import type { Log } from "../contracts";

const FILTERS = { CSV: ["csv"], "Excel workbook": ["xlsx"], JSON: ["json"] };

export interface ExportSource {
  executor: Executor;
  /** The request the response answered (variables resolved, timeout set). */
  request: ResolvedRequest;
  /** The response's title, for the file name and the messages. */
  title: string;
}

export async function exportToFile(source: ExportSource, log: Log): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const stem = source.title.replace(/[^\w.-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60) || "export";
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, `${stem}.csv`) : undefined,
    filters: FILTERS,
    saveLabel: "Export",
    title: `Export every page of ${source.title}`,
  });
  if (!target) return;
  if (target.scheme !== "file") {
    void vscode.window.showErrorMessage("Export writes to a file on this machine's disk; choose a folder there.");
    return;
  }
  const format = extname(target.fsPath).slice(1).toLowerCase() as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) {
    void vscode.window.showErrorMessage(`Export writes .csv, .xlsx or .json files; ${vscode.workspace.asRelativePath(target)} has another extension.`);
    return;
  }
  const shown = vscode.workspace.asRelativePath(target);
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Maximo: exporting ${source.title}`, cancellable: true }, async (progress, token) => {
    const controller = new AbortController();
    const subscription = token.onCancellationRequested(() => controller.abort());
    let reported = 0;
    try {
      const result = await exportQuery({
        executor: source.executor,
        request: source.request,
        format,
        out: target.fsPath,
        signal: controller.signal,
        onProgress: (step) => {
          const share = step.totalCount ? Math.min(100, (step.records / step.totalCount) * 100) : undefined;
          progress.report({ message: progressText(step), ...(share === undefined ? {} : { increment: share - reported }) });
          if (share !== undefined) reported = share;
        },
      });
      log.info(`${source.title}: exported ${result.rows} rows (${result.pages} pages) to ${target.fsPath}`);
      const open = format === "xlsx" ? undefined : "Open";
      for (const note of result.notes) log.warn(`${source.title}: ${note}`);
      const said = `Exported ${result.rows} rows (${result.pages} page${result.pages === 1 ? "" : "s"}) to ${shown}.${result.notes.map((note) => ` ${note}`).join("")}`;
      void (result.notes.length > 0 ? vscode.window.showWarningMessage : vscode.window.showInformationMessage)(said, ...(open ? [open] : [])).then(async (choice) => {
        if (choice === open) await vscode.window.showTextDocument(target, { preview: false });
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (controller.signal.aborted) {
        log.info(`${source.title}: ${message}`);
        void vscode.window.showInformationMessage(message);
      } else {
        log.error(`${source.title}: export failed: ${message}`);
        void vscode.window.showErrorMessage(error instanceof ExportError ? message : `Could not export: ${message}`, "Show Log").then((choice) => choice && log.show());
      }
    } finally {
      subscription.dispose();
    }
  });
}

function progressText(step: ExportProgress): string {
  const of = step.totalCount !== undefined ? ` of ${step.totalCount}` : "";
  return `${step.records}${of} records, page ${step.pages}`;
}
