/** Sending requests and keeping their responses: the runner, its commands and the history view. */
import * as vscode from "vscode";
import type { Connections, Environments, Log, ResponsePresenter, ServerLogCaptures } from "../contracts";
import { HistoryStore } from "../history/historyStore";
import { registerHistory } from "../history/historyView";
import { extensionBodyStorage } from "../response/bodyFolder";
import { registerRunCommands } from "./registerRunCommands";
import type { RequestRunner } from "./requestRunner";

/** Returns the history, which also restores the response panel after a window reload. */
export function registerRequests(context: vscode.ExtensionContext, parts: { connections: Connections; environments: Environments; presenter: ResponsePresenter; log: Log; serverLog?: ServerLogCaptures }): HistoryStore {
  // Per workspace when there is one; a window without a folder keeps its own list.
  const dir = vscode.Uri.joinPath(context.storageUri ?? context.globalStorageUri, "history").fsPath;
  const history = new HistoryStore(dir, () => {
    const settings = vscode.workspace.getConfiguration("maximo.history");
    return { maxEntries: settings.get<number>("maxEntries", 50), maxBodyBytes: settings.get<number>("maxBodyBytes", 256 * 1024 * 1024) };
  });
  const onHistoryChanged = registerHistory(context, history, parts.presenter);
  // Loaded on the first Send: the request parser and the HTTP stack stay out of activation.
  let runner: Promise<RequestRunner> | undefined;
  const getRunner = () => (runner ??= import("./requestRunner").then(({ RequestRunner }) => new RequestRunner({ ...parts, history, onHistoryChanged, bodies: extensionBodyStorage(context) })));
  registerRunCommands(context, getRunner, parts.log);
  return history;
}
