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

/**
 * The words of a secret name inside a longer one (`passwordinput`, `x-auth-token`, `refresh_token`,
 * `_lpwd`, `JSESSIONID`): secretNames.ts's words, as parts of a name.
 */
const SECRET_WORD = String.raw`(?:api[-_.]?key|passw(?:or)?d|pass(?![a-z])|pwd|secret|token|maxauth|credential|cookie|session[-_]?id(?![a-z])|ltpatoken2?|private[-_]?key|jwt|bearer)`;
/** A query or form value (a cookie's ends at `;`). */
const VALUE = String.raw`[^&\s";]+`;

const patterns: Array<[RegExp, string | ((...groups: string[]) => string)]> = [
  // `apikey=...`, `password=...`, `JSESSIONID=...` in a query string, a form body or a cookie; `_lid` is Maximo's user name.
  // Punctuation that ends a sentence after the value (`...&apikey=x: could not connect`) stays.
  [new RegExp(String.raw`\b([\w.-]*${SECRET_WORD}[\w.-]*|_lid)=(${VALUE})`, "gi"), (_m, name: string, value: string) => `${name}=${mask}${/[:.,)]$/.test(value) ? value.slice(-1) : ""}`],
  // A password in a URL: `https://user:pass@host`.
  [/\b([a-z][a-z0-9+.-]*:\/\/[^\s/?#@:]+:)[^\s/?#@]+@/gi, `$1${mask}@`],
  // Header lines, also as verbose output shows them (`> apikey: ...`): `Authorization: Basic xyz`, `x-api-key: ...`.
  [new RegExp(String.raw`^(\s*(?:[<>]\s*)?(?:authorization|proxy-authorization|maxauth|cookie|set-cookie|apikey|csrftoken|[\w-]*${SECRET_WORD}[\w-]*)\s*:\s*)(.+)$`, "gim"), `$1${mask}`],
  // JSON values, strings and numbers: `"password": "x"`, `"passwordinput":12345678`, `"access_token":"x"`.
  [new RegExp(String.raw`("[\w.-]*${SECRET_WORD}[\w.-]*"\s*:\s*)(?:"(?:[^"\\]|\\.)*"|-?\d[\d.eE+-]*)`, "gi"), `$1"${mask}"`],
  // XML elements, as integration (MIF) messages carry them: `<PASSWORD>x</PASSWORD>`.
  [new RegExp(String.raw`(<([\w:.-]*${SECRET_WORD}[\w:.-]*)(?:\s[^>]*)?>)[^<]*(</\2\s*>)`, "gi"), `$1${mask}$3`],
];

/** UTF-8 bytes of one character as `%XX`, either case of hex digit accepted. */
function percentForms(char: string): string {
  return [...Buffer.from(char, "utf8")].map((byte) => {
    const hex = byte.toString(16).toUpperCase().padStart(2, "0");
    return `%${[...hex].map((d) => (/[A-F]/.test(d) ? `[${d}${d.toLowerCase()}]` : d)).join("")}`;
  }).join("");
}

const valuePatterns = new Map<string, RegExp>();

/**
 * A known secret however much of it a URL, a form or a log percent-encoded (`Q'uote|pw` sent as
 * `Q%27uote%7Cpw`, a space as `%20` or `+`): each character as itself or as its escapes.
 */
function valuePattern(secret: string): RegExp {
  let pattern = valuePatterns.get(secret);
  if (!pattern) {
    const chars = [...secret].map((char) => `(?:${escapeRegExp(char)}|${percentForms(char)}${char === " " ? "|\\+" : ""})`);
    pattern = new RegExp(chars.join(""), "g");
    if (valuePatterns.size > 200) valuePatterns.clear();
    valuePatterns.set(secret, pattern);
  }
  return pattern;
}

/** Replaces each known secret value, plain or percent-encoded, in `text` (nothing by name). */
export function redactValues(text: string, secrets: readonly string[] = []): string {
  let out = text;
  // Longest first, so a secret that contains another is masked whole.
  for (const secret of [...secrets].filter((s) => s.length >= 3).sort((a, b) => b.length - a.length)) out = out.replace(valuePattern(secret), mask);
  return out;
}

/** Replaces each known secret value and each secret-shaped field in `text`. */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = redactValues(text, secrets);
  for (const [pattern, replacement] of patterns) out = out.replace(pattern, replacement as string);
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
