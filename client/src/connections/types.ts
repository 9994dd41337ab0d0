/**
 * A Maximo connection as the CLI and the extension configure it. No secrets here: apikeys,
 * passwords and client secrets come from a SecretSource (SecretStorage in VS Code, the
 * environment in the CLI).
 */
export type ApiRootChoice = "auto" | "oslc" | "api";
export type AuthType = "apikey" | "basic" | "maxauth" | "form" | "session" | "oauth" | "none";
export type SecretKind = "apikey" | "password" | "clientSecret";

export interface ConnectionConfig {
  name: string;
  /** The server up to its context root: `https://host/maximo`. */
  url: string;
  /** `auto` picks `/api/` for apikey connections and `/oslc/` for the others. */
  apiRoot: ApiRootChoice;
  auth: AuthType;
  /** basic, maxauth, form and session. */
  user?: string;
  /** oauth: client id; the token URL is `tokenUrl` or found by OIDC discovery from `issuer`. */
  clientId?: string;
  tokenUrl?: string;
  issuer?: string;
  /** PEM file of extra certificate authorities for this server. */
  caFile?: string;
  /** Turns TLS verification off for this connection only (warned about on every use). */
  insecure?: boolean;
  /** Ask before anything that writes (the extension); the CLI refuses writes. */
  readOnly?: boolean;
  /** Fetch a CSRF token at login (`login?csrf=1`) and send it as `csrftoken`. */
  csrf?: boolean;
}

export interface SecretSource {
  get(connection: string, kind: SecretKind): Promise<string | undefined>;
}

/** The API root a connection sends relative URLs to: `https://host/maximo/oslc/`. */
export function apiRootUrl(connection: ConnectionConfig): string {
  const root = connection.apiRoot === "auto" ? (connection.auth === "apikey" ? "api" : "oslc") : connection.apiRoot;
  return `${connection.url.replace(/\/+$/, "")}/${root}/`;
}
