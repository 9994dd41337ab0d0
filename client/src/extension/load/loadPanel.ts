/**
 * The load panel: one webview per load, beside the editor. It shows the preview and answers with
 * the user's decision (Load, or Cancel — closing the panel cancels too), then the progress, then
 * the results table. The page only ever gets file rows, schema facts and server messages: no
 * connection settings, no secrets.
 */
import * as vscode from "vscode";
import { isLoadPageMessage, type LoadHostMessage, type LoadPageMessage, type LoadPreview, type LoadResultsView } from "../../../webview/load/protocol";
import type { Log } from "../contracts";
import { pageHtml } from "../response/pageHtml";

export const loadViewType = "maximo.load";

export type LoadDecision = "load" | "cancel";

export class LoadPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private subscriptions: vscode.Disposable[] = [];
  private ready = false;
  /** What the page shows (a preview or results), sent again when a closed panel is reopened. */
  private view: LoadHostMessage | undefined;
  /** The running load's progress, or why the load stopped: shown after `view`. */
  private progressMessage: LoadHostMessage | undefined;
  private decided: ((decision: LoadDecision) => void) | undefined;
  private resultsFile: string | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly title: string,
    private readonly log: Log,
  ) {}

  /** Shows the preview; resolves with Load or Cancel (closing the panel is Cancel). */
  decide(preview: LoadPreview): Promise<LoadDecision> {
    this.view = { type: "preview", preview };
    this.progressMessage = undefined;
    this.reveal();
    return new Promise((resolve) => {
      this.decided = resolve;
    });
  }

  progress(done: number, total: number, rowsPerSecond?: number): void {
    this.progressMessage = { type: "progress", done, total, ...(rowsPerSecond !== undefined ? { rowsPerSecond } : {}) };
    if (this.panel && this.ready) void this.post(this.progressMessage);
  }

  /** The load stopped before any result: the preview's buttons come back with the reason. */
  stopped(message: string, preview: LoadPreview): Promise<LoadDecision> {
    this.progressMessage = { type: "stopped", message };
    this.view = { type: "preview", preview };
    const decision = new Promise<LoadDecision>((resolve) => {
      this.decided = resolve;
    });
    if (this.panel && this.ready) void this.post({ type: "stopped", message });
    else this.reveal();
    return decision;
  }

  /** Shows the results, reopening the panel if it was closed during the load. */
  results(view: LoadResultsView): void {
    this.view = { type: "results", results: view };
    this.progressMessage = undefined;
    this.resultsFile = view.resultsFile;
    if (this.panel && this.ready) void this.post(this.view);
    this.reveal();
  }

  dispose(): void {
    this.panel?.dispose();
  }

  private reveal(): void {
    if (this.panel) {
      this.panel.reveal(this.panel.viewColumn);
      return;
    }
    const panel = vscode.window.createWebviewPanel(loadViewType, this.title, { viewColumn: vscode.ViewColumn.Active }, {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, "dist")],
    });
    this.panel = panel;
    this.ready = false;
    const webview = panel.webview;
    webview.html = pageHtml(webview, this.extensionUri, "loadPanel", this.title);
    this.subscriptions = [
      webview.onDidReceiveMessage((message: unknown) => {
        if (isLoadPageMessage(message)) void this.handle(message);
      }),
      panel.onDidDispose(() => {
        for (const subscription of this.subscriptions) subscription.dispose();
        this.subscriptions = [];
        this.panel = undefined;
        this.ready = false;
        this.settle("cancel");
      }),
    ];
  }

  private settle(decision: LoadDecision): void {
    const decided = this.decided;
    this.decided = undefined;
    decided?.(decision);
  }

  private async handle(message: LoadPageMessage): Promise<void> {
    switch (message.type) {
      case "ready":
        this.ready = true;
        if (this.view) await this.post(this.view);
        if (this.progressMessage) await this.post(this.progressMessage);
        return;
      case "load":
      case "cancel":
        if (this.view?.type === "preview" && this.view.preview.id === message.previewId) this.settle(message.type);
        if (message.type === "cancel" && !this.decided) this.panel?.dispose();
        return;
      case "openResultsFile":
        if (this.view?.type === "results" && this.view.results.id === message.resultsId && this.resultsFile) {
          await vscode.window.showTextDocument(vscode.Uri.file(this.resultsFile), { preview: false });
        }
        return;
    }
  }

  private post(message: LoadHostMessage): Promise<boolean> {
    const panel = this.panel;
    if (!panel) return Promise.resolve(false);
    return Promise.resolve(panel.webview.postMessage(message)).then(
      (delivered) => delivered,
      (error: unknown) => {
        this.log.error(`load panel: posting ${message.type} failed: ${String(error)}`);
        return false;
      },
    );
  }
}
