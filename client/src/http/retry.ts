/**
 * When a request may be sent again, and how long to wait. Reads are always safe to repeat; a
 * write only when it carries a `transactionid`, because Maximo refuses a duplicate id with 409
 * instead of applying it twice (JSON API reference §29; PRODUCT.md "Real-server facts").
 */
import { TransportError, type OutgoingRequest } from "./types";

export interface RetryPolicy {
  maxRetries: number;
  /** First backoff; doubles each retry. */
  baseDelayMs: number;
  /** Retry-After and backoff are capped here. */
  maxDelayMs: number;
  /** 0 ≤ x < 1; injectable so tests can pin the jitter. */
  random: () => number;
}

export const defaultRetryPolicy: RetryPolicy = { maxRetries: 3, baseDelayMs: 250, maxDelayMs: 30_000, random: Math.random };

const readMethods = new Set(["GET", "HEAD", "OPTIONS"]);
const transientStatuses = new Set([429, 502, 503, 504]);

/** The method the server acts on: POST with x-method-override is that method. */
export function effectiveMethod(request: OutgoingRequest): string {
  const override = request.headers.get("x-method-override");
  return request.method === "POST" && override ? override.toUpperCase() : request.method;
}

export function isSafeToRepeat(request: OutgoingRequest): boolean {
  return (readMethods.has(request.method) && !request.headers.has("x-method-override")) || (request.headers.get("transactionid") ?? "") !== "";
}

/** Transient answers worth another try: rate limit, gateway errors, unavailable. */
export function isTransientStatus(status: number): boolean {
  return transientStatuses.has(status);
}

/**
 * A reset before any answer is worth another try; a truncated body is not retried, so the user
 * sees the partial bytes and the reason.
 */
export function isTransientFailure(error: unknown): boolean {
  return error instanceof TransportError && error.kind === "reset";
}

/** Retry-After in seconds or as an HTTP-date, in ms from `now`; undefined when absent or unreadable. */
export function retryAfterMs(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Retry-After when the server gave one, else jittered exponential backoff; capped either way. */
export function retryDelayMs(retry: number, policy: RetryPolicy, retryAfter?: string): number {
  const asked = retryAfterMs(retryAfter);
  if (asked !== undefined) return Math.min(asked, policy.maxDelayMs);
  const ceiling = Math.min(policy.baseDelayMs * 2 ** retry, policy.maxDelayMs);
  // "Equal jitter": at least half the step, so clients spread out but still back off.
  return ceiling / 2 + policy.random() * (ceiling / 2);
}

/** Waits `ms`, or rejects as cancelled when `signal` aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new TransportError("The request was cancelled while waiting to retry.", "cancelled"));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(new TransportError("The request was cancelled while waiting to retry.", "cancelled"));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
