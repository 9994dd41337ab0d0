/**
 * A per-connection cookie jar over tough-cookie (RFC 6265: domain and path matching, public
 * suffixes, Secure only from and to secure origins, where http://127.0.0.1 counts as secure as
 * browsers count it). WebSphere/Liberty scope JSESSIONID to the context root (`Path=/maximo`)
 * and LtpaToken2 to `/`, clear them with `Max-Age=0`, and mark them Secure on https.
 *
 * Two things are kept here rather than left to the library: expiry is computed against the
 * injected clock (tough-cookie reads the system clock when it matches, and counts Max-Age from a
 * cookie's last use, which would let a session cookie live forever while it is used), and the
 * library is loaded on the first cookie, not when an authenticator is built.
 */
import type { Cookie, CookieJar as ToughJar } from "tough-cookie";
import { toughCookie } from "../libraries/lazy";

/** Splits a `Set-Cookie` header some transports joined with commas, without cutting `Expires=Thu, 01 Jan ...`. */
export function splitSetCookie(header: string): string[] {
  return header.split(/,(?=\s*[^;,=\s]+=)/).map((s) => s.trim()).filter((s) => s.length > 0);
}

export class CookieJar {
  private jar: ToughJar | undefined;

  constructor(private readonly now: () => number = Date.now) {}

  /** Takes the `Set-Cookie` values of a response to `url`; a cookie the origin may not set is ignored. */
  store(url: URL, setCookies: readonly string[]): void {
    const headers = setCookies.flatMap(splitSetCookie);
    if (headers.length === 0) return;
    const { Cookie: CookieClass } = toughCookie();
    const jar = this.tough();
    const now = new Date(this.now());
    for (const header of headers) {
      const cookie = CookieClass.parse(header);
      if (!cookie) continue;
      // Max-Age counts from now, once (RFC 6265 §5.2.2), and wins over Expires (§5.3 step 3).
      if (typeof cookie.maxAge === "number") {
        cookie.expires = new Date(cookie.maxAge <= 0 ? 0 : now.getTime() + cookie.maxAge * 1000);
        cookie.maxAge = null;
      }
      // ignoreError: a cookie for another domain, a public suffix or an insecure origin is dropped, not thrown.
      jar.setCookieSync(cookie, url.href, { now, ignoreError: true });
    }
    this.dropExpired();
  }

  /** The `Cookie` header for a request to `url`: longest paths first; undefined when none apply. */
  header(url: URL): string | undefined {
    if (!this.jar) return undefined;
    this.dropExpired();
    // `http: true`: this is an HTTP client, so HttpOnly cookies are sent; expiry was checked above;
    // sorted as RFC 6265 §5.4 step 2 asks: longer paths first, then older cookies first.
    const cookies = this.jar.getCookiesSync(url.href, { http: true, expire: false, sort: true });
    return cookies.length === 0 ? undefined : cookies.map((c) => c.cookieString()).join("; ");
  }

  has(name: string): boolean {
    return this.all().some((c) => c.key === name);
  }

  /** Cookie values, for masking. */
  values(): string[] {
    return this.all().map((c) => c.value);
  }

  clear(): void {
    this.jar?.removeAllCookiesSync();
  }

  private tough(): ToughJar {
    // rejectPublicSuffixes (the default) refuses `Domain=com`; loose mode stays off: no nameless cookies.
    this.jar ??= new (toughCookie().CookieJar)();
    return this.jar;
  }

  /** The cookies not yet expired. */
  private all(): Cookie[] {
    this.dropExpired();
    return this.stored();
  }

  /** Every stored cookie; the memory store answers its callback synchronously. */
  private stored(): Cookie[] {
    const found: Cookie[] = [];
    this.jar?.store.getAllCookies((error, cookies) => {
      if (!error && cookies) found.push(...cookies);
    });
    return found;
  }

  private dropExpired(): void {
    if (!this.jar) return;
    const now = this.now();
    for (const cookie of this.stored()) {
      const expiry = cookie.expiryTime();
      if (expiry !== undefined && expiry <= now) this.jar.store.removeCookie(cookie.domain, cookie.path, cookie.key, () => undefined);
    }
  }
}
