/**
 * Dates for `$timestamp`, `$datetime` and `$localDatetime`, formatted by dayjs as REST Client
 * formats them: `rfc1123`, `iso8601` or a quoted dayjs pattern (`"YYYY-MM-DD"`, `"DD MMM YYYY
 * HH:mm"`, `[literal]`), moved by an optional `amount unit` offset (y, Q, M, w, d, h, m, s, ms).
 */
import { dayjs } from "../libraries/lazy";

/** REST Client's offset units; dayjs would read any other word as milliseconds. */
const UNITS = new Set(["y", "Q", "M", "w", "d", "h", "m", "s", "ms"]);

/** `date` moved by `amount` of `unit`; years, quarters and months follow the calendar (31 January + 1 M is 28 February). */
export function addOffset(date: Date, amount: number, unit: string): Date {
  if (!UNITS.has(unit)) throw new Error(`\`${unit}\` is not a unit: use y, Q, M, w, d, h, m, s or ms`);
  return dayjs().utc(date).add(amount, unit as "y").toDate();
}

/** Formats `date` with a dayjs pattern, in UTC or local time. */
export function formatDate(date: Date, pattern: string, local: boolean): string {
  const day = local ? dayjs()(date) : dayjs().utc(date);
  try {
    return day.format(pattern);
  } catch {
    // advancedFormat's `z`/`zzz` need a time-zone database this build does not carry.
    throw new Error(`\`${pattern}\` uses a token that cannot be formatted here (time-zone names z and zzz): write Z or ZZ for the offset`);
  }
}

/** `iso8601`, `rfc1123` or a quoted pattern, as `$datetime` (UTC) and `$localDatetime` write them. */
export function formatNamed(date: Date, format: string, local: boolean): string {
  if (format === "iso8601") return local ? formatDate(date, "YYYY-MM-DDTHH:mm:ss.SSSZ", true) : date.toISOString();
  if (format === "rfc1123") return local ? formatDate(date, "ddd, DD MMM YYYY HH:mm:ss ZZ", true) : date.toUTCString();
  return formatDate(date, unquote(format), local);
}

function unquote(text: string): string {
  return /^(["']).*\1$/s.test(text) ? text.slice(1, -1) : text;
}
