/**
 * A request taken apart for Copy as curl / fetch / Python: literal text, and the environment
 * variables every secret is left to (credentialVariables.ts), so the copied text holds none.
 * A secret-named header or query value becomes its variable; a URL's password becomes
 * `MAXIMO_PASSWORD`; any other text is masked where it holds a known secret value (`secrets`:
 * the connection's, password answers, secret variables the request filled in). Nothing else is
 * masked by name here: `_lid=wilson` must reach the pasted command as written.
 */
import { percentDecode } from "../../../server/src/language/common";
import { secretHeaderVariable, secretQueryVariable } from "./credentialVariables";
import { redactValues } from "./redact";

/** A piece of generated text: a literal, or the value of an environment variable. */
export type Part = { literal: string } | { variable: string };

/** The URL as parts: secret query values (`apikey=...`, `password=...`) and a password in it become variables. */
export function urlParts(url: URL, secrets: readonly string[] = []): Part[] {
  const parts: Part[] = [];
  let literal = "";
  let last = 0;
  const href = url.href;
  const variableAt = (start: number, end: number, variable: string) => {
    literal += href.slice(last, start);
    parts.push({ literal: redactValues(literal, secrets) }, { variable });
    literal = "";
    last = end;
  };
  // `https://user:pass@host/...`: node-fetch refuses such a URL, but the text must still hold no password.
  if (url.password) {
    const start = href.indexOf(":", url.protocol.length + 2) + 1;
    variableAt(start, start + url.password.length, "MAXIMO_PASSWORD");
  }
  for (const match of href.matchAll(/([?&])([^=&#]+)=([^&#]*)/g)) {
    const variable = secretQueryVariable(percentDecode(match[2]!).text);
    if (!variable || match[3] === "") continue;
    const valueStart = match.index + match[1]!.length + match[2]!.length + 1;
    variableAt(valueStart, valueStart + match[3]!.length, variable);
  }
  parts.push({ literal: redactValues(literal + href.slice(last), secrets) });
  return parts.filter((part) => !("literal" in part) || part.literal !== "");
}

/** A header's value as parts: a credential keeps its scheme, the secret is its variable. */
export function headerParts(name: string, value: string, secrets: readonly string[] = []): { name: string; parts: Part[] } {
  const credential = secretHeaderVariable(name, value);
  if (!credential) return { name, parts: [{ literal: redactValues(value, secrets) }] };
  return { name: credential.header, parts: [...(credential.prefix ? [{ literal: credential.prefix }] : []), { variable: credential.variable }] };
}

export const usesVariables = (parts: readonly Part[]) => parts.some((part) => "variable" in part);
