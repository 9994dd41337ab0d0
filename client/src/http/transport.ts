/**
 * Sends one OutgoingRequest with node-fetch over keep-alive agents owned by one connection:
 * timeouts, cancellation, TLS options, proxy, manual redirects that never carry credentials to
 * another origin, and the body read under a size cap: kept in memory when small, written to a
 * temporary file as it arrives when large (client/src/body/). Every failure becomes a
 * TransportError in words, with whatever bytes arrived.
 */
import { readFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import { rootCertificates } from "node:tls";
import { performance } from "node:perf_hooks";
import fetch from "node-fetch";
import type { AuthFetch } from "../auth/types";
import type { ConnectionConfig } from "../connections/types";
import { armWatch, createHttpProxyAgent, createHttpsProxyAgent, disarmWatch, proxyFor, type ProxyEnv } from "./proxy";
import { BodySink } from "../body/bodySink";
import { processBodyStorage, type BodyStorage } from "../body/bodyStorage";
import { MemoryBody, type ResponseBody } from "../body/responseBody";
import { redact } from "./redact";
import { TransportError, type OutgoingRequest, type Timings } from "./types";

export interface TransportOptions {
  connection: ConnectionConfig;
  /** Warnings (TLS off, proxy limits) go here; never a secret. */
  log?: (line: string) => void;
  /** Where HTTP(S)_PROXY / NO_PROXY are read; process.env by default. */
  env?: ProxyEnv;
  connectTimeoutMs?: number;
  /** Total time for one send, redirects and body included, unless a request sets its own. */
  timeoutMs?: number;
  maxBodyBytes?: number;
  maxRedirects?: number;
  /** Where bodies over its spill threshold are written as they arrive; a per-process temp folder by default. */
  bodies?: BodyStorage;
}

export interface SendOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  noRedirect?: boolean;
}

export interface TransportResponse {
  /** The request of the last hop (after redirects). */
  request: OutgoingRequest;
  status: number;
  statusText: string;
  headers: Array<[string, string]>;
  /** In memory when small, else a temporary file written as the bytes arrived. */
  body: ResponseBody;
  timings: Timings;
  redirects: number;
}

export interface Transport {
  send(outgoing: OutgoingRequest, options?: SendOptions): Promise<TransportResponse>;
  /** The same transport in the shape the authenticator calls (no redirects: a login's 302 carries its cookies). */
  authFetch: AuthFetch;
  close(): void;
}

/** Credentials that must not follow a redirect to another origin. */
const originBoundHeaders = ["apikey", "authorization", "maxauth", "cookie", "csrftoken", "proxy-authorization"];

type AbortReason = "timeout" | "cancelled" | "connect" | "too-large";

/** One send's state shared by its hops: why it was aborted, and the current hop's request and socket facts. */
interface SendState {
  reason?: AbortReason;
  /** The hop in flight; destroying it ends fetch() or the body read with an error. */
  clientRequest?: http.ClientRequest;
  /**
   * Only for callers that can cancel (the extension): VS Code's proxy support replaces a
   * request's agent (`http.proxySupport: override`), so the agent hook that finds the
   * ClientRequest may never fire there, and only node-fetch's own signal still ends the send.
   */
  fetchAbort?: AbortController;
  connectMs: number;
  rawHeaders?: string[];
}

/**
 * Ends the send in flight. Destroying the ClientRequest rather than passing node-fetch an
 * AbortSignal: the signal's listeners cost about 15% of a small GET's client CPU (bench/executor).
 */
function abort(state: SendState, reason: AbortReason): void {
  state.reason ??= reason;
  state.clientRequest?.destroy(new Error(`aborted: ${reason}`));
  state.fetchAbort?.abort();
}

function describe(request: OutgoingRequest): string {
  return `${request.method} ${redact(request.url.href)}`;
}

function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === "object"; depth++) {
    const record = current as { code?: unknown; erroredSysCall?: unknown; cause?: unknown };
    if (typeof record.code === "string" && record.code !== "system") return record.code;
    current = record.cause;
  }
  return undefined;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Words for a failure before or during the response, by its cause. */
