/**
 * One authenticator per connection: adds credentials to requests, logs in when it must, and
 * says when a response means "log in again".
 */
import type { OutgoingRequest } from "../http/types";

/** The HTTP the authenticator may use for its own calls (login, token); the executor's transport. */
export type AuthFetch = (request: OutgoingRequest, signal?: AbortSignal) => Promise<{ status: number; headers: Array<[string, string]>; text: string }>;

export interface Authenticator {
  /** Adds headers or cookies to `request`; logs in or fetches a token first when needed. */
  authorize(request: OutgoingRequest, signal?: AbortSignal): Promise<void>;
  /** Takes what the server set (cookies) from any response. */
  observe(request: OutgoingRequest, response: { status: number; headers: Array<[string, string]> }): void;
  /** True when this response means the session or token is no longer valid. */
  isExpired(response: { status: number; text: string }): boolean;
  /** Forgets the session or token so the next authorize() logs in again. */
  invalidate(): void;
  /** Every secret value this authenticator holds or derived (for redaction). */
  secrets(): string[];
}
