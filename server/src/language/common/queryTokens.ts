/**
 * Token patterns and helpers shared by the embedded query-language lexers, so `{{var}}`,
 * names and stray characters read the same way in every language.
 */
import type { IToken } from "chevrotain";
import type { Span } from "./types";

/**
 * An unresolved request-file variable: opaque, it may stand for a name, a value or a whole
 * term. An unclosed `{{` runs to the end (the request-file parser reports it; we stay quiet).
 * In `{{{x}}}` the first brace is the language's own (`assetmeter{{{fields}}}`).
 */
export const TEMPLATE_VARIABLE = /\{\{(?!\{)(?:[^}]|\}(?!\}))*(?:\}\})?/;

/**
 * A Maximo name, optionally with a namespace prefix (`spi:status`). ASCII only: attribute and
 * relationship names are; anything else falls to the catch-all and is reported. A zero-width
 * character pasted *inside* a name (`sta<U+200B>tus`) stays in it, as Maximo would read it: one
 * name the builder reports once, not two fragments each "unknown".
 */
export const NAME = /[A-Za-z_$](?:[\w$]|[\u00ad\u200b-\u200d\u2060\ufeff]+(?=[\w$]))*(?::[A-Za-z_$](?:[\w$]|[\u00ad\u200b-\u200d\u2060\ufeff]+(?=[\w$]))*)?/;

/** The zero-width characters `NAME` keeps inside a name. */
export const ZERO_WIDTH_IN_NAME = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

/**
 * Catch-all, last in every mode, so the lexers never report an error and never re-sync (a
 * re-sync is what makes lexing a long garbage line quadratic). Keeps surrogate pairs whole.
 * Written as an explicit range: chevrotain 11's first-character optimisation misreads
 * `[\s\S]` and would skip Latin-1 letters such as `é` with a lexer error.
 */
export const ANY_CHARACTER = /[\uD800-\uDBFF][\uDC00-\uDFFF]|[\u0000-\uFFFF]/;

/**
 * Whitespace between tokens, including the Unicode spaces pasted text brings along; spelled
 * out rather than `\s` for the same optimisation reason.
 */
export const WHITESPACE = /[ \t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+/;

/**
 * The span of a token, or undefined for one inserted by error recovery, whose offsets are
 * NaN (chevrotain 11) or -1 (later versions) and must never reach a caller.
 */
export function tokenSpan(token: IToken | undefined): Span | undefined {
  if (!token || token.isInsertedInRecovery) return undefined;
  const start = token.startOffset;
  const end = token.endOffset;
  if (!Number.isFinite(start) || start < 0) return undefined;
  // endOffset is inclusive; without position tracking of the end, fall back to the image.
  const exclusiveEnd = end !== undefined && Number.isFinite(end) && end >= start ? end + 1 : start + token.image.length;
  return { start, end: exclusiveEnd };
}

/** Splits `spi:status` into prefix and name. */
export function splitPrefix(text: string): { prefix?: string; name: string } {
  const colon = text.indexOf(":");
  if (colon <= 0) return { name: text };
  return { prefix: text.slice(0, colon), name: text.slice(colon + 1) };
}
