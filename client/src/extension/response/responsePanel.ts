/**
 * The "Maximo Response" panel: one webview beside the editor, reused for every response. The host
 * hands the body over as bytes, once per response, and does nothing else with it on the way: the
 * page parses and renders it. `retainContextWhenHidden` keeps the page (and its parsed body)
 * alive while the tab is in the background, so switching tabs never re-sends anything.
 */
import * as vscode from "vscode";
import { isPageMessage, type HostMessage, type PageMessage, type PageState, type PanelAction, type ResponseMeta } from "../../../webview/protocol";
import type { Log, ResponseActions, ResponseModel, ResponsePresenter } from "../contracts";
import { readBodyRange } from "./bodyRange";
import { BodyCrossing } from "./bodyTransfer";
import { pageHtml } from "./pageHtml";
import { openInEditor, revealRequest, saveResponse } from "./responseFiles";

export const responseViewType = "maximo.response";
export const responsePanelTitle = "Maximo Response";

interface Current {
  model: ResponseModel;
  actions?: ResponseActions;
  /** Keeps a temporary body file until the response is replaced or the panel closes. */
  release?: () => void;
}

/** Finds a response by id after a window reload (history can); undefined when it is gone. */
export type ResponseRestorer = (id: string) => Promise<Current | undefined> | Current | undefined;

