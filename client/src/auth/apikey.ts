/**
 * API keys (practitioner guide, Method 1): an `apikey` header on every request, never a query
 * parameter (URLs end up in logs and history). Keys do not expire (PRODUCT.md real-server facts),
 * so only a 401 naming an invalid key (BMXAA9549E) asks for the key to be read again.
 */
import type { ConnectionConfig, SecretSource } from "../connections/types";
import type { OutgoingRequest } from "../http/types";
import { reasonCodeOf } from "./expiry";
import { requireSecret, SecretSet } from "./secrets";
import type { AuthFetch, Authenticator } from "./types";
import { isConnectionOrigin } from "./wire";

const invalidKeyCodes = new Set(["BMXAA9549E"]);

class ApikeyAuthenticator implements Authenticator {
  private key?: string;
  private readonly held = new SecretSet();

  constructor(
    private readonly connection: ConnectionConfig,
    private readonly secretSource: SecretSource,
  ) {}

  async authorize(request: OutgoingRequest): Promise<void> {
    this.key ??= await requireSecret(this.secretSource, this.connection, "apikey");
    this.held.add(this.key);
    if (isConnectionOrigin(this.connection.url, request.url)) request.headers.set("apikey", this.key);
  }

  observe(): void {}

  isExpired(response: { status: number; text: string }): boolean {
    const code = response.status === 401 ? reasonCodeOf(response.text) : undefined;
    return code !== undefined && invalidKeyCodes.has(code);
  }

  /** Reads the key again next time: the user may have stored a new one. */
  invalidate(): void {
    this.key = undefined;
  }

  secrets(): string[] {
    return this.held.list();
  }
}

export function createApikeyAuthenticator(connection: ConnectionConfig, secrets: SecretSource, _fetch?: AuthFetch): Authenticator {
  return new ApikeyAuthenticator(connection, secrets);
}
