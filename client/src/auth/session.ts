/**
 * A `/oslc/login` session (JSON API reference §2.1, §2.2.1, and §2.2.2's advice to replay the
 * session cookies): log in once with MAXAUTH, or with Basic when the server challenges for it
 * (LDAP), then send cookies only. With `connection.csrf` the login is `login?csrf=1` and writes
 * carry the `csrftoken` header (PRODUCT.md real-server facts).
 */
import type { ConnectionConfig, SecretSource } from "../connections/types";
import { LoginEndpointSession } from "./loginEndpoint";
import type { AuthFetch, Authenticator } from "./types";

export function createSessionAuthenticator(connection: ConnectionConfig, secrets: SecretSource, fetch: AuthFetch): Authenticator {
  return new LoginEndpointSession(connection, secrets, fetch, { schemes: ["maxauth", "basic"], credentialsOnEveryRequest: false });
}
