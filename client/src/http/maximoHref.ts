/**
 * Resolving an href a Maximo server wrote: one rule for paging, Next page / All pages, chained
 * `{{x.response.body.member[0].href}}` URLs and the script tools.
 *
 * With `relativeuri=1` (IBM's own MAS apps send it) a server writes every href relative to its
 * context root: `oslc/os/mxapidomain/_SU5...--/synonymdomain`, `oslc/os/mxapiasset?pageno=2`.
 * Such an href is resolved against `https://host/maximo/` (the connection's origin and
 * context-root path), never against the request's own path, which would give
 * `.../maximo/oslc/os/oslc/os/...`.
 */
import type { ConnectionConfig } from "../connections/types";

const absolute = /^[a-z][a-z0-9+.-]*:\/\//i;

/** `https://host/maximo/`: the connection URL's origin and path, with one trailing slash. */
export function contextRootUrl(connection: Pick<ConnectionConfig, "url">): URL {
  const url = new URL(connection.url);
  url.pathname = `${url.pathname.replace(/\/+$/, "")}/`;
  url.search = "";
  url.hash = "";
  return url;
}

/**
 * The context root of a request URL: the path before its `/oslc/` or `/api/` segment
 * (`https://host/maximo/oslc/os/x` → `https://host/maximo/`); the origin when it has neither.
 */
export function contextRootOfRequest(url: URL): URL {
  const match = /^(.*?\/)(?:oslc|api)(?:\/|$)/i.exec(url.pathname);
  return new URL(match ? match[1]! : "/", url.origin);
}

/**
 * The context root hrefs in the answer to `requestUrl` are relative to: the connection's, when
 * the request went to the connection's server; else that of the server the request named.
 */
export function contextRootFor(requestUrl: URL, connection: Pick<ConnectionConfig, "url">): URL {
  const root = contextRootUrl(connection);
  return requestUrl.origin === root.origin ? root : contextRootOfRequest(requestUrl);
}

/** A relative href that names a path from the context root (`oslc/...`, `api/...`), as `relativeuri=1` hrefs do. */
export function isContextRootRelative(href: string): boolean {
  return /^(?:oslc|api)(?:[/?#]|$)/i.test(href.trim());
}

/**
 * The URL an href from a Maximo answer names, on `contextRoot`'s origin:
 * - absolute: its path and query on that origin (a server behind a reverse proxy may name its
 *   inside host, and credentials must only go to the origin the user chose);
 * - `/maximo/oslc/...`: from that origin;
 * - anything else (`oslc/os/...`): from the context root.
 */
export function resolveMaximoHref(href: string, contextRoot: URL): URL {
  const text = href.trim();
  if (absolute.test(text)) {
    const url = new URL(text);
    return url.origin === contextRoot.origin ? url : new URL(`${url.pathname}${url.search}`, contextRoot.origin);
  }
  // `//host/path` would change the host: only its path counts.
  if (text.startsWith("//")) {
    const url = new URL(`http:${text}`);
    return new URL(`${url.pathname}${url.search}`, contextRoot.origin);
  }
  if (text.startsWith("/")) return new URL(text, contextRoot.origin);
  return new URL(text, contextRoot);
}
