/**
 * Typed AST of `oslc.select` and `gbcols`. Spans are in the caller's coordinates. Each item
 * says which of the reference's notations it is (section 4.1, 4.1.2, 17.1).
 */
import type { NamePath, NameSegment } from "../common/queryAst";
import type { Span } from "../common/types";

export interface SelectClause {
  kind: "selectClause";
  span: Span;
  items: SelectItem[];
}

export type SelectItem =
  | SelectAll
  | SelectAttribute
  | SelectChild
  | SelectRelation
  | SelectAggregate
  | SelectFormula
  | SelectGroupAggregate
  | SelectCacheProperty;

/**
 * A cache property, `cache.SYNDATA:_RELATETYPE_-relatetype`: IBM's technician app selects one and
 * the server answers with the description. The reference leaves its section out, so it is taken
 * as written and never checked.
 */
export interface SelectCacheProperty {
  kind: "cacheProperty";
  span: Span;
  text: string;
}

/** `*`: every (persistent) attribute. */
export interface SelectAll {
  kind: "all";
  span: Span;
  alias?: SelectAlias;
}

/** `assetnum`, or a dot path through relationships `location.status`, `rel1.rel11.a11`. */
export interface SelectAttribute {
  kind: "attribute";
  span: Span;
  path: NamePath;
  alias?: SelectAlias;
}

/** A child object of the object structure, `assetmeter{*}` (or a list with no name, reported). */
export interface SelectChild {
  kind: "child";
  span: Span;
  /** Absent for a bare `{...}`. */
  name?: NamePath;
  items: SelectItem[];
  closed: boolean;
  alias?: SelectAlias;
}

/** The rel notation `rel.openwo{wonum,description}`: a 1:* relationship inlined as an array. */
export interface SelectRelation {
  kind: "relation";
  span: Span;
  /** The `rel` keyword. */
  keywordSpan: Span;
  relation: NameSegment;
  /** `mxapiasset` in `rel.asset.mxapiasset{...}`: the records come back as that object structure's. */
  objectStructure?: NameSegment;
  items: SelectItem[];
  closed: boolean;
  alias?: SelectAlias;
}

export type DatabaseAggregate = "_dbsum" | "_dbavg" | "_dbmax" | "_dbmin" | "_dbcount" | "_dbexists";

/** `openwo.actlabhrs._dbavg` (three tokens) or `openwo._dbcount` (two). */
export interface SelectAggregate {
  kind: "aggregate";
  span: Span;
  path: NamePath;
  function: DatabaseAggregate;
  functionSpan: Span;
  /** The first relationship. */
  relation: NameSegment;
  /** Every relationship before the attribute or function: one, or a nested chain (`inspectionform.inspquestionunit`). */
  relations: NameSegment[];
  /** The related attribute; absent for `_dbcount` and `_dbexists`. */
  attribute?: NameSegment;
  alias?: SelectAlias;
}

/** An object formula `exp.myreplacecost`. */
export interface SelectFormula {
  kind: "formula";
  span: Span;
  path: NamePath;
  name: NameSegment;
  alias?: SelectAlias;
}

export type GroupFunction = "count" | "max" | "min" | "avg" | "sum";

/** A gbcols aggregation: `count.*`, `max.budgetcost`, `avg.totalcost`. */
export interface SelectGroupAggregate {
  kind: "groupAggregate";
  span: Span;
  function: GroupFunction;
  functionSpan: Span;
  /** Absent for `count.*`. */
  attribute?: NameSegment;
  all: boolean;
}

/** `--mylocation` after an attribute. */
export interface SelectAlias {
  span: Span;
  /** As written: `--`, or the `—`, `–`, `-` that were meant as `--`. */
  operator: string;
  operatorSpan: Span;
  name?: NameSegment;
}
