// Entry point of the extension host side: wiring only.
import type { ExtensionContext } from "vscode";
import { MaximoLanguageClient } from "./language/languageClient";

export function activate(context: ExtensionContext): void {
  const languageClient = new MaximoLanguageClient(context);
  context.subscriptions.push(languageClient);
  languageClient.start();
}

export function deactivate(): void {
  // Disposables registered in activate() stop the language client.
}
