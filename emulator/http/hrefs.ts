/**
 * The base every href in an answer is built on. Absolute (`http://host:port/maximo/oslc`) by
 * default; with `relativeuri=1` (PRODUCT.md: IBM's MAS apps send it) a real server writes hrefs
 * relative to the context root, `oslc/os/mxapidomain/_SU5...--/synonymdomain`, in members,
 * `responseInfo.href`, `nextPage`, `previousPage` and child refs alike.
 */
import { queryValue, type ApiRequest } from "./types";

export function relativeUris(request: Pick<ApiRequest, "query">): boolean {
  return queryValue(request as ApiRequest, "relativeuri") === "1";
}

/** `http://127.0.0.1:P/maximo/oslc`, or `oslc` with relativeuri=1. */
export function apiHref(request: Pick<ApiRequest, "query" | "contextRoot" | "apiRoot">): string {
  return relativeUris(request) ? request.apiRoot : `${request.contextRoot}/${request.apiRoot}`;
}

/** An HTTP header (Location, Link) stays absolute whatever the body's hrefs are. */
export function absoluteHref(request: Pick<ApiRequest, "contextRoot">, href: string): string {
  return /^https?:\/\//i.test(href) ? href : `${request.contextRoot}/${href}`;
}
