/**
 * `parseWhere`: the where language's entry point. Never throws; every span in the result is
 * in the caller's coordinates (mapped through `source.map`).
 */
import type { IToken } from "chevrotain";
import { tokenSpan } from "../common/queryTokens";
import { limitBraceDepth, PARSE_ERROR, runQueryParse, type DiagnosticSink, type QueryParseResult } from "../common/querySupport";
import type { EmbeddedSource, Span } from "../common/types";
import type { WhereClause } from "./ast";
import { WhereAstBuilder } from "./astBuilder";
import { WhereCode } from "./diagnosticCodes";
import { lexWhere } from "./lexer";
import { parseWhereTokens } from "./parser";
import * as T from "./tokens";
import type { WhereDialect } from "./valueReader";

export type { WhereDialect } from "./valueReader";

export interface WhereOptions {
  /** `lean=1` is on the request: `spi:`/`oslc:` prefixed names are an error. */
  lean?: boolean;
  /** `sql` for gbfilters ("SQL clause format"): single-quoted strings are accepted too. */
  dialect?: WhereDialect;
  /**
   * The parameter that makes the server read every `and` as `or` for this clause, offered in
   * the `or` message: `opmodeor` for oslc.where, `<obj>.<rel>.opmodeor` for a child where;
   * absent where there is none (gbfilters).
   */
  opmodeOrParam?: string;
}

export type WhereParse = QueryParseResult<WhereClause>;

export function parseWhere(source: EmbeddedSource, options: WhereOptions = {}): WhereParse {
  return runQueryParse("where", source, (text, sink) => buildWhere(text, sink, options), emptyWhereClause, `${options.dialect ?? "oslc"},${options.lean === true},${options.opmodeOrParam ?? ""}`);
}

function emptyWhereClause(span: Span): WhereClause {
  return { kind: "whereClause", span, terms: [], joiners: [] };
}

function buildWhere(text: string, sink: DiagnosticSink, options: WhereOptions): WhereClause {
  const lexed = lexWhere(text);
  for (const error of lexed.errors) {
    sink.error(WhereCode.unexpectedCharacter, `This character has no meaning in oslc.where: remove it.`, {
      start: error.offset,
      end: error.offset + Math.max(1, error.length),
    });
  }
  reportPlusSigns(lexed.plusSigns, sink);
  reportSubselects(lexed.tokens, text, sink);
  const tokens = limitBraceDepth(lexed.tokens, T.LBrace, T.RBrace, "where", sink);
  const { cst, errors } = parseWhereTokens(tokens);
  for (const error of errors) {
    // The grammar accepts every token sequence; kept so a grammar regression is visible, not fatal.
    const span = tokenSpan(error.token) ?? { start: text.length, end: text.length };
    sink.error(PARSE_ERROR("where"), `The checker lost track of the value here (${error.message}); please report this.`, span);
  }
  const builder = new WhereAstBuilder(text, sink, {
    dialect: options.dialect ?? "oslc",
    lean: options.lean ?? false,
    ...(options.opmodeOrParam ? { opmodeOrParam: options.opmodeOrParam } : {}),
  });
  const clause = builder.whereClause(cst);
  if (tokens.length === 0 && lexed.plusSigns.length === 0) {
    sink.warning(
      WhereCode.empty,
      `oslc.where is empty, so it filters nothing: add terms such as status="APPR", or remove the parameter.`,
      { start: 0, end: text.length },
    );
  }
  return clause;
}

/**
 * `in (select ... from ... where ...)` pasted from SQL: one error over the whole subselect, and
 * none for the words, parentheses and `or`s inside it, which would each say something true and
 * together bury the one thing to change.
 */
function reportSubselects(tokens: readonly IToken[], text: string, sink: DiagnosticSink): void {
  for (let i = 0; i + 2 < tokens.length; i++) {
    const open = tokens[i + 1]!;
    const keyword = tokens[i + 2]!;
    if (tokens[i]!.tokenType !== T.In || (open.tokenType !== T.LParen && open.tokenType !== T.LBracket)) continue;
    if (keyword.tokenType !== T.Identifier || keyword.image.toLowerCase() !== "select") continue;
    let depth = 0;
    let end = text.length;
    for (let j = i + 1; j < tokens.length; j++) {
      const type = tokens[j]!.tokenType;
      if (type === T.LParen || type === T.LBracket) depth++;
      else if ((type === T.RParen || type === T.RBracket) && --depth === 0) {
        end = tokens[j]!.startOffset + 1;
        break;
      }
    }
    const span = { start: open.startOffset, end };
    sink.error(
      WhereCode.subselectUnsupported,
      `oslc.where has no SQL subselects: filter through a relationship instead (wplabor.laborcode="WILSON"), list the values (wonum in ["1001","1002"]), or run a saved query (savedQuery=NAME).`,
      span,
    );
    sink.silence(span);
  }
}

/** `+` outside quotes: runs of them are one diagnostic each. */
function reportPlusSigns(plusSigns: IToken[], sink: DiagnosticSink): void {
  let i = 0;
  while (i < plusSigns.length) {
    const start = plusSigns[i].startOffset;
    let end = start + 1;
    while (i + 1 < plusSigns.length && plusSigns[i + 1].startOffset === end) {
      i++;
      end++;
    }
    sink.error(
      WhereCode.plusForSpace,
      `+ is not part of oslc.where: in a form-encoded URL it stands for a space, but here it would reach the server as a plus sign. Write a space (the request runner encodes it).`,
      { start, end },
    );
    i++;
  }
}
