// CONTRACT STUB — replaced by the query-language work. Routes a query parameter to the parser of
// its embedded language (oslc.where, oslc.select, oslc.orderBy, domaininternalwhere, ...).
import type { EmbeddedSource, SyntaxDiagnostic } from "../common";

export type QueryLanguage = "where" | "select" | "orderby" | "domain";

export interface QueryParamContext {
  /** `lean=1` is on the request: `spi:`/`oslc:` prefixed names are not accepted. */
  lean: boolean;
}

export interface EmbeddedParse {
  language: QueryLanguage;
  /** The language's AST (WhereClause, SelectClause, OrderByClause, DomainFilter). */
  ast: unknown;
  /** Spans already mapped through `source.map`. */
  diagnostics: SyntaxDiagnostic[];
}

/** Which embedded language a query parameter's value is written in, if any. */
export function languageOfQueryParam(_key: string): QueryLanguage | undefined {
  return undefined;
}

/** Parses a query parameter's value when its key names an embedded language. Never throws. */
export function parseQueryParam(
  _key: string,
  _source: EmbeddedSource,
  _context: QueryParamContext,
): EmbeddedParse | undefined {
  return undefined;
}
