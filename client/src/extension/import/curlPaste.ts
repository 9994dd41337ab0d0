/**
 * Pasting a curl command into a `.maximo` file: the paste goes in as text, and the paste control
 * offers "Paste curl as Maximo request" (a DocumentPasteEditProvider yielding to plain text, so
 * nothing changes unless the user picks it). The command `Maximo: Paste curl as Request` does
 * the same from the clipboard at the cursor.
 */
import * as vscode from "vscode";
import type { Log } from "../contracts";

/** A quick test before loading the importer: the text starts with `curl` (after an optional `$ ` prompt). */
const CURL_START = /^\s*(?:\$\s+)?curl\s/;

const PASTE_KIND = vscode.DocumentDropOrPasteEditKind.Empty.append("maximo", "curl");

async function converted(text: string): Promise<string> {
  const { importRequests } = await import("../../import/index");
  return importRequests(text).text;
}

/** A converted paste starts on its own line and leaves a blank line before what follows. */
function fitted(text: string, document: vscode.TextDocument, at: vscode.Position): string {
  const before = document.getText(new vscode.Range(new vscode.Position(0, 0), at));
  const lead = before === "" || before.endsWith("\n\n") ? "" : before.endsWith("\n") ? "\n" : "\n\n";
  return lead + text;
}

export function registerCurlPaste(log: Log): vscode.Disposable {
  const provider: vscode.DocumentPasteEditProvider = {
    async provideDocumentPasteEdits(document, ranges, dataTransfer) {
      const text = await dataTransfer.get("text/plain")?.asString();
      if (!text || !CURL_START.test(text) || ranges.length !== 1) return undefined;
      try {
        const edit = new vscode.DocumentPasteEdit(fitted(await converted(text), document, ranges[0]!.start), "Paste curl as Maximo request", PASTE_KIND);
        // Plain text stays the default paste; this one is offered in the paste control.
        edit.yieldTo = [vscode.DocumentDropOrPasteEditKind.Text];
        return [edit];
      } catch (error) {
        log.info(`Paste: the text starts like a curl command but was not converted: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      }
    },
  };
  return vscode.languages.registerDocumentPasteEditProvider({ language: "maximo" }, provider, { providedPasteEditKinds: [PASTE_KIND], pasteMimeTypes: ["text/plain"] });
}

/** `Maximo: Paste curl as Request`: the clipboard's curl command(s) as requests at the cursor. */
export async function pasteCurlAsRequest(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== "maximo") {
    void vscode.window.showWarningMessage("Open a .maximo file to paste a curl command into it as a request.");
    return;
  }
  const text = await vscode.env.clipboard.readText();
  if (!CURL_START.test(text)) {
    void vscode.window.showWarningMessage("The clipboard does not hold a curl command (it should start with curl).");
    return;
  }
  let request: string;
  try {
    request = await converted(text);
  } catch (error) {
    void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
    return;
  }
  const at = editor.selection.start;
  await editor.edit((edit) => edit.replace(editor.selection, fitted(request, editor.document, at)));
}

/** `Maximo: Import Requests from curl or Postman…`: a file to a new .maximo editor (unsaved). */
export async function importFromFile(): Promise<void> {
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    title: "Import requests: a Postman collection (v2.1 JSON) or a file with curl commands",
    filters: { "Postman collection or curl": ["json", "sh", "txt", "curl"], "All files": ["*"] },
  });
  if (!picked?.[0]) return;
  try {
    const bytes = await vscode.workspace.fs.readFile(picked[0]);
    const { importRequests } = await import("../../import/index");
    const result = importRequests(Buffer.from(bytes).toString("utf8"));
    const document = await vscode.workspace.openTextDocument({ language: "maximo", content: result.text });
    await vscode.window.showTextDocument(document);
    void vscode.window.showInformationMessage(`Imported ${result.requests} request(s); secrets were left to MAXIMO_* environment variables or the connection. Save the file as .maximo.`);
  } catch (error) {
    void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
  }
}
