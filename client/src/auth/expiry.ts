/**
 * Telling "log in again" from other failures. Real servers say a session or token ended in
 * several ways, so each is recognised:
 * - 401 with a Maximo error body whose reason code means "no authenticated user" (BMXAA0021E);
 * - 401 with `WWW-Authenticate: Bearer error="invalid_token"` (RFC 6750 §3.1, the MAS IdP);
 * - a 3xx to a login page (Liberty FORM login, the MAS OIDC login), seen in observe();
 * - an HTML login page answered with 200 to an API call (a proxy or SSO front end).
 * isExpired() gets no headers, so observe() records what only headers show.
 */
import type { OutgoingRequest } from "../http/types";
import { headerValue, headerValues, parseJsonObject } from "./wire";

/** Reason codes a real server answers when the request carries no (more) valid login. */
const sessionReasonCodes = new Set(["BMXAA0021E"]);

/** The reason code of a Maximo error body (`{"Error":{"reasonCode":...}}`, or the `oslc:Error` form). */
export function reasonCodeOf(text: string): string | undefined {
  const body = parseJsonObject(text);
  const error = body?.["Error"] ?? body?.["oslc:Error"];
  if (error && typeof error === "object") {
    const record = error as Record<string, unknown>;
    const code = record["reasonCode"] ?? record["spi:reasonCode"];
    if (typeof code === "string") return code;
  }
  return /\bBMXAA\d{4}[EWI]\b/.exec(text)?.[0];
}

const loginPageMarks = /j_security_check|j_username|login\.jsp|loginerror|kc-form-login|\/oidc\/endpoint\/|openid-connect\/auth|type\s*=\s*["']?password/i;

/** An HTML page with a login form where the API should have answered JSON. */
export function isLoginPage(text: string): boolean {
  const start = text.trimStart().slice(0, 512).toLowerCase();
  if (!start.startsWith("<!doctype html") && !start.startsWith("<html") && !start.startsWith("<?xml") && !start.includes("<html")) return false;
  return loginPageMarks.test(text) || /<title>[^<]*(log\s?in|sign\s?in)/i.test(text);
}

/** A redirect to a login page or to the identity provider. */
export function isLoginRedirect(status: number, headers: ReadonlyArray<[string, string]>): boolean {
  if (status < 300 || status > 399) return false;
  const location = headerValue(headers, "location") ?? "";
  return /login|j_security_check|\/oidc\/|openid-connect|\/authorize\b|\/auth\/realms\//i.test(location);
}

export function bearerRejected(headers: ReadonlyArray<[string, string]>): boolean {
  return headerValues(headers, "www-authenticate").some((v) => /^\s*bearer\b/i.test(v) && /error\s*=\s*"?invalid_token/i.test(v));
}

/** A 401 that means the login is gone: a session reason code, or a bare 401 from the app server. */
export function isSessionError(status: number, text: string): boolean {
  if (status !== 401) return false;
  const code = reasonCodeOf(text);
  if (code === undefined) return !text.trim().startsWith("{") || /session/i.test(text);
  return sessionReasonCodes.has(code) || /session\b[^"]{0,40}\b(expired|timed out|invalid)/i.test(text);
}

export interface Observation {
  /** The login generation the request was authorized with. */
  generation: number;
  bearerRejected: boolean;
  loginRedirect: boolean;
}

/**
 * Links responses to the login they were sent with, so that eight requests failing on one
 * expired session cause one new login, not eight: invalidate() after a response from an older
 * login is a no-op.
 */
export class ExpiryWatch {
  /** Incremented by each successful login or token fetch, and by each invalidate(). */
  generation = 0;
  private readonly byRequest = new WeakMap<OutgoingRequest, number>();
  private readonly byResponse = new WeakMap<object, Observation>();
  private last?: Observation;
  private expiredGeneration?: number;

  stamp(request: OutgoingRequest): void {
    this.byRequest.set(request, this.generation);
  }

  renewed(): void {
    this.generation++;
  }

  observe(request: OutgoingRequest, response: { status: number; headers: Array<[string, string]> }): Observation {
    const observation: Observation = {
      generation: this.byRequest.get(request) ?? this.generation,
      bearerRejected: response.status === 401 && bearerRejected(response.headers),
      loginRedirect: isLoginRedirect(response.status, response.headers),
    };
    this.byResponse.set(response, observation);
    this.last = observation;
    return observation;
  }

  /** What observe() saw for this response (or, when the executor passes a copy, for the latest one). */
  observed(response: object): Observation | undefined {
    return this.byResponse.get(response) ?? this.last;
  }

  /** Remembers which login an expired response belonged to; returns `expired` for chaining. */
  judge(response: object, expired: boolean): boolean {
    if (expired) this.expiredGeneration = this.observed(response)?.generation ?? this.generation;
    return expired;
  }

  /**
   * True when the login to drop is still the current one; it then starts a new generation at
   * once, so responses still arriving from the old login do not drop the login being made now.
   */
  takeInvalidate(): boolean {
    const stale = this.expiredGeneration !== undefined && this.expiredGeneration < this.generation;
    this.expiredGeneration = undefined;
    if (!stale) this.generation++;
    return !stale;
  }
}
