/** The per-connection schema cache the language server reads (apimeta and jsonschemas). */
import type * as vscode from "vscode";
import type { Log } from "../contracts";
import { SchemaCacheController, type SchemaConnections, type SchemaFolderListener } from "./schemaCacheController";

export { SchemaCacheController } from "./schemaCacheController";

export function createSchemaCache(context: vscode.ExtensionContext, connections: SchemaConnections, listener: SchemaFolderListener, log: Log): SchemaCacheController {
  const controller = new SchemaCacheController(context, connections, listener, log);
  context.subscriptions.push(controller);
  return controller;
}
