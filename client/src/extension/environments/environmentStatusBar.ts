/**
 * The status bar item of the active environment, next to the connection's: shown while the
 * folder of the active editor has environments; a click picks another.
 */
import * as vscode from "vscode";
import { originLabel } from "../../environments/environmentSet";
import { ENVIRONMENT_COMMANDS } from "./commandIds";
import type { EnvironmentManager } from "./environmentManager";

export class EnvironmentStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem("maximo.environment", vscode.StatusBarAlignment.Left, 49);
  private readonly subscriptions: vscode.Disposable[];
  /** Renders may overlap (file events, editor switches): only the latest one writes. */
  private generation = 0;

  constructor(private readonly environments: EnvironmentManager) {
    this.item.name = "Maximo Environment";
    this.item.command = ENVIRONMENT_COMMANDS.select;
    this.subscriptions = [environments.onDidChange(() => void this.render()), vscode.window.onDidChangeActiveTextEditor(() => void this.render())];
    void this.render();
  }

  private async render(): Promise<void> {
    const generation = ++this.generation;
    const folder = this.environments.folderOf();
    let text: string | undefined;
    let tooltip = "";
    try {
      const set = folder === undefined ? undefined : await this.environments.setOf(folder);
      if (set && set.environments.size > 0) {
        const active = this.environments.active();
        const known = active !== undefined && set.environments.has(active);
        text = `$(symbol-variable) ${known ? active : "No environment"}`;
        tooltip = `Maximo environment from ${originLabel(set.origin)}: ${known ? `"${active}"` : "none"}, plus "$shared". Click to pick another.`;
      }
    } catch (error) {
      text = "$(warning) Environment";
      tooltip = error instanceof Error ? error.message : String(error);
    }
    if (generation !== this.generation) return;
    if (text === undefined) {
      this.item.hide();
      return;
    }
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.show();
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.item.dispose();
  }
}
