/**
 * `schema.body-value-type`: JSON body values Maximo cannot coerce to the attribute's type. The
 * server converts a lot (numeric text for a number, a number for a string), so only clear
 * mistakes are flagged: non-numeric text for a number, a date that is not ISO 8601, a yes/no
 * value that is neither, and an object or array where one value belongs.
 */
import type { SyntaxDiagnostic } from "../../language/common";
import type { AttributeInfo } from "../../schema";
import { isIsoDate, typeLabel, valueKind } from "./attributeTypes";
import type { JsonNode } from "./jsonBodyTree";
import { schemaDiagnostic } from "./schemaCodes";

const NUMERIC_TEXT = /^[+-]?(\d[\d,]*(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const YORN_TEXT = new Set(["true", "false", "1", "0", "y", "n"]);

export function checkBodyValueType(value: JsonNode, attribute: AttributeInfo): SyntaxDiagnostic | undefined {
  const message = mismatch(value, attribute);
  return message ? schemaDiagnostic("schema.body-value-type", { start: value.offset, end: value.offset + value.length }, message) : undefined;
}

/** `{{...}}` placeholders reach the tree as runs of zeros (see jsonBodyTree): never judged. */
function isPlaceholder(value: JsonNode): boolean {
  if (value.type === "number") return value.length >= 5 && value.value === 0;
  return value.type === "string" && typeof value.value === "string" && /0{5,}/.test(value.value);
}

function mismatch(value: JsonNode, attribute: AttributeInfo): string | undefined {
  if (value.type === "null" || isPlaceholder(value)) return undefined;
  const kind = valueKind(attribute);
  if (kind === "other") return undefined;
  const name = `\`${attribute.name}\` (${typeLabel(attribute)})`;
  if (value.type === "object" || value.type === "array") return `${name} holds one value, not ${value.type === "object" ? "an object" : "an array"}.`;
  const text = typeof value.value === "string" ? value.value.trim() : undefined;
  switch (kind) {
    case "number":
      if (value.type === "boolean") return `${name} is numeric, not a boolean: write a number.`;
      if (text !== undefined && text.length > 0 && !NUMERIC_TEXT.test(text)) return `${name} is numeric: "${text}" is not a number the server can read.`;
      return undefined;
    case "date":
      if (value.type === "number" || value.type === "boolean") return `${name} is a date: write an ISO 8601 date in quotes ("2024-01-31T08:00:00-05:00").`;
      if (text !== undefined && text.length > 0 && !isIsoDate(text)) return `"${text}" is not an ISO 8601 date, which ${name} needs (e.g. "2024-01-31" or "2024-01-31T08:00:00-05:00").`;
      return undefined;
    case "boolean":
      if (value.type === "number" && value.value !== 0 && value.value !== 1) return `${name} is a yes/no attribute: write true or false (or 1/0).`;
      if (text !== undefined && !YORN_TEXT.has(text.toLowerCase())) return `${name} is a yes/no attribute: "${text}" is neither; write true or false.`;
      return undefined;
    case "string":
      return undefined;
  }
}
