/** Native authentication (JSON API reference §2.1): a `maxauth` header of base64 `user:password`. */
import type { Emulator } from "../emulator";
import { checkPassword, decodeUserPassword } from "./credentials";
import { authErrors } from "./errors";
import type { AuthInput } from "./types";

/** The user; undefined when there is no `maxauth` header; throws for wrong credentials. */
export function maxauthUser(emulator: Emulator, input: AuthInput): string | undefined {
  const header = input.headers["maxauth"];
  if (header === undefined) return undefined;
  const credentials = decodeUserPassword(header);
  const user = credentials && checkPassword(emulator, credentials.user, credentials.password);
  if (!user) throw authErrors.notAuthenticated();
  return user;
}
