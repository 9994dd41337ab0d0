/**
 * The request executor one connection uses: builds the request, authorizes it, sends it through
 * the transport and applies the retry policy and the one re-login a session expiry allows.
 * Knows no VS Code; the CLI and the extension both create one per connection.
 */
import { randomUUID } from "node:crypto";
import { createAuthenticator } from "../auth/index";
import type { AuthFetch, Authenticator } from "../auth/types";
import type { ConnectionConfig, SecretSource } from "../connections/types";
import { MaximoResponse } from "./response";
import { redact, withMaskedCredentials } from "./redact";
import { defaultRetryPolicy, effectiveMethod, isSafeToRepeat, isTransientFailure, isTransientStatus, retryDelayMs, sleep, type RetryPolicy } from "./retry";
import { createTransport, type TransportOptions, type TransportResponse } from "./transport";
import type { ExecutedResponse, OutgoingRequest, ResolvedRequest } from "./types";
import { buildOutgoing } from "./url";

export interface ExecutorOptions {
  connection: ConnectionConfig;
  secrets: SecretSource;
  /** One line per notable event (retries, re-logins, warnings); secrets already masked. */
  log?: (line: string) => void;
  /** Creates and BULK get a generated `transactionid` unless this is false. */
  transactionIds?: boolean;
  /** Replaces AUTH's authenticator (tests, or a host with its own login). */
  authenticator?: (fetch: AuthFetch) => Authenticator;
  transport?: Omit<TransportOptions, "connection" | "log">;
  retry?: Partial<RetryPolicy>;
}

export interface ExecuteOptions {
  signal?: AbortSignal;
}

export interface SendRawOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  noRedirect?: boolean;
}

export interface Executor {
  readonly connection: ConnectionConfig;
  /** Builds, authorizes and sends a resolved request with the retry policy. */
  execute(resolved: ResolvedRequest, options?: ExecuteOptions): Promise<ExecutedResponse>;
  /** Sends an already built request (paging, schema fetches) with the same auth and retry policy. */
  send(outgoing: OutgoingRequest, options?: SendRawOptions): Promise<ExecutedResponse>;
  /** Every secret the executor holds or derived, for redaction. */
  secrets(): string[];
  /** Counts the sessions this executor dropped to log in again (0 until the first re-login). */
  loginGeneration?(): number;
  close(): void;
}

/** A create (POST without override) or BULK: the writes Maximo de-duplicates by transactionid. */
export function wantsTransactionId(request: OutgoingRequest): boolean {
  const method = effectiveMethod(request);
  return (request.method === "POST" && !request.headers.has("x-method-override")) || method === "BULK";
}

const expiryCheckBytes = 1024 * 1024;

/** The body as text, only where an authenticator could need it to see an expired session. */
function textForExpiryCheck(answer: TransportResponse): string {
  const contentType = answer.headers.find(([name]) => name === "content-type")?.[1] ?? "";
  if (answer.status < 300 && !/html/i.test(contentType)) return "";
  // A login page or an error is small; of a large body its start says enough.
  return answer.body.readSync(0, expiryCheckBytes).toString("utf8");
}

export function createExecutor(options: ExecutorOptions): Executor {
  const { connection } = options;
  const policy: RetryPolicy = { ...defaultRetryPolicy, ...options.retry };
  let authenticator: Authenticator | undefined;
  const secrets = (): string[] => authenticator?.secrets() ?? [];
  const log = (line: string) => options.log?.(redact(line, secrets()));
  const transport = createTransport({ ...options.transport, connection, log });
  authenticator = options.authenticator ? options.authenticator(transport.authFetch) : createAuthenticator(connection, options.secrets, transport.authFetch);
  const auth = authenticator;
  let logins = 0;

  async function send(outgoing: OutgoingRequest, sendOptions: SendRawOptions = {}): Promise<ExecutedResponse> {
    const { signal } = sendOptions;
    const safe = isSafeToRepeat(outgoing);
    let attempts = 0;
    let retries = 0;
    let reloggedIn = false;
    for (;;) {
      // Credentials go on a copy each time: a re-login changes them.
      const request: OutgoingRequest = { ...outgoing, headers: new Map(outgoing.headers) };
      await auth.authorize(request, signal);
      attempts++;
      let answer: TransportResponse;
      try {
        answer = await transport.send(request, { signal, timeoutMs: sendOptions.timeoutMs, noRedirect: sendOptions.noRedirect });
      } catch (error) {
        if (safe && retries < policy.maxRetries && isTransientFailure(error) && !signal?.aborted) {
          const wait = retryDelayMs(retries, policy);
          log(`${outgoing.method} ${outgoing.url.href}: connection reset; retry ${retries + 1} of ${policy.maxRetries} in ${Math.round(wait)} ms.`);
          await sleep(wait, signal);
          retries++;
          continue;
        }
        throw error;
      }
      auth.observe(request, answer);
      if (auth.isExpired({ status: answer.status, text: textForExpiryCheck(answer) })) {
        auth.invalidate();
        logins++;
        if (safe && !reloggedIn) {
          reloggedIn = true;
          log(`${outgoing.method} ${outgoing.url.href}: the session expired (HTTP ${answer.status}); logging in again and repeating once.`);
          continue;
        }
      }
      if (safe && retries < policy.maxRetries && isTransientStatus(answer.status)) {
        const retryAfter = answer.status === 429 ? answer.headers.find(([name]) => name === "retry-after")?.[1] : undefined;
        const wait = retryDelayMs(retries, policy, retryAfter);
        log(`${outgoing.method} ${outgoing.url.href}: HTTP ${answer.status}; retry ${retries + 1} of ${policy.maxRetries} in ${Math.round(wait)} ms.`);
        await sleep(wait, signal);
        retries++;
        continue;
      }
      if (answer.status === 409 && retries > 0 && outgoing.headers.has("transactionid")) {
        log(`${outgoing.method} ${outgoing.url.href}: 409 on a retry with the same transactionid: an earlier attempt was applied (reference §29).`);
      }
      return new MaximoResponse({
        request: withMaskedCredentials(answer.request),
        status: answer.status,
        statusText: answer.statusText,
        headers: answer.headers,
        timings: answer.timings,
        body: answer.body,
        attempts,
      });
    }
  }

  async function execute(resolved: ResolvedRequest, executeOptions: ExecuteOptions = {}): Promise<ExecutedResponse> {
    const outgoing = buildOutgoing(connection, resolved);
    if (options.transactionIds !== false && !outgoing.headers.has("transactionid") && wantsTransactionId(outgoing)) {
      outgoing.headers.set("transactionid", randomUUID());
    }
    return send(outgoing, { signal: executeOptions.signal, timeoutMs: resolved.directives.timeoutMs, noRedirect: resolved.directives.noRedirect });
  }

  return { connection, execute, send, secrets, loginGeneration: () => logins, close: () => transport.close() };
}
