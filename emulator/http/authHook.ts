/**
 * What the platform needs from the auth part: authenticate an API request, and answer the
 * login-type endpoints. `index.ts` adapts auth/index.ts's `createAuth` to this.
 */
import type { ApiRequest, Reply } from "./types";

export interface AuthHook {
  /**
   * The user (`MAXADMIN`) the request is authenticated as, and any session cookies to set on the
   * reply (MAXAUTH and Basic start a session); throws a 401/403 MaximoError.
   */
  authenticate(request: ApiRequest): { user: string; setCookies?: string[] };
  /** Answers an auth endpoint (login, logout, j_security_check, token, OIDC discovery). */
  handle(kind: AuthEndpoint, request: ApiRequest): Reply | Promise<Reply>;
}

export type AuthEndpoint = "login" | "logout" | "j_security_check" | "token" | "oidc-discovery";

/** The auth endpoint a path names, if any (`/maximo/oslc/login`, `/auth/realms/mas/...`). */
export function authEndpointOf(path: string): AuthEndpoint | undefined {
  const lower = path.toLowerCase().replace(/\/+$/, "");
  switch (lower) {
    case "/maximo/oslc/login":
    case "/maximo/api/login":
      return "login";
    case "/maximo/oslc/logout":
    case "/maximo/api/logout":
      return "logout";
    case "/maximo/j_security_check":
      return "j_security_check";
    case "/auth/realms/mas/protocol/openid-connect/token":
      return "token";
    case "/auth/realms/mas/.well-known/openid-configuration":
      return "oidc-discovery";
    default:
      return undefined;
  }
}
