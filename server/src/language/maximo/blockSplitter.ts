/**
 * Cuts text into request blocks at `###` lines and records where each line starts. One pass
 * with `indexOf`, no per-character work on LF-only text. Line breaks are CRLF, LF or CR.
 */

export interface SplitBlock {
  start: number;
  end: number;
  /** Line starts relative to `start`; the first is 0. */
  lineStarts: number[];
}

/**
 * Splits text[from, to) into blocks: the first starts at `from` (a line start), each later one
 * at a separator line. `to` is a line start or the end of the text; the empty line after a
 * final line break belongs to the last block of the text.
 */
export function splitBlocks(text: string, from: number, to: number): SplitBlock[] {
  const blocks: SplitBlock[] = [];
  let current: SplitBlock = { start: from, end: to, lineStarts: [0] };
  blocks.push(current);
  const lines = new LineBreaks(text, from);
  let lineStart = from;
  for (;;) {
    const next = lines.nextLineStart(lineStart);
    if (next < 0 || next > to || (next === to && to < text.length)) break;
    lineStart = next;
    if (lineStart < text.length && isSeparatorLine(text, lineStart)) {
      current.end = lineStart;
      current = { start: lineStart, end: to, lineStarts: [0] };
      blocks.push(current);
    } else {
      current.lineStarts.push(lineStart - current.start);
    }
  }
  return blocks;
}

/** Whether the line starting at `at` is a block separator: optional blanks, then `###`. */
export function isSeparatorLine(text: string, at: number): boolean {
  let i = at;
  if (i === 0 && text.charCodeAt(0) === 0xfeff) i++; // byte-order mark
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
  return text.charCodeAt(i) === 35 && text.charCodeAt(i + 1) === 35 && text.charCodeAt(i + 2) === 35;
}

/** Finds successive line starts; caches the next `\n` and `\r` so each is searched once. */
class LineBreaks {
  private nextLf: number;
  private nextCr: number;

  constructor(private readonly text: string, from: number) {
    this.nextLf = text.indexOf("\n", from);
    this.nextCr = text.indexOf("\r", from);
  }

  /** The start of the line after the one containing `at`, or -1 at the last line. */
  nextLineStart(at: number): number {
    if (this.nextLf >= 0 && this.nextLf < at) this.nextLf = this.text.indexOf("\n", at);
    if (this.nextCr >= 0 && this.nextCr < at) this.nextCr = this.text.indexOf("\r", at);
    const lf = this.nextLf;
    const cr = this.nextCr;
    if (cr < 0) return lf < 0 ? -1 : lf + 1;
    if (lf < 0 || cr < lf) return lf === cr + 1 ? cr + 2 : cr + 1;
    return lf + 1;
  }
}
