/**
 * Secret fields in a request body (`"password": "x"` in JSON, `j_password=x` in a form,
 * `<PASSWORD>x</PASSWORD>` in XML) swapped
 * for `{{$processEnv MAXIMO_*}}`, so an imported body never holds a credential: the names below,
 * and any other that looks secret (Maximo's MAXUSER `passwordinput`, `passwordcheck`,
 * `passwordold`; `x-api-key`, `client_secret`, ...).
 */
import { looksSecret } from "../environments/secretNames";
import { secretVariableName } from "../http/credentialVariables";
import { processEnv } from "./importedRequest";

const FIELD_VARIABLES: ReadonlyMap<string, string> = new Map([
  ["password", "MAXIMO_PASSWORD"],
  ["passwd", "MAXIMO_PASSWORD"],
  ["j_password", "MAXIMO_PASSWORD"],
  ["_lpwd", "MAXIMO_PASSWORD"],
  ["apikey", "MAXIMO_APIKEY"],
  ["api_key", "MAXIMO_APIKEY"],
  ["access_token", "MAXIMO_TOKEN"],
  ["refresh_token", "MAXIMO_REFRESH_TOKEN"],
  ["id_token", "MAXIMO_TOKEN"],
  ["client_secret", "MAXIMO_CLIENT_SECRET"],
]);

export function secretFieldsReplaced(text: string): { text: string; variables: string[] } {
  const variables = new Set<string>();
  const swap = (name: string) => {
    const variable = FIELD_VARIABLES.get(name.toLowerCase()) ?? (looksSecret(name) ? secretVariableName(name) : undefined);
    if (variable) variables.add(variable);
    return variable;
  };
  // A string value, or a number under a password-like name (`"passwordinput": 1234`); an empty
  // string holds nothing and a {{variable}} no secret.
  let out = text.replace(/("((?:[^"\\]|\\.)+)"\s*:\s*)(?:"((?:[^"\\]|\\.)*)"|(-?\d[\d.eE+-]*))/g, (whole, key: string, name: string, value: string | undefined, number: string | undefined) => {
    if (value === "" || value?.includes("{{") || (number !== undefined && !/passw(or)?d|pwd/i.test(name))) return whole;
    const variable = swap(name);
    return variable ? `${key}"${processEnv(variable)}"` : whole;
  });
  // XML, as integration (MIF) messages carry it: `<PASSWORD>x</PASSWORD>`, `<max:PASSWORD>`.
  out = out.replace(/<(([\w.-]+:)?([\w.-]+))(\s[^>]*)?>([^<]+)<\/\1\s*>/g, (whole, tag: string, _prefix: string | undefined, name: string, attributes: string | undefined, value: string) => {
    if (value.trim() === "" || value.includes("{{")) return whole;
    const variable = swap(name);
    return variable ? `<${tag}${attributes ?? ""}>${processEnv(variable)}</${tag}>` : whole;
  });
  // A form body: `a=1&password=x`; only when the text looks like one (no braces or line breaks).
  if (/^[^\s{[<"]+=/.test(out.trim()) && !out.trim().includes("\n")) {
    out = out.replace(/(^|&)([^=&]+)=([^&]*)/g, (whole, sep: string, name: string, value: string) => {
      const variable = value === "" || value.includes("{{") ? undefined : swap(decodeURIComponentSafe(name));
      return variable ? `${sep}${name}=${processEnv(variable)}` : whole;
    });
  }
  return { text: out, variables: [...variables] };
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}

export { secretVariableName } from "../http/credentialVariables";
