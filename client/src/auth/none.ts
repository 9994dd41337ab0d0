/** No authentication: a server behind a trusted proxy, or public endpoints. Nothing to add or renew. */
import type { Authenticator } from "./types";

export function createNoAuthenticator(): Authenticator {
  return {
    authorize: async () => {},
    observe: () => {},
    isExpired: () => false,
    invalidate: () => {},
    secrets: () => [],
  };
}
