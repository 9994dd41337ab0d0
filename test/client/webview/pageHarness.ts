/**
 * The response panel's page (dist/webview.js + dist/webview.css) in a plain Chromium page, outside
 * VS Code: a local server on 127.0.0.1 serves a shell that, like VS Code's, applies a strict CSP
 * with a nonce and defines `acquireVsCodeApi` (recording what the page posts). Responses are
 * posted to the page as VS Code does: a message whose body is an ArrayBuffer, transferred. Used by
 * browser.test.ts and bench/render.ts.
 */
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { firstPartBytes, partBytes } from "../../../client/src/extension/response/bodyTransfer";
import type { PageMessage, ResponseMeta } from "../../../client/webview/protocol";
import type { PageWindow } from "./pageGlobals";

declare const window: PageWindow;

const root = process.env.MAXIMO_WORKBENCH_ROOT ?? process.cwd();

/** A dark theme's worth of the variables VS Code defines, so screenshots look like the panel. */
const themeVariables = `:root {
  --vscode-font-family: system-ui, sans-serif; --vscode-font-size: 13px;
  --vscode-editor-font-family: monospace; --vscode-editor-font-size: 13px;
  --vscode-foreground: #cccccc; --vscode-editor-background: #1f1f1f; --vscode-descriptionForeground: #9d9d9d;
  --vscode-panel-border: #2b2b2b; --vscode-button-background: #0078d4; --vscode-button-foreground: #ffffff;
  --vscode-button-secondaryBackground: #313131; --vscode-button-secondaryForeground: #cccccc;
  --vscode-input-background: #313131; --vscode-input-foreground: #cccccc; --vscode-focusBorder: #0078d4;
  --vscode-list-hoverBackground: #2a2d2e; --vscode-list-inactiveSelectionBackground: #37373d;
  --vscode-errorForeground: #f85149; --vscode-testing-iconPassed: #73c991;
  --vscode-inputValidation-errorBackground: #5a1d1d; --vscode-inputValidation-errorBorder: #be1100;
  --vscode-textLink-foreground: #4daafc; --vscode-editorLineNumber-foreground: #6e7681;
  --vscode-debugTokenExpression-string: #ce9178; --vscode-debugTokenExpression-number: #b5cea8;
  --vscode-debugTokenExpression-boolean: #4e94ce; --vscode-menu-background: #1f1f1f; --vscode-menu-foreground: #cccccc;
  --vscode-menu-selectionBackground: #0078d4; --vscode-panelTitle-activeBorder: #0078d4;
  --vscode-panelTitle-activeForeground: #e7e7e7; --vscode-panelTitle-inactiveForeground: #9d9d9d;
  --vscode-editor-findMatchHighlightBackground: #623315; --vscode-progressBar-background: #0078d4;
}`;

/** Stands in for VS Code's webview host: the API object, plus probes the tests read. */
const shellScript = `
window.__posted = [];
window.__violations = [];
window.__longTasks = [];
let state;
window.__bodies = {};
window.acquireVsCodeApi = () => ({
  postMessage: (message) => {
    window.__posted.push(message);
    // A windowed body's views ask for byte ranges; the host answers from the body (bodyRange.ts).
    if (message.type === "bodyRange") setTimeout(() => window.__answerRange(message));
  },
  setState: (value) => { state = value; },
  getState: () => state,
});
document.addEventListener("securitypolicyviolation", (event) => window.__violations.push(event.violatedDirective + " " + event.blockedURI));
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
}).observe({ type: "longtask", buffered: true });
window.__answerRange = async (message) => {
  const body = window.__bodies[message.responseId];
  if (!body) return;
  const bytes = typeof body === "string"
    ? new Uint8Array(await (await fetch("/payload/" + body, { headers: { range: "bytes=" + message.start + "-" + (message.end - 1) } })).arrayBuffer())
    : body.slice(message.start, message.end);
  const chunk = bytes.buffer;
  window.postMessage({ type: "bodyRange", responseId: message.responseId, requestId: message.requestId, start: message.start, chunk }, "*", [chunk]);
};
// Posts a response as the host does (responsePanel.ts): the first part with "show", the rest as
// "bodyChunk"s, every part a transferred ArrayBuffer. The parts are cut before the clock starts.
window.__show = async (response, payload, actions, firstPart, partSize, withholdRest, rangesFromServer) => {
  const all = new Uint8Array(await (await fetch("/payload/" + payload)).arrayBuffer());
  const total = all.length;
  // Ranges read from the server keep no copy of the body in this page (bench/render's heap figures).
  window.__bodies[response.id] = rangesFromServer ? payload : all;
  const first = all.slice(0, Math.min(total, firstPart)).buffer;
  const rest = [];
  for (let offset = Math.min(total, firstPart); offset < total; offset += partSize) {
    rest.push({ offset, chunk: all.slice(offset, offset + partSize).buffer });
  }
  // Each part in a task of its own, as messages from the host arrive.
  const sendRest = () => {
    for (const part of rest) {
      setTimeout(() => window.postMessage({ type: "bodyChunk", responseId: response.id, offset: part.offset, chunk: part.chunk }, "*", [part.chunk]));
    }
  };
  const postedAt = performance.now();
  window.__postedAt = postedAt;
  window.postMessage({ type: "show", response, body: first, totalBytes: total, actions }, "*", [first]);
  if (withholdRest) window.__sendRest = sendRest;
  else sendRest();
  return postedAt;
};
`;

