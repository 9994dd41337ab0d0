/** The status bar item: the active connection (its colour, a lock when read-only); a click selects another. */
import * as vscode from "vscode";
import type { Connections } from "../contracts";
import { CONNECTION_COMMANDS } from "./commandIds";
import { statusPresentation, type StatusPresentation } from "./statusPresentation";

export class ConnectionStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem("maximo.connection", vscode.StatusBarAlignment.Left, 50);
  private readonly subscription: vscode.Disposable;
  private shown: StatusPresentation | undefined;

  constructor(private readonly connections: Connections) {
    this.item.name = "Maximo Connection";
    this.item.command = CONNECTION_COMMANDS.select;
    this.subscription = connections.onDidChange(() => this.render());
    this.render();
    this.item.show();
  }

  /** What the item shows now (for tests: no API reads another extension's status bar). */
  presentation(): StatusPresentation | undefined {
    return this.shown;
  }

  private render(): void {
    const shown = statusPresentation(this.connections.active(), this.connections.all().length);
    this.item.text = shown.text;
    this.item.tooltip = shown.tooltip;
    this.item.color = shown.colour;
    this.shown = shown;
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
