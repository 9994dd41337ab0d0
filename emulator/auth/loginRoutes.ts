/**
 * `GET|POST /oslc/login` and `/oslc/logout` (JSON API reference §2.1, §2.2.1). A login answers
 * the user's profile (real servers answer whoami-like JSON) and the session cookie to replay;
 * `csrf=1` also hands out the session's CSRF token, as a `csrftoken` header and body field.
 */
import { jsonReply, queryValue, type ApiRequest, type Reply } from "../http/types";
import { whoami } from "../resources/whoami";
import { authInputOf, type AuthContext } from "./context";
import { clearedCookie, ltpaCookieName, sessionCookie, sessionCookieName } from "./cookies";
import { randomId } from "./randomId";

export function login(context: AuthContext, request: ApiRequest): Reply {
  const input = authInputOf(request);
  // A login is never a CSRF-protected write: it is how the client gets the token.
  const result = context.authenticate({ ...input, method: "GET" });
  const cookies: string[] = [...(result.setCookies ?? [])];
  const known = result.sessionId === undefined ? undefined : context.sessions.useById(result.sessionId);
  let session = known?.kind === "ok" ? known.session : undefined;
  if (!session) {
    // API key or bearer logins get a session too, as real servers set JSESSIONID on them.
    session = context.sessions.create(result.user);
    cookies.push(sessionCookie(session.id));
  }
  const profile = whoami({ ...request, user: result.user }, context.emulator);
  const body = profile.body?.kind === "json" ? (profile.body.value as Record<string, unknown>) : {};
  const headers: Record<string, string> = {};
  if (queryValue(request, "csrf") === "1") {
    session.csrfToken ??= randomId();
    headers["csrftoken"] = session.csrfToken;
    body["csrftoken"] = session.csrfToken;
  }
  return { ...jsonReply(body, 200, headers), cookies };
}

/** Ends the session the cookies name, and tells the client to drop them. */
export function logout(context: AuthContext, request: ApiRequest): Reply {
  const session = sessionFromCookies(context, authInputOf(request).cookies);
  if (session) context.sessions.remove(session);
  return { status: 200, cookies: [clearedCookie(sessionCookieName, "/maximo"), clearedCookie(ltpaCookieName, "/")] };
}

function sessionFromCookies(context: AuthContext, cookies: Record<string, string>) {
  const id = cookies[sessionCookieName];
  const byId = id === undefined ? undefined : context.sessions.useById(id);
  if (byId?.kind === "ok") return byId.session;
  const ltpa = cookies[ltpaCookieName];
  const byLtpa = ltpa === undefined ? undefined : context.sessions.useByLtpa(ltpa);
  return byLtpa?.kind === "ok" ? byLtpa.session : undefined;
}
