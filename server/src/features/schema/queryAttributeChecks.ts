/**
 * Names and values in `oslc.where`, `oslc.select` and `oslc.orderBy` against the object
 * structure's schema. Paths walk children the schema inlines; a step the schema does not know
 * before the last one is a relationship it does not list, and is left alone. Child collection
 * parameters (`<mbo>.<rel>.where`, `.orderBy`) are checked against the child's schema.
 */
import type { Span, SyntaxDiagnostic } from "../../language/common";
import type { NamePath } from "../../language/common/queryAst";
import type { EmbeddedQuery } from "../../language/maximo/api";
import type { OrderByClause } from "../../language/orderby/ast";
import type { SelectItem } from "../../language/select/ast";
import type { WhereClause } from "../../language/where/ast";
import type { AttributeInfo, ObjectSchema } from "../../schema";
import { childQueryKey, childSchemaFor } from "./childQueryTarget";
import { didYouMean } from "./didYouMean";
import { checkMixedInList } from "./inListChecks";
import { schemaDiagnostic } from "./schemaCodes";
import { checkWhereValues } from "./whereValueChecks";

type Report = (d: SyntaxDiagnostic) => void;

/** Where a name path leads: an attribute, nothing we can check, or an unknown name. */
type Resolution = { kind: "attribute"; attribute: AttributeInfo } | { kind: "unchecked" } | { kind: "unknown" };

export function checkQueryAttributes(queries: readonly EmbeddedQuery[], schema: ObjectSchema, shift: number): SyntaxDiagnostic[] {
  const out: SyntaxDiagnostic[] = [];
  const report: Report = (d) => out.push({ ...d, span: { start: d.span.start + shift, end: d.span.end + shift } });
  for (const { param, parse } of queries) {
    const key = param.key.decoded.toLowerCase();
    if (parse.language === "where" && key === "oslc.where") whereClause(parse.ast, schema, report);
    else if (parse.language === "select" && key === "oslc.select") selectItems(parse.ast.items, schema, report);
    else if (parse.language === "orderby" && key === "oslc.orderby") orderBy(parse.ast, schema, report);
    else if (parse.language === "where" || parse.language === "orderby") {
      const child = childQueryKey(key);
      const childSchema = child ? childSchemaFor(schema, child) : undefined;
      if (!childSchema) continue;
      if (parse.language === "where" && child!.operator === "where") whereClause(parse.ast, childSchema, report);
      else if (parse.language === "orderby" && child!.operator === "orderby") orderBy(parse.ast, childSchema, report);
    }
  }
  return out;
}

function resolve(path: NamePath, schema: ObjectSchema, report: Report): Resolution {
  if (path.incomplete || path.segments.some((s) => s.template || s.name.length === 0)) return { kind: "unchecked" };
  let current: ObjectSchema | undefined = schema;
  let found: AttributeInfo | undefined;
  for (let i = 0; i < path.segments.length; i++) {
    if (!current) return { kind: "unchecked" };
    const segment = path.segments[i]!;
    found = step(current, segment.name.toLowerCase());
    if (!found) {
      if (i < path.segments.length - 1) return { kind: "unchecked" };
      report(unknown(segment.name, segment.span, current));
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

function unknown(name: string, span: Span, schema: ObjectSchema): SyntaxDiagnostic {
  const names = [...schema.attributes.values()].map((a) => a.name);
  return schemaDiagnostic("schema.unknown-attribute", span, `\`${schema.name}\` has no attribute \`${name}\`.${didYouMean(name, names)}`);
}

function whereClause(clause: WhereClause, schema: ObjectSchema, report: Report): void {
  for (const term of clause.terms) {
    if (term.kind === "template") continue;
    if (!term.name) {
      if (term.kind === "in") checkMixedInList(term, undefined, report);
      continue;
    }
    const resolved = resolve(term.name, schema, report);
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
    if (item.kind === "attribute") resolve(item.path, schema, report);
    else if (item.kind === "child" && item.name) {
      const resolved = resolve(item.name, schema, report);
      const child = resolved.kind === "attribute" ? resolved.attribute.child : undefined;
      if (child) selectItems(item.items, child, report);
    }
  }
}

function orderBy(clause: OrderByClause, schema: ObjectSchema, report: Report): void {
  for (const term of clause.terms) if (term.path) resolve(term.path, schema, report);
}
