/**
 * The explorer's actions: New Request, Insert at Cursor, Copy Name, Open JSON Schema, Run Saved
 * Query, Refresh and the filter. From a context menu they get the node; from the palette, the
 * view's selection.
 */
import * as vscode from "vscode";
import { structureOf, type StructureScoped } from "../../explorer/explorerModel";
import type { ExplorerNode, SavedQueryNode } from "../../explorer/nodes";
import { structureInsertion } from "../../explorer/requestText";
import { REFRESH_SCHEMAS_COMMAND } from "../connections/commandIds";
import { EXPLORER_COMMANDS } from "./commandIds";
import type { ExplorerTree } from "./explorerTree";
import type { SchemaDocuments } from "./schemaDocuments";

/** Registered by run/registerRunCommands.ts: sends the request at `{ uri, line }` (the CodeLens's argument). */
const SEND_COMMAND = "maximo.send";

export function registerExplorerCommands(tree: ExplorerTree, schemas: SchemaDocuments): vscode.Disposable[] {
  const model = tree.model;
  const target = (argument: unknown): ExplorerNode | undefined => (isNode(argument) ? argument : tree.view.selection[0]);
  const scoped = (argument: unknown, action: string): StructureScoped | undefined => {
    const node = target(argument);
    if (node && node.kind !== "connection" && node.kind !== "message") return node;
    void vscode.window.showInformationMessage(`Pick an object structure, attribute or saved query in the Object Structures view to ${action}.`);
    return undefined;
  };

  return [
    vscode.commands.registerCommand(EXPLORER_COMMANDS.newRequest, async (argument?: unknown) => {
      const node = scoped(argument, "write a request for it");
      if (node) await openRequest(await model.newRequest(node));
    }),

    vscode.commands.registerCommand(EXPLORER_COMMANDS.runSavedQuery, async (argument?: unknown) => {
      const node = target(argument);
      if (node?.kind !== "savedQuery") {
        void vscode.window.showInformationMessage("Pick a saved query in the Object Structures view to run it.");
        return;
      }
      await runSavedQuery(await model.savedQueryRequest(node as SavedQueryNode));
    }),

    vscode.commands.registerCommand(EXPLORER_COMMANDS.insertAtCursor, async (argument?: unknown) => {
      const node = scoped(argument, "insert its name");
      const editor = vscode.window.activeTextEditor;
      if (!node) return;
      if (!editor || editor.document.languageId !== "maximo") {
        void vscode.window.showInformationMessage("Open a .maximo file and put the cursor where the name goes.");
        return;
      }
      await editor.edit((edit) => {
        for (const selection of editor.selections) {
          const before = editor.document.lineAt(selection.start.line).text.slice(0, selection.start.character);
          edit.replace(selection, node.kind === "structure" ? structureInsertion(node.name, before) : nameOf(node));
        }
      });
    }),

    vscode.commands.registerCommand(EXPLORER_COMMANDS.copyName, async (argument?: unknown) => {
      const node = target(argument);
      const name = node?.kind === "connection" ? node.scope.connection : node && node.kind !== "message" ? nameOf(node) : undefined;
      if (name === undefined) return;
      await vscode.env.clipboard.writeText(name);
      vscode.window.setStatusBarMessage(`Copied ${name}`, 3000);
    }),

    vscode.commands.registerCommand(EXPLORER_COMMANDS.openSchema, async (argument?: unknown) => {
      const node = scoped(argument, "open its schema");
      if (!node) return;
      const structure = structureOf(node);
      const answer = await model.schemaFor(node.scope, structure, { fetch: true });
      if (!answer.file || !answer.schema) {
        void vscode.window.showWarningMessage(`No schema of ${structure} to open: ${answer.note ?? "it is neither cached nor in the offline pack"}.`);
        return;
      }
      await schemas.open(answer.file, answer.provenance === "pack" ? "offline pack" : (node.scope.connection ?? "offline pack"), structure);
    }),

    vscode.commands.registerCommand(EXPLORER_COMMANDS.refresh, async () => {
      // The existing path: apimeta and every cached schema of the active connection, with its messages.
      await vscode.commands.executeCommand(REFRESH_SCHEMAS_COMMAND);
      tree.reload();
    }),

    vscode.commands.registerCommand(EXPLORER_COMMANDS.filter, async () => {
      const text = await vscode.window.showInputBox({
        title: "Filter Object Structures",
        value: model.filterText,
        prompt: "Words that must all appear in a structure's name, description or application (empty: show all)",
        placeHolder: "e.g. wo detail",
      });
      if (text !== undefined) tree.setFilter(text);
    }),

    vscode.commands.registerCommand(EXPLORER_COMMANDS.clearFilter, () => tree.setFilter("")),
  ];
}

function isNode(value: unknown): value is ExplorerNode {
  return typeof value === "object" && value !== null && typeof (value as { kind?: unknown }).kind === "string" && typeof (value as { id?: unknown }).id === "string";
}

/** What Copy Name and Insert at Cursor give: names as requests write them (saved queries keep their case). */
function nameOf(node: StructureScoped): string {
  switch (node.kind) {
    case "structure":
      return node.name;
    case "savedQueries":
      return node.structure;
    case "savedQuery":
      return node.query.name;
    case "childObject":
    case "attribute":
      return node.attribute.name;
  }
}

async function openRequest(text: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: "maximo", content: text });
  return vscode.window.showTextDocument(document);
}

/** The generated request in an editor of its own, then sent through Send, as if its CodeLens was clicked. */
async function runSavedQuery(text: string): Promise<void> {
  const editor = await openRequest(text);
  const line = text.split("\n").findIndex((row) => row.startsWith("GET "));
  await vscode.commands.executeCommand(SEND_COMMAND, { uri: editor.document.uri.toString(), line });
}
