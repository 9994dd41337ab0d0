/**
 * Typed AST of `oslc.where`. Spans are in the caller's coordinates. Invalid input is kept in
 * the tree as well as it can be (a term without a value, a `like`, an unquoted word), so
 * completion and hover can work on what the user is still typing.
 */
import type { NamePath } from "../common/queryAst";
import type { Span } from "../common/types";

export interface WhereClause {
  kind: "whereClause";
  span: Span;
  /** The terms in order. */
  terms: WhereTerm[];
  /** The joiners in order (`and`; `or` only in invalid input). */
  joiners: WhereJoiner[];
}

export interface WhereJoiner {
  kind: "joiner";
  span: Span;
  keyword: "and" | "or";
}

export type WhereTerm = WhereComparison | WhereInTerm | WhereScopedTerm | WhereTemplateTerm | WhereIncompleteTerm;

/** The operator as the server reads it; `like`, `is` and foreign spellings are mapped here too. */
export type ComparisonOperator = "=" | "!=" | "<" | "<=" | ">" | ">=";

export interface WhereOperator {
  span: Span;
  /** As written (`⇐`, `<>`, `like`, `is not`). */
  text: string;
  /** What it was taken to mean. */
  operator: ComparisonOperator;
}

/**
 * What a comparison asks of the server, decided from operator and value:
 * `="*"` is a not-null test, `!="*"` a null test, `!="[A,B]"` a not-in, `"%x%"` a wildcard.
 */
export type ComparisonTest =
  | { kind: "compare" }
  | { kind: "notNull" }
  | { kind: "null" }
  | { kind: "notIn"; values: string[] }
  | { kind: "wildcard"; pattern: "contains" | "startsWith" | "endsWith" | "other" };

/** `name op value`, also `name like value` and `name is [not] null` (both invalid). */
export interface WhereComparison {
  kind: "comparison";
  span: Span;
  /** Absent when the term starts with its operator (`="APPR"`). */
  name?: NamePath;
  operator: WhereOperator;
  /** Absent when missing (`status=`). */
  value?: WhereValue;
  test: ComparisonTest;
}

/** `name in [v1,v2]` (or the invalid `not in`). */
export interface WhereInTerm {
  kind: "in";
  span: Span;
  name?: NamePath;
  /** The `in` keyword (with `not` when negated). */
  keywordSpan: Span;
  negated: boolean;
  values: WhereValue[];
  /** The whole list is one `{{var}}`. */
  template?: WhereValue;
  /** The list's brackets, when present. */
  listSpan?: Span;
}

/** `rel{attr="x" and ...}`: terms evaluated on the related object. */
export interface WhereScopedTerm {
  kind: "scoped";
  span: Span;
  name?: NamePath;
  clause: WhereClause;
  closed: boolean;
}

/** A lone `{{var}}` standing for a whole term the request file fills in. */
export interface WhereTemplateTerm {
  kind: "template";
  span: Span;
  text: string;
}

/** A name with no operator (`status`) or an operator with nothing usable (`not`). */
export interface WhereIncompleteTerm {
  kind: "incomplete";
  span: Span;
  name?: NamePath;
}

export type WhereValue =
  | WhereStringValue
  | { kind: "number"; span: Span; raw: string; value: number }
  | { kind: "boolean"; span: Span; raw: string; value: boolean }
  /** `<http://...>`: an OSLC resource (a URI reference), in namespaced requests. */
  | { kind: "uri"; span: Span; raw: string; value: string }
  /** `{{var}}`: filled in by the request file, never checked. */
  | { kind: "template"; span: Span; raw: string }
  /** Invalid: an unquoted word, date or `*`, or `null`. */
  | { kind: "invalid"; span: Span; raw: string; reason: "unquoted" | "null" };

export interface WhereStringValue {
  kind: "string";
  span: Span;
  /** As written, quotes included. */
  raw: string;
  /** The content between the quotes. */
  value: string;
  quote: "double" | "single" | "typographic";
  terminated: boolean;
  /** `USERNAME` for the bind value `"&USERNAME&"`; `SYSDAY` for `"&SYSDAY&+7D"`. */
  bind?: string;
}
