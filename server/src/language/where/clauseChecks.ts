/**
 * Checks on a clause as a sequence of terms, joiners and stray tokens: `and` between every two
 * terms and nowhere else, names followed by a bare value (a missing operator), and tokens that
 * belong to no term.
 */
import type { IToken } from "chevrotain";
import { coverSpans } from "../common/queryCst";
import type { DiagnosticSink } from "../common/querySupport";
import type { Span } from "../common/types";
import type { WhereTerm } from "./ast";
import { WhereCode } from "./diagnosticCodes";
import type { ClauseSequenceItem } from "./orSuggestion";
import { reportStray } from "./strayTokens";
import * as T from "./tokens";
import { isUnterminatedString } from "./valueReader";

/** A clause element in source order; strays are tokens that belong to no term. */
export type SequenceItem = ClauseSequenceItem | { kind: "stray"; token: IToken; span: Span };

export interface ClauseCheckContext {
  text: string;
  sink: DiagnosticSink;
  /** Terms that are a name with no operator, reported here with what follows them. */
  missingOperator: ReadonlySet<WhereTerm>;
  /** Terms that need no joiner complaint: `{{var}}` terms and terms already reported. */
  isOpaque(term: WhereTerm): boolean;
  /** Text an earlier diagnostic covers (an unquoted word), so its pieces are not reported again. */
  isAbsorbed(span: Span): boolean;
}

const VALUE_STRAYS = new Set([T.DoubleQuoted, T.SingleQuoted, T.NumberLiteral, T.BareDate, T.True, T.False, T.Null, T.Star]);

/** Reports names without operators and tokens that belong to no term. */
export function reportStrays(sequence: SequenceItem[], context: ClauseCheckContext): void {
  const { text, sink } = context;
  for (let i = 0; i < sequence.length; i++) {
    const item = sequence[i];
    if (item.kind === "term" && context.missingOperator.has(item.term)) {
      i = reportMissingOperator(sequence, i, context);
      continue;
    }
    if (item.kind !== "stray" || context.isAbsorbed(item.span)) continue;
    // A run of unknown characters is one mistake.
    let end = item.span.end;
    while (item.token.tokenType === T.Unknown) {
      const next = sequence[i + 1];
      if (next?.kind !== "stray" || next.token.tokenType !== T.Unknown || next.span.start !== end) break;
      i++;
      end = next.span.end;
    }
    reportStray(item.token, { start: item.span.start, end }, text, sink);
  }
}

/** `status "APPR"` is one mistake; so is a run of bare words (prose pasted with a query). */
function reportMissingOperator(sequence: SequenceItem[], index: number, context: ClauseCheckContext): number {
  const item = sequence[index] as { kind: "term"; term: WhereTerm };
  const name = item.term.kind === "incomplete" && item.term.name ? item.term.name.text : "attr";
  const next = sequence[index + 1];
  if (next?.kind === "stray" && VALUE_STRAYS.has(next.token.tokenType) && !isUnterminatedString(next.token)) {
    const value = next.token.tokenType === T.DoubleQuoted ? `"${next.token.image.slice(1).replace(/["“”„″]$/, "")}"` : next.token.image;
    context.sink.error(
      WhereCode.missingOperator,
      `${name} and ${next.token.image} have no operator between them: write ${name}=${value} (or !=, <, <=, >, >=).`,
      coverSpans(item.term.span, next.span) as Span,
    );
    return index + 1;
  }
  let last = index;
  while (sequence[last + 1]?.kind === "term" && context.missingOperator.has((sequence[last + 1] as { term: WhereTerm }).term)) last++;
  const lastSpan = (sequence[last] as { term: WhereTerm }).term.span;
  const span = coverSpans(item.term.span, lastSpan) as Span;
  const message =
    last === index
      ? `${name} has no operator and value: write a term such as ${name}="APPR" (operators: = != < <= > >=).`
      : `"${context.text.slice(span.start, span.end)}" is not a term: each term is a name, an operator and a value (status="APPR"). If this text came along with a pasted query, remove it.`;
  context.sink.error(WhereCode.missingOperator, message, span);
  return last;
}

/** `and` stands between two terms: not first, not last, not twice; two terms need one. */
export function checkJoiners(sequence: SequenceItem[], context: ClauseCheckContext): void {
  const { sink } = context;
  let previous: ClauseSequenceItem | undefined;
  let strayBetween = false;
  let lastWasRepeated = false;
  for (const item of sequence) {
    if (item.kind === "stray") {
      strayBetween = true;
      continue;
    }
    lastWasRepeated = false;
    if (item.kind === "joiner") {
      if (!previous) {
        sink.error(WhereCode.danglingAnd, `The clause starts with "${item.joiner.keyword}": remove it, or put a term before it.`, item.joiner.span);
      } else if (previous.kind === "joiner" && !strayBetween) {
        sink.error(
          WhereCode.repeatedAnd,
          `"${previous.joiner.keyword} ${item.joiner.keyword}": two joiners in a row; remove one, or put a term between them.`,
          item.joiner.span,
        );
        lastWasRepeated = true;
      }
    } else if (previous?.kind === "term" && !strayBetween && !context.isOpaque(previous.term) && !context.isOpaque(item.term)) {
      sink.error(
        WhereCode.missingAnd,
        `Two terms with nothing between them: join them with "and" (status="APPR" and siteid="BEDFORD").`,
        item.term.span,
      );
    }
    previous = item;
    strayBetween = false;
  }
  if (previous?.kind === "joiner" && !lastWasRepeated) {
    sink.error(
      WhereCode.danglingAnd,
      `The clause ends with "${previous.joiner.keyword}": add the term that should follow it, or remove it.`,
      previous.joiner.span,
    );
  }
}
