/**
 * Defensive reads of server JSON. Real servers answer with bare keys (`name`), or, without
 * `lean=1`, namespaced ones (`spi:name`, `oslc:queryCapability`, `rdfs:member`): accept both.
 */

export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The value under `key`, or under any `prefix:key`. */
export function field(record: JsonRecord, key: string): unknown {
  if (key in record) return record[key];
  const suffix = `:${key}`;
  // for...in, not Object.entries: called for every absent key of every attribute, it allocates nothing.
  for (const name in record) {
    if (name.endsWith(suffix)) return record[name];
  }
  return undefined;
}

export function stringField(record: JsonRecord, key: string): string | undefined {
  const value = field(record, key);
  return typeof value === "string" ? value : undefined;
}

/** Numbers sometimes arrive as strings; anything else is ignored. */
export function numberField(record: JsonRecord, key: string): number | undefined {
  const value = field(record, key);
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

/** Booleans sometimes arrive as "true"/"false" or 1/0. */
export function booleanField(record: JsonRecord, key: string): boolean | undefined {
  const value = field(record, key);
  if (typeof value === "boolean") return value;
  if (value === "true" || value === 1 || value === "1") return true;
  if (value === "false" || value === 0 || value === "0") return false;
  return undefined;
}

export function arrayField(record: JsonRecord, key: string): unknown[] | undefined {
  const value = field(record, key);
  return Array.isArray(value) ? value : undefined;
}

/** Strips a namespace prefix: `spi:wonum` → `wonum`. */
export function bareName(name: string): string {
  const colon = name.lastIndexOf(":");
  return colon >= 0 ? name.slice(colon + 1) : name;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: string };

/** JSON.parse that reports instead of throwing. */
export function parseJson(text: string): ParseResult<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, reason: `not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
}
