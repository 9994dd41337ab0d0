import * as vscode from "vscode";
import type { LanguageClient, LanguageClientOptions, ServerOptions } from "vscode-languageclient/node";
import { settingsMiddleware } from "./settingsMiddleware";

/** Starts the Maximo language server (dist/server.js) over IPC for `.maximo` documents. */
export class MaximoLanguageClient implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private started: Promise<void> | undefined;
  /** The schema folders last announced, sent again once a late-started server runs. */
  private folders: readonly string[] | undefined;
  private waitingForDocument: vscode.Disposable | undefined;
  private disposed = false;

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
    if (this.started) return;
    // The client library loads after activate() returns: activation stays cheap, the server
    // starts a moment later on the same thread.
    this.started = import("vscode-languageclient/node").then((library) => this.run(library));
    this.started.catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      void vscode.window.showErrorMessage(
        `Maximo Workbench could not start its language server (${reason}). Reinstall the extension or run "npm run build" in a development checkout.`,
      );
    });
  }

  private async run({ LanguageClient, TransportKind }: typeof import("vscode-languageclient/node")): Promise<void> {
    if (this.disposed) return;
    const module = this.context.asAbsolutePath("dist/server.js");
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ["--nolazy", "--inspect=6009"] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [{ language: "maximo" }],
      outputChannelName: "Maximo Language Server",
      // The server learns REST Client's environment names from the settings, never their values.
      middleware: { workspace: settingsMiddleware },
    };
    this.client = new LanguageClient("maximo", "Maximo Language Server", serverOptions, clientOptions);
    await this.client.start();
    if (this.folders) await this.client.sendNotification("maximo/schemaFoldersChanged", { folders: this.folders });
  }

  /** Tells the server which schema cache folders to read (first wins), once it is running. */
  async notifySchemaFolders(folders: readonly string[]): Promise<void> {
    this.folders = folders;
    if (!this.client || !this.started) return;
    await this.started;
    await this.client.sendNotification("maximo/schemaFoldersChanged", { folders });
  }

  dispose(): void {
    this.disposed = true;
    this.waitingForDocument?.dispose();
    void this.client?.stop();
    this.client = undefined;
  }
}
