/**
 * Authentication for the emulator: API keys, MAXAUTH, Basic, OAuth bearer tokens and session
 * cookies on API requests, plus the login-type endpoints. All state (sessions, tokens) lives in
 * the object createAuth returns, so two emulators never share a login.
 *
 * Order: explicit credentials on the request win over replayed cookies, and a wrong explicit
 * credential is a 401 even when a good cookie is also sent.
 */
import type { Emulator } from "../emulator";
import type { ApiRequest, Reply } from "../http/types";
import { apikeyUser } from "./apikeyAuth";
import { basicUser } from "./basicAuth";
import { bearerUser } from "./bearerAuth";
import { authInputOf, type AuthContext } from "./context";
import { sessionCookie, sessionCookieName } from "./cookies";
import { authErrors } from "./errors";
import { jSecurityCheck } from "./formLogin";
import { login, logout } from "./loginRoutes";
import { maxauthUser } from "./maxauthAuth";
import { oauthToken } from "./oauthToken";
import { oidcDiscovery } from "./oidcDiscovery";
import { checkCsrf, sessionOf } from "./sessionAuth";
import { SessionStore } from "./sessions";
import { TokenStore } from "./tokens";
import type { AuthInput, AuthResult } from "./types";

export type { AuthInput, AuthResult } from "./types";
export { parseCookies } from "./cookies";
export { authInputOf } from "./context";

/** The auth endpoints; each takes the request as the platform built it. */
export interface AuthRoutes {
  login(request: ApiRequest): Reply;
  logout(request: ApiRequest): Reply;
  jSecurityCheck(request: ApiRequest): Reply;
  oauthToken(request: ApiRequest): Reply;
  oidcDiscovery(request: ApiRequest): Reply;
}

export interface Auth {
  /** The user a request acts as; throws a 401 (or 403 for CSRF) MaximoError. */
  authenticate(input: AuthInput): AuthResult;
  /** authenticate() for a platform request. */
  authenticateRequest(request: ApiRequest): AuthResult;
  routes: AuthRoutes;
  /** Ends every login session now (the control API's session-expiry knob). */
  expireAllSessions(): void;
  /** Makes every issued access token expired. */
  revokeTokens(): void;
  reset(): void;
}

export function createAuth(emulator: Emulator): Auth {
  const sessions = new SessionStore(emulator);
  const tokens = new TokenStore(emulator);

  /** MAXAUTH and Basic log in: reuse the replayed session of the same user, else start one. */
  function withSession(user: string, via: "maxauth" | "basic", input: AuthInput): AuthResult {
    const id = input.cookies[sessionCookieName];
    const replayed = id === undefined ? undefined : sessions.useById(id);
    if (replayed?.kind === "ok" && replayed.session.user === user) return { user, via, sessionId: replayed.session.id };
    const session = sessions.create(user);
    return { user, via, setCookies: [sessionCookie(session.id)], sessionId: session.id };
  }

  function authenticate(input: AuthInput): AuthResult {
    const byApikey = apikeyUser(emulator, input);
    if (byApikey) return { user: byApikey, via: "apikey" };
    const byMaxauth = maxauthUser(emulator, input);
    if (byMaxauth) return withSession(byMaxauth, "maxauth", input);
    const byBasic = basicUser(emulator, input);
    if (byBasic) return withSession(byBasic, "basic", input);
    const byBearer = bearerUser(tokens, input);
    if (byBearer) return { user: byBearer, via: "bearer" };
    const session = sessionOf(sessions, input);
    if (session) {
      checkCsrf(session, input, emulator.options.requireCsrf);
      return { user: session.user, via: "session", sessionId: session.id };
    }
    throw authErrors.notAuthenticated();
  }

  const context: AuthContext = { emulator, sessions, tokens, authenticate };
  return {
    authenticate,
    authenticateRequest: (request) => authenticate(authInputOf(request)),
    routes: {
      login: (request) => login(context, request),
      logout: (request) => logout(context, request),
      jSecurityCheck: (request) => jSecurityCheck(context, request),
      oauthToken: (request) => oauthToken(context, request),
      oidcDiscovery: (request) => oidcDiscovery(request),
    },
    expireAllSessions: () => sessions.clear(),
    revokeTokens: () => tokens.expireAll(),
    reset: () => {
      sessions.clear();
      tokens.clear();
    },
  };
}