function toTransportError(error: unknown, request: OutgoingRequest, state: SendState, timeoutMs: number, partial?: Buffer): TransportError {
  if (error instanceof TransportError) return error;
  const what = describe(request);
  switch (state.reason) {
    case "cancelled":
      return new TransportError(`${what} was cancelled.`, "cancelled", partial);
    case "timeout":
      return new TransportError(`${what} timed out after ${timeoutMs} ms; raise it with "# @timeout" or check the server.`, "timeout", partial);
    case "connect":
      return new TransportError(`${what}: could not connect to ${request.url.host} in time; check the URL, VPN or proxy.`, "timeout", partial);
    case "too-large":
      return new TransportError(`${what}: the response is larger than the size limit; add oslc.pageSize or oslc.select.`, "other", partial);
    default:
      break;
  }
  const code = errorCode(error) ?? "";
  const detail = redact(errorText(error));
  if (/^(ECONNRESET|EPIPE|ECONNABORTED)$/.test(code) || /socket hang up/i.test(detail)) {
    return new TransportError(`${what}: the connection was reset before a complete answer (${code || "socket hang up"}).`, partial?.length ? "truncated" : "reset", partial);
  }
  if (code === "ERR_STREAM_PREMATURE_CLOSE") return new TransportError(`${what}: the connection closed before the whole body arrived.`, "truncated", partial);
  if (/^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|ETIMEDOUT)$/.test(code)) {
    return new TransportError(`${what}: could not connect to ${request.url.host} (${code}); check the URL and the network.`, "connect", partial);
  }
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/i.test(code)) {
    return new TransportError(`${what}: the TLS certificate was not accepted (${code}); add the server's CA as the connection's caFile, or mark the connection insecure.`, "tls", partial);
  }
  return new TransportError(`${what} failed: ${detail}`, "other", partial);
}

function pairs(rawHeaders: string[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) out.push([rawHeaders[i]!.toLowerCase(), rawHeaders[i + 1]!]);
  return out;
}

/** The next hop of a redirect: 303 (and 301/302 after POST) become a GET without a body, as browsers do. */
export function redirectedRequest(request: OutgoingRequest, location: string, status: number): OutgoingRequest {
  const url = new URL(location, request.url);
  const headers = new Map(request.headers);
  if (url.origin !== request.url.origin) for (const name of originBoundHeaders) headers.delete(name);
  let { method, body } = request;
  if ((status === 303 && method !== "HEAD") || ((status === 301 || status === 302) && method === "POST")) {
    method = "GET";
    body = undefined;
    for (const name of ["content-type", "content-length", "x-method-override", "transactionid"]) headers.delete(name);
  }
  return { method, url, headers, body };
}

