/**
 * From a resolved request to the URL and bytes that go on the wire. Maximo runs in a Java
 * servlet container, which decodes `+` in a query as a space: `oslc.orderBy=+reportdate` must be
 * sent as `%2Breportdate` (JSON API reference §7 "Sorting", §17.3 `gbsortby`).
 */
import { apiRootUrl, type ConnectionConfig } from "../connections/types";
import type { OutgoingRequest, ResolvedRequest } from "./types";

/** Characters a query value keeps readable: unreserved, plus the sub-delimiters Maximo syntax uses. */
const readableInValue = /[A-Za-z0-9\-_.~!*,:/=()'@$]/;
/** In a key, `=` would end the key early. */
const readableInKey = /[A-Za-z0-9\-_.~!*,:/()'@$]/;
/** Characters a path keeps; `%` too, but only when it starts an escape (the path may be written encoded). */
const readableInPath = /[A-Za-z0-9\-_.~!*,:/=()'@$;+&]/;

function percentEncode(text: string, keep: RegExp, keepEscapes: boolean): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (keep.test(char)) {
      out += char;
    } else if (keepEscapes && char === "%" && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      out += char;
    } else {
      const codePoint = text.codePointAt(i)!;
      const whole = String.fromCodePoint(codePoint);
      i += whole.length - 1;
      for (const byte of Buffer.from(whole, "utf8")) out += `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
    }
  }
  return out;
}

/** A decoded query value as Maximo reads it back: spaces as %20, `+` as %2B, quotes, brackets, braces, `&`, `#`, `%`, non-ASCII as UTF-8. */
export function encodeQueryValue(value: string): string {
  return percentEncode(value, readableInValue, false);
}

export function encodeQueryKey(key: string): string {
  return percentEncode(key, readableInKey, false);
}

export function encodeQuery(query: ResolvedRequest["query"]): string {
  return query.map(({ key, value }) => (value === undefined ? encodeQueryKey(key) : `${encodeQueryKey(key)}=${encodeQueryValue(value)}`)).join("&");
}

const absoluteUrl = /^[a-z][a-z0-9+.-]*:\/\//i;

/** `os/mxapiasset` → `<api root>os/mxapiasset`; `/maximo/...` → from the server origin; absolute URLs kept. */
export function buildUrl(connection: ConnectionConfig, resolved: Pick<ResolvedRequest, "target" | "query">): URL {
  const target = percentEncode(resolved.target.trim(), absoluteUrl.test(resolved.target.trim()) ? /[\x21-\x7e]/ : readableInPath, true);
  let url: URL;
  if (absoluteUrl.test(target)) url = new URL(target);
  else if (target.startsWith("/")) url = new URL(target, new URL(connection.url).origin);
  else url = new URL(target, apiRootUrl(connection));
  const search = encodeQuery(resolved.query);
  // Every character left in `search` is one the URL setter keeps as it is.
  url.search = search === "" ? "" : `?${search}`;
  return url;
}

/** A body that is JSON text gets `content-type: application/json` when the file gave none. */
function looksLikeJson(body: Buffer): boolean {
  const start = body.subarray(0, 64).toString("utf8").trimStart();
  return start.startsWith("{") || start.startsWith("[");
}

export function buildOutgoing(connection: ConnectionConfig, resolved: ResolvedRequest): OutgoingRequest {
  const headers = new Map<string, string>();
  for (const [rawName, value] of resolved.headers) {
    const name = rawName.trim().toLowerCase();
    const previous = headers.get(name);
    // Repeated header lines are one header on the wire; cookies join with `; `, the rest with `, `.
    headers.set(name, previous === undefined ? value : `${previous}${name === "cookie" ? "; " : ", "}${value}`);
  }
  if (!headers.has("accept")) headers.set("accept", "application/json");
  const body = resolved.body === undefined ? undefined : typeof resolved.body === "string" ? Buffer.from(resolved.body, "utf8") : resolved.body;
  if (body && body.length > 0 && !headers.has("content-type") && looksLikeJson(body)) headers.set("content-type", "application/json");
  return { method: resolved.method.toUpperCase(), url: buildUrl(connection, resolved), headers, body };
}