function shell(nonce: string): string {
  // connect-src 'self' is the shell's own need (fetching payloads); the page script needs nothing of it.
  const csp = `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'self' 'nonce-${nonce}'; img-src 'self' data:; font-src 'self'; connect-src 'self'`;
  return `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<style nonce="${nonce}">${themeVariables}</style>
<script nonce="${nonce}">${shellScript}</script>
<link rel="stylesheet" nonce="${nonce}" href="/webview.css">
<title>Maximo Response</title></head>
<body><div id="app"></div><script nonce="${nonce}" src="/webview.js"></script></body></html>`;
}

export interface PartOptions {
  /** Sizes as the host cuts the body (bodyTransfer.ts) unless given. */
  firstPart?: number;
  partSize?: number;
  /** Send only the first part until sendRest(). */
  withholdRest?: boolean;
  /** Answer a windowed body's bodyRange requests by HTTP range requests, keeping no copy of the body in the page. */
  rangesFromServer?: boolean;
}

export interface WebviewPage {
  page: Page;
  /** Serves `bytes` at /payload/NAME (for show(), or a page to open). */
  addPayload(name: string, bytes: Uint8Array, contentType?: string): void;
  /** Posts a response to the page as the host would; resolves with performance.now() at posting. */
  show(meta: ResponseMeta, payload: string, actions?: { nextPage: boolean; allPages: boolean }, parts?: PartOptions): Promise<number>;
  /** Sends the parts held back by `show(..., { withholdRest: true })`. */
  sendRest(): Promise<void>;
  posted(): Promise<PageMessage[]>;
  violations(): Promise<string[]>;
  close(): Promise<void>;
}

export function assertWebviewBuilt(): void {
  for (const name of ["webview.js", "webview.css"]) {
    if (!existsSync(join(root, "dist", name))) throw new Error(`dist/${name} is missing: run 'node esbuild.mjs' first`);
  }
}

export async function openWebviewPage(browser: Browser): Promise<WebviewPage> {
  assertWebviewBuilt();
  const payloads = new Map<string, { bytes: Uint8Array; contentType: string }>();
  const nonce = randomBytes(16).toString("base64");
  const server: Server = createServer((request, response) => {
    const path = request.url ?? "/";
    const send = (type: string, body: string | Uint8Array) => {
      response.writeHead(200, { "content-type": type, "cache-control": "no-store" });
      response.end(body);
    };
    if (path === "/") return send("text/html; charset=utf-8", shell(nonce));
    if (path === "/webview.js") return send("text/javascript", readFileSync(join(root, "dist", "webview.js")));
    if (path === "/webview.css") return send("text/css", readFileSync(join(root, "dist", "webview.css")));
    const payload = path.startsWith("/payload/") ? payloads.get(decodeURIComponent(path.slice("/payload/".length))) : undefined;
    const range = /^bytes=(\d+)-(\d+)$/.exec(request.headers.range ?? "");
    if (payload && range) return send(payload.contentType, payload.bytes.subarray(Number(range[1]), Number(range[2]) + 1));
    if (payload) return send(payload.contentType, payload.bytes);
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => window.__posted.some((m) => m.type === "ready"));
  return {
    page,
    addPayload: (name, bytes, contentType = "application/octet-stream") => void payloads.set(name, { bytes, contentType }),
    show: (meta, payload, actions = { nextPage: false, allPages: false }, parts = {}) =>
      page.evaluate(
        ([m, p, a, first, size, hold, ranges]) => window.__show(m, p, a, first, size, hold, ranges),
        [meta, payload, actions, parts.firstPart ?? firstPartBytes, parts.partSize ?? partBytes, parts.withholdRest ?? false, parts.rangesFromServer ?? false] as const,
      ),
    sendRest: () => page.evaluate(() => window.__sendRest?.()),
    posted: () => page.evaluate(() => window.__posted),
    violations: () => page.evaluate(() => window.__violations),
    close: async () => {
      await context.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A response's metadata with sensible defaults. */
export function responseMeta(overrides: Partial<ResponseMeta> = {}): ResponseMeta {
  return {
    id: `r-${Math.random().toString(36).slice(2)}`,
    title: "GET os/mxapiwodetail",
    request: { method: "GET", url: "http://127.0.0.1:1/maximo/api/os/mxapiwodetail?lean=1", headers: [["accept", "application/json"]], connection: "emulator" },
    status: 200,
    statusText: "OK",
    headers: [["content-type", "application/json"]],
    timings: { connectMs: 2, firstByteMs: 30, totalMs: 45 },
    size: 0,
    contentType: "application/json",
    receivedAt: Date.now(),
    ...overrides,
  };
}
