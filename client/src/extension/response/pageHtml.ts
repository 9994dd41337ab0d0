import * as vscode from "vscode";
import { panelHtml } from "./panelHtml";

/** A webview's HTML shell for the page bundle `dist/<bundle>.js` and its `dist/<bundle>.css` (the response and load panels). */
export function pageHtml(webview: vscode.Webview, extensionUri: vscode.Uri, bundle: string, title?: string): string {
  const dist = vscode.Uri.joinPath(extensionUri, "dist");
  return panelHtml({
    cspSource: webview.cspSource,
    scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, `${bundle}.js`)).toString(),
    styleUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, `${bundle}.css`)).toString(),
    ...(title !== undefined ? { title } : {}),
  });
}
