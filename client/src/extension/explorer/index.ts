/**
 * The "Maximo" view container's Object Structures view: built once by activate(), it follows
 * the connections and the schema cache (reloading when a selection or refresh settles).
 */
import * as vscode from "vscode";
import { ExplorerModel } from "../../explorer/explorerModel";
import type { Connections, ExtensionConnection, Log } from "../contracts";
import { registerExplorerCommands } from "./explorerCommands";
import { ExplorerTree } from "./explorerTree";
import { SchemaDocuments } from "./schemaDocuments";

/** What the explorer needs of the schema cache (schemaCache/schemaCacheController.ts). */
export interface ExplorerSchemaCache {
  folderFor(connection: ExtensionConnection): string;
  ensureSchema(connection: ExtensionConnection, name: string): Promise<{ ok: true } | { ok: false; reason: string }>;
  settled(): Promise<void>;
}

export function registerExplorer(context: vscode.ExtensionContext, parts: { connections: Connections; schemaCache: ExplorerSchemaCache; log: Log }): ExplorerTree {
  const { connections, schemaCache } = parts;
  const model = new ExplorerModel({
    packDir: context.asAbsolutePath("server/schema-pack"),
    connections: () => {
      const active = connections.active()?.name;
      return connections.all().map((connection) => ({ name: connection.name, active: connection.name === active, folder: schemaCache.folderFor(connection) }));
    },
    fetchSchema: async (name, structure) => {
      const connection = connections.all().find((candidate) => candidate.name === name);
      return connection ? schemaCache.ensureSchema(connection, structure) : { ok: false, reason: `there is no connection "${name}"` };
    },
  });
  const tree = new ExplorerTree(model, parts.log);
  const schemas = new SchemaDocuments();
  // A selection fetches apimeta in the background: show the change now, and the fetched list once settled.
  let followed = 0;
  const follow = async () => {
    const mine = ++followed;
    tree.reload();
    await schemaCache.settled();
    if (mine === followed) tree.reload();
  };
  context.subscriptions.push(tree, schemas, connections.onDidChange(() => void follow()), ...registerExplorerCommands(tree, schemas));
  void follow();
  return tree;
}
