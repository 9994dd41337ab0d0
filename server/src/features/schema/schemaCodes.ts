/**
 * The schema-aware diagnostics: one stable code per rule, each with the severity it has when the
 * user's own server's schemas answer. They need an object structure's schema (pack or a
 * connection's cache) and are computed after the syntax diagnostics, never inside the parsers.
 *
 * Knowledge by provenance (PRODUCT.md, real-server facts): the shipped pack is built from the
 * emulator, not from the user's server, so what it says is weaker. A name it does not list
 * (`SCHEMA_UNKNOWN_CODES`) is at most a hint; a rule it answers that a server may answer
 * differently (a custom maxLength, a type) is at most a warning. `schemaDiagnostic(..., "pack")`
 * applies both.
 */
import type { Severity, Span, SyntaxDiagnostic } from "../../language/common";
import type { SchemaOrigin } from "../../schema";

export const SCHEMA_DIAGNOSTICS = {
  "schema.unknown-object-structure": { severity: "error", summary: "The URL names an object structure no schema source knows." },
  "schema.unknown-attribute": { severity: "error", summary: "A where/select/orderBy name is not an attribute or child of the object structure." },
  "schema.value-type": { severity: "error", summary: "A where value is of the wrong kind for the attribute's type." },
  "schema.mixed-in-list": { severity: "error", summary: "An `in [...]` list mixes quoted strings with bare numbers or booleans." },
  "schema.not-in-non-aln": { severity: "error", summary: 'A not-in (`!="[A,B]"`) on an attribute that is not a string.' },
  "schema.unknown-body-key": { severity: "warning", summary: "A JSON body key is not an attribute of the object structure (the server ignores it)." },
  "maximo.body-key-case": { severity: "warning", summary: "An upper-case key in a write body (`DESCRIPTION`, `spi:SOURCE`): the server ignores it without a word." },
  "maximo.lean-prefixed-key": { severity: "warning", summary: "A prefixed key (`spi:status`) in a `lean=1` write body: the server ignores it without a word." },
  "maximo.bare-key-without-lean": { severity: "information", summary: "A bare key in a namespaced (no `lean=1`) write body, where the server reads `spi:` names." },
  "schema.body-value-type": { severity: "error", summary: "A JSON body value the attribute's type cannot take (non-numeric text for a number, a non-ISO date, an object for a scalar ...)." },
  "schema.bulk-shape": { severity: "error", summary: "An `x-method-override: BULK` body that is not an array of `_data`/`_meta` or `_action` items." },
  "schema.max-length": { severity: "error", summary: "A JSON string value is longer than the attribute's maxLength." },
  "schema.missing-required": { severity: "information", summary: "A create leaves out required attributes the server may not fill in itself." },
  "schema.unlisted-value": { severity: "warning", summary: "A where or JSON body value is not in the attribute's saved value list (`lists/<os>/<attr>.json`); a hint when the list is the offline pack's or one record's `getlist~status` answer." },
  "schema.internal-value": { severity: "hint", summary: "A where or JSON body value is a synonym domain's internal value (`maxvalue`) that no synonym writes as its value." },
  "schema.unknown-saved-query": { severity: "error", summary: "`savedQuery` names a query apimeta does not list for the object structure." },
  "maximo.query-param-case": { severity: "warning", summary: "A query parameter is spelled in the wrong case; Maximo silently ignores it." },
  "maximo.unknown-query-param": { severity: "warning", summary: "An `oslc.`-style query parameter Maximo does not know; it is silently ignored." },
  "maximo.undefined-variable": { severity: "warning", summary: "`{{name}}` names no file variable, request or system variable (an environment may still define it)." },
  "maximo.run-unknown-request": { severity: "error", summary: "JetBrains `run #name` names no request of the file or of the files it imports." },
  "maximo.import-missing": { severity: "warning", summary: "A JetBrains `import` or `run` line names a file that does not exist (checked where the file system is at hand: `maximo check`, saved files in the editor)." },
  "maximo.http-patch": { severity: "warning", summary: "PATCH/PUT: Maximo wants POST with `x-method-override`." },
  "maximo.secret-in-query": { severity: "information", summary: "`apikey=`, `_lpwd=` or another secret-named parameter in an object structure request's URL: the server writes the URL back into the response's links, so the secret lands in saved responses and history." },
  "maximo.action-needs-override": { severity: "warning", summary: "`action=wsmethod:...` on a record without `x-method-override: PATCH`." },
} as const satisfies Record<string, { severity: Severity; summary: string }>;

export type SchemaCode = keyof typeof SCHEMA_DIAGNOSTICS;

/** Every `schema.unknown-*` code: a name the schemas do not list. */
export const SCHEMA_UNKNOWN_CODES = [
  "schema.unknown-object-structure",
  "schema.unknown-attribute",
  "schema.unknown-body-key",
  "schema.unknown-saved-query",
] as const satisfies readonly SchemaCode[];

const UNKNOWN = new Set<string>(SCHEMA_UNKNOWN_CODES);

/** How to get the knowledge that the pack cannot give, in the editor and in the CLI. */
export const CONNECT_ADVICE = "Select a connection (or run `maximo check --schemas DIR` with its saved schemas) to check against your server's own schemas.";

/** The severity of `code` when `origin` answered: the pack never says more than a hint about a missing name, nor more than a warning. */
export function severityFor(code: SchemaCode, origin: SchemaOrigin = "server"): Severity {
  const severity = SCHEMA_DIAGNOSTICS[code].severity;
  if (origin === "server") return severity;
  if (UNKNOWN.has(code)) return "hint";
  return severity === "error" ? "warning" : severity;
}

/** `origin` is where the knowledge behind the diagnostic came from; rules that need no schema leave it out. */
export function schemaDiagnostic(code: SchemaCode, at: Span, message: string, origin: SchemaOrigin = "server"): SyntaxDiagnostic {
  return { code, severity: severityFor(code, origin), message, span: { start: at.start, end: at.end } };
}

/** A note for a rule the pack answered: the user's server may have another schema. */
export function packNote(origin: SchemaOrigin): string {
  return origin === "pack" ? " (From the offline schemas shipped with Maximo Workbench: your server's may differ.)" : "";
}
