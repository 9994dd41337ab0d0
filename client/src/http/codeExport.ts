/**
 * Copy as fetch (JavaScript) and Copy as Python requests: the request as code a user can run,
 * with every credential read from the same `MAXIMO_*` environment variables Copy as curl uses
 * (credentialVariables.ts), and secrets in the body masked as curl.ts masks them.
 */
import { headerParts, urlParts, usesVariables, type Part } from "./exportParts";
import { redact } from "./redact";
import type { OutgoingRequest } from "./types";

export interface CodeExportOptions {
  /** Other secret strings to mask in the body (passwords in a login form, ...). */
  secrets?: readonly string[];
}

function bodyText(outgoing: OutgoingRequest, options: CodeExportOptions): string | undefined {
  if (!outgoing.body || outgoing.body.length === 0) return undefined;
  return redact(outgoing.body.toString("utf8"), options.secrets ?? []);
}

/** JSON.stringify of a string is a valid string literal in JavaScript and in Python 3 alike. */
const quote = (text: string) => JSON.stringify(text);

function jsExpression(parts: readonly Part[], inUrl: boolean): string {
  return parts.map((part) => ("literal" in part ? quote(part.literal) : inUrl ? `encodeURIComponent(process.env.${part.variable} ?? "")` : `process.env.${part.variable}`)).join(" + ");
}

function pyExpression(parts: readonly Part[], inUrl: boolean): string {
  return parts.map((part) => ("literal" in part ? quote(part.literal) : inUrl ? `quote(os.environ["${part.variable}"], safe="")` : `os.environ["${part.variable}"]`)).join(" + ");
}

export function toFetch(outgoing: OutgoingRequest, options: CodeExportOptions = {}): string {
  const headers = [...outgoing.headers].map(([name, value]) => headerParts(name, value, options.secrets));
  const body = bodyText(outgoing, options);
  const lines = [`const response = await fetch(${jsExpression(urlParts(outgoing.url, options.secrets), true)}, {`, `  method: ${quote(outgoing.method)},`];
  if (headers.length > 0) {
    lines.push("  headers: {");
    for (const header of headers) lines.push(`    ${quote(header.name)}: ${jsExpression(header.parts, false)},`);
    lines.push("  },");
  }
  if (body !== undefined) lines.push(`  body: ${quote(body)},`);
  lines.push("});", "console.log(response.status, await response.text());");
  return lines.join("\n");
}

export function toPython(outgoing: OutgoingRequest, options: CodeExportOptions = {}): string {
  const url = urlParts(outgoing.url, options.secrets);
  const headers = [...outgoing.headers].map(([name, value]) => headerParts(name, value, options.secrets));
  const body = bodyText(outgoing, options);
  const needsOs = usesVariables(url) || headers.some((header) => usesVariables(header.parts));
  const lines: string[] = [];
  if (needsOs) lines.push("import os");
  lines.push("import requests");
  if (usesVariables(url)) lines.push("from urllib.parse import quote");
  lines.push("", "response = requests.request(", `    ${quote(outgoing.method)},`, `    ${pyExpression(url, true)},`);
  if (headers.length > 0) {
    lines.push("    headers={");
    for (const header of headers) lines.push(`        ${quote(header.name)}: ${pyExpression(header.parts, false)},`);
    lines.push("    },");
  }
  // Bytes, so Python sends UTF-8 (a str body would go out as Latin-1).
  if (body !== undefined) lines.push(`    data=${quote(body)}.encode("utf-8"),`);
  lines.push(")", "print(response.status_code, response.text)");
  return lines.join("\n");
}
