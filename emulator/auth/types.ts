/** What the auth part reads from a request, and what it answers. */
import type { QueryParam } from "../http/types";

export interface AuthInput {
  method: string;
  /** The path as sent, e.g. `/maximo/oslc/os/mxapiasset`. */
  path: string;
  apiRoot: "oslc" | "api";
  /** Header names in lower case. */
  headers: Record<string, string>;
  query: QueryParam[];
  /** Parsed from the `Cookie` header (`parseCookies`). */
  cookies: Record<string, string>;
}

export interface AuthResult {
  /** The upper-case Maximo user name. */
  user: string;
  via: "apikey" | "maxauth" | "basic" | "bearer" | "session";
  /** Set-Cookie values to send back (a new session for MAXAUTH or Basic). */
  setCookies?: string[];
  /** The login session the request belongs to (MAXAUTH, Basic, session cookies). */
  sessionId?: string;
}
