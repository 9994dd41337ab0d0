/** What the panel's Save, Open in editor and Go to request buttons do on the host. */
import { TextDecoder } from "node:util";
import * as vscode from "vscode";
import type { ResponseModel } from "../contracts";

/** Above this an editor tab gets slow; ask first. */
const warnEditorBytes = 20 * 1024 * 1024;
/** Up to this size the body opens indented; larger ones open as received. */
const indentBytes = 5 * 1024 * 1024;

function isJson(model: ResponseModel): boolean {
  return /[/+]json\b/i.test(model.contentType);
}

function fileName(model: ResponseModel): string {
  const stem = model.title.replace(/[^\w.-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60) || "response";
  return `${stem}.${isJson(model) ? "json" : "txt"}`;
}

export async function saveResponse(model: ResponseModel): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, fileName(model)) : undefined,
    filters: isJson(model) ? { JSON: ["json"], "All files": ["*"] } : { "All files": ["*"] },
    saveLabel: "Save Response",
    title: "Save the response body",
  });
  if (!target) return;
  // A local target takes a file copy of a body on disk; elsewhere the bytes go through VS Code.
  if (target.scheme === "file") await model.body.saveTo(target.fsPath);
  else await vscode.workspace.fs.writeFile(target, model.body.readAll("saving outside the local file system"));
  const cut = model.bodyTruncated ? " (history kept only part of this body)" : "";
  vscode.window.setStatusBarMessage(`Saved the response to ${vscode.workspace.asRelativePath(target)}${cut}`, 4000);
}

/** Indented JSON, or the text as it is when it does not parse. */
function indented(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

export async function openInEditor(model: ResponseModel, column: vscode.ViewColumn | undefined): Promise<void> {
  const size = model.body.size;
  if (size > warnEditorBytes) {
    const mb = (size / 1024 / 1024).toFixed(0);
    const open = "Open Anyway";
    const choice = await vscode.window.showWarningMessage(
      `This response is ${mb} MB. An editor tab that large may be slow and skips highlighting; the panel's table and tree handle it better.`,
      { modal: true },
      open,
    );
    if (choice !== open) return;
  }
  const text = new TextDecoder().decode(model.body.readAll("opening the body in an editor"));
  const json = isJson(model);
  const content = json && size <= indentBytes ? indented(text) : text;
  const document = await vscode.workspace.openTextDocument({ language: json ? "json" : "plaintext", content });
  await vscode.window.showTextDocument(document, { viewColumn: column, preview: false });
}

/** Opens the request's file with the cursor on its request line (0-based `source.line`). */
export async function revealRequest(model: ResponseModel): Promise<void> {
  const source = model.request.source;
  if (!source) return;
  const uri = vscode.Uri.parse(source.uri);
  const position = new vscode.Position(source.line, 0);
  const visible = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === uri.toString());
  const editor = await vscode.window.showTextDocument(uri, {
    viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One,
    selection: new vscode.Range(position, position),
    preview: false,
  });
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
