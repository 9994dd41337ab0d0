/**
 * Reads one value token of a where clause into a `WhereValue`, reporting how it is written
 * wrong (quotes, unquoted words and dates, `null`) with the spelling to use instead.
 */
import type { IToken } from "chevrotain";
import type { DiagnosticSink } from "../common/querySupport";
import type { Span } from "../common/types";
import type { ComparisonOperator, WhereStringValue, WhereValue } from "./ast";
import { WhereCode } from "./diagnosticCodes";
import * as T from "./tokens";

export type WhereDialect = "oslc" | "sql";

const STRAIGHT_DOUBLE = '"';
const STRAIGHT_SINGLE = "'";
const TYPOGRAPHIC_DOUBLE = new Set(["“", "”", "„", "″"]);
const TYPOGRAPHIC_SINGLE = new Set(["‘", "’"]);

export interface ValueContext {
  text: string;
  sink: DiagnosticSink;
  dialect: WhereDialect;
  /** The operator before the value, to suggest the right null test. */
  operator?: ComparisonOperator;
  /** The name the value is compared with, for messages (`status`). */
  nameText?: string;
  /** Records text that one diagnostic already covers, so its pieces are not reported again. */
  absorb(span: Span): void;
}

export function readValue(token: IToken, span: Span, context: ValueContext): WhereValue {
  const raw = token.image;
  switch (token.tokenType) {
    case T.DoubleQuoted:
    case T.SingleQuoted:
      return readString(raw, span, context);
    case T.NumberLiteral:
      return { kind: "number", span, raw, value: Number(raw) };
    case T.True:
    case T.False:
      return { kind: "boolean", span, raw, value: raw.toLowerCase() === "true" };
    case T.TemplateVariable:
      return { kind: "template", span, raw };
    case T.UriRef:
      return { kind: "uri", span, raw, value: raw.slice(1, -1) };
    case T.Null:
      reportNull(span, context);
      return { kind: "invalid", span, raw, reason: "null" };
    case T.BareDate:
      context.sink.error(
        WhereCode.unquotedDate,
        `Dates are quoted strings in oslc.where: write "${raw}" (ISO 8601, with the time-zone offset).`,
        span,
      );
      return { kind: "invalid", span, raw, reason: "unquoted" };
    default:
      return readUnquoted(span, context);
  }
}

/** Reports `null` with the null test that does what the user meant. */
export function reportNull(span: Span, context: ValueContext, negated = context.operator === "!="): void {
  const name = context.nameText ?? "attr";
  const fix = negated
    ? `${name}="*" (the server's "is not null")`
    : `${name}!="*" (the server's "is null")`;
  context.sink.error(
    WhereCode.nullUnsupported,
    `oslc.where has no null keyword: the server rejects it. Write ${fix}.`,
    span,
  );
}

function readUnquoted(span: Span, context: ValueContext): WhereValue {
  // Take the whole word (`PUMP-001` lexes as a name and a number) so one diagnostic covers it.
  const word = wordAt(context.text, span.start);
  const wordSpan = { start: span.start, end: Math.max(span.end, span.start + word.length) };
  context.absorb(wordSpan);
  const raw = context.text.slice(wordSpan.start, wordSpan.end);
  const quoted = context.dialect === "sql" ? `'${raw}' or "${raw}"` : `"${raw}"`;
  const star = raw === "*" ? ` ("*" tests for "not null", != "*" for "null")` : "";
  context.sink.error(
    WhereCode.unquotedValue,
    `Text values are quoted in oslc.where: write ${quoted}${star}. Only numbers and true/false stand without quotes.`,
    wordSpan,
  );
  return { kind: "invalid", span: wordSpan, raw, reason: "unquoted" };
}

/** The unquoted word starting at `start`: up to whitespace, a separator or a quote (`{{var}}` included). */
function wordAt(text: string, start: number): string {
  const match = /(?:\{\{[^}]*\}\}|[^ \t\r\n,\])}"'“”„″‘’])*/y;
  match.lastIndex = start;
  return match.exec(text)?.[0] ?? "";
}

