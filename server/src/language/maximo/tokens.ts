/**
 * Token types of the `.maximo` request file.
 *
 * The file is line oriented and what a line means depends on where it stands (a `Name: value`
 * line is a header after the request line but text inside a body), so the lexer is a small
 * state machine of modes, one per region of a request block:
 *
 *   preamble ─request line─▶ target ─?─▶ query
 *                              └─ end of line ─▶ afterRequestLine ─header─▶ headers
 *                                      │ ?/& continuation ─▶ query          │
 *                                      └────────── blank line ──────────────┴─▶ body
 *
 * Mode changes only push: chevrotain 11 cannot pop the last mode of its stack, and a block is
 * short, so the stack stays small. Script blocks push and pop so they return to whichever
 * region opened them. Tokens stay coarse where the fine structure is not needed: a comment,
 * directive, variable, header or script line is one token (with its line break), so is a run
 * of plain body lines and a query parameter. Patterns that are loops of alternatives are
 * hand-written scanners (`scanners.ts`). Every mode ends in a catch-all, so the lexer never
 * reports an error and never re-syncs (re-syncing would cost quadratic time on a long line).
 */
import { createToken, Lexer, type CustomPatternMatcherReturn, type TokenType } from "chevrotain";
import { isMethodSeparator, KNOWN_METHODS, METHOD_SEPARATOR_CHARS } from "./httpMethods";
import { blockCommentEnd, fragmentEnd, opensBlockComment, opensFragment, opensProtoImport, protoImportEnd, SCRIPT_OPEN_SOURCE } from "./httpyacRegions";
import { matchFileCommand } from "./fileCommandLines";
import { blankLinesEnd, pathEnd, queryParamEnd } from "./scanners";

/** Names of the lexer modes. */
export const Mode = {
  preamble: "preamble",
  target: "target",
  query: "query",
  afterRequestLine: "afterRequestLine",
  headers: "headers",
  body: "body",
  scriptBraces: "scriptBraces",
  scriptPercent: "scriptPercent",
  response: "response",
} as const;

// Regex fragments. `[^\r\n]` rather than `.` so U+2028/U+2029 stay inside a line, as in editors.
const EOL = String.raw`(?:\r\n|\r|\n)`;
const EOL_OR_END = String.raw`(?:\r\n|\r|\n|(?![\s\S]))`;
const REST = String.raw`[^\r\n]*`;
/** ` HTTP/1.1` closing a request line: only whitespace may follow it. */
const VERSION_AT_END = String.raw`[ \t]+HTTP\/[^ \t\r\n]*[ \t]*(?=[\r\n]|(?![\s\S]))`;

function re(source: string, flags = ""): RegExp {
  return new RegExp(source, flags);
}

/**
 * First-character hints for patterns that start with a negated class (`[^\r\n]`): chevrotain
 * cannot derive them, and without them a whole mode loses its first-character dispatch.
 *
 * Every code below 256 but the excluded ones, and above that one code in every 128: chevrotain
 * gives each code below 256 a slot of its own and shares a slot between the codes of a wider
 * range above (255 in chevrotain 11), so one code per 128 reaches every slot. All 65,536 codes
 * would make the same table, at a cost of a tenth of a second at every start.
 */
function allCharsExcept(excluded: string): number[] {
  const skip = new Set([...excluded].map((c) => c.charCodeAt(0)));
  const codes: number[] = [];
  for (let c = 0; c < 0x100; c++) if (!skip.has(c)) codes.push(c);
  for (let c = 0x100; c < 0x10000; c += 0x80) codes.push(c);
  codes.push(0xffff);
  return codes;
}

/** A chevrotain custom pattern from a scanner that returns the end offset of its match. */
function scanned(scan: (text: string, start: number) => number): { exec: (text: string, offset: number) => CustomPatternMatcherReturn | null } {
  return {
    exec(text, offset) {
      const end = scan(text, offset);
      return end > offset ? ([text.slice(offset, end)] as unknown as CustomPatternMatcherReturn) : null;
    },
  };
}

