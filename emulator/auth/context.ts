/** The state one createAuth() keeps, shared by the auth methods and the auth endpoints. */
import type { Emulator } from "../emulator";
import type { ApiRequest } from "../http/types";
import { parseCookies } from "./cookies";
import type { SessionStore } from "./sessions";
import type { TokenStore } from "./tokens";
import type { AuthInput, AuthResult } from "./types";

export interface AuthContext {
  emulator: Emulator;
  sessions: SessionStore;
  tokens: TokenStore;
  authenticate(input: AuthInput): AuthResult;
}

/** The auth view of a platform request. */
export function authInputOf(request: ApiRequest): AuthInput {
  return {
    method: request.method,
    path: request.rawPath,
    apiRoot: request.apiRoot,
    headers: request.headers,
    query: request.query,
    cookies: parseCookies(request.headers["cookie"]),
  };
}
