/**
 * The executor's contracts: a request ready to send, and the response it gives back. Shared by
 * the CLI and the extension; nothing here imports vscode.
 */
import type { ResponseBody } from "../body/responseBody";

/** A request with every variable resolved, not yet URL-encoded (variables/ builds it). */
export interface ResolvedRequest {
  /** `# @name`, or the `###` title. */
  name?: string;
  /** 0-based line of the request line in its file, for messages. */
  line: number;
  method: string;
  /** The URL before `?`, as written with variables filled in: `os/mxapiasset` or absolute. */
  target: string;
  /**
   * Query parameters in order, values readable (decoded), variables filled in; a value marked
   * `encoded` is written percent-encoded (`+` for a space, as browsers and curl write it) and
   * goes on the wire as written.
   */
  query: Array<{ key: string; value?: string; encoded?: boolean }>;
  /** Header lines in order, variables filled in. */
  headers: Array<[name: string, value: string]>;
  body?: string | Buffer;
  directives: RequestDirectives;
  /** Values of secret-looking variables filled in (variables/evaluation.ts): masked wherever the request is shown. */
  secrets?: string[];
}

export interface RequestDirectives {
  connection?: string;
  allPages: boolean;
  timeoutMs?: number;
  noRedirect: boolean;
  /** `# @verify`: read a single-record update back and compare the values sent (client/src/verify/). */
  verify?: boolean;
  /** `# @server-log`: capture the server's thread log for this request (reference §23). */
  serverLog?: boolean;
}

/** What goes on the wire (http/ builds it from a ResolvedRequest and a connection). */
export interface OutgoingRequest {
  method: string;
  url: URL;
  /** Lower-case names. */
  headers: Map<string, string>;
  body?: Buffer;
}

export interface Timings {
  /** TCP (and TLS) connect; 0 when a kept-alive socket was reused. */
  connectMs: number;
  firstByteMs: number;
  totalMs: number;
}

/** `{"Error": {...}}` from a Maximo server, with a one-line hint for common reason codes. */
export interface MaximoErrorInfo {
  reasonCode: string;
  message: string;
  statusCode: string;
  extendedError?: unknown;
  /** A sentence saying what the code usually means and what to do. */
  explanation?: string;
}

export interface ExecutedResponse {
  request: OutgoingRequest;
  status: number;
  statusText: string;
  /** In arrival order, lower-case names. */
  headers: Array<[name: string, value: string]>;
  timings: Timings;
  /** Body size in bytes. */
  size: number;
  /** The body: in memory when small, in a temporary file when it was large (read slices or stream it). */
  body: ResponseBody;
  /** The whole body in one Buffer, read from the file for a large one; throws, in words, past the whole-body limit. */
  readonly bytes: Buffer;
  /** The body decoded by its charset (UTF-8 by default). */
  text(): string;
  /** The body parsed as JSON on first use; throws an Error naming the position when it is not JSON. */
  json(): unknown;
  maximoError?: MaximoErrorInfo;
  /** How many times the request was sent (retries and re-logins included). */
  attempts: number;
}

/** A failure that never produced an HTTP response (timeout, reset, TLS, DNS), in words. */
export class TransportError extends Error {
  constructor(
    message: string,
    readonly kind: "timeout" | "cancelled" | "reset" | "truncated" | "tls" | "connect" | "redirect" | "other",
    /** Bytes received before the failure, kept for the user. */
    readonly partialBody?: Buffer,
  ) {
    super(message);
  }
}
