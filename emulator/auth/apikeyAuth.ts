/**
 * API keys (practitioner guide, Method 1): an `apikey` header, or an `apikey` query parameter
 * (the form `/maximo/api/` clients use). Keys never expire (PRODUCT.md real-server facts).
 */
import type { Emulator } from "../emulator";
import { authErrors } from "./errors";
import type { AuthInput } from "./types";

/** The key's user; undefined when the request carries no key; throws for an unknown key. */
export function apikeyUser(emulator: Emulator, input: AuthInput): string | undefined {
  const key = input.headers["apikey"] ?? input.query.find((p) => p.name === "apikey")?.value;
  if (key === undefined) return undefined;
  const user = emulator.options.credentials.apikeys[key.trim()];
  if (user === undefined) throw authErrors.invalidApiKey();
  return user.toUpperCase();
}
