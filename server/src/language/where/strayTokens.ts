/**
 * Reports a token that belongs to no term, saying what it would take to make it part of one.
 */
import type { IToken } from "chevrotain";
import { strayText } from "../common/invisibleCharacters";
import type { DiagnosticSink } from "../common/querySupport";
import type { Span } from "../common/types";
import { WhereCode } from "./diagnosticCodes";
import * as T from "./tokens";
import { isUnterminatedString } from "./valueReader";

/** What to write instead of a character that means nothing in oslc.where. */
const CHARACTER_HINTS: Record<string, string> = {
  "&": "a raw & ends the query parameter in a URL; join terms with and, and quote bind values (\"&USERNAME&\")",
  "|": 'join terms with and; oslc.where has no "or" (see opmodeor=1)',
  "!": "write != for not equal",
  "%": 'a wildcard belongs inside the quotes: description="%pump%"',
  ";": "join terms with and",
  ":": "a prefix is written without spaces (spi:status)",
  "'": 'strings use double quotes: "APPR"',
  "\\": "oslc.where has no escapes outside strings",
};

export function reportStray(token: IToken, span: Span, text: string, sink: DiagnosticSink): void {
  const image = text.slice(span.start, span.end);
  switch (token.tokenType) {
    case T.LParen:
    case T.RParen:
      sink.error(
        WhereCode.parenthesesUnsupported,
        `oslc.where has no parentheses: the server stops at them (BMXAA8744E "Encountered '${image}'"). ` +
          `Remove them; terms are always joined by and (see the "or" message for alternatives).`,
        span,
      );
      return;
    case T.Comma:
      sink.error(
        WhereCode.commaBetweenTerms,
        `Terms are joined with and, not a comma: status="APPR" and siteid="BEDFORD" (a list of values is written status in ["A","B"]).`,
        span,
      );
      return;
    case T.RBrace:
      sink.error(WhereCode.unmatchedBrace, `This } closes nothing: remove it, or open the scope with rel{ before the terms.`, span);
      return;
    case T.Ellipsis:
      sink.error(
        WhereCode.placeholder,
        `${image} is a placeholder (the guides use it for "your clause here"), not part of a query: replace it with terms such as status="APPR".`,
        span,
      );
      return;
    case T.Dot:
      sink.error(WhereCode.unexpectedToken, `A dot joins names in a path (location.status); this one follows no name: remove it.`, span);
      return;
    case T.LBracket:
    case T.RBracket:
      sink.error(WhereCode.unexpectedToken, `Square brackets hold a list after in (status in ["A","B"]); this one belongs to no list.`, span);
      return;
    case T.Unknown: {
      const hint = CHARACTER_HINTS[image[0]] ?? "remove it; oslc.where is name operator value terms joined by and";
      sink.error(WhereCode.unexpectedCharacter, `${strayText(image)} has no meaning in oslc.where: ${hint}.`, span);
      return;
    }
    case T.DoubleQuoted:
    case T.SingleQuoted:
      if (isUnterminatedString(token)) {
        sink.error(WhereCode.unterminatedString, `This string has no closing quote, so it runs to the end of the value: close it, or remove the stray quote.`, span);
        return;
      }
      break;
  }
  sink.error(
        WhereCode.unexpectedToken,
    `${image} belongs to no term: a term is a name, an operator and a value (status="APPR"), and terms are joined with and.`,
    span,
  );
}
