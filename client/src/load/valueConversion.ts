/**
 * One cell's text → the JSON value its attribute takes, by the schema's types (JSON API reference
 * §10: `type`, `subType`, `maxLength`, `scale`), or a sentence saying why it cannot be. The rules
 * are the README's "Values": numbers in the non-localized form (reference §5), YORN as
 * Y/N/1/0/true/false, dates as ISO 8601 with the offset kept (the guides write
 * `2026-02-10T08:00:00-05:00`), UPPER/LOWER cased as Maximo stores them, text within maxLength.
 */
import type { AttributeInfo } from "../../../server/src/schema/types";
import { dayjs } from "../libraries/lazy";

export type LoadValue = string | number | boolean;
export type Conversion = { ok: true; value: LoadValue } | { ok: false; message: string };

/** A cell holding exactly this sets the attribute to empty (sends `""`); an empty cell is left out. */
export const EMPTY_MARKER = "#EMPTY";

// `12.0` is a whole number too: some exports write every number with a decimal point.
const INTEGER = /^[+-]?\d+(\.0+)?$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DURATION_CLOCK = /^(\d+):([0-5]\d)$/;
const TRUE = new Set(["y", "1", "true"]);
const FALSE = new Set(["n", "0", "false"]);
const DATE_TYPES = new Set(["DATE", "DATETIME", "TIME"]);

export type ValueKind = "integer" | "decimal" | "boolean" | "date" | "time" | "text";

export function valueKindOf(attribute: AttributeInfo): ValueKind {
  const sub = attribute.subType?.toUpperCase();
  if (sub === "TIME") return "time";
  if (sub && DATE_TYPES.has(sub)) return "date";
  if (sub === "YORN" || attribute.type === "boolean") return "boolean";
  if (attribute.type === "integer" || sub === "INTEGER" || sub === "SMALLINT" || sub === "BIGINT") return "integer";
  if (attribute.type === "number" || sub === "DECIMAL" || sub === "FLOAT" || sub === "AMOUNT" || sub === "DURATION") return "decimal";
  return "text";
}

/** `text` is a non-empty cell; the caller leaves empty cells out. */
export function convertValue(text: string, attribute: AttributeInfo): Conversion {
  const value = text.trim();
  if (value === EMPTY_MARKER) return { ok: true, value: "" };
  switch (valueKindOf(attribute)) {
    case "integer":
      return toInteger(value, attribute);
    case "decimal":
      return toDecimal(value, attribute);
    case "boolean":
      return toBoolean(value);
    case "date":
      return toDateTime(value);
    case "time":
      return toTime(value);
    case "text":
      return toText(value, attribute);
  }
}

function toInteger(value: string, attribute: AttributeInfo): Conversion {
  if (!INTEGER.test(value)) return { ok: false, message: `"${value}" is not a whole number (${typeName(attribute)})` };
  const n = Number(value);
  if (!Number.isSafeInteger(n)) return { ok: false, message: `${value} is too large for ${typeName(attribute)}` };
  return { ok: true, value: n };
}

function toDecimal(value: string, attribute: AttributeInfo): Conversion {
  // A duration may be written as a clock, `1:30`: Maximo shows DURATION that way and stores hours.
  const clock = attribute.subType?.toUpperCase() === "DURATION" ? DURATION_CLOCK.exec(value) : null;
  const n = clock ? Number(clock[1]) + Number(clock[2]) / 60 : DECIMAL.test(value) ? Number(value) : Number.NaN;
  if (!Number.isFinite(n)) return { ok: false, message: `"${value}" is not a number (${typeName(attribute)}; write 1234.5, without thousands separators)` };
  // Maximo keeps `scale` decimal places and rounds what has more.
  return { ok: true, value: attribute.scale === undefined ? n : Number(n.toFixed(attribute.scale)) };
}

function toBoolean(value: string): Conversion {
  const lower = value.toLowerCase();
  if (TRUE.has(lower)) return { ok: true, value: true };
  if (FALSE.has(lower)) return { ok: true, value: false };
  return { ok: false, message: `"${value}" is not a yes/no value (YORN: write Y, N, 1, 0, true or false)` };
}

const OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;
/** The ISO 8601 shapes a load accepts; dayjs reads the value and says whether it is a real date. */
const ISO_LOCAL = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(:\d{2})?(?:\.\d{1,9})?)?$/;

/** Files repeat dates (a day's work orders, one install date): each distinct text is read once. */
const recentDates = new Map<string, Conversion>();

function toDateTime(value: string): Conversion {
  let known = recentDates.get(value);
  if (!known) {
    if (recentDates.size >= 1000) recentDates.clear();
    known = readDateTime(value);
    recentDates.set(value, known);
  }
  return known;
}

function readDateTime(value: string): Conversion {
  const offset = OFFSET.exec(value)?.[0];
  const shape = ISO_LOCAL.exec(offset ? value.slice(0, -offset.length) : value);
  // `2026-02-10-05:00` (an offset without a time) is no ISO 8601 date-time.
  const local = shape && !(offset && shape[2] === undefined) ? `${shape[1]}T${shape[2] ?? "00:00"}${shape[3] ?? ":00"}` : undefined;
  // Read as UTC so no local daylight-saving gap moves the wall-clock time; a date that does not
  // exist (February 30, 25:00) comes back as another one, and is refused.
  const parsed = local === undefined ? undefined : dayjs().utc(local);
  const written = parsed?.isValid() ? parsed.format("YYYY-MM-DDTHH:mm:ss") : undefined;
  if (written === undefined || written !== local) {
    return { ok: false, message: `"${value}" is not a date: write ISO 8601, such as 2026-02-10, 2026-02-10T08:00:00 or 2026-02-10T08:00:00-05:00` };
  }
  return { ok: true, value: written + (offset ? normalOffset(offset) : "") };
}

const ISO_TIME = /^(\d{2}:\d{2})(:\d{2})?$/;

function toTime(value: string): Conversion {
  const time = ISO_TIME.exec(value);
  if (time) {
    const local = `1970-01-01T${time[1]}${time[2] ?? ":00"}`;
    const parsed = dayjs().utc(local);
    if (parsed.isValid() && parsed.format("YYYY-MM-DDTHH:mm:ss") === local) return { ok: true, value: local.slice(11) };
  }
  const dateTime = toDateTime(value);
  return dateTime.ok ? dateTime : { ok: false, message: `"${value}" is not a time: write 08:30, 08:30:00 or an ISO 8601 date and time` };
}

/** `Z`, `+0500` and `+05:00` all become `+05:00` (`+00:00` for Z), as the server answers dates. */
function normalOffset(offset: string): string {
  if (offset.toUpperCase() === "Z") return "+00:00";
  const digits = offset.replace(":", "");
  return `${digits.slice(0, 3)}:${digits.slice(3)}`;
}

function toText(value: string, attribute: AttributeInfo): Conversion {
  const sub = attribute.subType?.toUpperCase();
  const cased = sub === "UPPER" ? value.toUpperCase() : sub === "LOWER" ? value.toLowerCase() : value;
  const max = attribute.maxLength;
  if (max !== undefined && cased.length > max) return { ok: false, message: `holds at most ${max} characters; this value has ${cased.length}` };
  return { ok: true, value: cased };
}

function typeName(attribute: AttributeInfo): string {
  return attribute.subType ?? attribute.type;
}
