/** Adapts auth/index.ts's `Auth` to the platform's AuthHook. */
import type { Auth } from "../auth/index";
import type { AuthHook } from "./authHook";

export function adaptAuth(auth: Auth): AuthHook {
  return {
    authenticate: (request) => auth.authenticateRequest(request),
    handle: (endpoint, request) => {
      switch (endpoint) {
        case "login":
          return auth.routes.login(request);
        case "logout":
          return auth.routes.logout(request);
        case "j_security_check":
          return auth.routes.jSecurityCheck(request);
        case "token":
          return auth.routes.oauthToken(request);
        case "oidc-discovery":
          return auth.routes.oidcDiscovery(request);
      }
    },
  };
}
