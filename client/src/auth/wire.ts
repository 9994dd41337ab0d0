/** Small helpers for the requests the authenticators send themselves (login, token, discovery). */
import type { OutgoingRequest } from "../http/types";

/** Every value of a response header, case-insensitively (`set-cookie` comes once per cookie). */
export function headerValues(headers: ReadonlyArray<[string, string]>, name: string): string[] {
  const lower = name.toLowerCase();
  return headers.filter(([n]) => n.toLowerCase() === lower).map(([, v]) => v);
}

export function headerValue(headers: ReadonlyArray<[string, string]>, name: string): string | undefined {
  return headerValues(headers, name)[0];
}

/** `base64(user:password)`, the value of both `maxauth` (reference §2.1) and Basic (§2.2.1). */
export function userPasswordBase64(user: string, password: string): string {
  return Buffer.from(`${user}:${password}`, "utf8").toString("base64");
}

/** A form-urlencoded POST; URLSearchParams encodes `&`, `=`, `%`, `+` and spaces as forms need. */
export function formPost(url: URL, fields: Record<string, string>, headers: Array<[string, string]> = []): OutgoingRequest {
  return {
    method: "POST",
    url,
    headers: new Map<string, string>([
      ["content-type", "application/x-www-form-urlencoded"],
      ["accept", "application/json"],
      ...headers.map(([n, v]): [string, string] => [n.toLowerCase(), v]),
    ]),
    body: Buffer.from(new URLSearchParams(fields).toString(), "utf8"),
  };
}

/** The form encoding of a value: what a form body carries for a secret, masked alongside it. */
export function formEncoded(value: string): string {
  return new URLSearchParams({ v: value }).toString().slice(2);
}

export function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export function stringField(object: Record<string, unknown> | undefined, name: string): string | undefined {
  const value = object?.[name];
  return typeof value === "string" ? value : undefined;
}

/** Adds cookies to a request without dropping a `Cookie` header the user wrote. */
export function addCookieHeader(request: OutgoingRequest, cookies: string | undefined): void {
  if (!cookies) return;
  const existing = request.headers.get("cookie");
  request.headers.set("cookie", existing ? `${existing}; ${cookies}` : cookies);
}

/** Credentials go only to the connection's own server, even for an absolute URL written in a request. */
export function isConnectionOrigin(connectionUrl: string, url: URL): boolean {
  try {
    return new URL(connectionUrl).origin === url.origin;
  } catch {
    return false;
  }
}
