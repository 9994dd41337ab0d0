/**
 * The authenticator for a connection: one module per `connection.auth`. The executor (http/)
 * passes its own transport as `fetch`, so logins and token requests share its TLS, proxy and
 * timeout settings; the transport must not follow redirects (a form login's 302 carries the cookies).
 */
import type { ConnectionConfig, SecretSource } from "../connections/types";
import { createApikeyAuthenticator } from "./apikey";
import { createBasicAuthenticator } from "./basic";
import { createFormAuthenticator } from "./form";
import { createMaxauthAuthenticator } from "./maxauth";
import { createNoAuthenticator } from "./none";
import { createOAuthAuthenticator } from "./oauth";
import { createSessionAuthenticator } from "./session";
import type { AuthFetch, Authenticator } from "./types";

export type { AuthFetch, Authenticator } from "./types";

export function createAuthenticator(connection: ConnectionConfig, secrets: SecretSource, fetch: AuthFetch): Authenticator {
  switch (connection.auth) {
    case "apikey":
      return createApikeyAuthenticator(connection, secrets, fetch);
    case "basic":
      return createBasicAuthenticator(connection, secrets, fetch);
    case "maxauth":
      return createMaxauthAuthenticator(connection, secrets, fetch);
    case "form":
      return createFormAuthenticator(connection, secrets, fetch);
    case "session":
      return createSessionAuthenticator(connection, secrets, fetch);
    case "oauth":
      return createOAuthAuthenticator(connection, secrets, fetch);
    case "none":
      return createNoAuthenticator();
    default: {
      const unknown: never = connection.auth;
      throw new Error(`Connection "${connection.name}" has an unknown auth type "${String(unknown)}".`);
    }
  }
}
