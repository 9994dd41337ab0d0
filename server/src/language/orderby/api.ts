/**
 * `parseOrderBy`: entry point of `oslc.orderBy`, `<obj>.<rel>.orderBy` and `gbsortby`. Never
 * throws; every span in the result is in the caller's coordinates.
 */
import { tokenSpan } from "../common/queryTokens";
import { PARSE_ERROR, runQueryParse, type DiagnosticSink, type QueryParseResult } from "../common/querySupport";
import type { EmbeddedSource, Span } from "../common/types";
import type { OrderByClause } from "./ast";
import { OrderByAstBuilder, type OrderByMode } from "./astBuilder";
import { OrderByCode } from "./diagnosticCodes";
import { lexOrderBy } from "./lexer";
import { parseOrderByTokens } from "./parser";

export type { OrderByMode } from "./astBuilder";

export interface OrderByOptions {
  /** `lean=1` is on the request: `spi:`/`oslc:` prefixed names are an error. */
  lean?: boolean;
  /** `gbsortby` may also sort on aggregations (`-max.budgetcost`). */
  mode?: OrderByMode;
}

export type OrderByParse = QueryParseResult<OrderByClause>;

export function parseOrderBy(source: EmbeddedSource, options: OrderByOptions = {}): OrderByParse {
  return runQueryParse("orderby", source, (text, sink) => buildOrderBy(text, sink, options), emptyOrderByClause, `${options.mode ?? "orderBy"},${options.lean === true}`);
}

function emptyOrderByClause(span: Span): OrderByClause {
  return { kind: "orderByClause", span, terms: [] };
}

function buildOrderBy(text: string, sink: DiagnosticSink, options: OrderByOptions): OrderByClause {
  const lexed = lexOrderBy(text);
  for (const error of lexed.errors) {
    sink.error(OrderByCode.unexpectedCharacter, `This character has no meaning in a sort list: remove it.`, {
      start: error.offset,
      end: error.offset + Math.max(1, error.length),
    });
  }
  const { cst, errors } = parseOrderByTokens(lexed.tokens);
  for (const error of errors) {
    const span = tokenSpan(error.token) ?? { start: text.length, end: text.length };
    sink.error(PARSE_ERROR("orderby"), `The checker lost track of the value here (${error.message}); please report this.`, span);
  }
  const clause = new OrderByAstBuilder(text, sink, { mode: options.mode ?? "orderBy", lean: options.lean ?? false }).orderByClause(cst);
  if (lexed.tokens.length === 0) {
    sink.warning(OrderByCode.empty, `The sort list is empty, so nothing is sorted: write signed attributes (-reportdate,+wonum), or remove the parameter.`, {
      start: 0,
      end: text.length,
    });
  }
  return clause;
}
