/**
 * `Copy as curl`: an equivalent command a user can paste into a shell, with every credential
 * replaced by an environment-variable placeholder so the command itself holds no secret.
 */
import type { OutgoingRequest } from "./types";
import { headerParts, urlParts, type Part } from "./exportParts";
import { redact } from "./redact";

/** Single-quotes for POSIX shells; a `'` inside becomes `'\''`. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** A header: single-quoted, or double-quoted (literals escaped) so the shell expands each `$NAME`. */
function headerWord(parts: readonly Part[]): string {
  if (parts.every((part) => "literal" in part)) return shellQuote(parts.map((part) => ("literal" in part ? part.literal : "")).join(""));
  return `"${parts.map((part) => ("literal" in part ? part.literal.replace(/(["\\$`])/g, "\\$1") : `$${part.variable}`)).join("")}"`;
}

/** A URL: its literal parts single-quoted (a URL may hold `$` or `!`), each variable as `"$NAME"`. */
function urlWord(parts: readonly Part[]): string {
  return parts.map((part) => ("literal" in part ? shellQuote(part.literal) : `"$${part.variable}"`)).join("");
}

export interface CurlOptions {
  /** Other secret strings to mask in the body (passwords in a login form, ...). */
  secrets?: readonly string[];
}

export function toCurl(outgoing: OutgoingRequest, options: CurlOptions = {}): string {
  const parts = ["curl"];
  if (outgoing.method !== "GET" || outgoing.body) parts.push(`-X ${shellQuote(outgoing.method)}`);
  parts.push(urlWord(urlParts(outgoing.url, options.secrets)));
  for (const [name, value] of outgoing.headers) {
    const header = headerParts(name.toLowerCase(), value, options.secrets);
    parts.push(`-H ${headerWord([{ literal: `${header.name}: ` }, ...header.parts])}`);
  }
  if (outgoing.body && outgoing.body.length > 0) {
    parts.push(`--data-binary ${shellQuote(redact(outgoing.body.toString("utf8"), options.secrets ?? []))}`);
  }
  return parts.join(" \\\n  ");
}
