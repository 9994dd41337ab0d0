/**
 * Names and values in `oslc.where`, `oslc.select` and `oslc.orderBy` against the object
 * structure's schema. Paths walk children the schema inlines; a step the schema does not know
 * before the last one is a relationship it does not list, and is left alone. Child collection
 * parameters (`<mbo>.<rel>.where`, `.orderBy`) are checked against the child's schema.
 * Names with a namespace other than `spi:` (`dcterms:title`, `oslc:shortTitle`, a custom
 * prefix) are OSLC properties the jsonschemas do not describe (reference §9): never checked.
 * Severities follow the schema's origin (see schemaCodes).
 */
import type { Span, SyntaxDiagnostic } from "../../language/common";
import type { NamePath } from "../../language/common/queryAst";
import type { EmbeddedQuery } from "../../language/maximo/api";
import type { OrderByClause } from "../../language/orderby/ast";
import type { SelectClause, SelectItem } from "../../language/select/ast";
import type { WhereClause } from "../../language/where/ast";
import type { AttributeInfo, ObjectSchema, SchemaOrigin } from "../../schema";
import { childQueryKey, childSchemaFor } from "./childQueryTarget";
import { didYouMean } from "./didYouMean";
import { checkMixedInList } from "./inListChecks";
import { CONNECT_ADVICE, packNote, schemaDiagnostic, severityFor, type SchemaCode } from "./schemaCodes";
import { checkWhereValues } from "./whereValueChecks";

/** Reports a diagnostic; `unknown` reports a name the schema does not list, worded for its origin. */
type Report = ((d: SyntaxDiagnostic) => void) & { unknown: ReportUnknown };

/** Names in `spi:` (or no namespace) are the structure's attributes; other namespaces are not. */
function isAttributeNamespace(prefix: string | undefined): boolean {
  return prefix === undefined || prefix.toLowerCase() === "spi";
}

/** Where a name path leads: an attribute, nothing we can check, or an unknown name. */
type Resolution = { kind: "attribute"; attribute: AttributeInfo } | { kind: "unchecked" } | { kind: "unknown" };

export function checkQueryAttributes(queries: readonly EmbeddedQuery[], schema: ObjectSchema, shift: number, origin: SchemaOrigin = "server"): SyntaxDiagnostic[] {
  const out: SyntaxDiagnostic[] = [];
  for (const { param, parse } of queries) {
    const key = param.key.decoded.toLowerCase();
    // The shared tree in the value's own offsets: each diagnostic is placed as it is reported.
    const local = parse.local;
    const ast = local.tree;
    const place = (span: Span) => local.place(span);
    const emit = (d: SyntaxDiagnostic) => {
      const severity = severityFor(d.code as SchemaCode, origin);
      // unknown-* words its own message per origin; a downgraded rule says where it came from.
      const message = severity !== d.severity && d.code !== "schema.unknown-attribute" ? `${d.message}${packNote(origin)}` : d.message;
      const span = place(d.span);
      out.push({ ...d, severity, message, span: { start: span.start + shift, end: span.end + shift } });
    };
    const report: Report = Object.assign(emit, { unknown: (name: string, span: Span, at: ObjectSchema, what?: NameKind) => emit(unknown(name, span, at, origin, what)) });
    if (parse.language === "where" && key === "oslc.where") whereClause(ast as WhereClause, schema, report);
    else if (parse.language === "select" && key === "oslc.select") selectItems((ast as SelectClause).items, schema, report);
    else if (parse.language === "orderby" && key === "oslc.orderby") orderBy(ast as OrderByClause, schema, report);
    else if (parse.language === "where" || parse.language === "orderby") {
      const child = childQueryKey(key);
      const childSchema = child ? childSchemaFor(schema, child) : undefined;
      if (!childSchema) continue;
      if (parse.language === "where" && child!.operator === "where") whereClause(ast as WhereClause, childSchema, report);
      else if (parse.language === "orderby" && child!.operator === "orderby") orderBy(ast as OrderByClause, childSchema, report);
    }
  }
  return out;
}

/** What a name stands for where it is written: `asset{assetnum}` in a select names a related object, not an attribute. */
type NameKind = "attribute" | "child";
type ReportUnknown = (name: string, span: Span, schema: ObjectSchema, what?: NameKind) => void;