const WS_CHARS = [" ", "\t"];
const LETTERS = [..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"];

// ---------------------------------------------------------------------------------------------
// Categories: what the parser consumes where several token types (one per mode, or one per
// shape) mean the same.
// ---------------------------------------------------------------------------------------------
export const ScriptOpen = createToken({ name: "ScriptOpen", pattern: Lexer.NA });
export const ScriptClose = createToken({ name: "ScriptClose", pattern: Lexer.NA });
export const PathText = createToken({ name: "PathText", pattern: Lexer.NA });
export const Question = createToken({ name: "Question", pattern: Lexer.NA });
export const Amp = createToken({ name: "Amp", pattern: Lexer.NA });

// ---------------------------------------------------------------------------------------------
// Whole-line tokens (each includes its line break).
// ---------------------------------------------------------------------------------------------
/** One or more blank lines. */
export const BlankLine = createToken({
  name: "BlankLine",
  pattern: scanned(blankLinesEnd),
  start_chars_hint: [" ", "\t", "\r", "\n"],
  line_breaks: true,
});
/** `###` (three or more) starts a request block; the rest of the line names it. */
export const SeparatorLine = createToken({
  name: "SeparatorLine",
  pattern: re(String.raw`[ \t]*###${REST}${EOL}?`),
  line_breaks: true,
});
/** `# @name wo1`, `// @expect status 200`: a comment carrying a directive. */
export const DirectiveLine = createToken({
  name: "DirectiveLine",
  pattern: re(String.raw`[ \t]*(?:#+|\/\/+)[ \t]*@${REST}${EOL}?`),
  line_breaks: true,
});
export const CommentLine = createToken({
  name: "CommentLine",
  pattern: re(String.raw`[ \t]*(?:#|\/\/)${REST}${EOL}?`),
  line_breaks: true,
});
/** `@name = value` (also httpyac's `@name := value`). */
export const VariableLine = createToken({
  name: "VariableLine",
  pattern: re(String.raw`[ \t]*@${REST}${EOL}?`),
  line_breaks: true,
});
/**
 * `@name = value` inside a body: httpyac reads it as a variable wherever it stands (e.g.
 * `@id = {{created.response.body.id}}` after a request). Only with a name and `=`, so body
 * text that starts with `@` stays text.
 */
export const BodyVariableLine = createToken({
  name: "BodyVariableLine",
  pattern: re(String.raw`[ \t]*@[^\s=:{}]+[ \t]*:?=${REST}${EOL}?`),
  line_breaks: true,
  categories: [VariableLine],
});
/**
 * httpyac lines that are not body text: `?? assertion`, `>> file`, `>>! file`, `<> file`,
 * `gql name < file` (a GraphQL query read from a file, `src/plugins/graphql/gqlHttpRegionParser.ts`)
 * and `...defaultHeaders` (headers from a script variable, `src/utils/parserUtils.ts` parseDefaultHeadersFactory).
 */
export const HttpyacLine = createToken({
  name: "HttpyacLine",
  pattern: re(String.raw`[ \t]*(?:\?\?|>>!?|<>|gql(?:[ \t]+[^\s({]+)?[ \t]+<[ \t]|\.{3}[^\s]+,?[ \t]*(?=[\r\n]|(?![\s\S])))${REST}${EOL}?`),
  line_breaks: true,
});
/** JetBrains/httpyac one-line handlers: `> {% ... %}`, `< {% ... %}`, `> ./handler.js`. */
export const HandlerLine = createToken({
  name: "HandlerLine",
  pattern: re(String.raw`[ \t]*(?:[<>][ \t]*\{%${REST}%\}|>[ \t]+[^\r\n]*\.js)[ \t]*${EOL}?`),
  line_breaks: true,
});
/** `{{` alone on a line (optionally `{{@response`, `{{+`) opens an httpyac script block. */
export const ScriptOpenBraces = createToken({
  name: "ScriptOpenBraces",
  pattern: re(String.raw`${SCRIPT_OPEN_SOURCE}${EOL_OR_END}`, "i"),
  line_breaks: true,
  categories: [ScriptOpen],
  push_mode: Mode.scriptBraces,
});
/** `> {%` / `< {%` opens a JetBrains handler script that closes with `%}`. */
export const ScriptOpenPercent = createToken({
  name: "ScriptOpenPercent",
  pattern: re(String.raw`[ \t]*[<>][ \t]*\{%${REST}${EOL_OR_END}`),
  line_breaks: true,
  categories: [ScriptOpen],
  push_mode: Mode.scriptPercent,
});
export const ScriptCloseBraces = createToken({
  name: "ScriptCloseBraces",
  pattern: re(String.raw`[ \t]*\}\}[ \t]*${EOL}?`),
  line_breaks: true,
  categories: [ScriptClose],
  pop_mode: true,
});
export const ScriptClosePercent = createToken({
  name: "ScriptClosePercent",
  pattern: re(String.raw`${REST}%\}[ \t]*${EOL}?`),
  start_chars_hint: allCharsExcept("\r\n"),
  line_breaks: true,
  categories: [ScriptClose],
  pop_mode: true,
});
/** Any line inside a script block. */
export const ScriptLine = createToken({
  name: "ScriptLine",
  pattern: re(String.raw`[^\r\n]+${EOL}?|${EOL}`),
  start_chars_hint: allCharsExcept(""),
  line_breaks: true,
});
/** `< ./file.json`, `<@ ./file`, `<@latin1 ./file`: the body is read from a file. */
export const FileRefLine = createToken({
  name: "FileRefLine",
  pattern: re(String.raw`[ \t]*<(?:@[\w-]*)?(?:[ \t]${REST})?${EOL_OR_END}`),
  line_breaks: true,
});
/** `< ./file.json` right after the headers, without the blank line (httpyac reads it as the body). */
export const FileRefStart = createToken({
  name: "FileRefStart",
  pattern: re(String.raw`[ \t]*<(?:@[\w-]*)?(?:[ \t]${REST})?${EOL_OR_END}`),
  line_breaks: true,
  push_mode: Mode.body,
});
/**
 * A line right after the headers that starts like a body (`{`, `[`, `<xml>`, a `{{payload}}`
 * variable): the body begins there, blank line or not, as httpyac reads it. A `{{` line alone
 * is a script opener, matched before this; `{{name}}: value` stays a header, as REST Client
 * reads it.
 */
export const BodyStartLine = createToken({
  name: "BodyStartLine",
  // `query`/`mutation` start an httpyac GraphQL body (src/plugins/graphql/gqlHttpRegionParser.ts).
  pattern: re(String.raw`[ \t]*(?:\{(?!\{[^\r\n]*?\}\}[ \t]*:)|\[|<(?=[^@ \t\r\n])|(?:query|mutation)(?=[ \t({]|[\r\n]|(?![\s\S])))${REST}${EOL}?`),
  line_breaks: true,
  push_mode: Mode.body,
});
export const BodyLine = createToken({ name: "BodyLine", pattern: Lexer.NA });

/**
 * A line in the header section that is neither a header nor anything else httpyac reads there
 * starts the body, blank line or not (httpyac `src/plugins/core/parse/requestBodyHttpRegionParser.ts`,
 * test `src/plugins/core/test/body.spec.ts` "should send body with no empty line"). We read it
 * so only where it plainly is a body, so a mistyped header (`Accept application/json`) or a
 * query line missing its `&` still gets its error: a JWT (httpyac's examples/metaData/jwt.http),
 * or any line under a `Content-Type` that is not JSON (`text/plain`, a form, XML).
 */
function matchBodyStartText(text: string, offset: number): CustomPatternMatcherReturn | null {
  const c = text.charCodeAt(offset);
  if (c === 10 || c === 13) return null;
  const end = nextLine(text, offset);
  const line = text.slice(offset, end).replace(/\r?\n$|\r$/, "");
  if (JWT_LINE.test(line) || nonJsonContentTypeAbove(text, offset)) {
    return [text.slice(offset, end)] as unknown as CustomPatternMatcherReturn;
  }
  return null;
}

/** A JWT: base64url of `{"...`, three parts. */
const JWT_LINE = /^eyJ[\w-]*\.[\w-]+\.[\w-]*$/;
const CONTENT_TYPE = /^[ \t]*content-type[ \t]*:(.*)$/i;

/**
 * Whether a header line above `offset` sets a Content-Type other than JSON. Looks up to a blank
 * line, a line without `:` that is no comment (a line already found not to start a body: the
 * answer was no there), 100 lines or 20,000 characters, so a long run of such lines (or a
 * megabyte line above them) costs linear time.
 */
function nonJsonContentTypeAbove(text: string, offset: number): boolean {
  let end = offset;
  for (let lines = 0; end > 0 && lines < 100 && offset - end < 20000; lines++) {
    let start = end - 1;
    if (text.charCodeAt(start) === 10 && text.charCodeAt(start - 1) === 13) start--;
    const lineEnd = start;
    while (start > 0 && text.charCodeAt(start - 1) !== 10 && text.charCodeAt(start - 1) !== 13) start--;
    const line = text.slice(start, lineEnd);
    const trimmed = line.trim();
    if (trimmed === "" || (!trimmed.includes(":") && !trimmed.startsWith("#") && !trimmed.startsWith("//"))) return false;
    const match = CONTENT_TYPE.exec(line);
    if (match) return !/json/i.test(match[1]!);
    end = start;
  }
  return false;
}

export const BodyStartText = createToken({
  name: "BodyStartText",
  pattern: { exec: matchBodyStartText },
  start_chars_hint: allCharsExcept("\r\n"),
  line_breaks: true,
  push_mode: Mode.body,
});

/** A region of lines (httpyacRegions.ts) that its first line opens, indented or not, as one token. */
function lineRegion(opens: (text: string, at: number) => boolean, end: (text: string, lineStart: number) => number) {
  return (text: string, offset: number): CustomPatternMatcherReturn | null => {
    let i = offset;
    while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
    if (!opens(text, i)) return null;
    return [text.slice(offset, end(text, offset))] as unknown as CustomPatternMatcherReturn;
  };
}

/** A block comment (`/*` ... `*\/` lines) where it does not change the mode. */
const matchBlockComment = lineRegion(opensBlockComment, (text, lineStart) => blockCommentEnd(text, lineStart).end);

export const BlockComment = createToken({ name: "BlockComment", pattern: Lexer.NA });
export const BlockCommentLine = createToken({
  name: "BlockCommentLine",
  pattern: { exec: matchBlockComment },
  start_chars_hint: [" ", "\t", "/"],
  line_breaks: true,
  categories: [BlockComment],
});
/** A block comment in the header section: httpyac reads the lines after it as the body. */
export const BlockCommentToBody = createToken({
  name: "BlockCommentToBody",
  pattern: { exec: matchBlockComment },
  start_chars_hint: [" ", "\t", "/"],
  line_breaks: true,
  categories: [BlockComment],
  push_mode: Mode.body,
});

/** `fragment Name on Type {` up to a blank line: an httpyac GraphQL fragment (src/plugins/graphql/gqlHttpRegionParser.ts). */
export const GqlFragment = createToken({
  name: "GqlFragment",
  pattern: { exec: lineRegion(opensFragment, fragmentEnd) },
  start_chars_hint: [" ", "\t", "f"],
  line_breaks: true,
});

/** `proto < ./hello.proto` and its loader option lines: an httpyac gRPC proto import (httpyacRegions.ts). */
export const ProtoImport = createToken({
  name: "ProtoImport",
  pattern: { exec: lineRegion(opensProtoImport, protoImportEnd) },
  start_chars_hint: [" ", "\t", "p"],
  line_breaks: true,
});

/**
 * JetBrains `import ./other.http` and `run #name (@v=x)` lines (fileCommands.ts): where a
 * request line could start, before `Method` would read `run` as an unknown method.
 */
export const ImportLine = createToken({
  name: "ImportLine",
  pattern: { exec: matchFileCommand("import") as (text: string, offset: number) => CustomPatternMatcherReturn | null },
  start_chars_hint: [" ", "\t", "i"],
  line_breaks: true,
});
export const RunLine = createToken({
  name: "RunLine",
  pattern: { exec: matchFileCommand("run") as (text: string, offset: number) => CustomPatternMatcherReturn | null },
  start_chars_hint: [" ", "\t", "r"],
  line_breaks: true,
});

/**
 * `HTTP/1.1 200 OK` after a request: from here on an example response, neither body nor
 * headers (httpyac `src/plugins/core/parse/responseHttpRegionParser.ts`:
 * `/^\s*HTTP\/(?<httpVersion>\S+)\s*(?<statusCode>[1-5][0-9][0-9])\s*(-)?\s*(?<statusMessage>.*)$/u`).
 */
export const ResponseStart = createToken({
  name: "ResponseStart",
  pattern: re(String.raw`[ \t]*HTTP\/[^\s]+[ \t]*[1-5][0-9][0-9]${REST}${EOL_OR_END}`),
  line_breaks: true,
  push_mode: Mode.response,
});
/** Any line of a stored response. */
export const ResponseLine = createToken({
  name: "ResponseLine",
  pattern: re(String.raw`[^\r\n]+${EOL}?`),
  start_chars_hint: allCharsExcept("\r\n"),
  line_breaks: true,
});

/**
 * A line starting with `/` (no `*` in it) right after the request line continues the URL
 * (httpyac `src/utils/parserUtils.ts` parseUrlLineFactory: `/^\s*(\/)[^*]*$/u`; test
 * `src/plugins/core/test/http.spec.ts` "get http with multiline"). `//` lines are comments, read before.
 */
/**
 * A line continuing the URL's path: `/path` (httpyac), or an indented segment without a blank,
 * `:`, `=`, `?` or `&` (JetBrains' spec §3.2.1.3: the path separator is "/" or a new line with
 * indent; §4.2.1: `http://example.com/` then `    api` then `    /get` sends ".../api/get").
 */
export const PathContinuationLine = createToken({
  name: "PathContinuationLine",
  pattern: re(String.raw`(?:[ \t]*\/[^*\r\n]*|[ \t]+[^\s:=?&#<>@{/][^\s:=?&]*[ \t]*)${EOL_OR_END}`),
  line_breaks: true,
});

/**
 * Whether the line at `at` is plain body text: its first non-blank character cannot start a
 * comment, file, script or tool line (blank lines are plain too).
 */
function isPlainBodyLine(text: string, at: number): boolean {
  let i = at;
  let c = text.charCodeAt(i);
  while (c === 32 || c === 9) c = text.charCodeAt(++i);
  if (c === 35 /* # */ || c === 60 /* < */ || c === 62 /* > */) return false;
  if (c === 47 /* / */ && opensBlockComment(text, i)) return false;
  if (c === 103 /* g */ && text.startsWith("gql", i)) return false; // maybe `gql name < file`
  if (c === 72 /* H */ && text.startsWith("HTTP/", i)) return false; // maybe a stored response
  if (c === 64 /* @ */ && isVariableAt(text, i)) return false;
  const next = text.charCodeAt(i + 1);
  return !((c === 47 /* / */ && next === 47) || (c === 63 /* ? */ && next === 63) || (c === 123 /* { */ && next === 123));
}

/** `@name =` or `@name :=` at `at` (what BodyVariableLine matches). */
function isVariableAt(text: string, at: number): boolean {
  let i = at + 1;
  for (let c = text.charCodeAt(i); c === c && c > 32 && c !== 61 && c !== 58 && c !== 123 && c !== 125; c = text.charCodeAt(++i));
  if (i === at + 1) return false;
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
  if (text.charCodeAt(i) === 58 /* : */) i++;
  return text.charCodeAt(i) === 61 /* = */;
}

/** The start of the line after the one at `at` (the end of the text on the last line). */
function nextLine(text: string, at: number): number {
  LINE_END.lastIndex = at;
  LINE_END.test(text);
  return LINE_END.lastIndex;
}

const LINE_END = /[^\r\n]*(?:\r\n|\r|\n)?/y;

/**
 * Consecutive plain body lines, blank ones included, as one token: a JSON body is usually a
 * single token instead of one per line. Tried first in the body.
 */
function matchBodyRun(text: string, offset: number): CustomPatternMatcherReturn | null {
  let end = offset;
  while (end < text.length && isPlainBodyLine(text, end)) end = nextLine(text, end);
  return end > offset ? ([text.slice(offset, end)] as unknown as CustomPatternMatcherReturn) : null;
}

export const BodyRun = createToken({
  name: "BodyRun",
  pattern: { exec: matchBodyRun },
  start_chars_hint: allCharsExcept(""),
  line_breaks: true,
  categories: [BodyLine],
});
/** Any other line in a body (`<xml>`, `{{payload}}`, ...). */
export const OtherBodyLine = createToken({
  name: "OtherBodyLine",
  pattern: re(String.raw`[^\r\n]+${EOL}?`),
  start_chars_hint: allCharsExcept("\r\n"),
  line_breaks: true,
  categories: [BodyLine],
});
/** A blank line that ends the headers: what follows is the body. */
export const BlankToBody = createToken({
  name: "BlankToBody",
  pattern: re(String.raw`[ \t]*${EOL}|[ \t]+(?![\s\S])`),
  line_breaks: true,
  push_mode: Mode.body,
});

// ---------------------------------------------------------------------------------------------
// The request line: `[METHOD ]target[ HTTP/1.1]`.
// ---------------------------------------------------------------------------------------------
/**
 * A byte-order mark at the start of the file is not text; nor is one where a request line may
 * start (files joined together), before or within its indentation.
 */
export const ByteOrderMark = createToken({ name: "ByteOrderMark", pattern: /\uFEFF/, group: Lexer.SKIPPED });

/** Leading indentation of a request line (a U+FEFF within it counts as blank). */
export const Indent = createToken({ name: "Indent", pattern: /[ \t][ \t\uFEFF]*/, start_chars_hint: WS_CHARS });

/**
 * A method word: letters (and `-`) followed by whitespace and more text, or a known method
 * alone on its line (`GET` with the URL missing). `whoami` alone is a bare URL, not a method.
 */
function matchMethod(text: string, offset: number): CustomPatternMatcherReturn | null {
  let end = offset;
  for (;;) {
    const c = text.charCodeAt(end);
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (letter || (end > offset && (c === 45 /* - */ || c === 95 /* _ */))) end++;
    else break;
  }
  if (end === offset) return null;
  let after = end;
  while (isMethodSeparator(text.charCodeAt(after))) after++;
  const next = text.charCodeAt(after);
  const lineEnds = after >= text.length || next === 10 || next === 13;
  if (after === end && !lineEnds) return null; // `word:` or `word/...`: not a method
  if (lineEnds && !KNOWN_METHODS.has(text.slice(offset, end).toUpperCase())) return null;
  return [text.slice(offset, end)] as unknown as CustomPatternMatcherReturn;
}

export const Method = createToken({
  name: "Method",
  pattern: { exec: matchMethod },
  start_chars_hint: LETTERS,
  line_breaks: false,
  push_mode: Mode.target,
});

/** URL path text: `{{...}}` kept whole (it may hold `?` or spaces), inner blanks included. */
const PATH_START_CHARS = allCharsExcept("? \t\r\n");
export const PathChunk = createToken({
  name: "PathChunk",
  pattern: scanned(pathEnd),
  start_chars_hint: PATH_START_CHARS,
  line_breaks: false,
  categories: [PathText],
});
/** The path of a bare URL (no method): switches the lexer to the request line. */
export const PathStart = createToken({
  name: "PathStart",
  pattern: scanned(pathEnd),
  start_chars_hint: PATH_START_CHARS,
  line_breaks: false,
  categories: [PathText],
  push_mode: Mode.target,
});
export const QueryStart = createToken({
  name: "QueryStart",
  pattern: "?",
  categories: [Question],
  push_mode: Mode.query,
});
export const HttpVersion = createToken({
  name: "HttpVersion",
  pattern: re(VERSION_AT_END),
  start_chars_hint: WS_CHARS,
  line_breaks: false,
});
/** Blanks on the request line; after the method, also the spaces that part it from the URL (`METHOD_SEPARATOR_CHARS`). */
export const Ws = createToken({ name: "Ws", pattern: re(`[${METHOD_SEPARATOR_CHARS.join("")}]+`), start_chars_hint: [...METHOD_SEPARATOR_CHARS] });
/** End of a request or continuation line; continuation lines and headers may follow. */
export const LineEnd = createToken({
  name: "LineEnd",
  pattern: re(EOL),
  line_breaks: true,
  push_mode: Mode.afterRequestLine,
});

// Query parameters: `key=value` pairs joined by `&`, one token each. Quotes and `{{...}}` are
// kept whole so an `&` inside `"A&B"` or an expression does not split a parameter, and values
// keep their spaces (`oslc.where=status="APPR" and siteid="X"`); see `scanners.ts`.
export const QueryParam = createToken({
  name: "QueryParam",
  pattern: scanned(queryParamEnd),
  start_chars_hint: allCharsExcept("& \t\r\n"),
  line_breaks: false,
});
export const AmpToken = createToken({ name: "AmpToken", pattern: /&+/, categories: [Amp] });

/** `?` or `&` (after optional indentation) starting a query continuation line. */
export const ContinuationStart = createToken({
  name: "ContinuationStart",
  pattern: /[ \t]*[?&]/,
  push_mode: Mode.query,
});

// ---------------------------------------------------------------------------------------------
// Headers.
// ---------------------------------------------------------------------------------------------
/** `Name: value`: the text before the first `:` is the name (validated later: it may hold spaces). */
export const HeaderLine = createToken({
  name: "HeaderLine",
  pattern: re(String.raw`[^:\r\n]*:${REST}${EOL}?`),
  start_chars_hint: allCharsExcept("\r\n"),
  line_breaks: true,
  push_mode: Mode.headers,
});
/** A line in the header section that is not `Name: value`. */
export const MalformedHeaderLine = createToken({
  name: "MalformedHeaderLine",
  pattern: re(String.raw`[^\r\n]+${EOL}?`),
  start_chars_hint: allCharsExcept("\r\n"),
  line_breaks: true,
  push_mode: Mode.headers,
});

/** Lines every line-start mode recognizes first, in priority order. */
const commonLineStart: TokenType[] = [DirectiveLine, CommentLine, HttpyacLine, HandlerLine, ScriptOpenBraces, ScriptOpenPercent];

export const lexerDefinition = {
  defaultMode: Mode.preamble,
  modes: {
    [Mode.preamble]: [ByteOrderMark, SeparatorLine, ...commonLineStart, BlockCommentLine, GqlFragment, ProtoImport, BlankLine, VariableLine, ImportLine, RunLine, Indent, Method, QueryStart, PathStart],
    [Mode.target]: [LineEnd, HttpVersion, Ws, QueryStart, PathChunk],
    [Mode.query]: [LineEnd, HttpVersion, Ws, AmpToken, QueryParam],
    [Mode.afterRequestLine]: [BlankToBody, ...commonLineStart, BlockCommentToBody, ContinuationStart, PathContinuationLine, FileRefStart, ResponseStart, BodyStartLine, HeaderLine, BodyStartText, MalformedHeaderLine],
    [Mode.headers]: [BlankToBody, ...commonLineStart, BlockCommentToBody, FileRefStart, ResponseStart, BodyStartLine, HeaderLine, BodyStartText, MalformedHeaderLine],
    [Mode.body]: [BodyRun, BlankLine, ...commonLineStart, BlockCommentLine, ResponseStart, BodyVariableLine, FileRefLine, OtherBodyLine],
    [Mode.response]: [BlankLine, ...commonLineStart, BlockCommentLine, BodyVariableLine, ResponseLine],
    [Mode.scriptBraces]: [ScriptCloseBraces, ScriptLine],
    [Mode.scriptPercent]: [ScriptClosePercent, ScriptLine],
  },
};

/** Every token type, categories included (the parser needs them all). */
export const allTokenTypes: TokenType[] = [
  BlankLine, ScriptOpen, ScriptClose, PathText, Question, Amp,
  SeparatorLine, DirectiveLine, CommentLine, VariableLine, BodyVariableLine, HttpyacLine, HandlerLine,
  ScriptOpenBraces, ScriptOpenPercent, ScriptCloseBraces, ScriptClosePercent, ScriptLine,
  ByteOrderMark, FileRefLine, FileRefStart, BodyStartLine, BodyLine, BodyRun, OtherBodyLine, BlankToBody, Indent, Method, PathChunk, PathStart, QueryStart,
  HttpVersion, Ws, LineEnd, QueryParam, AmpToken,
  ContinuationStart, HeaderLine, MalformedHeaderLine,
  BodyStartText, BlockComment, BlockCommentLine, BlockCommentToBody, GqlFragment, ProtoImport, ResponseStart, ResponseLine, PathContinuationLine, ImportLine, RunLine,
];
