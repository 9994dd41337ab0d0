/** Environments in VS Code: the active one per workspace, its status bar item and picker, and the hover on {{variables}}. */
import * as vscode from "vscode";
import type { Connections, Log } from "../contracts";
import { ENVIRONMENT_COMMANDS } from "./commandIds";
import { EnvironmentManager } from "./environmentManager";
import { EnvironmentStatusBar } from "./environmentStatusBar";
import { selectEnvironment } from "./selectEnvironment";
import { registerVariableHover } from "./variableHover";

export { EnvironmentManager } from "./environmentManager";

/** Builds the environments part and registers its command and hover; all are disposed with the extension. */
export function createEnvironments(context: vscode.ExtensionContext, parts: { connections: Connections; log: Log }): EnvironmentManager {
  const environments = new EnvironmentManager(context.workspaceState);
  context.subscriptions.push(
    environments,
    new EnvironmentStatusBar(environments),
    vscode.commands.registerCommand(ENVIRONMENT_COMMANDS.select, (name?: unknown) => selectEnvironment(environments, parts.log, name)),
    registerVariableHover(environments, parts.connections, parts.log),
  );
  return environments;
}
