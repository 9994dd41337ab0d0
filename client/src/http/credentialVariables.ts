/**
 * Which environment variable each credential is left to when a request leaves the tool as text
 * (Copy as curl / fetch / Python, `maximo import`): the header keeps its name and auth scheme,
 * the secret becomes `$MAXIMO_APIKEY`, `$MAXIMO_BASIC`, ... so the text never holds one.
 */

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
