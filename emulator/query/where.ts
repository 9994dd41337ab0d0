/**
 * Evaluates a parsed oslc.where against rows (reference §5): every comparison, wildcards,
 * `*` null tests, `in`, ALN not-in, dot paths and scoped terms through relationships (a term
 * holds when some related row matches), and bind values. Terms are ANDed, or ORed with opmodeor=1.
 */
import type { NamePath } from "../../server/src/language/common/queryAst";
import type { ComparisonOperator, WhereClause, WhereComparison, WhereInTerm, WhereTerm, WhereValue } from "../../server/src/language/where/ast";
import type { AttributeDef, RelationshipDef, Row, Scalar } from "../model/types";
import type { Store } from "../store/store";
import { badValue, syntaxError, unknownAttribute } from "./errors";
import { mboInfo } from "./schema";
import { comparable, compareComparable, foldForType, typeClass } from "./values";

export type RowPredicate = (row: Row) => boolean;

export interface WhereContext {
  store: Store;
  /** The requesting user, for `&USERNAME&` and `&PERSONID&`. */
  user: string;
  /** The emulator clock, for `&SYSDATE&`. */
  now: number;
  /** The parameter being evaluated, for error messages. */
  parameter: string;
}

export function compileWhere(clause: WhereClause, mbo: string, context: WhereContext, or = false): RowPredicate {
  const terms = clause.terms.map((term) => compileTerm(term, mbo, context));
  if (terms.length === 0) return () => true;
  if (terms.length === 1) return terms[0];
  return or ? (row) => terms.some((t) => t(row)) : (row) => terms.every((t) => t(row));
}

/** Resolves `rel1.rel2.attr`: the relationships to follow and the attribute at the end. */
export function resolvePath(
  path: NamePath,
  mbo: string,
  context: WhereContext,
): { relations: RelationshipDef[]; attribute: AttributeDef; mbo: string } {
  const relations: RelationshipDef[] = [];
  let current = mbo;
  const segments = path.segments;
  for (let i = 0; i < segments.length - 1; i++) {
    const rel = mboInfo(context.store, current).relationships.get(segments[i].name.toLowerCase());
    if (!rel) throw unknownAttribute(context.parameter, segments.slice(0, i + 1).map((s) => s.name).join("."), current);
    relations.push(rel);
    current = rel.target;
  }
  const last = segments[segments.length - 1].name.toLowerCase();
  const attribute = mboInfo(context.store, current).attributes.get(last);
  // The clause becomes SQL, so only persistent attributes can be filtered on (reference §5).
  if (!attribute || !attribute.persistent) throw unknownAttribute(context.parameter, last, current);
  return { relations, attribute, mbo: current };
}

/** Wraps a test on the last object of a path so it holds when some related row passes it. */
function throughRelations(relations: RelationshipDef[], leaf: RowPredicate, store: Store): RowPredicate {
  let predicate = leaf;
  for (let i = relations.length - 1; i >= 0; i--) {
    const rel = relations[i];
    const inner = predicate;
    predicate = (row) => store.follow(rel, row).some(inner);
  }
  return predicate;
}

function compileTerm(term: WhereTerm, mbo: string, context: WhereContext): RowPredicate {
  switch (term.kind) {
    case "comparison":
      return compileComparison(term, mbo, context);
    case "in":
      return compileIn(term, mbo, context);
    case "scoped": {
      if (!term.name) throw syntaxError(context.parameter, "a scoped term needs a relationship name");
      const relations: RelationshipDef[] = [];
      let current = mbo;
      for (const segment of term.name.segments) {
        const rel = mboInfo(context.store, current).relationships.get(segment.name.toLowerCase());
        if (!rel) throw unknownAttribute(context.parameter, segment.name, current);
        relations.push(rel);
        current = rel.target;
      }
      return throughRelations(relations, compileWhere(term.clause, current, context), context.store);
    }
    default:
      throw syntaxError(context.parameter, `the term ${term.kind === "template" ? term.text : ""} is not complete`);
  }
}

function compileComparison(term: WhereComparison, mbo: string, context: WhereContext): RowPredicate {
  if (!term.name || !term.value) throw syntaxError(context.parameter, "a comparison needs a name and a value");
  const { relations, attribute } = resolvePath(term.name, mbo, context);
  const leaf = comparisonLeaf(term, attribute, context);
  return throughRelations(relations, leaf, context.store);
}

function comparisonLeaf(term: WhereComparison, attr: AttributeDef, context: WhereContext): RowPredicate {
  const name = attr.name;
  const op = term.operator.operator;
  const test = term.test;
  switch (test.kind) {
    case "notNull":
      return (row) => isPresent(row[name]);
    case "null":
      return (row) => !isPresent(row[name]);
    case "notIn": {
      // Reference §5: the `!="[A,B]"` not-in "only works for ALN attributes".
      if (typeClass(attr.maxType) !== "text") throw badValue(name, `[${test.values.join(",")}]`, attr.maxType);
      const excluded = new Set(test.values.map((v) => foldForType(attr, v.trim())));
      return (row) => isPresent(row[name]) && !excluded.has(String(row[name]));
    }
    case "wildcard": {
      const pattern = likePattern(stringValue(term.value as WhereValue, context));
      const matches: RowPredicate = (row) => isPresent(row[name]) && pattern.test(String(row[name]));
      return op === "!=" ? (row) => isPresent(row[name]) && !matches(row) : matches;
    }
    default: {
      const wanted = queryValue(attr, term.value as WhereValue, context);
      return (row) => {
        const have = comparable(attr, row[name]);
        return have !== null && holds(op, compareComparable(have, wanted));
      };
    }
  }
}

