/** Maximo: Compare Automation Script with Server — the server's copy and the file in a diff editor. */
import * as vscode from "vscode";
import { readDefinition } from "../../scripts/definition";
import { extensionOf } from "../../scripts/language";
import { ScriptApi } from "../../scripts/scriptApi";
import { errorText, scriptDocument, type ScriptDeps } from "./scriptDeps";
import { signalOf } from "./scriptWorkspace";
import { showServerDiff } from "./serverDocuments";

export async function compareScript(deps: ScriptDeps, uri?: unknown): Promise<void> {
  const document = await scriptDocument(uri);
  if (!document) return;
  const read = readDefinition(document.uri.fsPath, document.getText());
  if (read.error !== undefined) {
    void vscode.window.showErrorMessage(read.error);
    return;
  }
  const name = read.definition.name;
  try {
    const connection = await deps.connections.choose();
    if (!connection) return;
    const server = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Reading ${name} from ${connection.name}`, cancellable: true },
      (_progress, token) => new ScriptApi(deps.connections.executor(connection), signalOf(token)).find(name),
    );
    if (!server) {
      void vscode.window.showInformationMessage(`${name} is not on ${connection.name} yet; "Maximo: Deploy Automation Script" creates it.`);
      return;
    }
    await showServerDiff(deps.documents, connection.name, name, extensionOf(server.language) ?? ".txt", server.source, document.uri);
  } catch (error) {
    deps.log.error(`Compare ${name}: ${errorText(error)}`);
    void vscode.window.showErrorMessage(`Comparing ${name} failed: ${errorText(error)}`);
  }
}
