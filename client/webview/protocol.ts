/**
 * The messages between the response panel's host (client/src/extension/response/) and its page
 * script (this folder), declared once for both sides. DOM-free and vscode-free: the page is
 * type-checked with the DOM library, the host with node's types, and both import this file.
 */

export interface ResponseTimings {
  connectMs: number;
  firstByteMs: number;
  totalMs: number;
}

export interface ResponseError {
  reasonCode: string;
  message: string;
  statusCode: string;
  extendedError?: unknown;
  /** A sentence saying what the code usually means and what to do. */
  explanation?: string;
}

/** Everything the page shows except the body, which travels beside it as an ArrayBuffer. */
export interface ResponseMeta {
  id: string;
  title: string;
  request: {
    method: string;
    url: string;
    headers: Array<[name: string, value: string]>;
    connection: string;
    source?: { uri: string; line: number };
  };
  status: number;
  statusText: string;
  headers: Array<[name: string, value: string]>;
  timings: ResponseTimings;
  size: number;
  contentType: string;
  bodyTruncated?: boolean;
  maximoError?: ResponseError;
  paging?: {
    page: number;
    pageCount?: number;
    totalCount?: number;
    hasNext: boolean;
    allPages?: boolean;
  };
  selectOrder?: string[];
  receivedAt: number;
  /** The server's thread-log lines this request caused (reference §23), redacted, with hints for their BMXAA codes. */
  serverLog?: { lines: string[]; hints: Record<string, string>; /** The log is still being read; a `serverLog` message follows. */ pending?: boolean };
}

export type PagingAction = "nextPage" | "allPages";
/** The panel's long-running buttons: paging, and Export (every page of the request to a file). */
export type PanelAction = PagingAction | "export";

/**
 * Host → page. A body crosses once, as ArrayBuffers: the first part rides with `show` (enough for
 * the first screen), the rest follows in `bodyChunk`s, so no single message holds the extension
 * host for long and the page starts on the first rows before the last byte has crossed.
 */
export type HostMessage =
  /** A response to show: `body` holds its first bytes, `totalBytes` says how many will come in all. */
  | { type: "show"; response: ResponseMeta; body: ArrayBuffer; totalBytes: number; actions: Record<PanelAction, boolean> }
  /** The body's bytes from `offset` on. */
  | { type: "bodyChunk"; responseId: string; offset: number; chunk: ArrayBuffer }
  /** An action the page asked for has finished (successfully, cancelled or not). */
  | { type: "actionDone"; action: PanelAction }
  /** The server-log lines of a shown response, read after it (absent: capture gave none). */
  | { type: "serverLog"; responseId: string; serverLog?: { lines: string[]; hints: Record<string, string> } }
  /** The answer to a page's `bodyRange`: the bytes from `start` (fewer at the body's end), or why not. */
  | { type: "bodyRange"; responseId: string; requestId: number; start: number; chunk?: ArrayBuffer; error?: string };

/** Page → host. Each names the response it is about, so a late click on a replaced response is ignored. */
export type PageMessage =
  /** The script is listening; the host sends what it has. */
  | { type: "ready" }
  /** The page took the body's part at `offset` (the host paces the parts by these). */
  | { type: "bodyAck"; responseId: string; offset: number }
  | { type: PanelAction; responseId: string }
  | { type: "save"; responseId: string }
  | { type: "openInEditor"; responseId: string }
  | { type: "revealRequest"; responseId: string }
  /** The host writes `text` to the clipboard; `what` names it for the status message ("cell", "CSV"). */
  | { type: "copy"; text: string; what: string }
  /** Bytes [start, end) of the shown body, for a page that keeps only an index of a large body (answered by a `bodyRange`). */
  | { type: "bodyRange"; responseId: string; requestId: number; start: number; end: number };

/** The state the page keeps through vscode.setState (small: never the body). */
export interface PageState {
  responseId?: string;
}

const pageMessageTypes = new Set(["ready", "nextPage", "allPages", "export", "save", "openInEditor", "revealRequest", "copy", "bodyRange"]);

/** Narrows what arrives from the page (which is untrusted input to the host). */
export function isPageMessage(value: unknown): value is PageMessage {
  if (isBodyAck(value)) return true;
  if (typeof value !== "object" || value === null) return false;
  const message = value as { type?: unknown; responseId?: unknown; text?: unknown; what?: unknown; requestId?: unknown; start?: unknown; end?: unknown };
  if (typeof message.type !== "string" || !pageMessageTypes.has(message.type)) return false;
  if (message.type === "ready") return true;
  if (message.type === "copy") return typeof message.text === "string" && typeof message.what === "string";
  // The range itself (within the body, not too long) is checked by the host against the body.
  if (message.type === "bodyRange" && ![message.requestId, message.start, message.end].every(Number.isSafeInteger)) return false;
  return typeof message.responseId === "string";
}

function isBodyAck(value: unknown): boolean {
  const message = value as { type?: unknown; responseId?: unknown; offset?: unknown } | null;
  return typeof message === "object" && message?.type === "bodyAck" && typeof message.responseId === "string" && Number.isSafeInteger(message.offset);
}