export class ResponsePanel implements ResponsePresenter {
  private panel: vscode.WebviewPanel | undefined;
  private panelSubscriptions: vscode.Disposable[] = [];
  /** The page has loaded and listens. */
  private ready = false;
  /** The body crossing to the page; a newer send (or the panel closing) cancels it. */
  private crossing: BodyCrossing | undefined;
  private current: Current | undefined;
  private restorer: ResponseRestorer | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log?: Log,
  ) {
    this.subscriptions.push(
      vscode.window.registerWebviewPanelSerializer(responseViewType, {
        deserializeWebviewPanel: (panel, state) => this.revive(panel, state as PageState | undefined),
      }),
    );
  }

  /** Lets history bring a response back into a panel restored after a reload. */
  setRestorer(restorer: ResponseRestorer): void {
    this.restorer = restorer;
  }

  show(model: ResponseModel, actions?: ResponseActions): void {
    this.current?.release?.();
    this.current = { model, actions, release: model.body.hold() };
    if (this.panel) {
      this.panel.reveal(this.panel.viewColumn, true);
    } else {
      const panel = vscode.window.createWebviewPanel(
        responseViewType,
        responsePanelTitle,
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        this.webviewOptions(),
      );
      this.adopt(panel);
    }
    // Until the page says it is ready, the response waits in `current`.
    if (this.ready) this.send();
  }

  attachServerLog(model: ResponseModel, serverLog: ResponseModel["serverLog"] | undefined): void {
    if (serverLog) model.serverLog = serverLog;
    else delete model.serverLog;
    if (this.current?.model === model && this.ready) void this.post({ type: "serverLog", responseId: model.id, ...(serverLog ? { serverLog } : {}) });
  }

  dispose(): void {
    this.panel?.dispose();
    this.current?.release?.();
    this.current = undefined;
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private webviewOptions(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, "dist")],
    };
  }

  private async revive(panel: vscode.WebviewPanel, state: PageState | undefined): Promise<void> {
    panel.webview.options = this.webviewOptions();
    this.adopt(panel);
    if (!state?.responseId || !this.restorer || this.current) return;
    const restored = await this.restorer(state.responseId);
    if (restored && !this.current) this.show(restored.model, restored.actions);
  }

  private adopt(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    this.ready = false;
    const webview = panel.webview;
    webview.html = pageHtml(webview, this.extensionUri, "webview");
    this.panelSubscriptions = [
      webview.onDidReceiveMessage((message: unknown) => {
        if (isPageMessage(message)) void this.handle(message);
      }),
      panel.onDidDispose(() => {
        for (const subscription of this.panelSubscriptions) subscription.dispose();
        this.panelSubscriptions = [];
        this.panel = undefined;
        this.ready = false;
        this.crossing?.cancel();
        // Drop the body with the panel (and its temporary file, unless someone else holds it).
        this.current?.release?.();
        this.current = undefined;
      }),
    ];
  }

  /** Posts a message; resolves with whether the page received it. */
  private post(message: HostMessage): Promise<boolean> {
    const panel = this.panel;
    if (!panel) return Promise.resolve(false);
    return Promise.resolve(panel.webview.postMessage(message)).then(
      (delivered) => {
        if (!delivered) this.log?.warn(`response panel: a ${message.type} message was not delivered`);
        return delivered;
      },
      (error: unknown) => {
        this.log?.error(`response panel: posting ${message.type} failed: ${String(error)}`);
        return false;
      },
    );
  }

  /**
   * The one crossing of the body: metadata as JSON with the first part of the bytes, then the
   * remaining parts, paced by the page's acknowledgements (bodyTransfer.ts): each part costs the
   * extension host a short task to serialise, and never more than a window of them waits for a
   * busy page. A body on disk is read a part at a time. A newer response, or a part the page did
   * not take, stops it.
   */
  private send(): void {
    const current = this.current;
    if (!current) return;
    const { model, actions } = current;
    const { body, ...rest } = model;
    const response: ResponseMeta = rest;
    this.crossing?.cancel();
    const crossing = new BodyCrossing(body, {
      first: (first, totalBytes) =>
        this.post({
          type: "show",
          response,
          body: first,
          totalBytes,
          actions: { nextPage: typeof actions?.nextPage === "function", allPages: typeof actions?.allPages === "function", export: typeof actions?.export === "function" },
        }),
      part: (offset, chunk) => this.post({ type: "bodyChunk", responseId: model.id, offset, chunk }),
    });
    this.crossing = crossing;
    // Read errors (a history file removed meanwhile) end the crossing with a line in the log.
    crossing.run().catch((error: unknown) => {
      this.log?.error(`response panel: reading the body failed: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  private async handle(message: PageMessage): Promise<void> {
    if (message.type === "ready") {
      this.ready = true;
      this.send();
      return;
    }
    if (message.type === "bodyAck") {
      if (message.responseId === this.current?.model.id) this.crossing?.ack(message.offset);
      return;
    }
    if (message.type === "copy") {
      await vscode.env.clipboard.writeText(message.text);
      vscode.window.setStatusBarMessage(`Copied ${message.what}`, 2500);
      return;
    }
    const current = this.current;
    // A click on a response that has since been replaced does nothing.
    if (!current || message.responseId !== current.model.id) return;
    try {
      switch (message.type) {
        case "nextPage":
        case "allPages":
        case "export":
          await this.runAction(current, message.type);
          return;
        case "save":
          await saveResponse(current.model);
          return;
        case "openInEditor":
          await openInEditor(current.model, this.panel?.viewColumn);
          return;
        case "revealRequest":
          await revealRequest(current.model);
          return;
        case "bodyRange": {
          // A page keeping only an index of a large body asks for the rows and lines on screen.
          const answer = await readBodyRange(current.model.body, message.start, message.end);
          void this.post({ type: "bodyRange", responseId: message.responseId, requestId: message.requestId, start: message.start, ...answer });
          return;
        }
      }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.log?.error(`response panel: ${message.type} failed: ${reason}`);
      void vscode.window.showErrorMessage(`Could not ${actionWords[message.type]}: ${reason}`, "Show Log").then((choice) => {
        if (choice) this.log?.show();
      });
    }
  }

  private async runAction(current: Current, action: PanelAction): Promise<void> {
    try {
      const run = current.actions?.[action];
      if (run) await run.call(current.actions);
    } finally {
      void this.post({ type: "actionDone", action });
    }
  }
}

const actionWords: Record<Exclude<PageMessage["type"], "ready" | "copy" | "bodyAck">, string> = {
  nextPage: "fetch the next page",
  allPages: "fetch all pages",
  export: "export the pages",
  save: "save the response",
  openInEditor: "open the response in an editor",
  revealRequest: "open the request",
  bodyRange: "read the body",
};
