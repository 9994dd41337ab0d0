/**
 * What a route handler sees and returns. The platform (http/server.ts) reads the request,
 * authenticates it, and writes the reply; handlers are plain functions of (request, emulator).
 */
import type { Emulator } from "../emulator";

/** One query parameter as sent: the name and value percent-decoded, in order. */
export interface QueryParam {
  name: string;
  value: string;
}

export interface ApiRequest {
  /** The HTTP method as sent (`GET`, `POST` ...). */
  method: string;
  /** The effective method: `x-method-override` applied to a POST (`PATCH`, `MERGE`, `BULK`, `DELETE`). */
  effectiveMethod: string;
  /** Path after the API root, decoded per segment: `os/mxapiwodetail/_MTAwMQ--/wplabor` → segments. */
  segments: string[];
  /** `oslc` or `api`: the root the request came in on (`/maximo/oslc/` or `/maximo/api/`). */
  apiRoot: "oslc" | "api";
  /** The full path as sent (still encoded), e.g. `/maximo/oslc/os/mxapiasset`. */
  rawPath: string;
  /** The query string as sent, without `?`; empty when none. */
  rawQuery: string;
  query: QueryParam[];
  /** Header names in lower case; repeated headers joined with `, `. */
  headers: Record<string, string>;
  body: Buffer;
  /** The authenticated user (`MAXADMIN`); set by the platform before routing. */
  user: string;
  /** `lean=1` on the request, or the `/api/` root (which is lean by default). */
  lean: boolean;
  /** `http://127.0.0.1:PORT/maximo` — the base every href is built on. */
  contextRoot: string;
  /** Attributes an update leaves unchanged (an `ignoreField` fault the test set). */
  ignoredAttributes?: string[];
}

/** A body the platform writes: JSON, text, bytes, or chunks streamed without buffering. */
export type ReplyBody =
  | { kind: "json"; value: unknown }
  | { kind: "text"; text: string; contentType: string }
  | { kind: "bytes"; bytes: Buffer; contentType: string }
  | { kind: "stream"; chunks: Iterable<string> | AsyncIterable<string>; contentType: string };

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** Set-Cookie values, one per cookie (a record cannot repeat `set-cookie`). */
  cookies?: string[];
  body?: ReplyBody;
}

export type Handler = (request: ApiRequest, emulator: Emulator) => Reply | Promise<Reply>;

/** The value of a query parameter (first occurrence; names matched exactly, as Maximo does). */
export function queryValue(request: ApiRequest, name: string): string | undefined {
  return request.query.find((p) => p.name === name)?.value;
}

export function jsonReply(value: unknown, status = 200, headers?: Record<string, string>): Reply {
  return { status, headers, body: { kind: "json", value } };
}
