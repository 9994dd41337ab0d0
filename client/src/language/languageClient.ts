import * as vscode from "vscode";
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";

/** Starts the Maximo language server (dist/server.js) over IPC for `.maximo` documents. */
export class MaximoLanguageClient implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private started: Promise<void> | undefined;
  /** The schema folders last announced, sent again once a late-started server runs. */
  private folders: readonly string[] | undefined;
  private waitingForDocument: vscode.Disposable | undefined;

  constructor(private readonly context: vscode.ExtensionContext) {}

  /**
   * Starts the server now if a `.maximo` document is open, else when the first one opens: a
   * window that only deploys scripts (activated by a Python or JavaScript file) never runs it.
   */
  startWhenNeeded(): void {
    const isMaximo = (document: vscode.TextDocument) => document.languageId === "maximo";
    if (vscode.workspace.textDocuments.some(isMaximo)) return this.start();
    this.waitingForDocument = vscode.workspace.onDidOpenTextDocument((document) => {
      if (!isMaximo(document)) return;
      this.waitingForDocument?.dispose();
      this.waitingForDocument = undefined;
      this.start();
    });
  }

  start(): void {
    if (this.client) return;
    const module = this.context.asAbsolutePath("dist/server.js");
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ["--nolazy", "--inspect=6009"] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [{ language: "maximo" }],
      outputChannelName: "Maximo Language Server",
    };
    this.client = new LanguageClient("maximo", "Maximo Language Server", serverOptions, clientOptions);
    const client = this.client;
    this.started = client.start();
    this.started.then(
      () => (this.folders ? client.sendNotification("maximo/schemaFoldersChanged", { folders: this.folders }) : undefined),
      () => undefined,
    );
    this.started.catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      void vscode.window.showErrorMessage(
        `Maximo Workbench could not start its language server (${reason}). Reinstall the extension or run "npm run build" in a development checkout.`,
      );
    });
  }

  /** Tells the server which schema cache folders to read (first wins), once it is running. */
  async notifySchemaFolders(folders: readonly string[]): Promise<void> {
    this.folders = folders;
    if (!this.client || !this.started) return;
    await this.started;
    await this.client.sendNotification("maximo/schemaFoldersChanged", { folders });
  }

  dispose(): void {
    this.waitingForDocument?.dispose();
    void this.client?.stop();
    this.client = undefined;
  }
}
