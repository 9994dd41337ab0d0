/** How a JSON value reads in one table cell, and how it is copied. DOM-free. */

const previewChars = 160;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function scalarText(value: unknown): string {
  if (value === undefined) return "";
  if (value === null) return "null";
  if (typeof value === "string") return value;
  return String(value);
}

/** A nested value written compactly: `{laborcode: AMY, laborhrs: 2}`, `[2] {…}, {…}`; cut at `budget` characters. */
function compact(value: unknown, budget: number, depth: number): string {
  if (Array.isArray(value)) {
    if (depth > 1) return `[${value.length}]`;
    const parts: string[] = [];
    let used = 0;
    for (const item of value) {
      if (used > budget) break;
      const part = compact(item, budget - used, depth + 1);
      parts.push(part);
      used += part.length + 2;
    }
    return `[${value.length}] ${parts.join(", ")}`.trimEnd();
  }
  if (isRecord(value)) {
    if (depth > 1) return "{…}";
    const parts: string[] = [];
    let used = 0;
    for (const key of Object.keys(value)) {
      if (used > budget) {
        parts.push("…");
        break;
      }
      const part = `${key}: ${compact(value[key], budget - used, depth + 1)}`;
      parts.push(part);
      used += part.length + 2;
    }
    return `{${parts.join(", ")}}`;
  }
  return scalarText(value);
}

/** The text a cell shows: scalars as they are, nested objects and arrays compact and short. */
export function cellText(value: unknown): string {
  if (typeof value === "object" && value !== null) {
    const text = compact(value, previewChars, 0);
    return text.length > previewChars ? `${text.slice(0, previewChars - 1)}…` : text;
  }
  return scalarText(value);
}

/** The text copied or exported for a cell: scalars as they are, nested values as full JSON. */
export function cellCopyText(value: unknown): string {
  if (typeof value === "object" && value !== null) return JSON.stringify(value);
  return scalarText(value);
}
