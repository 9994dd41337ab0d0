/**
 * Cuts text into request blocks and records where each line starts. A block starts at a `###`
 * line, or, as httpyac reads files, at a request line (`GET url`, an upper-case method and a
 * target) after a request that is already complete: `###` between requests is optional. Lines
 * are classified by their first characters only, in one pass with `indexOf`, no per-character
 * work on LF-only text. Line breaks are CRLF, LF or CR.
 */
import { isMethodSeparator, KNOWN_METHODS, OTHER_PROTOCOLS } from "./httpMethods";
import { fileCommandAt } from "./fileCommandLines";
import { closesBlockComment, isProtoOption, opensBlockComment, opensFragment, opensProtoImport, opensScript } from "./httpyacRegions";

export interface SplitBlock {
  start: number;
  end: number;
  /** Line starts relative to `start`; the first is 0. */
  lineStarts: number[];
}

/** What the splitter tells its caller about where it stopped. */
export interface SplitEnd {
  /** The last line read is inside a `/*` block comment: the line at `to` is not a fresh start. */
  inComment: boolean;
}

/**
 * Splits text[from, to) into blocks: the first starts at `from` (a line start), each later one
 * at a separator line or at a request line after a request. `to` is a line start or the end of
 * the text; the empty line after a final line break belongs to the last block of the text.
 * `from` must start a section (the file start or a `###` line): what came before it does not count.
 * A `###` line inside a block comment separates nothing; `end.inComment` says whether the
 * comment runs on past `to`.
 */
export function splitBlocks(text: string, from: number, to: number, end?: SplitEnd): SplitBlock[] {
  const blocks: SplitBlock[] = [];
  let current: SplitBlock = { start: from, end: to, lineStarts: [0] };
  blocks.push(current);
  const lines = new LineBreaks(text, from);
  const state = new SectionState();
  state.read(text, from);
  let lineStart = from;
  for (;;) {
    const next = lines.nextLineStart(lineStart);
    if (next < 0 || next > to || (next === to && to < text.length)) break;
    lineStart = next;
    const separator = lineStart < text.length && !state.inComment && isSeparatorLine(text, lineStart);
    const split = separator ? lineStart : state.read(text, lineStart);
    if (separator) state.reset();
    if (split >= 0) {
      // A split at a request line takes the comment and directive lines right above it along.
      current.end = split;
      const moved: number[] = [];
      let keep = current.lineStarts.length;
      while (keep > 1 && current.start + current.lineStarts[keep - 1]! >= split) keep--;
      for (let k = keep; k < current.lineStarts.length; k++) moved.push(current.start + current.lineStarts[k]! - split);
      current.lineStarts.length = keep;
      moved.push(lineStart - split);
      current = { start: split, end: to, lineStarts: moved };
      blocks.push(current);
    } else {
      current.lineStarts.push(lineStart - current.start);
    }
  }
  if (end) end.inComment = state.inComment;
  return blocks;
}

/** Whether the line starting at `at` is a block separator: optional blanks, then `###`. */
export function isSeparatorLine(text: string, at: number): boolean {
  let i = at;
  if (i === 0 && text.charCodeAt(0) === 0xfeff) i++; // byte-order mark
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
  return text.charCodeAt(i) === 35 && text.charCodeAt(i + 1) === 35 && text.charCodeAt(i + 2) === 35;
}

/**
 * What the splitter knows of the section it is in: whether a request line was seen, whether
 * it is inside a script block (whose lines are never request lines), and where the run of
 * comment lines right above the current line began.
 */
class SectionState {
  private hasRequest = false;
  private script: "" | "braces" | "percent" = "";
  /** Inside a `/*` block comment, a GraphQL fragment (which ends at a blank line) or a proto import's option lines. */
  private region: "" | "comment" | "fragment" | "proto" = "";
  private commentsFrom = -1;

  get inComment(): boolean {
    return this.region === "comment";
  }

  reset(): void {
    this.hasRequest = false;
    this.script = "";
    this.region = "";
    this.commentsFrom = -1;
  }

