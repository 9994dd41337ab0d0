/**
 * The schema-aware diagnostics: one stable code per rule, each with one severity. They need an
 * object structure's schema (pack or a connection's cache) and are computed after the syntax
 * diagnostics, never inside the parsers.
 */
import type { Severity, Span, SyntaxDiagnostic } from "../../language/common";

export const SCHEMA_DIAGNOSTICS = {
  "schema.unknown-object-structure": { severity: "error", summary: "The URL names an object structure no schema source knows." },
  "schema.unknown-attribute": { severity: "error", summary: "A where/select/orderBy name is not an attribute or child of the object structure." },
  "schema.value-type": { severity: "error", summary: "A where value is of the wrong kind for the attribute's type." },
  "schema.mixed-in-list": { severity: "error", summary: "An `in [...]` list mixes quoted strings with bare numbers or booleans." },
  "schema.not-in-non-aln": { severity: "error", summary: 'A not-in (`!="[A,B]"`) on an attribute that is not a string.' },
  "schema.unknown-body-key": { severity: "warning", summary: "A JSON body key is not an attribute of the object structure (the server ignores it)." },
  "schema.body-value-type": { severity: "error", summary: "A JSON body value the attribute's type cannot take (non-numeric text for a number, a non-ISO date, an object for a scalar ...)." },
  "schema.bulk-shape": { severity: "error", summary: "An `x-method-override: BULK` body that is not an array of `_data`/`_meta` or `_action` items." },
  "schema.max-length": { severity: "error", summary: "A JSON string value is longer than the attribute's maxLength." },
  "schema.missing-required": { severity: "information", summary: "A create leaves out required attributes the server may not fill in itself." },
  "schema.unknown-value": { severity: "warning", summary: "A where or JSON body value is not in the attribute's saved value list (`lists/<os>/<attr>.json`); a hint when the list is the offline pack's or one record's `getlist~status` answer." },
  "schema.internal-value": { severity: "hint", summary: "A where or JSON body value is a synonym domain's internal value (`maxvalue`) that no synonym writes as its value." },
  "schema.unknown-saved-query": { severity: "error", summary: "`savedQuery` names a query apimeta does not list for the object structure." },
  "maximo.query-param-case": { severity: "warning", summary: "A query parameter is spelled in the wrong case; Maximo silently ignores it." },
  "maximo.unknown-query-param": { severity: "warning", summary: "An `oslc.`-style query parameter Maximo does not know; it is silently ignored." },
  "maximo.undefined-variable": { severity: "warning", summary: "`{{name}}` names no file variable, request or system variable (an environment may still define it)." },
  "maximo.http-patch": { severity: "warning", summary: "PATCH/PUT: Maximo wants POST with `x-method-override`." },
} as const satisfies Record<string, { severity: Severity; summary: string }>;

export type SchemaCode = keyof typeof SCHEMA_DIAGNOSTICS;

export function schemaDiagnostic(code: SchemaCode, at: Span, message: string): SyntaxDiagnostic {
  return { code, severity: SCHEMA_DIAGNOSTICS[code].severity, message, span: { start: at.start, end: at.end } };
}
