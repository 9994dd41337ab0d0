/**
 * HTTP Basic (JSON API reference §2.2.1): `Authorization: Basic base64(user:password)` on every
 * request, checked once at `{apiRoot}login`, and the session cookies the server sets kept.
 */
import type { ConnectionConfig, SecretSource } from "../connections/types";
import { LoginEndpointSession } from "./loginEndpoint";
import type { AuthFetch, Authenticator } from "./types";

export function createBasicAuthenticator(connection: ConnectionConfig, secrets: SecretSource, fetch: AuthFetch): Authenticator {
  return new LoginEndpointSession(connection, secrets, fetch, { schemes: ["basic"], credentialsOnEveryRequest: true });
}
