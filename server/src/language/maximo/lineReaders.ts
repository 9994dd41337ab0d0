/**
 * Readers for the lines whose inside the grammar leaves whole (comments, directives, variables,
 * query parameters, headers, `<` file lines, tool lines): each turns a token into its node,
 * with exact ranges, scans it for `{{...}}` and reports what is wrong with it. The grammar's
 * actions call them in source order (`parser.ts`).
 */
import type { IToken } from "chevrotain";
import { isWrittenEncoded, percentDecode } from "../common";
import type { BodyFilePart, BodyPart, DecodedTextNode, HeaderNode, QueryParamNode, TextNode } from "./ast";
import { content, type BodyLines, type BuildState } from "./buildState";
import { diagnostic } from "./diagnosticCodes";
import { readDirective } from "./directives";
import { trimmedNode } from "./expressions";
import { closesBlockComment } from "./httpyacRegions";
import { lineEnd } from "./lexer";
import { checkHeaderName, indentedQueryMessage, isIndentedQueryLine, malformedHeaderMessage } from "./lineChecks";
import { queryParamEnd } from "./scanners";
import { decodedNode } from "./requestTarget";

/** `# text`, `// text`. */
export function readComment(token: IToken, s: BuildState): void {
  const end = lineEnd(token);
  const marker = /^[ \t]*(#|\/\/)/.exec(token.image)!;
  (s.comments ??= []).push({
    start: token.startOffset,
    end,
    marker: marker[1] === "#" ? "#" : "//",
    text: trimmedNode(s.text, token.startOffset + marker[0].length, end).text,
  });
  content(s, token.startOffset, end);
}

/** A `/*` ... `*\/` block comment (httpyac); unclosed, it runs to the end of the file. */
export function readBlockComment(token: IToken, s: BuildState): void {
  const start = token.startOffset;
  const end = lineEnd(token);
  const opener = s.text.indexOf("/*", start);
  const lines = token.image.split(/\r\n|\r|\n/);
  const closed = lines.length > 1 && closesBlockCommentLine(lines[lines.length - 1] === "" ? lines[lines.length - 2]! : lines[lines.length - 1]!);
  const inner = lines.slice(1, closed ? (lines[lines.length - 1] === "" ? -2 : -1) : undefined);
  (s.comments ??= []).push({ start, end, marker: "/*", text: inner.join("\n").trim() });
  content(s, start, end);
  if (!closed) {
    s.diagnostics.push(
      diagnostic(
        "maximo.comment-unterminated",
        { start: opener, end: opener + 2 },
        "This block comment is not closed, so the rest of the file is comment: end it with a line holding only `*/`.",
      ),
    );
  }
}

/** The splitter's and lexer's rule (httpyacRegions.ts), on one line without its break. */
function closesBlockCommentLine(line: string): boolean {
  let i = 0;
  while (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9) i++;
  return closesBlockComment(line, i);
}

/** `# @name wo1`, `// @expect status 200`. */
export function readDirectiveLine(token: IToken, s: BuildState): void {
  const directive = readDirective(s.text, token.startOffset, lineEnd(token), s.diagnostics);
  (s.directives ??= []).push(directive);
  if (directive.args) s.scanner.scan(directive.args.start, directive.args.end, s.expressions);
  content(s, directive.start, directive.end);
}

const XPATH_NAMESPACE = /^xpath_ns\s+[^\s=:]+$/;

/** `@name = value`, split on the first `=` (`@name := value` is httpyac's lazy form). */
export function readVariable(token: IToken, s: BuildState): void {
  const start = token.startOffset;
  const end = lineEnd(token);
  content(s, start, end);
  const at = s.text.indexOf("@", start);
  const equals = s.text.indexOf("=", at);
  if (equals < 0 || equals >= end) {
    s.diagnostics.push(diagnostic("maximo.variable-malformed", { start, end }, "A variable is written `@name = value`; this line has no `=`."));
    return;
  }
  let name = trimmedNode(s.text, at + 1, equals);
  if (XPATH_NAMESPACE.test(name.text)) {
    // httpyac's `@xpath_ns prefix=uri` (src/plugins/xml/xpathNamespaceHttpRegionParser.ts) declares a namespace for its XPath, not a variable.
    s.diagnostics.push(diagnostic("maximo.directive-not-run", trimmedNode(s.text, start, end), "httpyac declares an XML namespace prefix here for its `$xpath` and `?? xpath` lines; Maximo Workbench does not read it."));
    return;
  }
  // httpyac's `@name := value` is evaluated when used.
  const lazy = name.text.endsWith(":");
  if (lazy) name = trimmedNode(s.text, name.start, name.end - 1);
  if (!/^[^\s{}]+$/.test(name.text)) {
    s.diagnostics.push(
      diagnostic(
        "maximo.variable-malformed",
        name.text ? name : { start, end },
        name.text
          ? `\`${name.text}\` is not a variable name: use one word without spaces or braces, e.g. \`@site = BEDFORD\`.`
          : "This variable has no name: write `@name = value`.",
      ),
    );
    return;
  }
  const value = trimmedNode(s.text, equals + 1, end);
  (s.variables ??= []).push({ start, end, name, value, lazy });
  s.scanner.scan(value.start, value.end, s.expressions);
}

/** `?? assertion`, `>> file`, `> {% handler %}`: kept as written. */
export function readToolLine(token: IToken, s: BuildState): void {
  const end = lineEnd(token);
  (s.toolLines ??= []).push({ start: token.startOffset, end, text: s.text.slice(token.startOffset, end) });
  content(s, token.startOffset, end);
}

/** A `key=value` token: the key runs to the first `=` outside quotes and `{{...}}`. */
export function readParam(token: IToken, s: BuildState, continuation: boolean): QueryParamNode {
  const image = token.image;
  const start = token.startOffset;
  const eq = topLevelEquals(image);
  const keyEnd = trimEnd(image, 0, eq < 0 ? image.length : eq);
  const key = decodedNode(image.slice(0, keyEnd), start);
  s.scanner.scan(key.start, key.end, s.expressions);
  if (eq < 0) return { start: key.start, end: key.end, key, continuation };
  const valueStart = trimStart(image, eq + 1, image.length);
  const valueEnd = trimEnd(image, valueStart, image.length);
  const valueText = image.slice(valueStart, valueEnd);
  const encoded = isWrittenEncoded(valueText);
  const value: DecodedTextNode = encoded
    ? { start: start + valueStart, end: start + valueEnd, text: valueText, decoded: percentDecode(valueText, 0, true).text }
    : decodedNode(valueText, start + valueStart);
  s.scanner.scan(value.start, value.end, s.expressions);
  const spanStart = keyEnd > 0 ? start : start + eq;
  const param: QueryParamNode = { start: spanStart, end: Math.max(value.end, start + eq + 1), key, equals: { start: start + eq, end: start + eq + 1 }, value, continuation };
  if (encoded) param.encoded = true;
  return param;
}

function trimStart(text: string, start: number, end: number): number {
  while (start < end && (text.charCodeAt(start) === 32 || text.charCodeAt(start) === 9)) start++;
  return start;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  return end;
}

function topLevelEquals(image: string): number {
  let i = 0;
  while (i < image.length) {
    const c = image.charCodeAt(i);
    if (c === 61 /* = */) return i;
    if (c === 34 /* " */) {
      const close = image.indexOf('"', i + 1);
      if (close < 0) return -1;
      i = close + 1;
    } else if (c === 123 /* { */ && image.charCodeAt(i + 1) === 123) {
      const close = image.indexOf("}}", i + 2);
      if (close < 0) return -1;
      i = close + 2;
    } else {
      i++;
    }
  }
  return -1;
}

/** `Name: value` after the request line. */
export function readHeader(token: IToken, s: BuildState): void {
  const draft = s.request!;
  const start = token.startOffset;
  const end = lineEnd(token);
  // `&oslc.where=changedate>="2024-01-01T08:00:00"` among the headers: httpyac's query line, whose value holds a `:`.
  if (readLateUrlLine(trimmedNode(s.text, start, end), s)) return;
  const colon = start + token.image.indexOf(":");
  const header: HeaderNode = {
    start,
    end,
    name: trimmedNode(s.text, start, colon),
    colon: { start: colon, end: colon + 1 },
    value: trimmedNode(s.text, colon + 1, end),
  };
  draft.headers.push(header);
  s.scanner.scan(header.name.start, header.name.end, s.expressions);
  s.scanner.scan(header.value.start, header.value.end, s.expressions);
  checkHeaderName(header, s.diagnostics);
  content(s, start, end);
  if (end > draft.end) draft.end = end;
}

/** A header-section line without `:`. */
export function readMalformedHeader(token: IToken, s: BuildState): void {
  const draft = s.request!;
  const end = lineEnd(token);
  const node = trimmedNode(s.text, token.startOffset, end);
  const afterHeader = draft.headers.some((h) => h.start < token.startOffset);
  const c = token.image.charCodeAt(0);
  const indented = c === 32 || c === 9;
  if (draft.queryOpen && isIndentedQueryLine(node.text.replace(/^[?&]+/, ""), afterHeader, indented)) {
    readQueryLine(node, s, "maximo.query-line-joined", indentedQueryMessage(node.text));
    return;
  }
  if (readLateUrlLine(node, s)) return;
  draft.malformedLines.push(node);
  const code = isIndentedQueryLine(node.text, afterHeader, indented) ? "maximo.query-line-indented" : "maximo.header-malformed";
  s.diagnostics.push(diagnostic(code, node, malformedHeaderMessage(node.text, afterHeader, indented)));
  content(s, token.startOffset, end);
  if (end > draft.end) draft.end = end;
}

/** httpyac's query line among the headers (`parseQueryLineFactory`, src/utils/parserUtils.ts): `?k=v`, `&k=v`, `&{{q}}`. */
const HTTPYAC_QUERY_LINE = /^[?&](?:[^=?&()]+=.*|\{\{.*\}\})$/;
/** httpyac's URL line among the headers (`parseUrlLineFactory`): `/more/path`, no `*` (a block comment). */
const HTTPYAC_PATH_LINE = /^\/[^*]*$/;

/**
 * A `?`/`&` or `/path` line below a header: httpyac appends it to the URL (its request parser reads
 * query and URL lines with the headers, src/utils/parseRequestClientFactory.ts), and so does the
 * reader here, with a note: REST Client and JetBrains read only the lines right after the request
 * line. A path after the query stays an error (httpyac would append it to the query).
 */
function readLateUrlLine(node: TextNode, s: BuildState): boolean {
  const draft = s.request!;
  if (HTTPYAC_QUERY_LINE.test(node.text)) {
    readQueryLine(node, s, "maximo.url-line-late", lateUrlLineMessage("query"));
    draft.queryOpen = true;
    return true;
  }
  if (!HTTPYAC_PATH_LINE.test(node.text) || draft.query.length > 0 || draft.queryOpen) return false;
  (draft.pathLines ??= []).push(node);
  s.scanner.scan(node.start, node.end, s.expressions);
  s.diagnostics.push(diagnostic("maximo.url-line-late", node, lateUrlLineMessage("path")));
  content(s, node.start, node.end);
  if (node.end > draft.end) draft.end = node.end;
  return true;
}

function lateUrlLineMessage(kind: "query" | "path"): string {
  const sent = kind === "query" ? "Sent as query parameters" : "Sent as more of the URL's path";
  return `${sent}, as httpyac reads this line among the headers. REST Client and JetBrains' HTTP Client read such a line only right after the request line: move it up for them.`;
}

/**
 * JetBrains' indented line after the query (`    page=1&`): more of the query (spec §3.2.1.4,
 * `query: ... [new-line-with-indent query]`), sent here as JetBrains sends it; also httpyac's
 * `&k=v` line among the headers. Its parameters are read as a `&` line's are; the note says which
 * tools read it otherwise.
 */
function readQueryLine(node: TextNode, s: BuildState, code: "maximo.query-line-joined" | "maximo.url-line-late", message: string): void {
  const draft = s.request!;
  const text = s.text;
  let at = node.start;
  while (at < node.end) {
    while (at < node.end && isQueryJoin(text.charCodeAt(at))) at++;
    if (at >= node.end) break;
    const stop = Math.min(queryParamEnd(text, at), node.end);
    if (stop <= at) break;
    draft.query.push(readParam({ image: text.slice(at, stop), startOffset: at } as IToken, s, true));
    at = stop;
  }
  s.diagnostics.push(diagnostic(code, node, message));
  content(s, node.start, node.end);
  if (node.end > draft.end) draft.end = node.end;
}

/** `&` or `?` between a query line's parameters. */
function isQueryJoin(c: number): boolean {
  return c === 38 || c === 63;
}

const FILE_REF = /^[ \t]*<(@([\w-]*))?/;

/** `< path`, `<@ path`, `<@encoding path`. */
export function readFileRef(token: IToken, s: BuildState): BodyPart {
  const end = lineEnd(token);
  const match = FILE_REF.exec(token.image)!;
  const path = trimmedNode(s.text, token.startOffset + match[0].length, end);
  const part: BodyFilePart = { kind: "file", start: token.startOffset, end, processVariables: match[1] !== undefined };
  if (match[2]) {
    const encodingStart = token.startOffset + match[0].length - match[2].length;
    part.encoding = { start: encodingStart, end: encodingStart + match[2].length, text: match[2] };
  }
  if (path.text) {
    part.path = path;
    s.scanner.scan(path.start, path.end, s.expressions);
  } else {
    s.diagnostics.push(
      diagnostic(
        "maximo.file-ref-missing-path",
        part,
        "`<` sends a file as the body but names none: write `< ./body.json` (or `<@ ./body.json` to replace {{variables}} in it).",
      ),
    );
  }
  return part;
}

/** The body as sent: the text of its span, less any comment or script lines inside it. */
export function bodyText(text: string, span: { start: number; end: number }, body: BodyLines): string {
  const skipped = body.script || (body.skipped?.some((at) => at > span.start && at < span.end) ?? false);
  if (!skipped) return text.slice(span.start, span.end);
  // The kept lines, each clipped to the body's span (a run of lines may start with blank ones).
  const pieces: string[] = [];
  for (const t of body.lines) {
    const from = Math.max(t.startOffset, span.start);
    const to = Math.min(t.startOffset + t.image.length, span.end);
    if (from < to) pieces.push(text.slice(from, to));
  }
  return trimEndLines(pieces.join(""));
}

/** Without trailing blank lines and line breaks. */
function trimEndLines(text: string): string {
  let end = text.length;
  while (end > 0) {
    const c = text.charCodeAt(end - 1);
    if (c === 10 || c === 13 || c === 32 || c === 9) end--;
    else break;
  }
  return text.slice(0, end);
}
