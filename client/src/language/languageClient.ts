import * as vscode from "vscode";
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";

/** Starts the Maximo language server (dist/server.js) over IPC for `.maximo` documents. */
export class MaximoLanguageClient implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private started: Promise<void> | undefined;

  constructor(private readonly context: vscode.ExtensionContext) {}

  start(): void {
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
    this.started = this.client.start();
    this.started.catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      void vscode.window.showErrorMessage(
        `Maximo Workbench could not start its language server (${reason}). Reinstall the extension or run "npm run build" in a development checkout.`,
      );
    });
  }

  /** Tells the server which schema cache folders to read (first wins), once it is running. */
  async notifySchemaFolders(folders: readonly string[]): Promise<void> {
    if (!this.client || !this.started) return;
    await this.started;
    await this.client.sendNotification("maximo/schemaFoldersChanged", { folders });
  }

  dispose(): void {
    void this.client?.stop();
    this.client = undefined;
  }
}
