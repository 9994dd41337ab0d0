/**
 * Replayed session cookies (JSON API reference §2.2.2: "reuse the session and authentication
 * based cookies"): JSESSIONID, or the LtpaToken2 a form login set.
 */
import { ltpaCookieName, sessionCookieName } from "./cookies";
import { authErrors } from "./errors";
import type { Session, SessionStore } from "./sessions";
import type { AuthInput } from "./types";

/** The live session; undefined without session cookies; throws when they name no live session. */
export function sessionOf(sessions: SessionStore, input: AuthInput): Session | undefined {
  const id = input.cookies[sessionCookieName];
  const ltpa = input.cookies[ltpaCookieName];
  if (id === undefined && ltpa === undefined) return undefined;
  const byId = id === undefined ? undefined : sessions.useById(id);
  if (byId?.kind === "ok") return byId.session;
  const byLtpa = ltpa === undefined ? undefined : sessions.useByLtpa(ltpa);
  if (byLtpa?.kind === "ok") return byLtpa.session;
  // Timed out or logged out: the server sees a request without a user, so the client logs in again.
  throw authErrors.notAuthenticated();
}

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/** With CSRF protection on, a write over a session must echo the session's `csrftoken`. */
export function checkCsrf(session: Session, input: AuthInput, required: boolean): void {
  if (!required || safeMethods.has(input.method.toUpperCase())) return;
  const sent = input.headers["csrftoken"];
  if (!session.csrfToken || sent !== session.csrfToken) throw authErrors.csrfMissing();
}
