/**
 * JetBrains' HTTP Client (2024.1+) lines that name other requests instead of being one:
 *
 *   import ./auth.http                      the named requests (and variables) of that file
 *   run #Login                              the request named Login (this file or an import)
 *   run ./auth.http#Login                   one request of that file
 *   run ./auth.http                         every request of that file
 *   run #Login (@user=alice, @site=BEDFORD) with variables set for that run
 *
 * (jetbrains.com/help "HTTP Client: import and run requests"; http-files.org/spec/imports;
 * kulala.nvim reads them alike.) They stand where a request line could start (a block's
 * preamble), are recognised by their first word alone (`fileCommandLines.ts`, shared by the
 * splitter and the lexer) and read here into `ImportNode` / `RunNode` with a span for each part.
 * A request name runs to the `(` or the line end, so `run #Request 1` names `Request 1`.
 */
import type { IToken } from "chevrotain";
import type { Span } from "../common";
import type { RunNode, RunOverrideNode } from "./ast";
import { content, type BuildState } from "./buildState";
import { diagnostic } from "./diagnosticCodes";
import { trimmedNode } from "./expressions";
import { lineEnd } from "./lexer";

/** `import PATH`. */
export function readImportLine(token: IToken, s: BuildState): void {
  const { keyword, end } = keywordOf(token, s, "import");
  const path = trimmedNode(s.text, keyword.end, end);
  content(s, keyword.start, end);
  const node = { start: keyword.start, end, keyword, ...(path.text ? { path } : {}) };
  (s.imports ??= []).push(node);
  if (!path.text) {
    s.diagnostics.push(diagnostic("maximo.import-malformed", keyword, "`import` names no file: write `import ./other.http` to run that file's named requests from here with `run #name`."));
  }
}

/** `run #NAME`, `run PATH`, `run PATH#NAME`, each optionally followed by `(@name=value, ...)`. */
export function readRunLine(token: IToken, s: BuildState): void {
  const { keyword, end } = keywordOf(token, s, "run");
  content(s, keyword.start, end);
  const text = s.text;
  const open = text.indexOf("(", keyword.end);
  const headEnd = open >= 0 && open < end ? open : end;
  const head = trimmedNode(text, keyword.end, headEnd);
  const overrides: RunOverrideNode[] = [];
  const node: RunNode = { start: keyword.start, end, keyword, overrides };
  (s.runs ??= []).push(node);
  const fail = (at: Span, message: string) => {
    node.malformed = true;
    s.diagnostics.push(diagnostic("maximo.run-malformed", at, message));
  };
  if (!head.text) {
    fail(open >= 0 && open < end ? { start: keyword.start, end } : keyword, "`run` names nothing to run: write `run #name` (a request of this file or of an imported one), `run ./other.http#name` or `run ./other.http`.");
  } else {
    const hash = text.indexOf("#", head.start);
    const pathEnd = hash >= 0 && hash < head.end ? hash : head.end;
    const path = trimmedNode(text, head.start, pathEnd);
    if (path.text) node.path = path;
    if (pathEnd < head.end) {
      const name = trimmedNode(text, pathEnd + 1, head.end);
      if (name.text) node.request = name;
      else fail({ start: pathEnd, end: pathEnd + 1 }, "`#` names no request: write the request's name after it (its `### name` title or `# @name`), e.g. `run #Login`.");
    }
  }
  if (headEnd < end) readOverrides(s, headEnd, end, overrides, fail);
  node.overrides = overrides.length > 0 ? overrides : EMPTY_OVERRIDES;
}

const EMPTY_OVERRIDES: readonly RunOverrideNode[] = Object.freeze([]);

/** `(@a=1, @b={{x}})` from the `(` at `open` to the line end `end`. */
function readOverrides(s: BuildState, open: number, end: number, into: RunOverrideNode[], fail: (at: Span, message: string) => void): void {
  const text = s.text;
  const close = text.lastIndexOf(")", end - 1);
  if (close < open) {
    fail({ start: open, end: open + 1 }, "This `(` is not closed: end the variables with `)`, e.g. `run #Login (@user=alice, @site=BEDFORD)`.");
    return;
  }
  const after = trimmedNode(text, close + 1, end);
  if (after.text) fail(after, "Nothing may follow the `)` of a run line's variables: move it into the parentheses or onto a line of its own.");
  for (const item of splitItems(text, open + 1, close)) {
    const part = trimmedNode(text, item.start, item.end);
    if (!part.text) continue; // `()` or a trailing comma
    const equals = text.indexOf("=", part.start);
    const name = trimmedNode(text, part.start + 1, equals >= 0 && equals < part.end ? equals : part.start + 1);
    if (text.charCodeAt(part.start) !== 64 /* @ */ || equals < 0 || equals >= part.end || !/^[^\s{}(),=]+$/.test(name.text)) {
      // The message does not repeat the text: it may be a credential written without its `@name=`.
      fail(part, "This does not set a variable: write `@name=value` (variables are separated by commas), e.g. `(@user=alice, @site=BEDFORD)`.");
      continue;
    }
    const value = trimmedNode(text, equals + 1, part.end);
    into.push({ start: part.start, end: part.end, name, value });
    s.scanner.scan(value.start, value.end, s.expressions);
  }
}

/** The comma-separated items of text[start, end), commas inside `{{...}}` or quotes not counted. */
function splitItems(text: string, start: number, end: number): Span[] {
  const items: Span[] = [];
  let from = start;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 123 /* { */ && text.charCodeAt(i + 1) === 123) {
      const close = text.indexOf("}}", i + 2);
      i = close >= 0 && close < end ? close + 2 : end;
    } else if (c === 34 /* " */) {
      const close = text.indexOf('"', i + 1);
      i = close >= 0 && close < end ? close + 1 : end;
    } else if (c === 44 /* , */) {
      items.push({ start: from, end: i });
      from = ++i;
    } else i++;
  }
  items.push({ start: from, end });
  return items;
}

function keywordOf(token: IToken, s: BuildState, word: string): { keyword: Span; end: number } {
  let start = token.startOffset;
  while (s.text.charCodeAt(start) === 32 || s.text.charCodeAt(start) === 9) start++;
  let end = lineEnd(token);
  while (end > start && (s.text.charCodeAt(end - 1) === 32 || s.text.charCodeAt(end - 1) === 9)) end--;
  return { keyword: { start, end: start + word.length }, end };
}
