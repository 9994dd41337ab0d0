/**
 * Which secret each sign-in method needs (client/src/auth: apikey reads an API key; basic,
 * maxauth, form and session a password; oauth a client secret) and where SecretStorage keeps it.
 */
import type { AuthType, SecretKind } from "../../connections/types";

export const SECRET_KINDS: readonly SecretKind[] = ["apikey", "password", "clientSecret"];

export function secretKindOf(auth: AuthType): SecretKind | undefined {
  switch (auth) {
    case "apikey":
      return "apikey";
    case "basic":
    case "maxauth":
    case "form":
    case "session":
      return "password";
    case "oauth":
      return "clientSecret";
    case "none":
      return undefined;
  }
}

/** The sign-in methods that need a `user` setting. */
export function needsUser(auth: AuthType): boolean {
  return secretKindOf(auth) === "password";
}

export const secretLabel: Record<SecretKind, string> = {
  apikey: "API key",
  password: "password",
  clientSecret: "OAuth client secret",
};

const KEY_PREFIX = "maximo.connection/";

/** The SecretStorage key of one connection's secret; the name is encoded so any name is safe. */
export function secretStorageKey(connectionName: string, kind: SecretKind): string {
  return `${KEY_PREFIX}${encodeURIComponent(connectionName)}/${kind}`;
}

/** The connection and kind a SecretStorage key belongs to; undefined for other keys. */
export function parseSecretStorageKey(key: string): { connection: string; kind: SecretKind } | undefined {
  if (!key.startsWith(KEY_PREFIX)) return undefined;
  const rest = key.slice(KEY_PREFIX.length);
  const slash = rest.lastIndexOf("/");
  const kind = rest.slice(slash + 1) as SecretKind;
  if (slash < 0 || !SECRET_KINDS.includes(kind)) return undefined;
  try {
    return { connection: decodeURIComponent(rest.slice(0, slash)), kind };
  } catch {
    return undefined;
  }
}
