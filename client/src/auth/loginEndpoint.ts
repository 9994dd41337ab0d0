/**
 * Logging in at `{apiRoot}login` with user and password in a header (JSON API reference §2.1
 * `maxauth`, §2.2.1 `Authorization: Basic`). Basic and MAXAUTH connections log in this way too,
 * so a wrong password is a clear message before the first request, and they keep the session.
 */
import { apiRootUrl, type ConnectionConfig, type SecretSource } from "../connections/types";
import type { OutgoingRequest } from "../http/types";
import { CookieSession, loginUrl, type AuthResponse } from "./cookieSession";
import { reasonCodeOf } from "./expiry";
import { requireSecret, requireSetting } from "./secrets";
import type { AuthFetch } from "./types";
import { headerValues, userPasswordBase64 } from "./wire";

export type CredentialScheme = "maxauth" | "basic";

export function credentialHeader(scheme: CredentialScheme, encoded: string): [string, string] {
  return scheme === "maxauth" ? ["maxauth", encoded] : ["authorization", `Basic ${encoded}`];
}

export interface LoginEndpointOptions {
  /** Tried in order: the next one only when the server challenges for it (an LDAP server wants Basic). */
  schemes: CredentialScheme[];
  /** Basic and MAXAUTH send the credentials on every request; a session sends cookies only. */
  credentialsOnEveryRequest: boolean;
}

export class LoginEndpointSession extends CookieSession {
  private credentials?: { scheme: CredentialScheme; encoded: string };

  constructor(connection: ConnectionConfig, secretSource: SecretSource, fetch: AuthFetch, private readonly options: LoginEndpointOptions) {
    super(connection, secretSource, fetch);
  }

  protected override credentialHeaders(): Array<[string, string]> {
    if (!this.options.credentialsOnEveryRequest || !this.credentials) return [];
    return [credentialHeader(this.credentials.scheme, this.credentials.encoded)];
  }

  protected async logIn(signal?: AbortSignal): Promise<void> {
    const user = requireSetting(this.connection, "user");
    // Read at each login, so a password the user fixed is used on the next try.
    const password = await requireSecret(this.secretSource, this.connection, "password");
    const encoded = userPasswordBase64(user, password);
    this.held.add(password, encoded);
    const url = loginUrl(apiRootUrl(this.connection), this.connection.csrf);
    const schemes = this.options.schemes;
    for (let i = 0; i < schemes.length; i++) {
      const scheme = schemes[i]!;
      const request: OutgoingRequest = {
        method: "POST",
        url,
        headers: new Map([credentialHeader(scheme, encoded), ["accept", "application/json"]]),
      };
      const response = await this.fetch(request, signal);
      this.keepCookies(url, response.headers);
      if (response.status >= 200 && response.status < 300) {
        this.credentials = { scheme, encoded };
        this.keepCsrfToken(response);
        return;
      }
      if (i + 1 < schemes.length && challengesFor(response, schemes[i + 1]!)) continue;
      throw this.isRefusal(response) ? this.refused() : this.loginFailed(response, "Logging in");
    }
  }

  private isRefusal(response: AuthResponse): boolean {
    return response.status === 401 || (response.status === 403 && reasonCodeOf(response.text) === "BMXAA0021E");
  }
}

/** A 401 whose `WWW-Authenticate` asks for the next scheme (Basic): the app server, not Maximo, authenticates. */
function challengesFor(response: AuthResponse, scheme: CredentialScheme): boolean {
  if (response.status !== 401) return false;
  return scheme === "basic" && headerValues(response.headers, "www-authenticate").some((v) => /^\s*basic\b/i.test(v));
}
