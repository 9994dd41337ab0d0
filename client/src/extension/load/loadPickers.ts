/** The questions before a load: the file, the object structure, the action, the sheet. */
import { extname } from "node:path";
import * as vscode from "vscode";
import type { LoadAction } from "../../load/contract";
import type { ApiMetaEntry } from "../../../../server/src/schema/types";

export const loadableExtensions = ["csv", "xlsx"];

export function isLoadableFile(path: string): boolean {
  return loadableExtensions.includes(extname(path).slice(1).toLowerCase());
}

export function isXlsx(path: string): boolean {
  return extname(path).toLowerCase() === ".xlsx";
}

/**
 * The file: the one the command was invoked on (explorer or editor context menu, or a test), else
 * an open dialog filtered to CSV and Excel files, starting beside the active editor's file.
 */
export async function pickFile(argument: unknown): Promise<string | undefined> {
  if (argument instanceof vscode.Uri && argument.scheme === "file" && isLoadableFile(argument.fsPath)) return argument.fsPath;
  if (typeof argument === "string" && isLoadableFile(argument)) return argument;
  const active = vscode.window.activeTextEditor?.document.uri;
  const near = active?.scheme === "file" ? vscode.Uri.joinPath(active, "..") : vscode.workspace.workspaceFolders?.[0]?.uri;
  const picked = await vscode.window.showOpenDialog({
    title: "Load Data from CSV/Excel",
    openLabel: "Preview Load",
    canSelectMany: false,
    canSelectFolders: false,
    filters: { "CSV or Excel": loadableExtensions },
    ...(near ? { defaultUri: near } : {}),
  });
  return picked?.[0]?.fsPath;
}

/** The object structure, from apimeta; a structure whose name the file's name holds is offered first. */
export async function pickStructure(entries: ApiMetaEntry[], file: string, connection: string, packNote: string | undefined): Promise<string | undefined> {
  if (entries.length === 0) throw new Error(`No object structures are known for ${connection}: select the connection and run "Maximo: Refresh Schemas".`);
  const base = file.toLowerCase();
  const guess = entries.find((entry) => base.includes(entry.name));
  const items = entries.map((entry) => ({ label: entry.name.toUpperCase(), description: entry.description ?? "", detail: entry.appName ? `application ${entry.appName}` : undefined, picked: entry === guess }));
  if (guess) items.unshift(items.splice(entries.indexOf(guess), 1)[0]!);
  const picked = await vscode.window.showQuickPick(items, {
    title: `Load into which object structure of ${connection}?`,
    placeHolder: packNote ? `From the offline pack (${packNote})` : `From ${connection}'s apimeta`,
    matchOnDescription: true,
  });
  return picked?.label.toLowerCase();
}

const actions: Array<{ label: LoadAction; detail: string }> = [
  { label: "add", detail: "Create a record from each row (rows whose key exists fail)." },
  { label: "update", detail: "Change the record each row's key names (rows whose key does not exist fail)." },
  { label: "addchange", detail: "Create or change: a row whose key exists changes that record, otherwise one is created." },
  { label: "delete", detail: "Delete the record each row's key names." },
];

export async function pickAction(): Promise<LoadAction | undefined> {
  const picked = await vscode.window.showQuickPick(actions, { title: "What should each row do?", placeHolder: "The BULK action of every row" });
  return picked?.label;
}

/** The sheet of a workbook; the only one without asking. */
export async function pickSheet(sheets: string[]): Promise<string | undefined> {
  if (sheets.length <= 1) return sheets[0] ?? "";
  const picked = await vscode.window.showQuickPick(sheets, { title: "Load which sheet?" });
  return picked;
}
