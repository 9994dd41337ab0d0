/** Unguessable ids for sessions, LTPA tokens, CSRF tokens and access tokens. */
import { randomBytes } from "node:crypto";

/** `bytes` random bytes as base64url: safe in cookies and headers without quoting. */
export function randomId(bytes = 24): string {
  return randomBytes(bytes).toString("base64url");
}
