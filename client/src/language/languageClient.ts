import * as vscode from "vscode";
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";

/** Starts the Maximo language server (dist/server.js) over IPC for `.maximo` documents. */
export class MaximoLanguageClient implements vscode.Disposable {
  private client: LanguageClient | undefined;

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
    this.client.start().catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      void vscode.window.showErrorMessage(
        `Maximo Workbench could not start its language server (${reason}). Reinstall the extension or run "npm run build" in a development checkout.`,
      );
    });
  }

  dispose(): void {
    void this.client?.stop();
    this.client = undefined;
  }
}
