/**
 * What a lexer or parser error tells the user. The block grammar reads every line (each lexer
 * mode ends in a catch-all), so an error means a character where the modes expect none: in
 * practice an invisible one, such as a byte-order mark pasted into an indentation. Chevrotain's
 * own message lists token names over several lines; this one fits a line, says what was found,
 * and names the invisible character when the line holds one.
 */
import { invisibleCharacterIn } from "../common/invisibleCharacters";

/** Found text quoted in a message at most this long. */
const QUOTED_MAX = 40;

export interface ReadableParseError {
  /** Block-relative: the invisible character when the line holds one, else what was found. */
  start: number;
  end: number;
  message: string;
}

/** The error at `offset` in the block `text`, where `length` characters were found (0: its end), as the user should read it. */
export function readableParseError(text: string, offset: number, length: number): ReadableParseError {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  const newline = text.indexOf("\n", lineStart);
  const lineEnd = newline < 0 ? text.length : newline;
  const invisible = invisibleCharacterIn(text, lineStart, lineEnd);
  if (invisible) {
    return { start: invisible.index, end: invisible.index + 1, message: `An invisible ${invisible.label} stands here, where the request syntax expects none: delete it.` };
  }
  const found = text.slice(offset, Math.min(offset + length, lineEnd)).replace(/\r$/, "");
  const what = length === 0 || offset >= text.length ? "the end of the request" : found.trim() === "" ? "a line break" : `\`${quoted(found.trim())}\``;
  return { start: offset, end: offset + length, message: `The request syntax cannot read ${what} here. If the line looks right, please report it: it should not happen.` };
}

function quoted(text: string): string {
  return text.length <= QUOTED_MAX ? text : `${text.slice(0, QUOTED_MAX - 1)}…`;
}
