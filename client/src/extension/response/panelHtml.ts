/**
 * The response panel's HTML shell: a strict Content-Security-Policy with a per-load nonce, the
 * page script and stylesheet from dist/ (webview URIs), nothing else. Pure, so tests read it.
 */
import { randomBytes } from "node:crypto";

export interface PanelResources {
  /** `webview.cspSource`. */
  cspSource: string;
  /** `webview.asWebviewUri(...)` of dist/webview.js and dist/webview.css, as strings. */
  scriptUri: string;
  styleUri: string;
  nonce?: string;
  /** The document title (the load panel shares this shell). */
  title?: string;
}

/** 128 random bits: the nonce must be unguessable for the CSP to mean anything. */
export function makeNonce(): string {
  return randomBytes(16).toString("base64");
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
  ].join("; ");
}

function attribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function panelHtml(resources: PanelResources): string {
  const nonce = resources.nonce ?? makeNonce();
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attribute(contentSecurityPolicy(resources.cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" nonce="${attribute(nonce)}" href="${attribute(resources.styleUri)}">
<title>${attribute(resources.title ?? "Maximo Response")}</title>
</head>
<body>
<div id="app"></div>
<script nonce="${attribute(nonce)}" src="${attribute(resources.scriptUri)}"></script>
</body>
</html>
`;
}
