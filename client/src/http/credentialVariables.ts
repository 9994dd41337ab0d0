/**
 * Which environment variable each credential is left to when a request leaves the tool as text
 * (Copy as curl / fetch / Python, `maximo import`): the header keeps its name and auth scheme,
 * the secret becomes `$MAXIMO_APIKEY`, `$MAXIMO_BASIC`, ... so the text never holds one.
 */

import { looksSecret } from "../environments/secretNames";

export interface CredentialVariable {
  /** The header name as written in exports (`apikey`, `Authorization`, ...). */
  header: string;
  /** Text the value keeps before the secret: the auth scheme (`Basic `, `Bearer `), else "". */
  prefix: string;
  /** The environment variable holding the secret. */
  variable: string;
}

/** The placeholder for a credential header; undefined for headers that are not credentials. */
export function credentialVariable(name: string, value: string): CredentialVariable | undefined {
  switch (name.toLowerCase()) {
    case "apikey":
      return { header: "apikey", prefix: "", variable: "MAXIMO_APIKEY" };
    case "maxauth":
      return { header: "maxauth", prefix: "", variable: "MAXIMO_MAXAUTH" };
    case "authorization":
    case "proxy-authorization": {
      const scheme = /^\s*(\S+)\s/.exec(value)?.[1] ?? "Bearer";
      if (name.toLowerCase() === "proxy-authorization") return { header: "Proxy-Authorization", prefix: `${scheme} `, variable: "MAXIMO_PROXY_AUTH" };
      return { header: "Authorization", prefix: `${scheme} `, variable: /^basic$/i.test(scheme) ? "MAXIMO_BASIC" : "MAXIMO_TOKEN" };
    }
    case "cookie":
      return { header: "Cookie", prefix: "", variable: "MAXIMO_COOKIE" };
    case "csrftoken":
      return { header: "csrftoken", prefix: "", variable: "MAXIMO_CSRFTOKEN" };
    case "x-access-token":
      return { header: "x-access-token", prefix: "", variable: "MAXIMO_TOKEN" };
    default:
      return undefined;
  }
}

/** Query parameters that carry credentials, and the variable each is left to. */
export const SECRET_QUERY_VARIABLES: ReadonlyMap<string, string> = new Map([
  ["apikey", "MAXIMO_APIKEY"],
  ["access_token", "MAXIMO_TOKEN"],
  ["_lpwd", "MAXIMO_PASSWORD"],
]);

/** A credential header's placeholder, or for another secret-named header (`x-api-key`, `x-auth-token`) one named after it. */
export function secretHeaderVariable(name: string, value: string): CredentialVariable | undefined {
  return credentialVariable(name, value) ?? (looksSecret(name) ? { header: name, prefix: "", variable: secretVariableName(name) } : undefined);
}

/** The variable a secret query value (`apikey=`, `_lpwd=`, `password=`, `token=`) is left to; undefined for other parameters. */
export function secretQueryVariable(name: string): string | undefined {
  return SECRET_QUERY_VARIABLES.get(name.toLowerCase()) ?? (looksSecret(name) ? secretVariableName(name) : undefined);
}

/** The environment variable a secret-named value is left to: MAXIMO_APIKEY, MAXIMO_PASSWORD, MAXIMO_TOKEN, else MAXIMO_<NAME>. */
export function secretVariableName(name: string): string {
  if (/api[-_]?key/i.test(name)) return "MAXIMO_APIKEY";
  if (/passw(or)?d|pwd/i.test(name)) return "MAXIMO_PASSWORD";
  if (/^(x[-_])?(access[-_]?|bearer[-_]?|auth[-_]?)?token$/i.test(name)) return "MAXIMO_TOKEN";
  return `MAXIMO_${name.replace(/([a-z])([A-Z])/g, "$1_$2").replace(/[^A-Za-z0-9]+/g, "_").toUpperCase()}`;
}
