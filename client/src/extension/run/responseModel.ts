/**
 * Turns an executed response into what the panel and history hold: credentials masked in the
 * request, secret headers masked, paging facts read from the bytes without parsing the body.
 */
import { randomUUID } from "node:crypto";
import { headerValue } from "../../http/response";
import { redact, redactHeaders } from "../../http/redact";
import { scanBodyPageInfo } from "../../http/responseInfo";
import { readableQueryValue } from "../../http/url";
import type { ExecutedResponse, ResolvedRequest } from "../../http/types";
import type { ResponseModel } from "../contracts";

export interface ModelContext {
  title: string;
  connection: string;
  source?: { uri: string; line: number };
  /** Every secret the executor holds, masked wherever it could appear (URL, headers). */
  secrets: readonly string[];
  /** The 1-based page this response is (Next page counts up). */
  page?: number;
}

export function toResponseModel(response: ExecutedResponse, resolved: Pick<ResolvedRequest, "query">, context: ModelContext): ResponseModel {
  const contentType = headerValue(response.headers, "content-type") ?? "";
  const model: ResponseModel = {
    id: randomUUID(),
    title: context.title,
    request: {
      method: response.request.headers.get("x-method-override") ? `${response.request.method} (${response.request.headers.get("x-method-override")})` : response.request.method,
      url: redact(response.request.url.href, context.secrets),
      headers: redactHeaders(response.request.headers).map(([name, value]) => [name, redact(value, context.secrets)]),
      connection: context.connection,
      ...(context.source ? { source: context.source } : {}),
    },
    status: response.status,
    statusText: response.statusText,
    headers: redactHeaders(response.headers).map(([name, value]) => [name, redact(value, context.secrets)]),
    timings: response.timings,
    size: response.size,
    contentType,
    body: response.body,
    receivedAt: Date.now(),
  };
  if (response.maximoError) model.maximoError = response.maximoError;
  const select = selectOrder(resolved.query);
  if (select) model.selectOrder = select;
  if (/json/i.test(contentType) && response.status < 300) {
    const info = scanBodyPageInfo(response.body);
    if (info) {
      model.paging = { page: info.pageNum ?? context.page ?? 1, hasNext: info.nextHref !== undefined };
      if (info.totalPages !== undefined) model.paging.pageCount = info.totalPages;
      if (info.totalCount !== undefined) model.paging.totalCount = info.totalCount;
    }
  }
  return model;
}

/**
 * The columns `oslc.select` names, in its order: plain attributes and dot paths only. A `*`, a
 * nested `rel{...}` or an aggregate makes the order the records' own.
 */
export function selectOrder(query: ResolvedRequest["query"]): string[] | undefined {
  const select = readableQueryValue(query.find((parameter) => parameter.key.toLowerCase() === "oslc.select"));
  if (select === undefined || /[*{}()]/.test(select)) return undefined;
  const names = select
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name !== "");
  return names.length > 0 && names.every((name) => /^[\w:.]+$/.test(name)) ? names : undefined;
}
