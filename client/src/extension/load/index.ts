/** Load Data from CSV/Excel in VS Code: the command, on the engine of client/src/load/. */
import * as vscode from "vscode";
import type { Connections, Log } from "../contracts";
import { LOAD_COMMANDS } from "./commandIds";
import { loadFromFile } from "./loadCommand";
import { engineLoad } from "./engineLoad";
import { StructureSchemas, type LoadSchemaCache } from "./structureSchemas";

export function registerLoad(context: vscode.ExtensionContext, parts: { connections: Connections; schemaCache: LoadSchemaCache; log: Log }): void {
  const deps = {
    connections: parts.connections,
    schemas: new StructureSchemas(context.asAbsolutePath("server/schema-pack"), parts.schemaCache),
    engine: engineLoad,
    log: parts.log,
    extensionUri: context.extensionUri,
  };
  context.subscriptions.push(vscode.commands.registerCommand(LOAD_COMMANDS.fromFile, (uri?: unknown) => loadFromFile(deps, uri)));
}
