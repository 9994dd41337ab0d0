/**
 * Masks secrets in any text a user or a log can see (PRODUCT.md: secrets never appear in logs,
 * errors, verbose output, history or curl export).
 */
import { looksSecret } from "../environments/secretNames";

export const mask = "*****";

/** Headers whose values are credentials by name alone (see `isSecretHeader` for the rest). */
export const secretHeaders: ReadonlySet<string> = new Set(["apikey", "authorization", "maxauth", "cookie", "set-cookie", "csrftoken", "proxy-authorization", "x-access-token"]);

/** A credential header, or one whose name looks secret (`x-api-key`, `x-auth-token`, `x-maximo-password`). */
export function isSecretHeader(name: string): boolean {
  const lower = name.trim().toLowerCase();
  return secretHeaders.has(lower) || looksSecret(lower);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The words of a secret name inside a longer one (`passwordinput`, `x-auth-token`, `refresh_token`, `_lpwd`, `JSESSIONID`). */
const SECRET_WORD = String.raw`(?:api[-_.]?key|passw(?:or)?d|pwd|secret|token|maxauth|credential|session[-_]?id|ltpatoken2?)`;

const patterns: Array<[RegExp, string]> = [
  // `apikey=...`, `password=...`, `JSESSIONID=...` in a query string, a form body or a cookie; `_lid` is Maximo's user name.
  [new RegExp(String.raw`\b([\w.-]*${SECRET_WORD}[\w.-]*|_lid)=([^&\s"';,]+)`, "gi"), `$1=${mask}`],
  // A password in a URL: `https://user:pass@host`.
  [/\b([a-z][a-z0-9+.-]*:\/\/[^\s/?#@:]+:)[^\s/?#@]+@/gi, `$1${mask}@`],
  // Header lines, also as verbose output shows them (`> apikey: ...`): `Authorization: Basic xyz`, `x-api-key: ...`.
  [new RegExp(String.raw`^(\s*(?:[<>]\s*)?(?:authorization|proxy-authorization|maxauth|cookie|set-cookie|apikey|csrftoken|[\w-]*${SECRET_WORD}[\w-]*)\s*:\s*)(.+)$`, "gim"), `$1${mask}`],
  // JSON values: `"password": "x"`, `"passwordinput":"x"`, `"access_token":"x"`.
  [new RegExp(String.raw`("[\w.-]*${SECRET_WORD}[\w.-]*"\s*:\s*)"(?:[^"\\]|\\.)*"`, "gi"), `$1"${mask}"`],
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
  return [...headers].map(([name, value]) => [name, isSecretHeader(name) ? mask : value]);
}

/** A copy of `request` safe to keep and show: credential header values masked (an auth scheme word is kept for curl export). */
export function withMaskedCredentials<T extends { headers: Map<string, string> }>(request: T): T {
  const headers = new Map<string, string>();
  for (const [name, value] of request.headers) {
    if (!isSecretHeader(name)) headers.set(name, value);
    else if (name === "authorization" || name === "proxy-authorization") headers.set(name, `${/^\s*(\S+)\s/.exec(value)?.[1] ?? "Bearer"} ${mask}`);
    else headers.set(name, mask);
  }
  return { ...request, headers };
}
