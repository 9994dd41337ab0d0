/**
 * Hand-written scanners for the tokens whose shape a regular expression would describe as a
 * loop of alternatives (`(?:{{...}}|"..."|x)+`). V8 keeps a backtrack entry per iteration of
 * such a loop, so a 10 MB line overflows its stack; these loops are linear and use none.
 * Each returns the end offset of the match (equal to `start` when nothing matches).
 */

const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const QUOTE = 34;
const AMP = 38;
const EQUALS = 61;
const QUESTION = 63;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const BYTE_ORDER_MARK = 0xfeff;

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB;
}

function isLineEnd(c: number): boolean {
  return c === LF || c === CR || c !== c; // NaN: past the end of the text
}

/** End of a `{{...}}` starting at `at`: after `}}`, or at the end of the line when unclosed. */
export function expressionEnd(text: string, at: number): number {
  let i = at + 2;
  for (;;) {
    const c = text.charCodeAt(i);
    if (isLineEnd(c)) return i;
    if (c === CLOSE_BRACE && text.charCodeAt(i + 1) === CLOSE_BRACE) return i + 2;
    i++;
  }
}

/** End of a `"..."` starting at `at`: after the closing quote, or at the end of the line. */
function quotedEnd(text: string, at: number): number {
  let i = at + 1;
  for (;;) {
    const c = text.charCodeAt(i);
    if (isLineEnd(c)) return i;
    if (c === QUOTE) return i + 1;
    i++;
  }
}

/**
 * Whether the blanks at `at` end the text run: they reach the end of the line, a character
 * in `stops`, or the ` HTTP/1.1` that closes a request line.
 */
function blanksEndRun(text: string, at: number, stops: (c: number) => boolean): boolean {
  let i = at;
  while (isBlank(text.charCodeAt(i))) i++;
  const c = text.charCodeAt(i);
  return isLineEnd(c) || stops(c) || isVersionAt(text, i);
}

/** `HTTP/...` followed only by blanks to the end of the line. */
export function isVersionAt(text: string, at: number): boolean {
  if (!text.startsWith("HTTP/", at)) return false;
  let i = at + 5;
  while (!isLineEnd(text.charCodeAt(i)) && !isBlank(text.charCodeAt(i))) i++;
  while (isBlank(text.charCodeAt(i))) i++;
  return isLineEnd(text.charCodeAt(i));
}

/**
 * A run of text that keeps `{{...}}` (and, when `quotes`, `"..."`) whole and includes inner
 * blanks, ending before `stop` characters, trailing blanks, or a closing HTTP version.
 * `plain` skips, natively, the characters that need no decision (a simple class, so no
 * backtracking state however long the run).
 */
function run(text: string, start: number, stop: (c: number) => boolean, quotes: boolean, plain: RegExp): number {
  let i = start;
  for (;;) {
    plain.lastIndex = i;
    plain.test(text);
    i = plain.lastIndex;
    const c = text.charCodeAt(i);
    if (isLineEnd(c) || stop(c)) return i;
    if (isBlank(c)) {
      if (blanksEndRun(text, i, stop)) return i;
      while (isBlank(text.charCodeAt(i))) i++;
      continue;
    }
    if (c === OPEN_BRACE && text.charCodeAt(i + 1) === OPEN_BRACE) i = expressionEnd(text, i);
    else if (c === QUOTE && quotes) i = quotedEnd(text, i);
    else i++;
  }
}

const PLAIN_PATH = /[^?{ \t\r\n]*/y;
const PLAIN_KEY = /[^&={" \t\r\n]*/y;
const PLAIN_VALUE = /[^&{" \t\r\n]*/y;

const pathStop = (c: number) => c === QUESTION;
const keyStop = (c: number) => c === AMP || c === EQUALS;
const valueStop = (c: number) => c === AMP;

/** The path of a request target: up to `?`, with inner blanks (`{rest id}`) but not trailing ones. */
export function pathEnd(text: string, start: number): number {
  return run(text, start, pathStop, false, PLAIN_PATH);
}

/** One query parameter: `key`, `key=value`, `=value`; quotes and `{{...}}` may hold `&`. */
export function queryParamEnd(text: string, start: number): number {
  const keyEnd = run(text, start, keyStop, true, PLAIN_KEY);
  if (text.charCodeAt(keyEnd) !== EQUALS) return keyEnd;
  // After `=`: the value may hold further `=` and `?`.
  return run(text, keyEnd + 1, valueStop, true, PLAIN_VALUE);
}

/**
 * Consecutive blank lines (a blank line may end the text without a line break). A U+FEFF (a
 * byte-order mark left mid-file by joining files) counts as blank here, as JavaScript's `trim()`
 * and `\s`, with which REST Client and httpyac read lines, count it.
 */
export function blankLinesEnd(text: string, start: number): number {
  let end = start;
  let i = start;
  for (;;) {
    for (let c = text.charCodeAt(i); isBlank(c) || c === BYTE_ORDER_MARK; c = text.charCodeAt(i)) i++;
    const c = text.charCodeAt(i);
    if (c === LF) i++;
    else if (c === CR) i += text.charCodeAt(i + 1) === LF ? 2 : 1;
    else if (c !== c) return i; // blanks up to the end of the text
    else return end;
    end = i;
  }
}
