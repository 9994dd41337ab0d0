/**
 * Cookie helpers: reading the `Cookie` request header and writing the `Set-Cookie` values a
 * WebSphere Liberty-hosted Maximo sends (JSESSIONID scoped to the context root, LtpaToken2 to `/`).
 */

/** Cookie name → value from a `Cookie` header (`a=1; b=2`); the first of a repeated name wins. */
export function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  if (!header) return cookies;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    if (name && !(name in cookies)) cookies[name] = value;
  }
  return cookies;
}

export const sessionCookieName = "JSESSIONID";
export const ltpaCookieName = "LtpaToken2";

/** The session cookie: path `/maximo` like the web app's context root; never readable by scripts. */
export function sessionCookie(id: string): string {
  return `${sessionCookieName}=${id}; Path=/maximo; HttpOnly`;
}

/** Liberty's SSO cookie is scoped to the whole host so other apps on it accept the login. */
export function ltpaCookie(token: string): string {
  return `${ltpaCookieName}=${token}; Path=/; HttpOnly`;
}

/** A Set-Cookie that makes the client drop a cookie it holds. */
export function clearedCookie(name: string, path: string): string {
  return `${name}=""; Path=${path}; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly`;
}
