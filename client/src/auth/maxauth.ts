/**
 * Maximo native authentication (JSON API reference §2.1): a `maxauth: base64(user:password)`
 * header on every request, checked once at `{apiRoot}login`, and the session cookies kept.
 */
import type { ConnectionConfig, SecretSource } from "../connections/types";
import { LoginEndpointSession } from "./loginEndpoint";
import type { AuthFetch, Authenticator } from "./types";

export function createMaxauthAuthenticator(connection: ConnectionConfig, secrets: SecretSource, fetch: AuthFetch): Authenticator {
  return new LoginEndpointSession(connection, secrets, fetch, { schemes: ["maxauth"], credentialsOnEveryRequest: true });
}
