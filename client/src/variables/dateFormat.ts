/**
 * Dates for `$timestamp`, `$datetime` and `$localDatetime`: `amount unit` offsets and the
 * dayjs-style patterns REST Client accepts (`"YYYY-MM-DD"`, `"DD MMM YYYY HH:mm"`, `[literal]`).
 */
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const UNIT_MS: Record<string, number> = { w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000, ms: 1 };

/** `date` moved by `amount` of `unit` (y, M, w, d, h, m, s, ms); years and months follow the calendar. */
export function addOffset(date: Date, amount: number, unit: string): Date {
  const moved = new Date(date.getTime());
  if (unit === "y") moved.setUTCFullYear(moved.getUTCFullYear() + amount);
  else if (unit === "M") moved.setUTCMonth(moved.getUTCMonth() + amount);
  else if (UNIT_MS[unit] !== undefined) moved.setTime(moved.getTime() + amount * UNIT_MS[unit]!);
  else throw new Error(`\`${unit}\` is not a unit: use y, M, w, d, h, m, s or ms`);
  return moved;
}

/** The fields of a date in UTC or in the local time zone. */
interface Fields {
  year: number;
  month: number;
  day: number;
  weekday: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  /** Minutes east of UTC. */
  offset: number;
}

function fieldsOf(date: Date, local: boolean): Fields {
  if (local) {
    return {
      year: date.getFullYear(),
      month: date.getMonth(),
      day: date.getDate(),
      weekday: date.getDay(),
      hour: date.getHours(),
      minute: date.getMinutes(),
      second: date.getSeconds(),
      ms: date.getMilliseconds(),
      offset: -date.getTimezoneOffset(),
    };
  }
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth(),
    day: date.getUTCDate(),
    weekday: date.getUTCDay(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
    ms: date.getUTCMilliseconds(),
    offset: 0,
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function zone(offset: number, colon: boolean): string {
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  return `${sign}${pad(Math.floor(abs / 60))}${colon ? ":" : ""}${pad(abs % 60)}`;
}

const TOKEN = /\[([^\]]*)]|YYYY|YY|MMMM|MMM|MM|M|DD|D|dddd|ddd|dd|d|HH|H|hh|h|mm|m|ss|s|SSS|A|a|ZZ|Z|X|x/g;

/** Formats `date` with a dayjs pattern, in UTC or local time. */
export function formatDate(date: Date, pattern: string, local: boolean): string {
  const f = fieldsOf(date, local);
  const hour12 = f.hour % 12 === 0 ? 12 : f.hour % 12;
  return pattern.replace(TOKEN, (token: string, literal: string | undefined) => {
    if (literal !== undefined) return literal;
    switch (token) {
      case "YYYY": return pad(f.year, 4);
      case "YY": return pad(f.year % 100);
      case "MMMM": return MONTHS[f.month]!;
      case "MMM": return MONTHS[f.month]!.slice(0, 3);
      case "MM": return pad(f.month + 1);
      case "M": return String(f.month + 1);
      case "DD": return pad(f.day);
      case "D": return String(f.day);
      case "dddd": return DAYS[f.weekday]!;
      case "ddd": return DAYS[f.weekday]!.slice(0, 3);
      case "dd": return DAYS[f.weekday]!.slice(0, 2);
      case "d": return String(f.weekday);
      case "HH": return pad(f.hour);
      case "H": return String(f.hour);
      case "hh": return pad(hour12);
      case "h": return String(hour12);
      case "mm": return pad(f.minute);
      case "m": return String(f.minute);
      case "ss": return pad(f.second);
      case "s": return String(f.second);
      case "SSS": return pad(f.ms, 3);
      case "A": return f.hour < 12 ? "AM" : "PM";
      case "a": return f.hour < 12 ? "am" : "pm";
      case "ZZ": return zone(f.offset, false);
      case "Z": return zone(f.offset, true);
      case "X": return String(Math.floor(date.getTime() / 1000));
      default: return String(date.getTime()); // "x"
    }
  });
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