export function createTransport(options: TransportOptions): Transport {
  const { connection } = options;
  const log = options.log ?? (() => {});
  const env = options.env ?? process.env;
  const connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
  const defaultTimeoutMs = options.timeoutMs ?? 120_000;
  const maxBodyBytes = options.maxBodyBytes ?? 256 * 1024 * 1024;
  const maxRedirects = options.maxRedirects ?? 5;
  const bodies = options.bodies ?? processBodyStorage();
  const agentOptions: http.AgentOptions = { keepAlive: true, maxFreeSockets: 16 };
  const agents = new Map<string, http.Agent>();

  function httpsAgent(proxy: URL | undefined): http.Agent {
    const key = proxy ? `https via ${proxy.href}` : "https";
    let agent = agents.get(key);
    if (!agent) {
      const ca = connection.caFile ? [...rootCertificates, readFileSync(connection.caFile, "utf8")] : undefined;
      if (connection.insecure && ![...agents.keys()].some((k) => k.startsWith("https"))) {
        log(`warning: TLS certificate verification is off for connection "${connection.name}"; use a caFile instead when you can.`);
      }
      const tlsOptions = { ...agentOptions, ca, rejectUnauthorized: !connection.insecure };
      agent = proxy ? createHttpsProxyAgent(proxy, tlsOptions) : new https.Agent(tlsOptions);
      agents.set(key, agent);
    }
    return agent;
  }

  function agentFor(url: URL): http.Agent {
    const proxy = proxyFor(url, env);
    if (url.protocol === "https:") return httpsAgent(proxy);
    const key = proxy ? `proxy ${proxy.href}` : "http";
    let agent = agents.get(key);
    if (!agent) {
      agent = proxy ? createHttpProxyAgent(proxy, agentOptions) : new http.Agent(agentOptions);
      agents.set(key, agent);
    }
    return agent;
  }

  /** Watches one hop's socket: connect time, connect timeout, headers in arrival order. */
  function watch(request: http.ClientRequest, state: SendState, secure: boolean): void {
    state.clientRequest = request;
    // Aborted while this hop was being set up: end it at once.
    if (state.reason) request.destroy(new Error(`aborted: ${state.reason}`));
    request.once("socket", (socket) => {
      if (!socket.connecting) {
        state.connectMs = 0;
        return;
      }
      const started = performance.now();
      const timer = setTimeout(() => abort(state, "connect"), connectTimeoutMs);
      socket.once(secure ? "secureConnect" : "connect", () => {
        clearTimeout(timer);
        state.connectMs = performance.now() - started;
      });
      socket.once("close", () => clearTimeout(timer));
    });
    request.once("response", (response: http.IncomingMessage) => {
      state.rawHeaders = response.rawHeaders;
    });
  }

  async function readBody(body: NodeJS.ReadableStream, state: SendState, request: OutgoingRequest, timeoutMs: number, expected: number | undefined): Promise<ResponseBody> {
    const sink = new BodySink(bodies);
    try {
      for await (const chunk of body) {
        const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
        if (sink.received + bytes.length > maxBodyBytes) {
          abort(state, "too-large");
          break;
        }
        await sink.write(bytes);
      }
    } catch (error) {
      throw toTransportError(error, request, state, timeoutMs, await sink.partial());
    }
    if (state.reason) throw toTransportError(new Error("aborted"), request, state, timeoutMs, await sink.partial());
    if (expected !== undefined && sink.received < expected) {
      const received = sink.received;
      throw new TransportError(`${describe(request)}: the body ended after ${received} of ${expected} bytes; the connection was cut.`, "truncated", await sink.partial());
    }
    return sink.finish();
  }

  async function hop(request: OutgoingRequest, state: SendState, timeoutMs: number): Promise<Omit<TransportResponse, "timings" | "redirects"> & { firstByteAt: number }> {
    state.rawHeaders = undefined;
    const secure = request.url.protocol === "https:";
    const shared = agentFor(request.url);
    const headers: Record<string, string> = { "user-agent": "maximo-workbench", ...Object.fromEntries(request.headers) };
    let response;
    try {
      armWatch(shared, (clientRequest) => watch(clientRequest, state, secure));
      const pending = fetch(request.url.href, {
        method: request.method,
        headers,
        body: request.body,
        redirect: "manual",
        agent: shared,
        ...(state.fetchAbort ? { signal: state.fetchAbort.signal } : {}),
      });
      disarmWatch(shared);
      response = await pending;
    } catch (error) {
      disarmWatch(shared);
      throw toTransportError(error, request, state, timeoutMs);
    }
    const firstByteAt = performance.now();
    const arrived = state.rawHeaders ? pairs(state.rawHeaders) : [...response.headers].map(([n, v]): [string, string] => [n.toLowerCase(), v]);
    const length = response.headers.get("content-length");
    // node-fetch decompresses; a declared length then counts compressed bytes and cannot be checked.
    const expected = length !== null && !response.headers.get("content-encoding") && request.method !== "HEAD" ? Number(length) : undefined;
    const body = response.body ? await readBody(response.body, state, request, timeoutMs, expected) : new MemoryBody(Buffer.alloc(0));
    return { request, status: response.status, statusText: response.statusText, headers: arrived, body, firstByteAt };
  }

  async function send(outgoing: OutgoingRequest, sendOptions: SendOptions = {}): Promise<TransportResponse> {
    const { signal } = sendOptions;
    if (signal?.aborted) throw new TransportError(`${describe(outgoing)} was cancelled.`, "cancelled");
    const timeoutMs = sendOptions.timeoutMs ?? defaultTimeoutMs;
    const state: SendState = { connectMs: 0, ...(signal ? { fetchAbort: new AbortController() } : {}) };
    const onCancel = () => abort(state, "cancelled");
    signal?.addEventListener("abort", onCancel, { once: true });
    const timer = setTimeout(() => abort(state, "timeout"), timeoutMs);
    const started = performance.now();
    try {
      let request = outgoing;
      for (let redirects = 0; ; redirects++) {
        const answer = await hop(request, state, timeoutMs);
        const location = answer.headers.find(([name]) => name === "location")?.[1];
        const isRedirect = [301, 302, 303, 307, 308].includes(answer.status) && location !== undefined;
        if (!isRedirect || sendOptions.noRedirect) {
          const totalMs = performance.now() - started;
          return { ...answer, redirects, timings: { connectMs: state.connectMs, firstByteMs: answer.firstByteAt - started, totalMs } };
        }
        if (redirects >= maxRedirects) {
          throw new TransportError(`${describe(outgoing)}: more than ${maxRedirects} redirects; the last went to ${redact(new URL(location, request.url).href)}.`, "redirect");
        }
        request = redirectedRequest(request, location, answer.status);
      }
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onCancel);
    }
  }

  return {
    send,
    authFetch: async (request, signal) => {
      const answer = await send(request, { signal, noRedirect: true });
      return { status: answer.status, headers: answer.headers, text: answer.body.readAll("a login answer").toString("utf8") };
    },
    close: () => {
      for (const agent of agents.values()) agent.destroy();
      agents.clear();
    },
  };
}
