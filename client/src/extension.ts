// Entry point of the extension host side: wiring only. Each part registers its own commands.
import type { ExtensionContext } from "vscode";
import type { Connections, ResponsePresenter } from "./extension/contracts";
import { createOutputLog } from "./extension/log";
import { MaximoLanguageClient } from "./language/languageClient";

/** Returned from activate(): what the extension-host tests (and other extensions) may use. */
export interface WorkbenchApi {
  connections?: Connections;
  responses?: ResponsePresenter;
}

export function activate(context: ExtensionContext): WorkbenchApi {
  const log = createOutputLog();
  context.subscriptions.push(log);
  const languageClient = new MaximoLanguageClient(context);
  context.subscriptions.push(languageClient);
  languageClient.start();
  const api: WorkbenchApi = {};
  return api;
}

export function deactivate(): void {
  // Disposables registered in activate() stop the language client.
}
