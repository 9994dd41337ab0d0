/**
 * Read-only documents holding a server's copy of a script (`maximo-script:` URIs), the left side
 * of the Compare and conflict diff editors. The text lives in memory only while the extension
 * runs; nothing is written to disk.
 */
import * as vscode from "vscode";

export const serverScheme = "maximo-script";

export class ServerDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly registration: vscode.Disposable;

  constructor() {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(serverScheme, this);
  }

  /** A URI showing `text` as `NAME.ext` of CONNECTION; the same script again replaces the text. */
  put(connection: string, name: string, extension: string, text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: serverScheme, path: `/${connection}/${name}${extension}` });
    const key = uri.toString();
    const had = this.texts.has(key);
    this.texts.set(key, text);
    if (had) this.changed.fire(uri);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? "";
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
    this.texts.clear();
  }
}

/** Opens the diff editor: the server's copy on the left, the local file on the right. */
export async function showServerDiff(documents: ServerDocuments, connection: string, name: string, extension: string, serverText: string, local: vscode.Uri): Promise<void> {
  const left = documents.put(connection, name, extension, serverText);
  await vscode.commands.executeCommand("vscode.diff", left, local, `${name}: ${connection} ↔ local`, { preview: true });
}
