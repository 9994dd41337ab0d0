/**
 * Paging (reference §8): oslc.pageSize, `pageno` for page n, and the responseInfo links
 * (`nextPage`, `previousPage`, `pagenum`, with `totalCount`/`totalPages` on collectioncount=1).
 */
import type { ApiRequest } from "../http/types";
import { queryValue } from "../http/types";
import type { EmulatorOptions } from "../emulator";
import { pageSizeTooLarge } from "./errors";

export interface Page {
  /** 1-based. */
  pagenum: number;
  /** Undefined: no oslc.pageSize, everything on one page. */
  pageSize?: number;
  start: number;
  end: number;
  total: number;
}

export function pageOf(request: ApiRequest, options: EmulatorOptions, total: number): Page {
  const sizeText = queryValue(request, "oslc.pageSize");
  const parsedSize = sizeText !== undefined ? Number.parseInt(sizeText, 10) : NaN;
  const pageSize = Number.isFinite(parsedSize) && parsedSize > 0 ? parsedSize : undefined;
  if (pageSize !== undefined && options.maxPageSize > 0 && pageSize > options.maxPageSize) throw pageSizeTooLarge(pageSize, options.maxPageSize);
  const pagenoText = queryValue(request, "pageno");
  const parsedPage = pagenoText !== undefined ? Number.parseInt(pagenoText, 10) : 1;
  const pagenum = Number.isFinite(parsedPage) && parsedPage > 0 ? parsedPage : 1;
  if (pageSize === undefined) return { pagenum: 1, start: 0, end: total, total };
  const start = Math.min(total, (pagenum - 1) * pageSize);
  return { pagenum, pageSize, start, end: Math.min(total, start + pageSize), total };
}

/** The request's own query string with `pageno` (and any extra parameters) replaced. */
export function queryWith(rawQuery: string, replace: Record<string, string>): string {
  const names = new Set(Object.keys(replace));
  const kept = rawQuery
    .split("&")
    .filter((part) => part !== "" && !names.has(decodeName(part)));
  for (const [name, value] of Object.entries(replace)) kept.push(`${name}=${encodeURIComponent(value)}`);
  return kept.join("&");
}

function decodeName(part: string): string {
  const name = part.split("=", 1)[0];
  try {
    return decodeURIComponent(name.replace(/\+/g, " "));
  } catch {
    return name;
  }
}

export interface ResponseInfoLinks {
  href: string;
  nextPage?: string;
  previousPage?: string;
}

/** The links of a page; `extra` is added to the next-page query (the stable id). */
export function pageLinks(request: ApiRequest, collectionHref: string, page: Page, extra: Record<string, string> = {}): ResponseInfoLinks {
  const self = request.rawQuery ? `${collectionHref}?${request.rawQuery}` : collectionHref;
  const links: ResponseInfoLinks = { href: self };
  if (page.pageSize === undefined) return links;
  if (page.end < page.total) links.nextPage = `${collectionHref}?${queryWith(request.rawQuery, { ...extra, pageno: String(page.pagenum + 1) })}`;
  if (page.pagenum > 1 && Object.keys(extra).length === 0) {
    links.previousPage = `${collectionHref}?${queryWith(request.rawQuery, { pageno: String(page.pagenum - 1) })}`;
  }
  return links;
}

/** responseInfo as lean or namespaced JSON. */
export function responseInfo(lean: boolean, links: ResponseInfoLinks, page: Page, withCount: boolean): Record<string, unknown> {
  const info: Record<string, unknown> = {};
  const key = (name: string): string => (lean ? name : `oslc:${name}`);
  const link = (href: string): Record<string, string> => (lean ? { href } : { "rdf:resource": href });
  if (links.nextPage) info[key("nextPage")] = link(links.nextPage);
  if (links.previousPage) info[key("previousPage")] = link(links.previousPage);
  info[lean ? "href" : "rdf:about"] = links.href;
  info[key("pagenum")] = page.pagenum;
  if (withCount) {
    info[key("totalCount")] = page.total;
    info[key("totalPages")] = page.pageSize ? Math.max(1, Math.ceil(page.total / page.pageSize)) : 1;
  }
  return info;
}
