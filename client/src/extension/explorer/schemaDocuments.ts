/**
 * Open JSON Schema: a structure's cached (or packed) schema in a read-only editor, indented.
 * The documents live under their own scheme, so nobody edits the cache by accident; only files
 * the explorer handed over are served.
 */
import { readFile } from "node:fs/promises";
import * as vscode from "vscode";

export const SCHEMA_SCHEME = "maximo-schema";

export class SchemaDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly files = new Map<string, string>();
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(SCHEMA_SCHEME, this);

  /** Opens `file` as `maximo-schema:/<source>/<name>.json` (source: the connection, or "offline pack"). */
  async open(file: string, source: string, name: string): Promise<void> {
    const uri = vscode.Uri.from({ scheme: SCHEMA_SCHEME, path: `/${source.replace(/\//g, "_")}/${name}.json` });
    this.files.set(uri.toString(), file);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: true });
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const file = this.files.get(uri.toString());
    if (!file) return "// This schema is no longer open in the Maximo explorer: open it again from the Object Structures view.";
    const text = await readFile(file, "utf8");
    try {
      return `${JSON.stringify(JSON.parse(text), null, 2)}\n`;
    } catch {
      return text;
    }
  }

  dispose(): void {
    this.registration.dispose();
  }
}
