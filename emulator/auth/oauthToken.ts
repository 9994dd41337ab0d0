/**
 * The MAS identity provider's token endpoint (practitioner guide, Method 2):
 * `POST /auth/realms/mas/protocol/openid-connect/token`, form `grant_type=client_credentials`,
 * the client authenticated by `client_id`/`client_secret` in the form or by HTTP Basic
 * (RFC 6749 §2.3.1). Errors use the OAuth shape (RFC 6749 §5.2), not Maximo's: this is the
 * identity provider answering, not Maximo.
 */
import { jsonReply, type ApiRequest, type Reply } from "../http/types";
import { authorizationOf } from "./authorizationHeader";
import type { AuthContext } from "./context";
import { issuerOf } from "./oidcDiscovery";

// Token answers must not be cached (RFC 6749 §5.1).
const noStore = { "cache-control": "no-store", pragma: "no-cache" };

function oauthError(status: number, error: string, description: string, headers: Record<string, string> = {}): Reply {
  return jsonReply({ error, error_description: description }, status, { ...noStore, ...headers });
}

/** Client id and secret from HTTP Basic (each form-URL-encoded) or from the form body. */
function clientCredentials(request: ApiRequest, form: URLSearchParams): { id?: string; secret?: string; viaBasic: boolean } {
  const authorization = authorizationOf(request.headers);
  if (authorization?.scheme === "basic") {
    const text = Buffer.from(authorization.value, "base64").toString("utf8");
    const colon = text.indexOf(":");
    if (colon < 0) return { viaBasic: true };
    const decode = (s: string) => decodeURIComponent(s.replace(/\+/g, " "));
    try {
      return { id: decode(text.slice(0, colon)), secret: decode(text.slice(colon + 1)), viaBasic: true };
    } catch {
      return { viaBasic: true };
    }
  }
  return { id: form.get("client_id") ?? undefined, secret: form.get("client_secret") ?? undefined, viaBasic: false };
}

/** The Maximo user a client's service account acts as: a user named like the client, else MAXADMIN. */
function serviceUser(context: AuthContext, clientId: string): string {
  const users = context.emulator.options.credentials.users;
  const named = clientId.toUpperCase();
  if (named in users) return named;
  return "MAXADMIN" in users ? "MAXADMIN" : Object.keys(users)[0] ?? "MAXADMIN";
}

export function oauthToken(context: AuthContext, request: ApiRequest): Reply {
  if (request.method !== "POST") {
    return oauthError(405, "invalid_request", "The token endpoint accepts POST only", { allow: "POST" });
  }
  const form = new URLSearchParams(request.body.toString("utf8"));
  const client = clientCredentials(request, form);
  const clients = context.emulator.options.credentials.oauthClients;
  if (!client.id || client.secret === undefined || clients[client.id] !== client.secret) {
    // RFC 6749 §5.2: a client that tried HTTP Basic gets the Basic challenge back.
    const challenge: Record<string, string> = client.viaBasic ? { "www-authenticate": 'Basic realm="mas"' } : {};
    return oauthError(401, "invalid_client", "Invalid client or Invalid client credentials", challenge);
  }
  const grantType = form.get("grant_type");
  if (!grantType) return oauthError(400, "invalid_request", "Missing form parameter: grant_type");
  if (grantType !== "client_credentials") {
    return oauthError(400, "unsupported_grant_type", `Unsupported grant_type: ${grantType}`);
  }
  const scope = form.get("scope")?.trim() || "profile email";
  const issued = context.tokens.issue(client.id, serviceUser(context, client.id), issuerOf(request), scope);
  return jsonReply(
    {
      access_token: issued.token,
      expires_in: issued.expiresIn,
      refresh_expires_in: 0,
      token_type: "Bearer",
      "not-before-policy": 0,
      scope,
    },
    200,
    noStore,
  );
}