function resolve(path: NamePath, schema: ObjectSchema, report: ReportUnknown): Resolution {
  if (path.incomplete || path.segments.some((s) => s.template || s.name.length === 0 || !isAttributeNamespace(s.prefix))) return { kind: "unchecked" };
  let current: ObjectSchema | undefined = schema;
  let found: AttributeInfo | undefined;
  for (let i = 0; i < path.segments.length; i++) {
    if (!current) return { kind: "unchecked" };
    const segment = path.segments[i]!;
    found = step(current, segment.name.toLowerCase());
    if (!found) {
      if (i < path.segments.length - 1) return { kind: "unchecked" };
      report(segment.name, segment.span, current);
      return { kind: "unknown" };
    }
    current = found.child;
  }
  return found ? { kind: "attribute", attribute: found } : { kind: "unchecked" };
}

function step(schema: ObjectSchema, name: string): AttributeInfo | undefined {
  const direct = schema.attributes.get(name);
  if (direct) return direct;
  for (const attribute of schema.attributes.values()) if (attribute.relation?.toLowerCase() === name) return attribute;
  return undefined;
}

function unknown(name: string, span: Span, schema: ObjectSchema, origin: SchemaOrigin, what: NameKind = "attribute"): SyntaxDiagnostic {
  const names = [...schema.attributes.values()].map((a) => a.name);
  const suggestion = didYouMean(name, names);
  const noun = what === "child" ? "child object or relationship" : "attribute";
  const message =
    origin === "server"
      ? `\`${schema.name}\` has no ${noun} \`${name}\`.${suggestion}`
      : `The offline schemas do not list ${what === "child" ? "a" : "an"} ${noun} \`${name}\` of \`${schema.name}\`; your server may have it (a custom ${what === "child" ? "relationship" : "attribute"}, a newer version).${suggestion} ${CONNECT_ADVICE}`;
  return schemaDiagnostic("schema.unknown-attribute", span, message, origin);
}

function whereClause(clause: WhereClause, schema: ObjectSchema, report: Report): void {
  for (const term of clause.terms) {
    if (term.kind === "template") continue;
    if (!term.name) {
      if (term.kind === "in") checkMixedInList(term, undefined, report);
      continue;
    }
    const resolved = resolve(term.name, schema, report.unknown);
    const attribute = resolved.kind === "attribute" ? resolved.attribute : undefined;
    if (term.kind === "in" && checkMixedInList(term, attribute, report)) continue;
    if (term.kind === "scoped") {
      const child = resolved.kind === "attribute" ? resolved.attribute.child : undefined;
      if (child) whereClause(term.clause, child, report);
      continue;
    }
    if (attribute) checkWhereValues(term, attribute, report);
  }
}

function selectItems(items: readonly SelectItem[], schema: ObjectSchema, report: Report): void {
  for (const item of items) {
    if (item.kind === "attribute" && (isDomainDescription(item.path, schema) || isResourceProperty(item.path))) continue;
    if (item.kind === "attribute") resolve(item.path, schema, report.unknown);
    else if (item.kind === "child" && item.name) {
      const resolved = resolve(item.name, schema, (name, span, at) => report.unknown(name, span, at, "child"));
      const child = resolved.kind === "attribute" ? resolved.attribute.child : undefined;
      if (child) selectItems(item.items, child, report);
    }
  }
}

/**
 * `status_description` in a select: the server adds `<attr>_description` beside every
 * domain-bound attribute (reference §4.1), and files copied from a response name it. Not a
 * schema attribute, and not an error.
 */
function isDomainDescription(path: NamePath, schema: ObjectSchema): boolean {
  if (path.segments.length !== 1) return false;
  const match = /^(.+)_description$/i.exec(path.segments[0]!.name);
  return match !== null && schema.attributes.get(match[1]!.toLowerCase())?.hasList === true;
}

/**
 * `allowedactions`: every resource lists the actions it allows when a select names it (reference
 * §13: `oslc.select=allowedactions`); no schema attribute.
 */
function isResourceProperty(path: NamePath): boolean {
  return path.segments.length === 1 && path.segments[0]!.name.toLowerCase() === "allowedactions";
}

function orderBy(clause: OrderByClause, schema: ObjectSchema, report: Report): void {
  for (const term of clause.terms) if (term.path) resolve(term.path, schema, report.unknown);
}
