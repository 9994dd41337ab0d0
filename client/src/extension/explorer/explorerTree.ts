/**
 * The "Object Structures" tree: the engine's nodes as VS Code tree items, attribute checkboxes
 * kept by the engine, and the filter shown in the view's description and message.
 */
import * as vscode from "vscode";
import type { ExplorerModel } from "../../explorer/explorerModel";
import { itemTooltip, itemView, type ItemView } from "../../explorer/itemView";
import type { ExplorerNode } from "../../explorer/nodes";
import type { Log } from "../contracts";
import { CONNECTION_COMMANDS } from "../connections/commandIds";
import { EXPLORER_COMMANDS, EXPLORER_VIEW, FILTERED_CONTEXT } from "./commandIds";

const COLLAPSIBLE: Record<ItemView["collapsible"], vscode.TreeItemCollapsibleState> = {
  none: vscode.TreeItemCollapsibleState.None,
  collapsed: vscode.TreeItemCollapsibleState.Collapsed,
  expanded: vscode.TreeItemCollapsibleState.Expanded,
};

export class ExplorerTree implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<ExplorerNode>;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly model: ExplorerModel,
    private readonly log: Log,
  ) {
    // Checkboxes are the user's own picks: ticking one never ticks its parent or children.
    this.view = vscode.window.createTreeView(EXPLORER_VIEW, { treeDataProvider: this, manageCheckboxStateManually: true, showCollapseAll: true });
    this.disposables.push(
      this.view,
      this.changed,
      this.view.onDidChangeCheckboxState((event) => {
        for (const [node, state] of event.items) {
          if (node.kind === "attribute") this.model.setTicked(node, state === vscode.TreeItemCheckboxState.Checked);
        }
      }),
    );
  }

  /** Everything again (after a refresh or a connection change): the model rereads its folders. */
  reload(): void {
    this.model.reload();
    this.changed.fire(undefined);
  }

  setFilter(text: string): void {
    this.model.setFilter(text);
    const filter = this.model.filterText;
    this.view.description = filter ? `filter: ${filter}` : undefined;
    this.view.message = filter ? `Object structures whose name, description or application contain "${filter}". Clear the filter to see all.` : undefined;
    void vscode.commands.executeCommand("setContext", FILTERED_CONTEXT, filter !== "");
    this.changed.fire(undefined);
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    try {
      return await this.model.children(node);
    } catch (error) {
      // A tree that throws shows nothing and says nothing: log it, show an empty level.
      this.log.error(`Object Structures view: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return [];
    }
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    const view = itemView(node, node.kind === "attribute" && this.model.isTicked(node));
    const item = new vscode.TreeItem(view.label, COLLAPSIBLE[view.collapsible]);
    item.id = view.id;
    item.description = view.description;
    item.contextValue = view.contextValue;
    item.iconPath = new vscode.ThemeIcon(view.icon);
    if (view.checked !== undefined) item.checkboxState = view.checked ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked;
    if (view.action?.kind === "selectConnection") item.command = { command: CONNECTION_COMMANDS.select, title: "Select Connection", arguments: [view.action.connection] };
    if (view.action?.kind === "refresh") item.command = { command: EXPLORER_COMMANDS.refresh, title: "Refresh" };
    return item;
  }

  /** Tooltips are built when a row is hovered, not for every row of a level. */
  resolveTreeItem(item: vscode.TreeItem, node: ExplorerNode): vscode.TreeItem {
    const tooltip = itemTooltip(node);
    if (tooltip !== undefined) item.tooltip = new vscode.MarkdownString(tooltip);
    return item;
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
