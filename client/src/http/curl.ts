/**
 * `Copy as curl`: an equivalent command a user can paste into a shell, with every credential
 * replaced by an environment-variable placeholder so the command itself holds no secret.
 */
import type { OutgoingRequest } from "./types";
import { credentialVariable, SECRET_QUERY_VARIABLES } from "./credentialVariables";
import { redact } from "./redact";

/** Single-quotes for POSIX shells; a `'` inside becomes `'\''`. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Double quotes so the shell expands `$NAME`; the rest of the header is escaped. */
function withPlaceholder(prefix: string, variable: string): string {
  return `"${prefix.replace(/(["\\$`])/g, "\\$1")}$${variable}"`;
}

function headerArgument(name: string, value: string): string {
  const credential = credentialVariable(name, value);
  return credential ? withPlaceholder(`${credential.header}: ${credential.prefix}`, credential.variable) : shellQuote(`${name}: ${value}`);
}

/** The URL with any `apikey=` (or other secret) query value swapped for a placeholder. */
function urlArgument(url: URL): string {
  const hidden = [...url.searchParams.keys()].some((name) => SECRET_QUERY_VARIABLES.has(name.toLowerCase()));
  if (!hidden) return shellQuote(url.href);
  const text = url.href.replace(/([?&])([^=&#]+)=[^&#]*/g, (whole, sep: string, name: string) => {
    const variable = SECRET_QUERY_VARIABLES.get(name.toLowerCase());
    return variable ? `${sep}${name}=\u0000${variable}\u0000` : whole;
  });
  // Quote the literal parts, leave the placeholders for the shell to expand.
  return text.split("\u0000").map((part, i) => (i % 2 === 1 ? `"$${part}"` : part === "" ? "" : shellQuote(part))).join("");
}

export interface CurlOptions {
  /** Other secret strings to mask in the body (passwords in a login form, ...). */
  secrets?: readonly string[];
}

export function toCurl(outgoing: OutgoingRequest, options: CurlOptions = {}): string {
  const parts = ["curl"];
  if (outgoing.method !== "GET" || outgoing.body) parts.push(`-X ${shellQuote(outgoing.method)}`);
  parts.push(urlArgument(outgoing.url));
  for (const [name, value] of outgoing.headers) parts.push(`-H ${headerArgument(name.toLowerCase(), value)}`);
  if (outgoing.body && outgoing.body.length > 0) {
    parts.push(`--data-binary ${shellQuote(redact(outgoing.body.toString("utf8"), options.secrets ?? []))}`);
  }
  return parts.join(" \\\n  ");
}
