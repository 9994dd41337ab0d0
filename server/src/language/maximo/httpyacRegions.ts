/**
 * httpyac regions that span lines and are not requests, read the same way by the splitter and
 * the lexer:
 * - block comments: a line holding only `/*` opens one, a line holding only `*\/` closes it,
 *   and every line between is comment, `###` and request lines included (httpyac
 *   `src/plugins/core/parse/commentHttpRegionParser.ts`: `/^\s*\/\*$/u` ... `/^\s*\*\/\s*$/u`);
 * - GraphQL fragments: `fragment Name on Type {` and the lines after it up to a blank line
 *   (httpyac `src/plugins/graphql/gqlHttpRegionParser.ts`);
 * - gRPC proto imports: `proto < ./hello.proto` and the `keepCase: true` loader options on the
 *   lines after it, read as headers up to the first line that is none (httpyac
 *   `src/plugins/grpc/protoHttpRegionParser.ts`: `/^\s*proto\s+<\s+(?<fileName>.+)\s*$/u`, then
 *   `parseSubsequentLines` with comments and request headers).
 * httpyac reads an unclosed `/*` as text; we read it as a comment to the end of the file and
 * say so with an error, as an editor does with an unclosed comment.
 */

/** Whether the line whose first non-blank character is at `at` is `/*` alone (no trailing blank, as httpyac's `$`). */
export function opensBlockComment(text: string, at: number): boolean {
  if (text.charCodeAt(at) !== 47 /* / */ || text.charCodeAt(at + 1) !== 42 /* * */) return false;
  const c = text.charCodeAt(at + 2);
  return c !== c || c === 10 || c === 13;
}

/** Whether the line whose first non-blank character is at `at` is `*\/` alone (blanks after it allowed). */
export function closesBlockComment(text: string, at: number): boolean {
  if (text.charCodeAt(at) !== 42 /* * */ || text.charCodeAt(at + 1) !== 47 /* / */) return false;
  let i = at + 2;
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
  const c = text.charCodeAt(i);
  return c !== c || c === 10 || c === 13;
}

/**
 * The end of a block comment whose `/*` line starts at `lineStart` (that line must open one):
 * after the line break of its `*\/` line, or the end of the text when it is not closed.
 */
export function blockCommentEnd(text: string, lineStart: number): { end: number; closed: boolean } {
  const close = firstLineAfter(text, lineStart, closesBlockComment);
  return close === undefined ? { end: text.length, closed: false } : { end: nextLineStart(text, close), closed: true };
}

const FRAGMENT = /fragment[ \t]+[^\s({]+[ \t]+on[ \t]/y;
const PROTO_IMPORT = /proto[ \t]+<[ \t]+\S/y;
/** A loader option (`keepCase: true`, read as a header: httpyac's header pattern) or a comment line. */
const PROTO_OPTION = /(?:[!#$%&'*+.^_`|~\w-]+[ \t]*:|#|\/\/)/y;

/** Whether an httpyac gRPC `proto < file` line starts at `at` (the first non-blank character). */
export function opensProtoImport(text: string, at: number): boolean {
  if (text.charCodeAt(at) !== 112 /* p */) return false;
  PROTO_IMPORT.lastIndex = at;
  return PROTO_IMPORT.test(text);
}

/** Whether the line whose first non-blank character is at `at` is a loader option of a proto import (or a comment among them). */
export function isProtoOption(text: string, at: number): boolean {
  PROTO_OPTION.lastIndex = at;
  return PROTO_OPTION.test(text);
}

/** The end of a proto import whose line starts at `lineStart`: the start of the first line after it that is no option, or the text end. */
export function protoImportEnd(text: string, lineStart: number): number {
  return firstLineAfter(text, lineStart, (t, at) => !isProtoOption(t, at)) ?? text.length;
}

/** Whether a GraphQL fragment (`fragment Name on Type`) starts at `at` (the first non-blank character). */
export function opensFragment(text: string, at: number): boolean {
  if (text.charCodeAt(at) !== 102 /* f */) return false;
  FRAGMENT.lastIndex = at;
  return FRAGMENT.test(text);
}

/** The end of a fragment starting on the line at `lineStart`: the start of the first blank line after it, or the text end. */
export function fragmentEnd(text: string, lineStart: number): number {
  return firstLineAfter(text, lineStart, isLineEndAt) ?? text.length;
}

function isLineEndAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return c !== c || c === 10 || c === 13;
}

/** The start of the first line after the one at `lineStart` whose first non-blank character passes `test`. */
function firstLineAfter(text: string, lineStart: number, test: (text: string, firstNonBlank: number) => boolean): number | undefined {
  for (let at = nextLineStart(text, lineStart); at < text.length; at = nextLineStart(text, at)) {
    let i = at;
    while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
    if (test(text, i)) return at;
  }
  return undefined;
}

/** The start of the line after the one containing `at` (the text end on the last line). */
function nextLineStart(text: string, at: number): number {
  let i = at;
  for (let c = text.charCodeAt(i); c === c && c !== 10 && c !== 13; c = text.charCodeAt(++i));
  if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10) return i + 2;
  return i < text.length ? i + 1 : i;
}

/**
 * httpyac's script opener (`src/plugins/javascript/javascriptHttpRegionParser.ts`):
 * `/^\s*\{\{(@js\s+)?(?<modifier>\+|@)?(?<event>(request|streaming|response|after|responseLogging)?)?\s*$/iu`,
 * so `{{`, `{{+`, `{{@response`, `{{+after`, `{{@js request`; also any `{{@word` / `{{+word`,
 * which we read as a script too rather than as an unclosed expression.
 */
export const SCRIPT_OPEN_SOURCE = String.raw`[ \t]*\{\{(?:@js[ \t]+)?(?:[+@][\w-]*|request|streaming|response|after|responseLogging)?[ \t]*`;
const SCRIPT_OPEN = new RegExp(SCRIPT_OPEN_SOURCE + String.raw`(?:\r|\n|$)`, "iy");

/** Whether the line starting at `at` (blanks allowed) opens a `{{` script block. */
export function opensScript(text: string, at: number): boolean {
  SCRIPT_OPEN.lastIndex = at;
  return SCRIPT_OPEN.test(text);
}
