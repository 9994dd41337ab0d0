/**
 * `parseSelect`: entry point of `oslc.select` and `gbcols`. Never throws; every span in the
 * result is in the caller's coordinates.
 */
import { tokenSpan } from "../common/queryTokens";
import { limitBraceDepth, PARSE_ERROR, runQueryParse, type DiagnosticSink, type QueryParseResult } from "../common/querySupport";
import type { EmbeddedSource, Span } from "../common/types";
import type { SelectClause } from "./ast";
import { SelectAstBuilder, type SelectMode } from "./astBuilder";
import { SelectCode } from "./diagnosticCodes";
import { lexSelect } from "./lexer";
import { parseSelectTokens } from "./parser";
import * as T from "./tokens";

export type { SelectMode } from "./astBuilder";

export interface SelectOptions {
  /** `lean=1` is on the request: `spi:`/`oslc:` prefixed names are an error. */
  lean?: boolean;
  /** `gbcols` allows `count.*`, `max.x`, `min.x`, `avg.x`, `sum.x` and nothing nested. */
  mode?: SelectMode;
}

export type SelectParse = QueryParseResult<SelectClause>;

export function parseSelect(source: EmbeddedSource, options: SelectOptions = {}): SelectParse {
  return runQueryParse("select", source, (text, sink) => buildSelect(text, sink, options), emptySelectClause, `${options.mode ?? "select"},${options.lean === true}`);
}

function emptySelectClause(span: Span): SelectClause {
  return { kind: "selectClause", span, items: [] };
}

function buildSelect(text: string, sink: DiagnosticSink, options: SelectOptions): SelectClause {
  const lexed = lexSelect(text);
  for (const error of lexed.errors) {
    sink.error(SelectCode.unexpectedCharacter, `This character has no meaning in a select list: remove it.`, {
      start: error.offset,
      end: error.offset + Math.max(1, error.length),
    });
  }
  const tokens = limitBraceDepth(lexed.tokens, T.LBrace, T.RBrace, "select", sink);
  const { cst, errors } = parseSelectTokens(tokens);
  for (const error of errors) {
    const span = tokenSpan(error.token) ?? { start: text.length, end: text.length };
    sink.error(PARSE_ERROR("select"), `The checker lost track of the value here (${error.message}); please report this.`, span);
  }
  const clause = new SelectAstBuilder(text, sink, { mode: options.mode ?? "select", lean: options.lean ?? false }).selectClause(cst);
  if (tokens.length === 0) {
    const what = options.mode === "gbcols" ? "gbcols is empty: list the attributes to group on and the aggregations (siteid,count.*)." : "oslc.select is empty, so the server returns links only: list attributes (wonum,status) or write *.";
    sink.warning(SelectCode.empty, what, { start: 0, end: text.length });
  }
  return clause;
}
