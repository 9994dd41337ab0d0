/**
 * What the cookie-keeping methods (basic, maxauth, form, session) share: one login at a time,
 * the session cookies the server sets (JSON API reference §2.2.2: "reuse the session and
 * authentication based cookies"), the CSRF token, expiry detection and re-login.
 */
import type { ConnectionConfig, SecretSource } from "../connections/types";
import type { OutgoingRequest } from "../http/types";
import { CookieJar } from "./cookieJar";
import { ExpiryWatch, isLoginPage, isSessionError, reasonCodeOf } from "./expiry";
import { SecretSet, scrub } from "./secrets";
import type { AuthFetch, Authenticator } from "./types";
import { addCookieHeader, headerValue, isConnectionOrigin, headerValues, parseJsonObject, stringField } from "./wire";

/** Cookie values shorter than this are preferences (`lang=EN`), not session ids: masking them would garble output. */
const minSecretCookieLength = 8;

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

export type AuthResponse = Awaited<ReturnType<AuthFetch>>;

export abstract class CookieSession implements Authenticator {
  protected readonly jar = new CookieJar();
  protected readonly held = new SecretSet();
  protected readonly watch = new ExpiryWatch();
  protected csrfToken?: string;
  private session?: Promise<void>;

  constructor(
    protected readonly connection: ConnectionConfig,
    protected readonly secretSource: SecretSource,
    protected readonly fetch: AuthFetch,
  ) {}

  /** Logs in: sends the credentials and stores the cookies (and CSRF token) of the answer. */
  protected abstract logIn(signal?: AbortSignal): Promise<void>;

  /** Headers each request carries besides cookies (Basic, maxauth); none for cookie-only sessions. */
  protected credentialHeaders(): Array<[string, string]> {
    return [];
  }

  async authorize(request: OutgoingRequest, signal?: AbortSignal): Promise<void> {
    await this.ensureSession(signal);
    this.watch.stamp(request);
    // The jar keeps cookies to their hosts itself; headers and the CSRF token need this check.
    addCookieHeader(request, this.jar.header(request.url));
    if (!isConnectionOrigin(this.connection.url, request.url)) return;
    for (const [name, value] of this.credentialHeaders()) request.headers.set(name, value);
    if (this.csrfToken && !safeMethods.has(request.method.toUpperCase())) request.headers.set("csrftoken", this.csrfToken);
  }

  /** One login for all concurrent callers; a failed one is forgotten so the next call tries again. */
  private ensureSession(signal?: AbortSignal): Promise<void> {
    if (!this.session) {
      const attempt: Promise<void> = this.logIn(signal).then(
        () => this.watch.renewed(),
        (error: unknown) => {
          if (this.session === attempt) this.session = undefined;
          throw error;
        },
      );
      this.session = attempt;
    }
    return this.session;
  }

  observe(request: OutgoingRequest, response: { status: number; headers: Array<[string, string]> }): void {
    this.watch.observe(request, response);
    this.keepCookies(request.url, response.headers);
  }

  isExpired(response: { status: number; text: string }): boolean {
    const seen = this.watch.observed(response);
    const expired =
      isSessionError(response.status, response.text) ||
      seen?.loginRedirect === true ||
      (response.status < 300 && isLoginPage(response.text)) ||
      // A stale or missing CSRF token: a new login with csrf=1 brings a fresh one.
      (this.connection.csrf === true && response.status === 403 && /csrf/i.test(response.text));
    return this.watch.judge(response, expired);
  }

  invalidate(): void {
    if (!this.watch.takeInvalidate()) return;
    this.jar.clear();
    this.csrfToken = undefined;
    this.session = undefined;
  }

  secrets(): string[] {
    this.held.add(...this.jar.values().filter((v) => v.length >= minSecretCookieLength), this.csrfToken);
    return this.held.list();
  }

  protected keepCookies(url: URL, headers: ReadonlyArray<[string, string]>): void {
    this.jar.store(url, headerValues(headers, "set-cookie"));
    this.held.add(...this.jar.values().filter((v) => v.length >= minSecretCookieLength));
  }

  /** `login?csrf=1` answers the token as a `csrftoken` header and a body field. */
  protected keepCsrfToken(response: AuthResponse): void {
    const token = headerValue(response.headers, "csrftoken") ?? stringField(parseJsonObject(response.text), "csrftoken");
    if (token) {
      this.csrfToken = token;
      this.held.add(token);
    }
  }

  /** The clear sentence for a login the server refused (never the user's secret). */
  protected refused(): Error {
    return new Error(
      `The server refused the user name or password for connection "${this.connection.name}". ` +
        `Check the user name and the password (CLI: MAXIMO_PASSWORD; VS Code: enter it again).`,
    );
  }

  /** A login answer that is neither success nor a refusal, in words with the server's reason code. */
  protected loginFailed(response: AuthResponse, what: string): Error {
    const code = reasonCodeOf(response.text);
    // JSON API reference §24.1: an expired password is a 403 BMXAA2283E; only a password change helps.
    if (code === "BMXAA2283E") {
      return new Error(
        `The password of the user of connection "${this.connection.name}" has expired. Change it in Maximo ` +
          `(or with POST /changepassword, JSON API reference §24.1), then store the new password.`,
      );
    }
    const detail = code ? ` (${code})` : "";
    return new Error(scrub(`${what} for connection "${this.connection.name}" failed with HTTP ${response.status}${detail}.`, this.held.list()));
  }
}

/** `{apiRoot}login`, the session login of JSON API reference §2.1 and §2.2.1; `?csrf=1` asks for the CSRF token. */
export function loginUrl(apiRoot: string, csrf: boolean | undefined): URL {
  const url = new URL("login", apiRoot);
  if (csrf) url.searchParams.set("csrf", "1");
  return url;
}
