// The response panel's page script (bundled for the browser into dist/webview.js, its styles into
// dist/webview.css). Messages from the host are declared in protocol.ts.
import type { HostMessage, PageMessage, PageState } from "./protocol";
import { App } from "./ui/app";
import "./styles.css";

interface VsCodeApi {
  postMessage(message: PageMessage): void;
  setState(state: PageState): void;
  getState(): PageState | undefined;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById("app") ?? document.body;
const app = new App(root, (message) => vscode.postMessage(message));

window.addEventListener("message", (event: MessageEvent<HostMessage>) => {
  const message = event.data;
  if (typeof message !== "object" || message === null || typeof message.type !== "string") return;
  if (message.type === "show") vscode.setState({ responseId: message.response.id });
  app.receive(message);
  // Each part taken: the host sends the next ones only as the page keeps up.
  if (message.type === "show") vscode.postMessage({ type: "bodyAck", responseId: message.response.id, offset: 0 });
  else if (message.type === "bodyChunk") vscode.postMessage({ type: "bodyAck", responseId: message.responseId, offset: message.offset });
});

vscode.postMessage({ type: "ready" });
