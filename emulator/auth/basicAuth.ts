/** HTTP Basic authentication by the app server (JSON API reference §2.2.1). */
import type { Emulator } from "../emulator";
import { authorizationOf } from "./authorizationHeader";
import { checkPassword, decodeUserPassword } from "./credentials";
import { authErrors } from "./errors";
import type { AuthInput } from "./types";

/** The user; undefined without `Authorization: Basic`; throws (with a Basic challenge) when wrong. */
export function basicUser(emulator: Emulator, input: AuthInput): string | undefined {
  const authorization = authorizationOf(input.headers);
  if (authorization?.scheme !== "basic") return undefined;
  const credentials = decodeUserPassword(authorization.value);
  const user = credentials && checkPassword(emulator, credentials.user, credentials.password);
  if (!user) throw authErrors.basicRejected();
  return user;
}
