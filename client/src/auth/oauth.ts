/**
 * OAuth 2.0 client credentials (practitioner guide, Method 2): POST `grant_type=client_credentials`
 * with the client id and secret to the token URL, then `Authorization: Bearer`. The token URL is
 * `connection.tokenUrl`, or found once by OIDC discovery (Method 3) at
 * `{issuer}/.well-known/openid-configuration`. The token is reused until 30 s before `expires_in`
 * (the guide: "cache the token and refresh it before expiration") and fetched again on a 401.
 */
import type { ConnectionConfig, SecretSource } from "../connections/types";
import type { OutgoingRequest } from "../http/types";
import { ExpiryWatch, isLoginPage } from "./expiry";
import { requireSecret, requireSetting, scrub, SecretSet } from "./secrets";
import type { AuthFetch, Authenticator } from "./types";
import { formEncoded, formPost, isConnectionOrigin, parseJsonObject, stringField } from "./wire";

/** Refresh this long before the token's end, so a request in flight never carries a dying token. */
const refreshMarginMs = 30_000;

interface TokenEndpoint {
  url: URL;
  /** RFC 6749 §2.3.1: form fields (client_secret_post), or HTTP Basic when the provider only takes that. */
  clientAuth: "post" | "basic";
}

interface Token {
  value: string;
  /** Epoch ms after which we fetch a new one; undefined when the provider gave no lifetime. */
  refreshAt?: number;
}

export interface OAuthOptions {
  /** The clock for token lifetimes; tests move it. */
  now?: () => number;
}

class OAuthAuthenticator implements Authenticator {
  private readonly held = new SecretSet();
  private readonly watch = new ExpiryWatch();
  private readonly now: () => number;
  private endpoint?: Promise<TokenEndpoint>;
  private token?: Token;
  private pending?: Promise<Token>;

