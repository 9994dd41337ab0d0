/**
 * FORM login through the app server (JSON API reference §2.2.2): `POST /maximo/j_security_check`
 * with URL-encoded `j_username` and `j_password`. Like WebSphere Liberty, it answers with a 302:
 * on success with JSESSIONID and LtpaToken2 cookies, on failure to Maximo's form-error page
 * (`loginerror.jsp`, which real clients detect) and no cookies.
 */
import type { ApiRequest, Reply } from "../http/types";
import type { AuthContext } from "./context";
import { checkPassword } from "./credentials";
import { ltpaCookie, sessionCookie } from "./cookies";

export function jSecurityCheck(context: AuthContext, request: ApiRequest): Reply {
  // URLSearchParams decodes form encoding: `+` as space, `%26` as `&`, `%25` as `%`.
  const form = new URLSearchParams(request.body.toString("utf8"));
  const userName = form.get("j_username");
  const password = form.get("j_password");
  const user =
    request.method === "POST" && userName !== null && password !== null
      ? checkPassword(context.emulator, userName, password)
      : undefined;
  if (!user) {
    return { status: 302, headers: { location: `${request.contextRoot}/webclient/login/loginerror.jsp` } };
  }
  const session = context.sessions.create(user, true);
  return {
    status: 302,
    headers: { location: `${request.contextRoot}/` },
    cookies: [sessionCookie(session.id), ltpaCookie(session.ltpaToken!)],
  };
}
