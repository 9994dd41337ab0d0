/**
 * Readers for what spans more than one token: the separator, script blocks, the request line
 * and its continuation lines, and the body. The grammar's actions (`parser.ts`) feed them
 * tokens in source order; `finishBlock` completes the request once the parser is done.
 */
import type { IToken } from "chevrotain";
import type { Span } from "../common";
import type { BodyNode, BodyPart, QueryParamNode, RequestNode, TextNode } from "./ast";
import { content, type BuildState } from "./buildState";
import { diagnostic } from "./diagnosticCodes";
import { EMPTY, orEmpty } from "./empty";
import { trimmedNode } from "./expressions";
import { declaresGraphql, readGraphql } from "./graphqlBody";
import { lineEnd, tokenEnd } from "./lexer";
import { checkRequestLine } from "./lineChecks";
import { bodyText, readFileRef, readParam } from "./lineReaders";
import { decodedNode, readPath } from "./requestTarget";
import { BlankLine, FileRefLine, FileRefStart } from "./tokens";

/** `### title`. */
export function readSeparator(token: IToken, s: BuildState): void {
  const end = lineEnd(token);
  const hashes = /^[ \t]*#+/.exec(token.image)![0].length;
  const title = trimmedNode(s.text, token.startOffset + hashes, end);
  s.separator = { start: token.startOffset, end };
  if (title.text) s.separator.title = title;
  content(s, token.startOffset, end);
}

