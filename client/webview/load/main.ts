// The load panel's page script (bundled for the browser into dist/load.js, its styles into
// dist/load.css). Messages from the host are declared in protocol.ts.
import { LoadPage } from "./loadPage";
import type { LoadHostMessage, LoadPageMessage } from "./protocol";
import "./load.css";

interface VsCodeApi {
  postMessage(message: LoadPageMessage): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const page = new LoadPage(document.getElementById("app") ?? document.body, (message) => vscode.postMessage(message));

window.addEventListener("message", (event: MessageEvent<LoadHostMessage>) => {
  const message = event.data;
  if (typeof message !== "object" || message === null || typeof message.type !== "string") return;
  page.receive(message);
});

vscode.postMessage({ type: "ready" });
