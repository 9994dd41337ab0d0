/** The "Maximo Responses" view and the history commands: reopen, clear, pick from a list. */
import * as vscode from "vscode";
import type { ResponsePresenter } from "../contracts";
import type { HistoryEntry, HistoryStore } from "./historyStore";

class HistoryTree implements vscode.TreeDataProvider<HistoryEntry> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly store: HistoryStore) {}

  refresh(): void {
    this.changed.fire();
  }

  async getChildren(): Promise<HistoryEntry[]> {
    const entries = [...(await this.store.list())];
    void vscode.commands.executeCommand("setContext", "maximo.historyHasEntries", entries.length > 0);
    return entries;
  }

  getTreeItem(entry: HistoryEntry): vscode.TreeItem {
    const item = new vscode.TreeItem(entry.title, vscode.TreeItemCollapsibleState.None);
    item.description = describe(entry);
    item.tooltip = `${entry.request.method} ${entry.request.url}\n${entry.request.connection} · ${new Date(entry.receivedAt).toLocaleString()}`;
    item.iconPath = new vscode.ThemeIcon(entry.status >= 400 ? "error" : "pass");
    item.command = { command: "maximo.history.show", title: "Show Response", arguments: [entry.id] };
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function describe(entry: HistoryEntry): string {
  const time = new Date(entry.receivedAt).toLocaleTimeString();
  return `${entry.status} · ${Math.round(entry.timings.totalMs)} ms · ${entry.request.connection} · ${time}`;
}

/** Registers the view and commands; returns the callback the runner calls after each add. */
export function registerHistory(context: vscode.ExtensionContext, store: HistoryStore, presenter: ResponsePresenter): () => void {
  const tree = new HistoryTree(store);
  const show = async (id: string) => {
    const model = await store.get(id);
    if (!model) {
      void vscode.window.showWarningMessage("That response is no longer in history.");
      tree.refresh();
      return;
    }
    presenter.show(model);
  };
  context.subscriptions.push(
    tree,
    vscode.window.registerTreeDataProvider("maximo.history", tree),
    vscode.commands.registerCommand("maximo.history.show", show),
    vscode.commands.registerCommand("maximo.history.open", async () => {
      const entries = await store.list();
      if (entries.length === 0) {
        void vscode.window.showInformationMessage("No responses yet: send a request from a .maximo file.");
        return;
      }
      const picked = await vscode.window.showQuickPick(
        entries.map((entry) => ({ label: entry.title, description: describe(entry), detail: `${entry.request.method} ${entry.request.url}`, id: entry.id })),
        { placeHolder: "Reopen a response", matchOnDescription: true, matchOnDetail: true },
      );
      if (picked) await show(picked.id);
    }),
    vscode.commands.registerCommand("maximo.history.clear", async () => {
      await store.clear();
      tree.refresh();
    }),
  );
  void tree.getChildren();
  return () => tree.refresh();
}
