/** Splits `Authorization: <scheme> <value>`; schemes are case-insensitive (the reference writes `BASIC`). */
export function authorizationOf(headers: Record<string, string>): { scheme: string; value: string } | undefined {
  const header = headers["authorization"]?.trim();
  if (!header) return undefined;
  const space = header.indexOf(" ");
  if (space < 0) return { scheme: header.toLowerCase(), value: "" };
  return { scheme: header.slice(0, space).toLowerCase(), value: header.slice(space + 1).trim() };
}
