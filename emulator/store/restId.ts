/**
 * Rest ids as real servers write them in member hrefs: `_` + base64 of the key values in key
 * order joined by `/`, with `=` padding written as `-` (asset 11450 at BEDFORD →
 * `_MTE0NTAvQkVERk9SRA--`, PRODUCT.md "Real-server facts"). Recorded MXAPISYNONYMDOMAIN
 * answers show two more rules: a null key value is written `~NULL~`, and a `/` of the base64
 * alphabet is written `_`, so the id stays one path segment.
 */
export const nullKeyValue = "~NULL~";

export function encodeRestId(keyValues: ReadonlyArray<string | number | boolean | null>): string {
  const joined = keyValues.map((v) => (v === null ? nullKeyValue : String(v))).join("/");
  return "_" + Buffer.from(joined, "utf8").toString("base64").replace(/=/g, "-").replace(/\//g, "_");
}

/** The key values of a rest id, or undefined when it is not one. */
export function decodeRestId(restId: string): string[] | undefined {
  if (!restId.startsWith("_") || restId.length < 2) return undefined;
  const base64 = restId.slice(1).replace(/-/g, "=").replace(/_/g, "/");
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64) || base64.length % 4 !== 0) return undefined;
  const text = Buffer.from(base64, "base64").toString("utf8");
  if (Buffer.from(text, "utf8").toString("base64") !== base64) return undefined;
  return text.split("/");
}
