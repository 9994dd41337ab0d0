/**
 * Reading a connection's secrets and settings, and keeping every secret value (and each value
 * derived from one) so the executor can mask them. Errors name the missing secret and where to
 * provide it, never a value.
 */
import type { ConnectionConfig, SecretKind, SecretSource } from "../connections/types";

const cliVariable: Record<SecretKind, string> = {
  apikey: "MAXIMO_APIKEY",
  password: "MAXIMO_PASSWORD",
  clientSecret: "MAXIMO_CLIENT_SECRET",
};

const secretWords: Record<SecretKind, string> = {
  apikey: "API key",
  password: "password",
  clientSecret: "OAuth client secret",
};

/** The secret, or an Error saying which one of which connection is missing and how to provide it. */
export async function requireSecret(source: SecretSource, connection: ConnectionConfig, kind: SecretKind): Promise<string> {
  const value = await source.get(connection.name, kind);
  if (value !== undefined && value !== "") return value;
  const what = secretWords[kind];
  throw new Error(
    `Connection "${connection.name}" has no ${what}. In the CLI, set ${cliVariable[kind]}; ` +
      `in VS Code, enter the ${what} again for this connection when asked.`,
  );
}

/** A setting the auth method cannot work without (`user`, `clientId`). */
export function requireSetting(connection: ConnectionConfig, field: "user" | "clientId"): string {
  const value = connection[field]?.trim();
  if (value) return value;
  const what = field === "user" ? "user name" : "OAuth client id";
  throw new Error(`Connection "${connection.name}" uses ${connection.auth} authentication but has no ${what}: add "${field}" to its settings.`);
}

/** Every secret value an authenticator has held; kept after a logout so older logs stay masked. */
export class SecretSet {
  private readonly values = new Set<string>();

  add(...values: Array<string | undefined>): void {
    for (const value of values) if (value) this.values.add(value);
  }

  list(): string[] {
    return [...this.values];
  }
}

/** Masks known secrets in text from a server before it goes into one of our messages. */
export function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) if (secret.length >= 3) out = out.split(secret).join("*****");
  return out;
}