function compileIn(term: WhereInTerm, mbo: string, context: WhereContext): RowPredicate {
  if (!term.name) throw syntaxError(context.parameter, "an in term needs a name");
  const { relations, attribute } = resolvePath(term.name, mbo, context);
  const wanted = new Set(term.values.map((v) => queryValue(attribute, v, context)));
  const leaf: RowPredicate = (row) => {
    const have = comparable(attribute, row[attribute.name]);
    return have !== null && wanted.has(have);
  };
  return throughRelations(relations, term.negated ? (row) => isPresent(row[attribute.name]) && !leaf(row) : leaf, context.store);
}

/** Whether a comparison's outcome (`order`, as from a compare function) satisfies `op`. */
export function holds(op: ComparisonOperator, order: number): boolean {
  switch (op) {
    case "=": return order === 0;
    case "!=": return order !== 0;
    case "<": return order < 0;
    case "<=": return order <= 0;
    case ">": return order > 0;
    case ">=": return order >= 0;
  }
}

function isPresent(value: Scalar | undefined): boolean {
  return value !== null && value !== undefined && value !== "";
}

/** The text of a quoted value, with bind values (`"&USERNAME&"`) replaced. */
function stringValue(value: WhereValue, context: WhereContext): string {
  if (value.kind === "string") return value.bind ? bindValue(value.bind, context) ?? value.value : value.value;
  if (value.kind === "number" || value.kind === "boolean") return value.raw;
  throw syntaxError(context.parameter, `the value ${value.raw} is not quoted`);
}

function bindValue(name: string, context: WhereContext): string | undefined {
  switch (name.toUpperCase()) {
    case "USERNAME":
    case "USER":
      return context.user;
    case "PERSONID":
      // Maximo's demo users have a person record with the same id.
      return context.user;
    case "SYSDATE":
    case "DATE":
      return new Date(context.now).toISOString();
    default:
      return undefined;
  }
}

/** A query value in the comparable form of the attribute's type; a value of the wrong kind is refused. */
function queryValue(attr: AttributeDef, value: WhereValue, context: WhereContext): string | number | null {
  const kind = typeClass(attr.maxType);
  if (kind === "boolean") {
    if (value.kind === "boolean") return value.value ? 1 : 0;
    if (value.kind === "number" && (value.value === 0 || value.value === 1)) return value.value;
    const text = stringValue(value, context).toLowerCase();
    if (["1", "0", "true", "false", "y", "n"].includes(text)) return ["1", "true", "y"].includes(text) ? 1 : 0;
    throw badValue(attr.name, value.raw, attr.maxType);
  }
  if (kind === "number") {
    const n = value.kind === "number" ? value.value : Number(stringValue(value, context));
    if (Number.isNaN(n)) throw badValue(attr.name, value.raw, attr.maxType);
    return n;
  }
  if (kind === "date") {
    // Dates are ISO strings in double quotes (reference §5).
    if (value.kind !== "string") throw badValue(attr.name, value.raw, attr.maxType);
    const parsed = comparable(attr, stringValue(value, context));
    if (parsed === null) throw badValue(attr.name, value.raw, attr.maxType);
    return parsed;
  }
  return foldForType(attr, stringValue(value, context));
}

const likeCache = new Map<string, RegExp>();

/** `%` is the SQL wildcard; Maximo matches text wildcards case-insensitively. */
function likePattern(text: string): RegExp {
  let pattern = likeCache.get(text);
  if (!pattern) {
    const body = text.split("%").map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("[\\s\\S]*");
    pattern = new RegExp(`^${body}$`, "i");
    if (likeCache.size > 500) likeCache.clear();
    likeCache.set(text, pattern);
  }
  return pattern;
}

/**
 * Top-level `attr="value"` terms on text attributes of the object itself: exact matches the
 * store's index can answer, so a filter over thousands of rows starts from the matching few.
 */
export function indexableTerm(clause: WhereClause, mbo: string, store: Store): { attribute: string; value: string } | undefined {
  const attributes = mboInfo(store, mbo).attributes;
  for (const term of clause.terms) {
    if (term.kind !== "comparison" || term.test.kind !== "compare" || term.operator.operator !== "=") continue;
    if (!term.name || term.name.segments.length !== 1 || term.value?.kind !== "string" || term.value.bind) continue;
    const attribute = attributes.get(term.name.segments[0].name.toLowerCase());
    if (!attribute || !attribute.persistent || typeClass(attribute.maxType) !== "text") continue;
    return { attribute: attribute.name, value: foldForType(attribute, term.value.value) };
  }
  return undefined;
}
