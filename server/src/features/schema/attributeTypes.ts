/** How an attribute's Maximo type decides which where values fit it. */
import type { AttributeInfo } from "../../schema";

export type ValueKind = "number" | "string" | "date" | "boolean" | "other";

const DATE_TYPES = new Set(["DATETIME", "DATE", "TIME"]);

export function valueKind(attribute: AttributeInfo): ValueKind {
  const sub = attribute.subType?.toUpperCase();
  if (sub && DATE_TYPES.has(sub)) return "date";
  if (sub === "YORN" || attribute.type === "boolean") return "boolean";
  if (attribute.type === "integer" || attribute.type === "number") return "number";
  if (attribute.type === "string") return "string";
  return "other";
}

/** ISO 8601 as Maximo parses it: a date, optionally a time and an offset. */
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export function isIsoDate(text: string): boolean {
  return ISO_DATE.test(text);
}

export function typeLabel(attribute: AttributeInfo): string {
  return attribute.subType ?? attribute.type;
}
