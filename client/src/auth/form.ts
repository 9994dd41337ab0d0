/**
 * FORM login (JSON API reference §2.2.2): POST `{url}/j_security_check` with URL-encoded
 * `j_username` and `j_password`, then replay the JSESSIONID and LtpaToken2 cookies. The app
 * server answers a 302 either way, so success is told by the cookies and where it points: a
 * failure goes to the form-error page (Maximo's `loginerror.jsp`) and sets no session cookie.
 * The 302 is not followed: its cookies are what we came for.
 */
import { apiRootUrl, type ConnectionConfig, type SecretSource } from "../connections/types";
import type { OutgoingRequest } from "../http/types";
import { CookieSession, loginUrl } from "./cookieSession";
import { isLoginPage } from "./expiry";
import { requireSecret, requireSetting } from "./secrets";
import type { AuthFetch, Authenticator } from "./types";
import { addCookieHeader, formEncoded, formPost, headerValue, headerValues } from "./wire";

/** The cookies a Java app server uses for an authenticated session. */
const sessionCookieNames = ["JSESSIONID", "LtpaToken2", "LtpaToken"];

class FormLogin extends CookieSession {
  protected async logIn(signal?: AbortSignal): Promise<void> {
    const user = requireSetting(this.connection, "user");
    const password = await requireSecret(this.secretSource, this.connection, "password");
    this.held.add(password, formEncoded(password), encodeURIComponent(password));
    const url = new URL(`${this.connection.url.replace(/\/+$/, "")}/j_security_check`);
    const response = await this.fetch(formPost(url, { j_username: user, j_password: password }, [["accept", "text/html,application/json"]]), signal);
    const location = headerValue(response.headers, "location") ?? "";
    const setsSession = headerValues(response.headers, "set-cookie").some((c) => sessionCookieNames.some((n) => c.trim().startsWith(`${n}=`)));
    if (response.status === 401 || response.status === 403) throw this.refused();
    if (response.status >= 400) throw this.loginFailed(response, "The form login");
    if (!setsSession || /login\s*error|loginerror|error=|j_security_check/i.test(location) || isLoginPage(response.text)) {
      throw this.refused();
    }
    this.keepCookies(url, response.headers);
    if (this.connection.csrf) await this.fetchCsrfToken(signal);
  }

  /** A form session gets its CSRF token from `login?csrf=1` over the new cookies. */
  private async fetchCsrfToken(signal?: AbortSignal): Promise<void> {
    const url = loginUrl(apiRootUrl(this.connection), true);
    const request: OutgoingRequest = { method: "GET", url, headers: new Map([["accept", "application/json"]]) };
    addCookieHeader(request, this.jar.header(url));
    const response = await this.fetch(request, signal);
    this.keepCookies(url, response.headers);
    if (response.status < 200 || response.status > 299) throw this.loginFailed(response, "Fetching the CSRF token");
    this.keepCsrfToken(response);
  }
}

export function createFormAuthenticator(connection: ConnectionConfig, secrets: SecretSource, fetch: AuthFetch): Authenticator {
  return new FormLogin(connection, secrets, fetch);
}