function readString(raw: string, span: Span, context: ValueContext): WhereStringValue {
  const open = raw[0];
  const last = raw.length > 1 ? raw[raw.length - 1] : "";
  const doubleFamily = open === STRAIGHT_DOUBLE || TYPOGRAPHIC_DOUBLE.has(open);
  const closes = doubleFamily
    ? last === STRAIGHT_DOUBLE || TYPOGRAPHIC_DOUBLE.has(last)
    : last === STRAIGHT_SINGLE || TYPOGRAPHIC_SINGLE.has(last);
  const terminated = raw.length > 1 && closes && !(open === STRAIGHT_SINGLE && endsWithEscapedQuote(raw));
  const body = terminated ? raw.slice(1, -1) : raw.slice(1);
  const value = open === STRAIGHT_SINGLE ? body.replace(/''/g, "'") : body;
  const typographicOpen = TYPOGRAPHIC_DOUBLE.has(open) || TYPOGRAPHIC_SINGLE.has(open);
  const typographicClose = terminated && (TYPOGRAPHIC_DOUBLE.has(last) || TYPOGRAPHIC_SINGLE.has(last));
  const straight = context.dialect === "sql" && !doubleFamily ? `'${value}'` : `"${value}"`;

  if (!terminated) {
    context.sink.error(
      WhereCode.unterminatedString,
      `This string has no closing quote, so it runs to the end of the value: close it (${straight}).`,
      span,
    );
  } else if (typographicOpen && typographicClose) {
    context.sink.error(
      WhereCode.typographicQuotes,
      `${raw} is in typographic quotes, which the server does not read as quotes (documents and word processors put them in): write ${straight}.`,
      span,
    );
  } else if (typographicOpen || typographicClose) {
    context.sink.error(
      WhereCode.mismatchedQuotes,
      `${raw} opens with ${open} and closes with ${last}; a string needs straight quotes at both ends: write ${straight}.`,
      span,
    );
  } else if (!doubleFamily && context.dialect === "oslc") {
    context.sink.error(
      WhereCode.singleQuotes,
      `oslc.where strings use double quotes; the server rejects single quotes: write "${value}".`,
      span,
    );
  }

  const quote = typographicOpen || typographicClose ? "typographic" : doubleFamily ? "double" : "single";
  const result: WhereStringValue = { kind: "string", span, raw, value, quote, terminated };
  // The server resolves a bind value, a date one with an offset too (`"&SYSDAY&+7D"`, IBM's MAF
  // configuration practices for PMWOLIST): never a literal to judge.
  const bind = /^&([A-Za-z_][\w]*)&(?:\s*[+-]\s*\d+(?:\.\d+)?\s*[A-Za-z]{0,2})?$/.exec(value);
  if (bind) result.bind = bind[1];
  return result;
}

/** A string token with no closing quote. */
export function isUnterminatedString(token: IToken): boolean {
  if (token.tokenType !== T.DoubleQuoted && token.tokenType !== T.SingleQuoted) return false;
  const raw = token.image;
  const open = raw[0];
  const last = raw.length > 1 ? raw[raw.length - 1] : "";
  const doubleFamily = open === STRAIGHT_DOUBLE || TYPOGRAPHIC_DOUBLE.has(open);
  const closes = doubleFamily ? last === STRAIGHT_DOUBLE || TYPOGRAPHIC_DOUBLE.has(last) : last === STRAIGHT_SINGLE || TYPOGRAPHIC_SINGLE.has(last);
  return !(raw.length > 1 && closes && !(open === STRAIGHT_SINGLE && endsWithEscapedQuote(raw)));
}

/** `'abc''` is an open string ending in an escaped quote, not a closed one. */
function endsWithEscapedQuote(raw: string): boolean {
  let quotes = 0;
  for (let i = raw.length - 1; i > 0 && raw[i] === "'"; i--) quotes++;
  return quotes % 2 === 0;
}
