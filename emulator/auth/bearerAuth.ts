/** OAuth access tokens (practitioner guide, Method 2): `Authorization: Bearer <token>`. */
import { authorizationOf } from "./authorizationHeader";
import { authErrors } from "./errors";
import type { TokenStore } from "./tokens";
import type { AuthInput } from "./types";

/** The token's user; undefined without a bearer token; throws for unknown or expired tokens. */
export function bearerUser(tokens: TokenStore, input: AuthInput): string | undefined {
  const authorization = authorizationOf(input.headers);
  if (authorization?.scheme !== "bearer") return undefined;
  const found = tokens.check(authorization.value);
  if (found.kind !== "ok") throw authErrors.invalidBearer(found.kind === "expired");
  return found.user;
}
