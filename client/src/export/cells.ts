/**
 * How one value is written in each format. Values keep what the server wrote: strings as they
 * are (dates stay the server's ISO 8601 text, so no zone is lost), numbers in JSON notation,
 * booleans `true`/`false`, children and related objects as compact JSON text, a missing value
 * as an empty cell. `maximo load` reads every one of these back to the same value.
 */

export type ExportFormat = "csv" | "xlsx" | "json";
export const EXPORT_FORMATS: readonly ExportFormat[] = ["csv", "xlsx", "json"];

/** The text of a CSV cell. */
export function cellText(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

/** An Excel cell holds at most this many characters. */
export const XLSX_CELL_CHARS = 32_767;

/** The value of an XLSX cell: numbers and booleans as such, everything else as text. */
export function xlsxValue(value: unknown): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "number" || typeof value === "boolean") return value;
  return cellText(value);
}
