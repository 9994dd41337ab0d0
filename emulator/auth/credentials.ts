/** User and password checks shared by MAXAUTH, Basic, `/login` and form login. */
import type { Emulator } from "../emulator";

export interface UserPassword {
  user: string;
  password: string;
}

/** `base64(user:password)`; the password may itself contain `:` (split at the first one). */
export function decodeUserPassword(encoded: string): UserPassword | undefined {
  const text = Buffer.from(encoded.trim(), "base64").toString("utf8");
  const colon = text.indexOf(":");
  if (colon <= 0) return undefined;
  return { user: text.slice(0, colon), password: text.slice(colon + 1) };
}

/**
 * The user's stored (upper-case) name when the password matches. Maximo user names are
 * case-insensitive (MAXUSER keeps them upper case); passwords are compared exactly.
 */
export function checkPassword(emulator: Emulator, user: string, password: string): string | undefined {
  const name = user.trim().toUpperCase();
  const stored = emulator.options.credentials.users[name];
  return stored !== undefined && stored === password ? name : undefined;
}
