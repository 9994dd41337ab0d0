/**
 * `# @all-pages`: follows `responseInfo.nextPage.href` (lean) or `oslc:responseInfo` →
 * `oslc:nextPage` → `rdf:resource` (namespaced) from page to page (JSON API reference §8), one
 * page at a time, so a consumer that streams members never holds more than one page.
 */
import type { Executor } from "./executor";
import type { ExecutedResponse, OutgoingRequest, ResolvedRequest } from "./types";
import type { ConnectionConfig } from "../connections/types";
import { contextRootFor, resolveMaximoHref } from "./maximoHref";
import { buildOutgoing } from "./url";

export interface PagingOptions {
  signal?: AbortSignal;
  /** Stops with an error beyond this many pages; a guard against a server that never ends. */
  maxPages?: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The next page's URL text in either JSON form, or undefined on the last page. */
export function nextPageHref(body: unknown): string | undefined {
  if (!isRecord(body)) return undefined;
  const info = body.responseInfo ?? body["oslc:responseInfo"];
  if (!isRecord(info)) return undefined;
  const next = info.nextPage ?? info["oslc:nextPage"];
  if (typeof next === "string") return next;
  if (!isRecord(next)) return undefined;
  const href = next.href ?? next["rdf:resource"] ?? next["rdf:about"];
  return typeof href === "string" && href !== "" ? href : undefined;
}

/**
 * The GET of the page `href` names, with the first request's headers (no body headers). A
 * relative href (`relativeuri=1`: `oslc/os/...?pageno=2`) is resolved against the context root
 * of the connection (maximoHref.ts), never against the previous page's path.
 */
export function nextPageRequest(href: string, previous: Pick<ExecutedResponse, "request">, template: OutgoingRequest, connection: Pick<ConnectionConfig, "url">): OutgoingRequest {
  const url = resolveMaximoHref(href, contextRootFor(previous.request.url, connection));
  const next: OutgoingRequest = { method: "GET", url, headers: new Map(template.headers) };
  next.headers.delete("content-type");
  next.headers.delete("transactionid");
  return next;
}

export async function* pages(executor: Pick<Executor, "connection" | "execute" | "send">, resolved: ResolvedRequest, options: PagingOptions = {}): AsyncGenerator<ExecutedResponse> {
  const maxPages = options.maxPages ?? 1000;
  const template = buildOutgoing(executor.connection, resolved);
  let response = await executor.execute(resolved, { signal: options.signal });
  for (let count = 1; ; count++) {
    yield response;
    if (response.status < 200 || response.status >= 300) return;
    const href = nextPageHref(response.json());
    if (href === undefined) return;
    if (count >= maxPages) {
      throw new Error(`Stopped after ${maxPages} pages and the server still has more; raise the page limit or narrow the query (oslc.where, a larger oslc.pageSize).`);
    }
    response = await executor.send(nextPageRequest(href, response, template, executor.connection), { signal: options.signal, timeoutMs: resolved.directives.timeoutMs });
  }
}
