/**
 * The response object the UI and the CLI read: the body kept as received (in memory, or in a
 * file when large: client/src/body/), text decoded by charset and JSON parsed only when asked
 * for. Text and JSON need the whole body in memory and say so when it is too large for that.
 */
import type { ResponseBody } from "../body/responseBody";
import { parseMaximoError } from "./maximoError";
import type { ExecutedResponse, MaximoErrorInfo, OutgoingRequest, Timings } from "./types";

export interface ResponseParts {
  request: OutgoingRequest;
  status: number;
  statusText: string;
  headers: Array<[string, string]>;
  timings: Timings;
  body: ResponseBody;
  attempts: number;
}

export function headerValue(headers: ReadonlyArray<[string, string]>, name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers.find(([n]) => n === lower)?.[1];
}

function charsetOf(contentType: string | undefined): string {
  const charset = /charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? "")?.[1]?.toLowerCase();
  return charset ?? "utf-8";
}

function decode(bytes: Buffer, charset: string): string {
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    // Unknown charset label: UTF-8 is what Maximo sends anyway.
    return new TextDecoder("utf-8").decode(bytes);
  }
}

/** "Unexpected token ... at position 12" becomes a message with line and column too. */
function jsonError(text: string, error: unknown): Error {
  const detail = error instanceof Error ? error.message : String(error);
  const position = Number(/position (\d+)/.exec(detail)?.[1]);
  if (!Number.isFinite(position)) return new Error(`The response body is not valid JSON: ${detail}`);
  const before = text.slice(0, position);
  const line = before.split("\n").length;
  const column = position - before.lastIndexOf("\n");
  return new Error(`The response body is not valid JSON at line ${line}, column ${column} (offset ${position}): ${detail}`);
}

const notParsed = Symbol("not parsed");

export class MaximoResponse implements ExecutedResponse {
  readonly request: OutgoingRequest;
  readonly status: number;
  readonly statusText: string;
  readonly headers: Array<[string, string]>;
  readonly timings: Timings;
  readonly body: ResponseBody;
  readonly attempts: number;
  private decoded?: string;
  private parsed: unknown = notParsed;
  private errorRead = false;
  private errorInfo?: MaximoErrorInfo;

  constructor(parts: ResponseParts) {
    this.request = parts.request;
    this.status = parts.status;
    this.statusText = parts.statusText;
    this.headers = parts.headers;
    this.timings = parts.timings;
    this.body = parts.body;
    this.attempts = parts.attempts;
  }

  get size(): number {
    return this.body.size;
  }

  /** The whole body in one Buffer: read from its file when it is on disk (not kept). */
  get bytes(): Buffer {
    return this.body.readAll("reading the body");
  }

  text(): string {
    this.decoded ??= decode(this.body.readAll("reading the body as text"), charsetOf(headerValue(this.headers, "content-type")));
    return this.decoded;
  }

  json(): unknown {
    if (this.parsed === notParsed) {
      const text = this.text();
      if (text.trim() === "") throw new Error(`The response body is empty (HTTP ${this.status}), not JSON.`);
      try {
        this.parsed = JSON.parse(text);
      } catch (error) {
        throw jsonError(text, error);
      }
    }
    return this.parsed;
  }

  /** Parsed on first read, only for error statuses with a JSON-looking body. */
  get maximoError(): MaximoErrorInfo | undefined {
    if (!this.errorRead) {
      this.errorRead = true;
      if (this.status >= 400 && /^\s*\{/.test(this.body.readSync(0, 64).toString("utf8"))) {
        try {
          this.errorInfo = parseMaximoError(this.json(), this.status);
        } catch {
          this.errorInfo = undefined;
        }
      }
    }
    return this.errorInfo;
  }
}
