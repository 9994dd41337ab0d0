/**
 * The automation-script commands (Deploy, Extract, Compare, Run) and deploy on save. Built once
 * by activate(); everything is disposed with the extension.
 */
import * as vscode from "vscode";
import type { Connections, Log, ResponsePresenter, ServerLogCaptures } from "../contracts";
import { SCRIPT_COMMANDS } from "./commandIds";
import { compareScript } from "./compareScript";
import { extractCommand } from "./extractScripts";
import { runScriptCommand } from "./runScriptCommand";
import type { ScriptDeps } from "./scriptDeps";
import { ScriptDeployer } from "./scriptDeployer";
import { createStateStore } from "./scriptWorkspace";
import { ServerDocuments } from "./serverDocuments";

export function registerScripts(context: vscode.ExtensionContext, parts: { connections: Connections; log: Log; responses?: ResponsePresenter; serverLog?: ServerLogCaptures }): void {
  const documents = new ServerDocuments();
  const deps: ScriptDeps = { ...parts, state: createStateStore(context), documents };
  const deployer = new ScriptDeployer(deps);
  context.subscriptions.push(
    documents,
    vscode.commands.registerCommand(SCRIPT_COMMANDS.deploy, (uri?: unknown) => deployer.deployCommand(uri)),
    vscode.commands.registerCommand(SCRIPT_COMMANDS.extract, () => extractCommand(deps)),
    vscode.commands.registerCommand(SCRIPT_COMMANDS.compare, (uri?: unknown) => compareScript(deps, uri)),
    vscode.commands.registerCommand(SCRIPT_COMMANDS.run, (name?: unknown) => runScriptCommand(deps, name)),
    vscode.workspace.onDidSaveTextDocument((document) => void deployer.onSave(document)),
  );
}