/** A `{{ ... }}` or `> {% ... %}` script block: `last` is its last line (the opener when empty). */
export function readScript(open: IToken, last: IToken, close: IToken | undefined, s: BuildState): void {
  const end = lineEnd(close ?? last);
  const braces = /^[ \t]*\{\{/.test(open.image);
  (s.scripts ??= []).push({ start: open.startOffset, end, kind: braces ? "httpyac" : "handler", terminated: close !== undefined });
  if (!close) {
    s.diagnostics.push(
      diagnostic(
        "maximo.script-unterminated",
        { start: open.startOffset, end: lineEnd(open) },
        braces
          ? "This script block is not closed: end it with a line holding only `}}` before the next request."
          : "This handler script is not closed: end it with `%}` before the next request.",
      ),
    );
  }
  content(s, open.startOffset, end);
}

/** Reads the request line the grammar gathered (`s.line`) into the request being built. */
export function openRequest(s: BuildState): void {
  const { indent, method, firstPath, lastPath, question, params, version, lineEnd: lineEndToken } = s.line!;
  const lineStart = (indent ?? method ?? firstPath ?? question)!.startOffset;

  const pathStart = firstPath?.startOffset ?? question?.startOffset ?? (method ? tokenEnd(method) : lineStart);
  const pathEnd = lastPath ? tokenEnd(lastPath) : pathStart;
  const path = decodedNode(s.text.slice(pathStart, pathEnd), pathStart);
  s.scanner.scan(pathStart, pathEnd, s.expressions);

  const query: QueryParamNode[] = [];
  let urlEnd = question ? Math.max(pathEnd, tokenEnd(question)) : pathEnd;
  for (const token of params) {
    const param = readParam(token, s, false);
    query.push(param);
    urlEnd = param.end;
  }
  // Without a line break the request line is the last line of the block.
  const lineStop = lineEndToken ? lineEndToken.startOffset : s.text.length;

  const request: RequestNode = {
    start: lineStart,
    end: lineStop,
    line: { start: lineStart, end: lineStop },
    methodName: method ? method.image.toUpperCase() : "GET",
    url: readPath(path, { start: pathStart, end: urlEnd }, query),
    headers: EMPTY,
    malformedLines: EMPTY,
  };
  if (method) request.method = { start: method.startOffset, end: tokenEnd(method), text: method.image };
  if (version) request.httpVersion = trimmedNode(s.text, version.startOffset, tokenEnd(version));
  checkRequestLine(request, question !== undefined, s.diagnostics);
  content(s, lineStart, lineStop);
  s.request = { node: request, query, headers: [], malformedLines: [], end: lineStop, lineStart: 0, lineEnd: 0 };
  if (question) s.request.queryOpen = true;
}

/** A line of a stored response (the first is its `HTTP/1.1 200` line): widens the response span. */
export function readResponse(token: IToken, s: BuildState): void {
  const end = lineEnd(token);
  if (s.response) s.response.end = end;
  else s.response = { start: token.startOffset + token.image.length - token.image.trimStart().length, end };
  content(s, token.startOffset, end);
}

/**
 * A `/path` line right after the request line: appended to the URL's path, as httpyac appends
 * it (trimmed) to the URL. Its segments keep their own offsets.
 */
export function readPathContinuation(token: IToken, s: BuildState): void {
  const draft = s.request!;
  const end = lineEnd(token);
  const node = trimmedNode(s.text, token.startOffset, end);
  if (draft.query.length > 0) {
    // httpyac would append it after the query; a path after `?` is surely a mistake.
    draft.malformedLines.push(node);
    s.diagnostics.push(diagnostic("maximo.header-malformed", node, "A `/path` continuation line must come before the query (`?`): move it up, right after the request line."));
  } else {
    (draft.pathLines ??= []).push(node);
    s.scanner.scan(node.start, node.end, s.expressions);
  }
  content(s, token.startOffset, end);
  if (end > draft.end) draft.end = end;
}

// A `?`/`&` continuation line, token by token.

export function openContinuation(start: IToken, s: BuildState): void {
  const draft = s.request!;
  draft.queryOpen = true;
  draft.lineStart = start.startOffset;
  draft.lineEnd = tokenEnd(start);
}

export function readContinuationParam(token: IToken, s: BuildState): void {
  const draft = s.request!;
  const param = readParam(token, s, true);
  draft.query.push(param);
  draft.lineEnd = param.end;
}

export function readContinuationVersion(version: IToken, s: BuildState): void {
  const draft = s.request!;
  draft.lineEnd = tokenEnd(version);
  if (!draft.node.httpVersion) draft.node.httpVersion = trimmedNode(s.text, version.startOffset, draft.lineEnd);
}

export function closeContinuation(lineEndToken: IToken | undefined, s: BuildState): void {
  const draft = s.request!;
  if (lineEndToken) draft.lineEnd = lineEndToken.startOffset;
  content(s, draft.lineStart, draft.lineEnd);
  if (draft.lineEnd > draft.end) draft.end = draft.lineEnd;
}

/**
 * Completes the request once the block is parsed: its body (from the lines the grammar
 * gathered), its end and its lists. Also reads a request line the parser left halfway.
 */
export function finishBlock(s: BuildState): void {
  if (s.line && !s.request) openRequest(s);
  const draft = s.request;
  if (!draft) return;
  if (s.body) readBody(s);
  if (draft.pathLines) joinPathLines(draft.node, draft.pathLines);
  const request = draft.node;
  let end = draft.end;
  if (request.body) end = Math.max(end, request.body.end);
  // Handlers, assertions and directives after the request line belong to the request too.
  end = lastEndAfter(s.scripts, request.line.start, end);
  end = lastEndAfter(s.toolLines, request.line.start, end);
  end = lastEndAfter(s.directives, request.line.start, end);
  if (s.response) {
    request.response = s.response;
    end = Math.max(end, s.response.end);
  }
  request.end = end;
  request.headers = orEmpty(draft.headers);
  request.malformedLines = orEmpty(draft.malformedLines);
  request.url.query = orEmpty(draft.query);
  request.url.text = urlText(request);
}

function readBody(s: BuildState): void {
  const body = s.body!;
  const parts: BodyPart[] = [];
  let runStart = -1;
  let runEnd = -1;
  for (const token of body.lines) {
    const type = token.tokenType;
    if (type === BlankLine) continue;
    if (type !== FileRefLine && type !== FileRefStart) {
      // A run of body lines: its content lies between its first and last non-blank lines.
      const bounds = nonBlankLines(token);
      if (!bounds) continue;
      if (runStart < 0) runStart = bounds.start;
      runEnd = bounds.end;
      s.scanner.scan(bounds.start, bounds.end, s.expressions);
    } else {
      if (runStart >= 0) parts.push({ kind: "text", start: runStart, end: runEnd });
      runStart = -1;
      parts.push(readFileRef(token, s));
    }
  }
  if (runStart >= 0) parts.push({ kind: "text", start: runStart, end: runEnd });
  if (parts.length === 0) return; // only blank lines: no body
  const span = { start: parts[0]!.start, end: parts[parts.length - 1]!.end };
  content(s, span.start, span.end);
  const node: BodyNode = { start: span.start, end: span.end, text: bodyText(s.text, span, body), parts: orEmpty(parts) };
  const graphql = parts.length === 1 && parts[0]!.kind === "text" ? readGraphql(node.text, declaresGraphql(s.request!.headers)) : undefined;
  if (graphql) node.graphql = graphql;
  s.request!.node.body = node;
}

/** The URL with its `/path` continuation lines appended; their segments keep their own offsets. */
function joinPathLines(request: RequestNode, lines: readonly TextNode[]): void {
  const url = request.url;
  const last = lines[lines.length - 1]!;
  let text = url.path.text;
  const segments = url.segments.slice();
  for (const line of lines) {
    text += line.text;
    for (const segment of readPath(decodedNode(line.text, line.start), line, EMPTY).segments) segments.push(segment);
  }
  const path = { start: url.path.start, end: last.end, text, decoded: text.indexOf("%") < 0 ? text : decodedNode(text, 0).decoded };
  const joined = readPath(path, { start: url.start, end: last.end }, EMPTY);
  joined.segments = orEmpty(segments);
  request.url = joined;
}

function urlText(request: RequestNode): string {
  const url = request.url;
  let text = url.path.decoded;
  for (let i = 0; i < url.query.length; i++) {
    const param = url.query[i]!;
    text += (i === 0 ? "?" : "&") + param.key.decoded + (param.value ? "=" + param.value.decoded : "");
  }
  return text;
}

/** Where the non-blank lines of a multi-line token start and end (without the last line break). */
function nonBlankLines(token: IToken): Span | undefined {
  const image = token.image;
  let first = 0;
  for (;;) {
    let i = first;
    while (image.charCodeAt(i) === 32 || image.charCodeAt(i) === 9) i++;
    const c = image.charCodeAt(i);
    if (c === 10) first = i + 1;
    else if (c === 13) first = image.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
    else if (c !== c) return undefined; // only blank lines
    else break;
  }
  let end = image.length;
  for (;;) {
    let lineEndAt = end;
    if (image.charCodeAt(lineEndAt - 1) === 10) lineEndAt--;
    if (image.charCodeAt(lineEndAt - 1) === 13) lineEndAt--;
    let lineStart = lineEndAt;
    while (lineStart > first && image.charCodeAt(lineStart - 1) !== 10 && image.charCodeAt(lineStart - 1) !== 13) lineStart--;
    let blank = true;
    for (let i = lineStart; i < lineEndAt && blank; i++) blank = image.charCodeAt(i) === 32 || image.charCodeAt(i) === 9;
    if (!blank || lineStart <= first) {
      end = lineEndAt;
      break;
    }
    end = lineStart;
  }
  return { start: token.startOffset + first, end: token.startOffset + end };
}

function lastEndAfter(list: readonly Span[] | undefined, after: number, end: number): number {
  if (list) for (const node of list) if (node.start > after && node.end > end) end = node.end;
  return end;
}
