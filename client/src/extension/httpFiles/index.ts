/**
 * `.http` and `.rest` files (REST Client's and httpyac's) in Maximo Workbench: the command
 * "Use Maximo Workbench for .http and .rest Files" writes a workspace `files.associations`
 * entry, and an offer to run it appears once per workspace when such a file is opened next to
 * `.maximo` files or holds Maximo URLs. Opening a document costs a file-name test; the folder
 * is listed only for `.http`/`.rest` files, and only until the offer was made.
 */
import { promises as fs } from "node:fs";
import { dirname } from "node:path";
import * as vscode from "vscode";
import type { Log } from "../contracts";
import { associatedWithMaximo, isHttpFile, MAXIMO_LANGUAGE, shouldOffer, withHttpAssociations } from "./associations";
import { USE_FOR_HTTP_FILES_COMMAND } from "./commandIds";

/** workspaceState key: the offer was shown in this workspace. */
const OFFERED = "maximo.httpFiles.offered";

export function registerHttpFiles(context: vscode.ExtensionContext, log: Log): vscode.Disposable {
  const check = (document: vscode.TextDocument) => {
    if (document.uri.scheme !== "file" || !isHttpFile(document.fileName)) return;
    void offerFor(context, document).catch((error: unknown) => log.error(`http files: ${error instanceof Error ? error.message : String(error)}`));
  };
  for (const document of vscode.workspace.textDocuments) check(document);
  return vscode.Disposable.from(
    vscode.commands.registerCommand(USE_FOR_HTTP_FILES_COMMAND, () => useForHttpFiles()),
    vscode.workspace.onDidOpenTextDocument(check),
  );
}

function associations(): Record<string, string> | undefined {
  return vscode.workspace.getConfiguration("files").get<Record<string, string>>("associations");
}

async function offerFor(context: vscode.ExtensionContext, document: vscode.TextDocument): Promise<void> {
  if (context.workspaceState.get<boolean>(OFFERED) || document.languageId === MAXIMO_LANGUAGE) return;
  const siblings = await fs.readdir(dirname(document.fileName)).catch(() => [] as string[]);
  const offer = shouldOffer({ path: document.fileName, text: document.getText(), siblings, alreadyOffered: context.workspaceState.get<boolean>(OFFERED) ?? false, associations: associations() });
  if (!offer) return;
  // Remembered before it is shown: once per workspace, whatever the answer.
  await context.workspaceState.update(OFFERED, true);
  const use = "Use Maximo Workbench";
  const answer = await vscode.window.showInformationMessage(
    "This request file looks like Maximo work. Open .http and .rest files in this workspace with Maximo Workbench (completion, checks and Send for Maximo)?",
    use,
    "Not Now",
  );
  if (answer === use) await useForHttpFiles();
}

/** Maps `*.http` and `*.rest` to `maximo` in the workspace settings (user settings without a folder), and reopens open ones. */
async function useForHttpFiles(): Promise<void> {
  const files = vscode.workspace.getConfiguration("files");
  const inWorkspace = (vscode.workspace.workspaceFolders?.length ?? 0) > 0;
  const target = inWorkspace ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  const inspected = files.inspect<Record<string, string>>("associations");
  const current = inWorkspace ? inspected?.workspaceValue : inspected?.globalValue;
  if (!associatedWithMaximo(current)) await files.update("associations", withHttpAssociations(current), target);
  for (const document of vscode.workspace.textDocuments) {
    if (document.uri.scheme === "file" && isHttpFile(document.fileName) && document.languageId !== MAXIMO_LANGUAGE) {
      await vscode.languages.setTextDocumentLanguage(document, MAXIMO_LANGUAGE);
    }
  }
  void vscode.window.showInformationMessage(
    `.http and .rest files now open with Maximo Workbench${inWorkspace ? " in this workspace" : " (user settings: no folder is open)"}. Remove the files.associations entries to undo.`,
  );
}
