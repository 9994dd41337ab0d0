/** What the script commands share, and how they find the file a command is about. */
import * as vscode from "vscode";
import { languageOfFile, scriptFileHint } from "../../scripts/language";
import type { ScriptStateStore } from "../../scripts/scriptState";
import type { Connections, Log, ResponsePresenter, ServerLogCaptures } from "../contracts";
import type { ServerDocuments } from "./serverDocuments";

export interface ScriptDeps {
  connections: Connections;
  log: Log;
  state: ScriptStateStore;
  documents: ServerDocuments;
  /** Shows a script run's answer; without it the answer opens as a document. */
  responses?: ResponsePresenter;
  /** Server-log capture: Run and Deploy show the thread-log lines of what they ran or changed. */
  serverLog?: ServerLogCaptures;
}

/** The script document a command acts on: the one named (explorer, editor title) or the active editor's. */
export async function scriptDocument(uri?: unknown): Promise<vscode.TextDocument | undefined> {
  const document = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!document) {
    void vscode.window.showErrorMessage(`Open an automation script first. ${scriptFileHint}`);
    return undefined;
  }
  if (!languageOfFile(document.uri.path)) {
    void vscode.window.showErrorMessage(`${vscode.workspace.asRelativePath(document.uri)} is not an automation script. ${scriptFileHint}`);
    return undefined;
  }
  return document;
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
