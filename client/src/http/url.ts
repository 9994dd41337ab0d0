/**
 * From a resolved request to the URL and bytes that go on the wire. Maximo runs in a Java
 * servlet container, which decodes `+` in a query as a space: `oslc.orderBy=+reportdate` must be
 * sent as `%2Breportdate` (JSON API reference §7 "Sorting", §17.3 `gbsortby`).
 */
import { apiRootUrl, type ConnectionConfig } from "../connections/types";
import { contextRootUrl, isContextRootRelative, resolveMaximoHref } from "./maximoHref";
import type { OutgoingRequest, ResolvedRequest } from "./types";

/** Bytes of one character as `%XX` escapes (UTF-8; a lone surrogate becomes U+FFFD, as Buffer writes it). */
function escapeChar(char: string): string {
  let out = "";
  for (const byte of Buffer.from(char, "utf8")) out += `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  return out;
}

/**
 * An encoder that keeps the characters of `keep` (a regex class body) and escapes the rest;
 * with `keepEscapes`, a `%` that starts an escape stays (the text may be written encoded).
 * One regex replace per text: this runs for every request (bench/executor).
 */
function encoder(keep: string, keepEscapes = false): (text: string) => string {
  const pattern = keepEscapes ? new RegExp(`%(?![0-9A-Fa-f]{2})|[^${keep}%]`, "gu") : new RegExp(`[^${keep}]`, "gu");
  return (text) => text.replace(pattern, escapeChar);
}

/** A value keeps unreserved characters plus the sub-delimiters Maximo syntax uses. */
const encodeValue = encoder("A-Za-z0-9\\-_.~!*,:/=()'@$");
/** In a key, `=` would end the key early. */
const encodeKey = encoder("A-Za-z0-9\\-_.~!*,:/()'@$");
const encodePath = encoder("A-Za-z0-9\\-_.~!*,:/=()'@$;+&", true);
/** An absolute URL as written keeps every visible ASCII character. */
const encodeAbsolute = encoder("\\x21-\\x7e");

/** A decoded query value as Maximo reads it back: spaces as %20, `+` as %2B, quotes, brackets, braces, `&`, `#`, `%`, non-ASCII as UTF-8. */
export function encodeQueryValue(value: string): string {
  return encodeValue(value);
}

export function encodeQueryKey(key: string): string {
  return encodeKey(key);
}

export function encodeQuery(query: ResolvedRequest["query"]): string {
  return query.map(({ key, value }) => (value === undefined ? encodeQueryKey(key) : `${encodeQueryKey(key)}=${encodeQueryValue(value)}`)).join("&");
}

const absoluteUrl = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * `os/mxapiasset` → `<api root>os/mxapiasset`; `/maximo/...` → from the server origin; absolute
 * URLs kept; `oslc/...` or `api/...` (an href a server wrote with `relativeuri=1`, used in a
 * chained `{{x.response.body.member[0].href}}`) → from the context root (maximoHref.ts).
 */
export function buildUrl(connection: ConnectionConfig, resolved: Pick<ResolvedRequest, "target" | "query">): URL {
  const written = resolved.target.trim();
  const target = absoluteUrl.test(written) ? encodeAbsolute(written) : encodePath(written);
  let url: URL;
  if (absoluteUrl.test(target)) url = new URL(target);
  else if (target.startsWith("/")) url = new URL(target, new URL(connection.url).origin);
  else if (isContextRootRelative(target)) url = resolveMaximoHref(target, contextRootUrl(connection));
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
