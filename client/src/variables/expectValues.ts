/**
 * Values in `# @expect` lines and how they compare: quoted strings, numbers, true/false/null
 * and bare words (`json`); comparisons keep types apart (`"1001"` is not `1001`). No eval.
 */

/** `"APPR"` and `'APPR'` are strings, `12`/`-1.5` numbers, `true`/`false`/`null` themselves, a bare word a string. */
export function parseLiteral(text: string): unknown {
  const t = text.trim();
  if (t.length >= 2 && t[0] === '"' && t.endsWith('"')) {
    try {
      return JSON.parse(t) as string;
    } catch {
      return t.slice(1, -1);
    }
  }
  if (t.length >= 2 && t[0] === "'" && t.endsWith("'")) return t.slice(1, -1);
  if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(t)) return Number(t);
  if (t === "true") return true;
  if (t === "false") return false;
  if (t === "null") return null;
  return t;
}

/** `/pump/i`, `"^W"` or a bare pattern; throws an Error when it is not a regular expression. */
export function parsePattern(text: string): RegExp {
  const slashes = /^\/(.*)\/([dgimsuy]*)$/s.exec(text.trim());
  if (slashes) return new RegExp(slashes[1]!, slashes[2]);
  const literal = parseLiteral(text);
  return new RegExp(typeof literal === "string" ? literal : String(literal));
}

/** Same type and value; arrays and objects by their JSON. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === "object" && typeof b === "object" && a !== null && b !== null) return JSON.stringify(a) === JSON.stringify(b);
  return false;
}

/** The order of two numbers or two strings; undefined when they cannot be ordered. */
export function order(a: unknown, b: unknown): number | undefined {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
  return undefined;
}

const LIMIT = 80;

/** A value for a message: JSON, truncated, with its type when that could be in doubt. */
export function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  const json = JSON.stringify(value) ?? String(value);
  const short = json.length > LIMIT ? `${json.slice(0, LIMIT)}…` : json;
  if (Array.isArray(value)) return `${short} (an array of ${value.length})`;
  if (typeof value === "number") return `${short} (a number)`;
  if (typeof value === "string") return `${short} (a string)`;
  return short;
}

/** Text of a value for string operators: strings as they are, the rest as JSON. */
export function asText(value: unknown): string {
  return typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
}
