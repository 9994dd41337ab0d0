/**
 * OAuth access tokens from the client-credentials grant. They are JWT-shaped like the MAS
 * identity provider's (clients may read `exp`), but the signature is random bytes: the emulator
 * only accepts tokens it remembers issuing, so nobody can mint one.
 */
import type { Emulator } from "../emulator";
import { randomId } from "./randomId";

interface IssuedToken {
  user: string;
  clientId: string;
  expiresAtMs: number;
}

export type TokenLookup = { kind: "ok"; user: string } | { kind: "expired" } | { kind: "unknown" };

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

export class TokenStore {
  private readonly issued = new Map<string, IssuedToken>();

  constructor(private readonly emulator: Emulator) {}

  issue(clientId: string, user: string, issuer: string, scope: string): { token: string; expiresIn: number } {
    const expiresIn = this.emulator.options.tokenTtlSeconds;
    const nowMs = this.emulator.now();
    const iat = Math.floor(nowMs / 1000);
    const header = { alg: "RS256", typ: "JWT", kid: "emulator" };
    const payload = {
      exp: iat + expiresIn,
      iat,
      jti: randomId(16),
      iss: issuer,
      sub: `service-account-${clientId}`,
      typ: "Bearer",
      azp: clientId,
      scope,
      preferred_username: user.toLowerCase(),
    };
    const token = `${base64url(header)}.${base64url(payload)}.${randomId(64)}`;
    this.issued.set(token, { user, clientId, expiresAtMs: nowMs + expiresIn * 1000 });
    return { token, expiresIn };
  }

  check(token: string): TokenLookup {
    const issued = this.issued.get(token);
    if (!issued) return { kind: "unknown" };
    // Expired tokens stay known so the client hears "expired", not "invalid".
    if (this.emulator.now() >= issued.expiresAtMs) return { kind: "expired" };
    return { kind: "ok", user: issued.user };
  }

  /** Ends every token now: they answer as expired, which is what a client must recover from. */
  expireAll(): void {
    const now = this.emulator.now();
    for (const issued of this.issued.values()) issued.expiresAtMs = Math.min(issued.expiresAtMs, now);
  }

  clear(): void {
    this.issued.clear();
  }
}
