/**
 * Which variables hold secrets, judged by name, so a hover (or anything else shown) never prints
 * their values: `apikey`, `password`, `client_secret`, `token`, `MAXIMO_PASSWORD`, `authToken`, ...
 */
// `pass` only where a word ends (`mxpass`, `pass_2`), so `passenger` is none; `basic`, `pw` and
// `auth` as word parts (`MAXIMO_BASIC`: base64 of user:password; `ADMIN_PW`; `x-auth`).
const SECRET_NAME = /api[-_.]?key|passw(?:or)?d|pass(?:phrase)?(?![a-z])|\bpwd|pwd\b|secret|token|maxauth|credential|cookie|session[-_]?id(?![a-z])|private[-_]?key|\bjwt\b|bearer|(?:^|[-_.])(?:basic|pw|auth)(?:$|[-_.\d])/i;

export function looksSecret(name: string): boolean {
  return SECRET_NAME.test(name);
}

/** True when `value` holds one of the known secret values (those shorter than 3 characters are ignored, as redact does). */
export function containsKnownSecret(value: string, secrets: readonly string[]): boolean {
  return secrets.some((secret) => secret.length >= 3 && (value.includes(secret) || value.includes(encodeURIComponent(secret))));
}
