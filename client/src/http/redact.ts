/**
 * Masks secrets in any text a user or a log can see (PRODUCT.md: secrets never appear in logs,
 * errors, verbose output, history or curl export).
 */
export const mask = "*****";

/** Headers whose values are credentials. */
export const secretHeaders: ReadonlySet<string> = new Set(["apikey", "authorization", "maxauth", "cookie", "set-cookie", "csrftoken", "proxy-authorization", "x-access-token"]);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const patterns: Array<[RegExp, string]> = [
  // `apikey=...` (and token-like names) in a query string or form body.
  [/\b(apikey|api_key|access_token|refresh_token|id_token|client_secret|password|j_password|maxauth|_lid|_lpwd)=([^&\s"']+)/gi, `$1=${mask}`],
  // Header lines: `Authorization: Basic xyz`, `maxauth: ...`, `cookie: ...`, `apikey: ...`.
  [/^(\s*(?:authorization|proxy-authorization|maxauth|cookie|set-cookie|apikey|csrftoken)\s*:\s*)(.+)$/gim, `$1${mask}`],
  // JSON values: `"password": "x"`, `"access_token":"x"`.
  [/("(?:password|passwd|access_token|refresh_token|id_token|client_secret|apikey)"\s*:\s*)"(?:[^"\\]|\\.)*"/gi, `$1"${mask}"`],
];

/** Replaces each known secret value and each secret-shaped field in `text`. */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  // Longest first, so a secret that contains another is masked whole.
  for (const secret of [...secrets].filter((s) => s.length >= 3).sort((a, b) => b.length - a.length)) {
    out = out.replace(new RegExp(escapeRegExp(secret), "g"), mask);
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) out = out.replace(new RegExp(escapeRegExp(encoded), "g"), mask);
  }
  for (const [pattern, replacement] of patterns) out = out.replace(pattern, replacement);
  return out;
}

/** Headers for display: credential values masked. */
export function redactHeaders(headers: Iterable<[string, string]>): Array<[string, string]> {
  return [...headers].map(([name, value]) => [name, secretHeaders.has(name.toLowerCase()) ? mask : value]);
}

/** A copy of `request` safe to keep and show: credential header values masked (an auth scheme word is kept for curl export). */
export function withMaskedCredentials<T extends { headers: Map<string, string> }>(request: T): T {
  const headers = new Map<string, string>();
  for (const [name, value] of request.headers) {
    if (!secretHeaders.has(name)) headers.set(name, value);
    else if (name === "authorization" || name === "proxy-authorization") headers.set(name, `${/^\s*(\S+)\s/.exec(value)?.[1] ?? "Bearer"} ${mask}`);
    else headers.set(name, mask);
  }
  return { ...request, headers };
}