  /** Reads the line at `at`; returns where a new block starts because of it, or -1. */
  read(text: string, at: number): number {
    let i = at;
    if (i === 0 && text.charCodeAt(0) === 0xfeff) i++;
    while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
    const c = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (this.script !== "") {
      if (this.script === "braces" ? isBracesClose(text, i) : closesPercent(text, i)) this.script = "";
      return -1;
    }
    if (this.region === "comment") {
      if (closesBlockComment(text, i)) this.region = "";
      return -1;
    }
    if (c !== c || c === 10 || c === 13) {
      this.commentsFrom = -1; // blank line
      this.region = "";
      return -1;
    }
    if (this.region === "fragment") return -1;
    if (this.region === "proto") {
      if (isProtoOption(text, i)) return -1;
      this.region = "";
    }
    if (c === 47 /* / */ && next === 42 /* * */ && opensBlockComment(text, i)) {
      this.region = "comment";
      if (this.commentsFrom < 0) this.commentsFrom = at;
      return -1;
    }
    if (c === 35 /* # */ || (c === 47 /* / */ && next === 47)) {
      if (this.commentsFrom < 0) this.commentsFrom = at;
      return -1;
    }
    const commentsFrom = this.commentsFrom;
    this.commentsFrom = -1;
    if (c === 123 /* { */ && next === 123 && opensScript(text, i)) {
      this.script = "braces";
      return -1;
    }
    if ((c === 62 /* > */ || c === 60 /* < */) && opensPercent(text, i)) {
      this.script = "percent";
      return -1;
    }
    // Variables, assertions, output lines and handlers are never request lines.
    if (c === 64 /* @ */ || c === 62 /* > */ || (c === 63 /* ? */ && next === 63) || (c === 60 /* < */ && next === 62)) return -1;
    if (!this.hasRequest && opensFragment(text, i)) {
      this.region = "fragment";
      return -1;
    }
    if (!this.hasRequest && c === 112 /* p */ && opensProtoImport(text, i)) {
      this.region = "proto";
      return -1;
    }
    // JetBrains `run`/`import` lines stand before the request (fileCommands.ts): none of it.
    if (!this.hasRequest && (c === 114 /* r */ || c === 105 /* i */) && fileCommandAt(text, i)) return -1;
    if (!this.hasRequest) {
      this.hasRequest = true; // the first line of no other kind is the request line
      return -1;
    }
    return isMethodLine(text, i) ? (commentsFrom >= 0 ? commentsFrom : at) : -1;
  }
}

/** `GET target`: a method in upper case, blanks (as the lexer's `Method` takes them), then more text (httpyac's rule). */
function isMethodLine(text: string, at: number): boolean {
  let end = at;
  for (;;) {
    const c = text.charCodeAt(end);
    if ((c >= 65 && c <= 90) || (end > at && c === 45 /* - */)) end++;
    else break;
  }
  if (end === at || end - at > 17) return false;
  if (!isMethodSeparator(text.charCodeAt(end))) return false;
  let after = end + 1;
  while (isMethodSeparator(text.charCodeAt(after))) after++;
  const first = text.charCodeAt(after);
  if (first !== first || first === 10 || first === 13) return false;
  const method = text.slice(at, end);
  return KNOWN_METHODS.has(method) || OTHER_PROTOCOLS.has(method);
}

function isBracesClose(text: string, at: number): boolean {
  return text.charCodeAt(at) === 125 && text.charCodeAt(at + 1) === 125 && restIsBlank(text, at + 2);
}

/** `> {%` or `< {%` opening a handler script that does not close on the same line. */
function opensPercent(text: string, at: number): boolean {
  let i = at + 1;
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
  if (text.charCodeAt(i) !== 123 || text.charCodeAt(i + 1) !== 37) return false;
  return !closesPercent(text, i + 2);
}

/** Whether the line from `at` ends with `%}` (then blanks). */
function closesPercent(text: string, at: number): boolean {
  let end = lineEndFrom(text, at);
  while (end > at && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  return end - at >= 2 && text.charCodeAt(end - 2) === 37 && text.charCodeAt(end - 1) === 125;
}

function restIsBlank(text: string, at: number): boolean {
  let i = at;
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
  const c = text.charCodeAt(i);
  return c !== c || c === 10 || c === 13;
}

function lineEndFrom(text: string, at: number): number {
  let i = at;
  for (let c = text.charCodeAt(i); c === c && c !== 10 && c !== 13; c = text.charCodeAt(++i));
  return i;
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
