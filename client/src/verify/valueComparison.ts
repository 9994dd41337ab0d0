/**
 * Does the value the server holds match the value sent, compared as the server stores it?
 * - numbers by value (`1` = `1.0` = `"1"`): Maximo keeps INTEGER/DECIMAL/AMOUNT as numbers;
 * - dates by what they mean: with a zone (`Z`, `+02:00`) as instants; without one, the server
 *   reads the date-time in its own zone and answers it with that zone's offset, so the written
 *   date and time of day are compared; a date alone matches the day at 00:00;
 * - text exactly, except a difference of case where the server answers upper case (UPPER
 *   attributes such as STATUS or ASSETNUM are upper-cased on save);
 * - booleans as booleans (YORN is true/false in JSON; `1`/`0` are accepted);
 * - null or "" match an attribute the lean answer leaves out (an empty value).
 */
import type { Scalar } from "./updateTarget";

export function sameStoredValue(sent: Scalar, held: unknown): boolean {
  if (isEmpty(sent)) return held === undefined || isEmpty(held);
  if (held === undefined || held === null) return false;
  if (typeof sent === "boolean" || typeof held === "boolean") return asBoolean(sent) !== undefined && asBoolean(sent) === asBoolean(held);
  const sentNumber = asNumber(sent);
  const heldNumber = asNumber(held);
  if (sentNumber !== undefined && heldNumber !== undefined && (typeof sent === "number" || typeof held === "number")) return sentNumber === heldNumber;
  const sentText = String(sent);
  const heldText = typeof held === "string" || typeof held === "number" ? String(held) : JSON.stringify(held);
  if (sentText === heldText) return true;
  const sentDate = parseIsoDate(sentText);
  const heldDate = parseIsoDate(heldText);
  if (sentDate && heldDate) return sameDate(sentDate, heldDate);
  return heldText === heldText.toUpperCase() && sentText.toUpperCase() === heldText;
}

function isEmpty(value: unknown): boolean {
  return value === null || value === "";
}

function asBoolean(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (value === 1 || value === "1" || value === "true") return true;
  if (value === 0 || value === "0" || value === "false") return false;
  return undefined;
}

function asNumber(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value !== "string" || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value.trim())) return undefined;
  return Number(value);
}

interface IsoDate {
  /** `2026-01-05T10:30:00` as written (seconds filled in). */
  local: string;
  /** Minutes east of UTC, when the text gives a zone. */
  offset?: number;
  dateOnly: boolean;
}

const ISO = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

function parseIsoDate(text: string): IsoDate | undefined {
  const match = ISO.exec(text.trim());
  if (!match) return undefined;
  const [, day, hour, minute, second, zone] = match;
  const date: IsoDate = { local: `${day}T${hour ?? "00"}:${minute ?? "00"}:${second ?? "00"}`, dateOnly: hour === undefined };
  if (zone) date.offset = zone === "Z" ? 0 : (zone[0] === "-" ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
  return date;
}

function sameDate(sent: IsoDate, held: IsoDate): boolean {
  if (sent.offset !== undefined && held.offset !== undefined) return instant(sent) === instant(held);
  return sent.dateOnly ? held.local.slice(0, 10) === sent.local.slice(0, 10) && held.local.endsWith("T00:00:00") : sent.local === held.local;
}

function instant(date: IsoDate): number {
  return Date.parse(`${date.local}Z`) - (date.offset ?? 0) * 60_000;
}
