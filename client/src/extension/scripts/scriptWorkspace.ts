/**
 * What the script commands need from VS Code: the workspace folder of a file, the backup and
 * extract folders from the settings, and the script state kept in workspaceState (so it stays
 * with the workspace and never reaches settings or the repository).
 */
import { isAbsolute, join } from "node:path";
import * as vscode from "vscode";
import { BackedStateStore, type StateBackend, type StateData } from "../../scripts/scriptState";

const stateKey = "maximo.scripts.state";

export function mementoBackend(memento: vscode.Memento): StateBackend {
  return {
    read: async () => memento.get<unknown>(stateKey),
    write: (data: StateData) => Promise.resolve(memento.update(stateKey, data)),
  };
}

export function createStateStore(context: vscode.ExtensionContext): BackedStateStore {
  return new BackedStateStore(mementoBackend(context.workspaceState));
}

/** The workspace folder a file belongs to, else the first one; undefined without a folder open. */
export function workspaceDirOf(uri: vscode.Uri | undefined): string | undefined {
  const folder = (uri && vscode.workspace.getWorkspaceFolder(uri)) ?? vscode.workspace.workspaceFolders?.[0];
  return folder?.uri.fsPath;
}

function folderSetting(name: "backupFolder" | "extractFolder", fallback: string, workspaceDir: string, uri?: vscode.Uri): string {
  const value = vscode.workspace.getConfiguration("maximo.scripts", uri).get<string>(name)?.trim() || fallback;
  return isAbsolute(value) ? value : join(workspaceDir, value);
}

export function backupFolderOf(workspaceDir: string, uri?: vscode.Uri): string {
  return folderSetting("backupFolder", ".maximo/backups", workspaceDir, uri);
}

export function extractFolderOf(workspaceDir: string, uri?: vscode.Uri): string {
  return folderSetting("extractFolder", "scripts", workspaceDir, uri);
}

/** An AbortSignal that follows a VS Code cancellation token. */
export function signalOf(token: vscode.CancellationToken): AbortSignal {
  const controller = new AbortController();
  if (token.isCancellationRequested) controller.abort();
  else token.onCancellationRequested(() => controller.abort());
  return controller.signal;
}
