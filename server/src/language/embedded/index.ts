/**
 * Routes a query parameter to the parser of its embedded language: `oslc.where`,
 * `<obj>.<rel>.where`, `gbfilters`/`gbfilter` → where; `oslc.select`, `gbcols` → select;
 * `oslc.orderBy`, `<obj>.<rel>.orderBy`, `gbsortby` → orderBy; `domaininternalwhere` → domain.
 */
import type { EmbeddedSource, SyntaxDiagnostic } from "../common";
import type { LocalTree, QueryParseResult } from "../common/querySupport";
import { parseDomainFilter } from "../domain/api";
import type { DomainFilter } from "../domain/ast";
import { parseOrderBy } from "../orderby/api";
import type { OrderByClause } from "../orderby/ast";
import { parseSelect } from "../select/api";
import type { SelectClause } from "../select/ast";
import { parseWhere } from "../where/api";
import type { WhereClause } from "../where/ast";
import { queryParamRoute } from "./queryParamRoutes";

export { queryParamRoute, type QueryParamRoute } from "./queryParamRoutes";
export { parseWhere, type WhereOptions, type WhereParse } from "../where/api";
export { parseSelect, type SelectOptions, type SelectParse } from "../select/api";
export { parseOrderBy, type OrderByOptions, type OrderByParse } from "../orderby/api";
export { parseDomainFilter, type DomainFilterOptions, type DomainFilterParse } from "../domain/api";

export type QueryLanguage = "where" | "select" | "orderby" | "domain";

export interface QueryParamContext {
  /** `lean=1` is on the request: `spi:`/`oslc:` prefixed names are not accepted. */
  lean: boolean;
}

interface ParseOf<L extends QueryLanguage, A> {
  readonly language: L;
  /** The language's AST, spans mapped through `source.map` (built when first read). */
  readonly ast: A;
  /** Spans already mapped through `source.map`. */
  readonly diagnostics: SyntaxDiagnostic[];
  /** The AST in the value's own offsets, shared by every use of the same value (see `LocalTree`). */
  readonly local: LocalTree<A>;
}

/** One embedded parse; narrow on `language` to get the typed AST. */
export type EmbeddedParse =
  | ParseOf<"where", WhereClause>
  | ParseOf<"select", SelectClause>
  | ParseOf<"orderby", OrderByClause>
  | ParseOf<"domain", DomainFilter>;

/** Which embedded language a query parameter's value is written in, if any. */
export function languageOfQueryParam(key: string): QueryLanguage | undefined {
  return queryParamRoute(key)?.language;
}

/** Parses a query parameter's value when its key names an embedded language. Never throws. */
export function parseQueryParam(key: string, source: EmbeddedSource, context: QueryParamContext): EmbeddedParse | undefined {
  const route = queryParamRoute(key);
  if (!route) return undefined;
  const lean = context?.lean === true;
  switch (route.language) {
    case "where": {
      const options = route.opmodeOrParam ? { lean, dialect: route.dialect, opmodeOrParam: route.opmodeOrParam } : { lean, dialect: route.dialect };
      return tagged("where", parseWhere(source, options));
    }
    case "select":
      return tagged("select", parseSelect(source, { lean, mode: route.mode }));
    case "orderby":
      return tagged("orderby", parseOrderBy(source, { lean, mode: route.mode }));
    case "domain":
      return tagged("domain", parseDomainFilter(source, { lean }));
  }
}

/** The parse with its language, reading through to it: a copy would build its tree at once. */
function tagged<L extends QueryLanguage, A>(language: L, parse: QueryParseResult<A>): ParseOf<L, A> {
  return new TaggedParse(language, parse);
}

class TaggedParse<L extends QueryLanguage, A> implements ParseOf<L, A> {
  readonly diagnostics: SyntaxDiagnostic[];
  readonly #parse: QueryParseResult<A>;

  constructor(
    readonly language: L,
    parse: QueryParseResult<A>,
  ) {
    this.diagnostics = parse.diagnostics;
    this.#parse = parse;
  }

  get ast(): A {
    return this.#parse.ast;
  }

  get local(): LocalTree<A> {
    return this.#parse.local;
  }
}
