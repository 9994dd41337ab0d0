/** Connections for the extension: the setting, SecretStorage, the status bar and the connection commands. */
import type * as vscode from "vscode";
import { ConnectionManager, type ConnectionsLog } from "./connectionManager";
import { registerConnectionCommands } from "./connectionCommands";

export { ConnectionManager, type ConnectionsLog } from "./connectionManager";
export type { ConnectionTestResult } from "./connectionTest";

/** Builds the connections part and registers its commands; both are disposed with the extension. */
export function createConnections(context: vscode.ExtensionContext, log: ConnectionsLog): ConnectionManager {
  const manager = new ConnectionManager(context, log);
  context.subscriptions.push(manager, registerConnectionCommands(manager, log));
  return manager;
}
