/**
 * `GET /auth/realms/mas/.well-known/openid-configuration` (practitioner guide, Method 3): the
 * OpenID provider metadata clients discover endpoints from. URLs are absolute and built from the
 * host the request came in on, so discovery works on whatever port the emulator listens.
 */
import { jsonReply, type ApiRequest, type Reply } from "../http/types";

export const realmPath = "/auth/realms/mas";

export function issuerOf(request: ApiRequest): string {
  return `${new URL(request.contextRoot).origin}${realmPath}`;
}

export function oidcDiscovery(request: ApiRequest): Reply {
  const issuer = issuerOf(request);
  const endpoint = (name: string) => `${issuer}/protocol/openid-connect/${name}`;
  return jsonReply({
    issuer,
    authorization_endpoint: endpoint("auth"),
    token_endpoint: endpoint("token"),
    introspection_endpoint: endpoint("token/introspect"),
    userinfo_endpoint: endpoint("userinfo"),
    end_session_endpoint: endpoint("logout"),
    jwks_uri: endpoint("certs"),
    // Only the grant the emulator implements, so clients do not try others.
    grant_types_supported: ["client_credentials"],
    response_types_supported: ["code", "token"],
    subject_types_supported: ["public"],
    id_token_signing_alg_values_supported: ["RS256"],
    token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
    scopes_supported: ["openid", "profile", "email"],
    claims_supported: ["sub", "iss", "aud", "exp", "iat", "azp", "preferred_username"],
  });
}
