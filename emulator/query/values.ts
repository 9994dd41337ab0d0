/**
 * Reading and comparing values the way the database would for the attribute's Maximo type:
 * text as text, numbers as numbers, dates as instants, YORN as booleans.
 */
import type { AttributeDef, MaxType, Scalar } from "../model/types";

export type TypeClass = "text" | "number" | "date" | "boolean";

export function typeClass(maxType: MaxType): TypeClass {
  switch (maxType) {
    case "INTEGER": case "SMALLINT": case "BIGINT": case "DECIMAL": case "FLOAT": case "AMOUNT": case "DURATION":
      return "number";
    case "DATE": case "DATETIME": case "TIME":
      return "date";
    case "YORN":
      return "boolean";
    default:
      return "text";
  }
}

/** A stored value in comparable form: number for numbers, dates (ms) and booleans (0/1); string for text; null when empty. */
export function comparable(attr: AttributeDef, value: Scalar | undefined): string | number | null {
  if (value === null || value === undefined || value === "") return null;
  switch (typeClass(attr.maxType)) {
    case "number": {
      const n = typeof value === "number" ? value : Number(value);
      return Number.isNaN(n) ? null : n;
    }
    case "date": {
      if (attr.maxType === "TIME" && typeof value === "string" && !value.includes("T")) return value;
      const ms = Date.parse(String(value));
      return Number.isNaN(ms) ? null : ms;
    }
    case "boolean":
      return value === true || value === 1 || value === "1" || value === "Y" || value === "y" || value === "true" ? 1 : 0;
    default:
      return String(value);
  }
}

/** Orders two comparable values; nulls sort last ascending (as Oracle and DB2 do by default). */
export function compareComparable(a: string | number | null, b: string | number | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** UPPER and LOWER columns store folded text, and Maximo folds query values for them too. */
export function foldForType(attr: AttributeDef, text: string): string {
  if (attr.maxType === "UPPER") return text.toUpperCase();
  if (attr.maxType === "LOWER") return text.toLowerCase();
  return text;
}
