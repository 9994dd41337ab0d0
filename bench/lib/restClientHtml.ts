/**
 * The baseline for bench/render: a response rendered the way the common .http tool (REST Client)
 * does it: on the extension host, the body is parsed and indented, highlighted into one HTML
 * string of spans, and set as the webview's whole document. Written here from that description
 * (a one-pass JSON highlighter, cheaper than highlight.js), never copied.
 */

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"));
}

const token = /("(?:[^"\\]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\b(true|false|null)\b|([^"\d\-tfn]+|.)/gs;

/** Indented JSON with every string, key, number and literal wrapped in a classed span. */
export function highlightJson(text: string): string {
  let pretty: string;
  try {
    pretty = JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return escapeHtml(text);
  }
  return pretty.replace(token, (_all, string?: string, colon?: string, number?: string, literal?: string, other?: string) => {
    if (string !== undefined) return colon !== undefined ? `<span class="hljs-attr">${escapeHtml(string)}</span>${colon}` : `<span class="hljs-string">${escapeHtml(string)}</span>`;
    if (number !== undefined) return `<span class="hljs-number">${number}</span>`;
    if (literal !== undefined) return `<span class="hljs-literal">${literal}</span>`;
    return escapeHtml(other ?? "");
  });
}

/** The whole webview document, as such a tool sets `webview.html`. */
export function restClientHtml(body: Uint8Array, headers: Array<[string, string]>): string {
  const text = new TextDecoder().decode(body);
  const head = headers.map(([name, value]) => `<span class="hljs-attr">${escapeHtml(name)}</span>: ${escapeHtml(value)}`).join("\n");
  return `<!DOCTYPE html><html><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>
body { font-family: monospace; font-size: 13px; background: #1f1f1f; color: #ccc; }
.hljs-attr { color: #9cdcfe; } .hljs-string { color: #ce9178; } .hljs-number { color: #b5cea8; } .hljs-literal { color: #569cd6; }
</style></head><body><pre><code><div>HTTP/1.1 200 OK
${head}</div>
${highlightJson(text)}</code></pre></body></html>`;
}
