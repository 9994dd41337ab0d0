/**
 * A small per-connection cookie jar: the parts of RFC 6265 (§5.2-5.4) a Maximo server relies
 * on. WebSphere/Liberty scope JSESSIONID to the context root (`Path=/maximo`) and LtpaToken2 to
 * `/`, clear them with `Max-Age=0`, and mark them Secure on https. Cookies without `Domain` are
 * host-only, so a session never leaks to another host.
 */

interface StoredCookie {
  name: string;
  value: string;
  domain: string;
  hostOnly: boolean;
  path: string;
  secure: boolean;
  /** Epoch ms; undefined for a session cookie (kept until the jar is cleared). */
  expiresAt?: number;
}

/** Splits a `Set-Cookie` header some transports joined with commas, without cutting `Expires=Thu, 01 Jan ...`. */
export function splitSetCookie(header: string): string[] {
  return header.split(/,(?=\s*[^;,=\s]+=)/).map((s) => s.trim()).filter((s) => s.length > 0);
}

function isIpAddress(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(":") || host.startsWith("[");
}

/** RFC 6265 §5.1.4: the directory of the request path. */
function defaultPath(url: URL): string {
  const path = url.pathname;
  if (!path.startsWith("/")) return "/";
  const last = path.lastIndexOf("/");
  return last <= 0 ? "/" : path.slice(0, last);
}

function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith("/") || requestPath[cookiePath.length] === "/";
}

function domainMatches(host: string, cookie: StoredCookie): boolean {
  if (cookie.hostOnly) return host === cookie.domain;
  return host === cookie.domain || (host.endsWith(`.${cookie.domain}`) && !isIpAddress(host));
}

export class CookieJar {
  private cookies: StoredCookie[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  /** Takes the `Set-Cookie` values of a response to `url`; a cookie for another domain is ignored. */
  store(url: URL, setCookies: readonly string[]): void {
    for (const header of setCookies.flatMap(splitSetCookie)) this.storeOne(url, header);
  }

  private storeOne(url: URL, header: string): void {
    const [pair = "", ...attributes] = header.split(";");
    const eq = pair.indexOf("=");
    if (eq <= 0) return;
    const host = url.hostname.toLowerCase();
    const cookie: StoredCookie = {
      name: pair.slice(0, eq).trim(),
      value: pair.slice(eq + 1).trim(),
      domain: host,
      hostOnly: true,
      path: defaultPath(url),
      secure: false,
    };
    let maxAge: number | undefined;
    let expires: number | undefined;
    for (const attribute of attributes) {
      const at = attribute.indexOf("=");
      const key = (at < 0 ? attribute : attribute.slice(0, at)).trim().toLowerCase();
      const value = at < 0 ? "" : attribute.slice(at + 1).trim();
      if (key === "path" && value.startsWith("/")) cookie.path = value;
      else if (key === "secure") cookie.secure = true;
      else if (key === "max-age" && /^-?\d+$/.test(value)) maxAge = Number(value);
      else if (key === "expires" && !Number.isNaN(Date.parse(value))) expires = Date.parse(value);
      else if (key === "domain" && value) {
        const domain = value.replace(/^\./, "").toLowerCase();
        // A server may only set cookies for itself or a parent domain of a host name (§5.3 step 6).
        if (domain !== host && (isIpAddress(host) || !host.endsWith(`.${domain}`))) return;
        cookie.domain = domain;
        cookie.hostOnly = false;
      }
    }
    // Only a secure origin may set a Secure cookie (RFC 6265bis §5.6 step 8).
    if (cookie.secure && url.protocol !== "https:") return;
    // Max-Age wins over Expires (§5.3 step 3).
    if (maxAge !== undefined) cookie.expiresAt = this.now() + maxAge * 1000;
    else if (expires !== undefined) cookie.expiresAt = expires;
    this.cookies = this.cookies.filter(
      (c) => !(c.name === cookie.name && c.domain === cookie.domain && c.path === cookie.path && c.hostOnly === cookie.hostOnly),
    );
    if (cookie.expiresAt === undefined || cookie.expiresAt > this.now()) this.cookies.push(cookie);
  }

  /** The `Cookie` header for a request to `url`: longest paths first; undefined when none apply. */
  header(url: URL): string | undefined {
    this.dropExpired();
    const host = url.hostname.toLowerCase();
    const path = url.pathname || "/";
    const matching = this.cookies
      .filter((c) => domainMatches(host, c) && pathMatches(path, c.path) && (!c.secure || url.protocol === "https:"))
      .sort((a, b) => b.path.length - a.path.length);
    return matching.length === 0 ? undefined : matching.map((c) => `${c.name}=${c.value}`).join("; ");
  }

  has(name: string): boolean {
    this.dropExpired();
    return this.cookies.some((c) => c.name === name);
  }

  /** Cookie values, for masking. */
  values(): string[] {
    return this.cookies.map((c) => c.value);
  }

  clear(): void {
    this.cookies = [];
  }

  private dropExpired(): void {
    const now = this.now();
    this.cookies = this.cookies.filter((c) => c.expiresAt === undefined || c.expiresAt > now);
  }
}
