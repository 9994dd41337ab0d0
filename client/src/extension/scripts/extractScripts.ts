/**
 * Maximo: Extract Automation Scripts — a filterable multi-select list of the server's scripts
 * (with an "All scripts" entry), written to the extract folder (`maximo.scripts.extractFolder`)
 * with their scriptConfig. Local files with other content are replaced only after asking.
 */
import { relative } from "node:path";
import * as vscode from "vscode";
import { extractScripts, type ExtractContext, type ExtractedFile } from "../../scripts/extract";
import { ScriptApi } from "../../scripts/scriptApi";
import { serverKey } from "../../scripts/scriptState";
import type { ScriptSummary } from "../../scripts/serverScript";
import type { ExtensionConnection } from "../contracts";
import { errorText, type ScriptDeps } from "./scriptDeps";
import { extractFolderOf, signalOf, workspaceDirOf } from "./scriptWorkspace";

interface ScriptItem extends vscode.QuickPickItem {
  /** Undefined for the "All scripts" entry. */
  script?: ScriptSummary;
}

/** The picker's entries: "All scripts" first, then one per script (language and status as description). */
export function pickItems(scripts: readonly ScriptSummary[]): ScriptItem[] {
  return [
    { label: "$(checklist) All scripts", description: `${scripts.length} scripts`, alwaysShow: true },
    ...scripts.map((script) => ({
      label: script.name,
      description: [script.language, script.status].filter(Boolean).join(" · "),
      detail: script.description,
      script,
    })),
  ];
}

async function pick(connection: ExtensionConnection, scripts: readonly ScriptSummary[], folder: string): Promise<string[] | undefined> {
  const picked = await vscode.window.showQuickPick(pickItems(scripts), {
    canPickMany: true,
    matchOnDescription: true,
    matchOnDetail: true,
    title: `Extract Automation Scripts from ${connection.name}`,
    placeHolder: `Type to filter; the files go to ${folder}`,
  });
  if (!picked || picked.length === 0) return undefined;
  return picked.some((item) => !item.script) ? scripts.map((s) => s.name) : picked.map((item) => item.script!.name);
}

export async function extractCommand(deps: ScriptDeps): Promise<void> {
  const workspaceDir = workspaceDirOf(undefined);
  if (!workspaceDir) {
    void vscode.window.showErrorMessage("Open a folder first: extracted scripts are written into the workspace.");
    return;
  }
  try {
    const connection = await deps.connections.choose();
    if (!connection) return;
    const executor = deps.connections.executor(connection);
    const scripts = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Listing the automation scripts on ${connection.name}`, cancellable: true },
      (_progress, token) => new ScriptApi(executor, signalOf(token)).list(),
    );
    if (scripts.length === 0) {
      void vscode.window.showInformationMessage(`There are no automation scripts on ${connection.name}.`);
      return;
    }
    const outDir = extractFolderOf(workspaceDir);
    const shownFolder = relative(workspaceDir, outDir) || ".";
    const names = await pick(connection, scripts, shownFolder);
    if (!names) return;
    const write = (selected: string[], overwrite: boolean): Thenable<ExtractedFile[]> =>
      vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Extracting from ${connection.name}`, cancellable: true }, (progress, token) => {
        const context: ExtractContext = {
          api: new ScriptApi(executor, signalOf(token)),
          connection: connection.name,
          server: serverKey(connection),
          state: deps.state,
          outDir,
          workspaceDir,
          overwrite,
          progress: (message) => progress.report({ message }),
        };
        return extractScripts(selected, context);
      });
    let results = await write(names, false);
    const kept = results.filter((r) => r.status === "skipped" && r.path);
    if (kept.length > 0) {
      const choice = await vscode.window.showWarningMessage(
        `${kept.length} local file(s) differ from ${connection.name}: ${kept.map((r) => r.name).join(", ")}.`,
        { modal: true, detail: "Overwrite replaces them with the server's copy; Cancel keeps your files." },
        "Overwrite",
      );
      if (choice === "Overwrite") {
        const replaced = await write(kept.map((r) => r.name), true);
        results = results.map((r) => replaced.find((x) => x.name === r.name) ?? r);
      }
    }
    for (const r of results) deps.log.info(`Extract ${r.name} from ${connection.name}: ${r.status}${r.path ? ` ${r.path}` : ""}${r.message ? ` (${r.message})` : ""}`);
    const done = results.filter((r) => r.status === "written" || r.status === "unchanged");
    const problems = results.filter((r) => r.status === "failed" || r.status === "skipped");
    const summary = `Extracted ${done.length} of ${results.length} scripts from ${connection.name} to ${shownFolder}.`;
    if (problems.length > 0) {
      void vscode.window.showWarningMessage(`${summary} Not extracted: ${problems.map((p) => `${p.name} (${p.message ?? p.status})`).join("; ")}`, "Show Log").then((c) => c && deps.log.show());
    } else void vscode.window.showInformationMessage(summary);
    if (done.length === 1 && done[0]!.path) await vscode.window.showTextDocument(vscode.Uri.file(done[0]!.path));
  } catch (error) {
    deps.log.error(`Extract: ${errorText(error)}`);
    void vscode.window.showErrorMessage(`Extracting scripts failed: ${errorText(error)}`);
  }
}