  constructor(
    private readonly connection: ConnectionConfig,
    private readonly secretSource: SecretSource,
    private readonly fetch: AuthFetch,
    options: OAuthOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  async authorize(request: OutgoingRequest, signal?: AbortSignal): Promise<void> {
    const token = await this.currentToken(signal);
    if (isConnectionOrigin(this.connection.url, request.url)) request.headers.set("authorization", `Bearer ${token.value}`);
    this.watch.stamp(request);
  }

  private currentToken(signal?: AbortSignal): Promise<Token> {
    const token = this.token;
    if (token && (token.refreshAt === undefined || this.now() < token.refreshAt)) return Promise.resolve(token);
    // One token request for all callers waiting at once.
    if (!this.pending) {
      const attempt = this.requestToken(signal).then((fresh) => {
        this.token = fresh;
        this.watch.renewed();
        return fresh;
      });
      this.pending = attempt;
      const clear = () => {
        if (this.pending === attempt) this.pending = undefined;
      };
      attempt.then(clear, clear);
    }
    return this.pending;
  }

  private async requestToken(signal?: AbortSignal): Promise<Token> {
    const clientId = requireSetting(this.connection, "clientId");
    const secret = await requireSecret(this.secretSource, this.connection, "clientSecret");
    this.held.add(secret, formEncoded(secret), encodeURIComponent(secret));
    const endpoint = await this.tokenEndpoint(signal);
    const fields: Record<string, string> = { grant_type: "client_credentials" };
    const headers: Array<[string, string]> = [];
    if (endpoint.clientAuth === "basic") {
      // RFC 6749 §2.3.1: id and secret are form-encoded before base64.
      const basic = Buffer.from(`${formEncoded(clientId)}:${formEncoded(secret)}`, "utf8").toString("base64");
      this.held.add(basic);
      headers.push(["authorization", `Basic ${basic}`]);
    } else {
      fields["client_id"] = clientId;
      fields["client_secret"] = secret;
    }
    const response = await this.fetch(formPost(endpoint.url, fields, headers), signal);
    const body = parseJsonObject(response.text);
    const accessToken = stringField(body, "access_token");
    if (response.status < 200 || response.status > 299 || !accessToken) throw this.tokenError(response.status, body, endpoint.url);
    this.held.add(accessToken);
    const expiresIn = Number(body?.["expires_in"]);
    const refreshAt = Number.isFinite(expiresIn) && expiresIn > 0 ? this.now() + Math.max(expiresIn * 1000 - refreshMarginMs, 0) : undefined;
    return { value: accessToken, refreshAt };
  }

  /** OAuth error bodies (RFC 6749 §5.2) in words; the provider's description is masked for secrets. */
  private tokenError(status: number, body: Record<string, unknown> | undefined, url: URL): Error {
    const name = this.connection.name;
    const error = stringField(body, "error");
    const description = stringField(body, "error_description");
    const said = description ? `: ${scrub(description, this.held.list())}` : "";
    if (error === "invalid_client" || error === "unauthorized_client") {
      return new Error(
        `The identity provider refused the OAuth client of connection "${name}" (${error}${said}). ` +
          `Check clientId and the client secret (CLI: MAXIMO_CLIENT_SECRET; VS Code: enter it again).`,
      );
    }
    if (error) return new Error(`The token request of connection "${name}" failed with HTTP ${status} (${error}${said}).`);
    if (status >= 200 && status < 300) return new Error(`The token endpoint ${url.origin}${url.pathname} of connection "${name}" answered without an access_token.`);
    return new Error(`The token endpoint ${url.origin}${url.pathname} of connection "${name}" answered HTTP ${status}; check tokenUrl or issuer.`);
  }

  /** tokenUrl, or discovery, once: the provider's metadata does not change under a running client. */
  private tokenEndpoint(signal?: AbortSignal): Promise<TokenEndpoint> {
    if (this.connection.tokenUrl) return Promise.resolve({ url: this.parseUrl(this.connection.tokenUrl, "tokenUrl"), clientAuth: "post" });
    if (!this.endpoint) {
      const attempt = this.discover(signal);
      this.endpoint = attempt;
      attempt.catch(() => {
        if (this.endpoint === attempt) this.endpoint = undefined;
      });
    }
    return this.endpoint;
  }

  private async discover(signal?: AbortSignal): Promise<TokenEndpoint> {
    const name = this.connection.name;
    const issuer = this.connection.issuer?.trim();
    if (!issuer) throw new Error(`Connection "${name}" uses OAuth but has neither "tokenUrl" nor "issuer": add one to its settings.`);
    // OpenID Connect Discovery §4: the issuer plus `/.well-known/openid-configuration`.
    const url = this.parseUrl(`${issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`, "issuer");
    const response = await this.fetch({ method: "GET", url, headers: new Map([["accept", "application/json"]]) }, signal);
    const metadata = parseJsonObject(response.text);
    const tokenEndpoint = stringField(metadata, "token_endpoint");
    if (response.status !== 200 || !tokenEndpoint) {
      throw new Error(`OIDC discovery for connection "${name}" failed: ${url.href} answered HTTP ${response.status} without a token_endpoint; check "issuer".`);
    }
    const methods = metadata?.["token_endpoint_auth_methods_supported"];
    const supported = Array.isArray(methods) ? methods.filter((m): m is string => typeof m === "string") : [];
    const clientAuth = supported.length > 0 && !supported.includes("client_secret_post") && supported.includes("client_secret_basic") ? "basic" : "post";
    return { url: this.parseUrl(tokenEndpoint, "token_endpoint"), clientAuth };
  }

  private parseUrl(text: string, what: string): URL {
    try {
      return new URL(text);
    } catch {
      throw new Error(`The ${what} of connection "${this.connection.name}" is not a URL: ${text}`);
    }
  }

  observe(request: OutgoingRequest, response: { status: number; headers: Array<[string, string]> }): void {
    this.watch.observe(request, response);
  }

  /** Any 401 to a bearer request means the token is no good (RFC 6750 §3.1 `invalid_token`, or a revoked one). */
  isExpired(response: { status: number; text: string }): boolean {
    const seen = this.watch.observed(response);
    const expired = response.status === 401 || seen?.loginRedirect === true || (response.status < 300 && isLoginPage(response.text));
    return this.watch.judge(response, expired);
  }

  invalidate(): void {
    if (this.watch.takeInvalidate()) this.token = undefined;
  }

  secrets(): string[] {
    return this.held.list();
  }
}

export function createOAuthAuthenticator(connection: ConnectionConfig, secrets: SecretSource, fetch: AuthFetch, options: OAuthOptions = {}): Authenticator {
  return new OAuthAuthenticator(connection, secrets, fetch, options);
}
