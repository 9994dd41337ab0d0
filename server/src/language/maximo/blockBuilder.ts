/**
 * Builds the typed tree of one request block from the parser's CST: what each line means,
 * with exact ranges, and the structural diagnostics found on the way (unknown method, missing
 * URL, malformed header, ...). Spans are relative to the block start.
 */
import type { IToken } from "chevrotain";
import type { Span } from "../common";
import type { BlockTree, BodyNode, BodyPart, QueryParamNode, RequestNode } from "./ast";
import { content, type BuildState, type RequestDraft } from "./buildState";
import { first, lastOf, lineEnd, mergeByOffset, nodes, tokenEnd, tokens, type Children } from "./cstAccess";
import { diagnostic } from "./diagnosticCodes";
import { readDirective } from "./directives";
import { EMPTY, orEmpty } from "./empty";
import { ExpressionScanner, trimmedNode } from "./expressions";
import { lexBlock } from "./lexer";
import { checkRequestLine } from "./lineChecks";
import { bodyText, readComment, readFileRef, readHeader, readMalformedHeader, readParam, readToolLine, readVariable } from "./lineReaders";
import { blockParser } from "./parser";
import { decodedNode, readPath } from "./requestTarget";
import { FileRefLine, FileRefStart } from "./tokens";

const BaseVisitor = blockParser.getBaseCstVisitorConstructor<BuildState, void>();

class BlockBuilder extends BaseVisitor {
  constructor() {
    super();
    this.validateVisitor();
  }

  block(ctx: Children, s: BuildState): void {
    const separator = first(tokens(ctx.SeparatorLine));
    if (separator) {
      const end = lineEnd(separator);
      const hashes = /^[ \t]*#+/.exec(separator.image)![0].length;
      const title = trimmedNode(s.text, separator.startOffset + hashes, end);
      s.separator = { start: separator.startOffset, end };
      if (title.text) s.separator.title = title;
      content(s, separator.startOffset, end);
    }
    this.lines(ctx, s);
    const request = first(nodes(ctx.request));
    if (request) this.visit(request, s);
  }

  /** Lines that mean the same wherever they stand: comments, directives, variables, scripts. */
  private lines(ctx: Children, s: BuildState): void {
    // Walk the children the rule has rather than look up each kind: most blocks hold a few.
    for (const kind in ctx) {
      switch (kind) {
        case "CommentLine":
          for (const token of tokens(ctx[kind])) readComment(token, s);
          break;
        case "DirectiveLine":
          for (const token of tokens(ctx[kind])) {
            const directive = readDirective(s.text, token.startOffset, lineEnd(token), s.diagnostics);
            (s.directives ??= []).push(directive);
            if (directive.args) s.scanner.scan(directive.args.start, directive.args.end, s.expressions);
            content(s, directive.start, directive.end);
          }
          break;
        case "VariableLine":
          for (const token of tokens(ctx[kind])) readVariable(token, s);
          break;
        case "HttpyacLine":
        case "HandlerLine":
          for (const token of tokens(ctx[kind])) readToolLine(token, s);
          break;
        case "script":
          for (const script of nodes(ctx[kind])) this.visit(script, s);
          break;
      }
    }
  }

  script(ctx: Children, s: BuildState): void {
    const open = first(tokens(ctx.ScriptOpen))!;
    const close = first(tokens(ctx.ScriptClose));
    const end = lineEnd(close ?? lastOf(tokens(ctx.ScriptLine)) ?? open);
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

  request(ctx: Children, s: BuildState): void {
    const draft = this.readRequestLine(first(nodes(ctx.requestLine))!.children as Children, s);
    s.request = draft;
    const request = draft.node;
    let end = request.line.end;
    for (const continuation of nodes(ctx.continuation)) {
      end = Math.max(end, this.readContinuation(continuation.children as Children, draft, s));
    }
    for (const token of tokens(ctx.HeaderLine)) end = Math.max(end, readHeader(token, draft, s));
    for (const token of tokens(ctx.MalformedHeaderLine)) end = Math.max(end, readMalformedHeader(token, draft, s));
    this.lines(ctx, s);
    const body = first(nodes(ctx.body));
    if (body) this.visit(body, s);
    if (request.body) end = Math.max(end, request.body.end);
    // Handlers, assertions and directives after the request line belong to the request too.
    end = lastEndAfter(s.scripts, request.line.start, end);
    end = lastEndAfter(s.toolLines, request.line.start, end);
    end = lastEndAfter(s.directives, request.line.start, end);
    request.end = end;
    request.headers = orEmpty(draft.headers);
    request.malformedLines = orEmpty(draft.malformedLines);
    request.url.query = orEmpty(draft.query);
    request.url.text = urlText(request);
  }

  requestLine(): void {
    // Read by `readRequestLine`, which returns the node.
  }

  private readRequestLine(ctx: Children, s: BuildState): RequestDraft {
    const method = first(tokens(ctx.Method));
    const pathTokens = tokens(ctx.PathText);
    const queryCtx = first(nodes(ctx.query))?.children as Children | undefined;
    const question = first(tokens(queryCtx?.Question));
    const version = first(tokens(ctx.HttpVersion));
    const indent = first(tokens(ctx.Indent));
    const lineStart = (indent ?? method ?? pathTokens[0] ?? question)!.startOffset;
    const lineEndToken = first(tokens(ctx.LineEnd));

    const pathStart = pathTokens[0]?.startOffset ?? question?.startOffset ?? (method ? tokenEnd(method) : lineStart);
    const pathEnd = pathTokens.length > 0 ? tokenEnd(lastOf(pathTokens)!) : pathStart;
    const path = decodedNode(s.text.slice(pathStart, pathEnd), pathStart);
    s.scanner.scan(pathStart, pathEnd, s.expressions);

    const query: QueryParamNode[] = [];
    let urlEnd = question ? Math.max(pathEnd, tokenEnd(question)) : pathEnd;
    for (const token of tokens(queryCtx?.QueryParam)) {
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
    return { node: request, query, headers: [], malformedLines: [] };
  }

  query(): void {
    // Read by `readRequestLine`.
  }

  continuation(): void {
    // Read by `readContinuation`.
  }

  /** Adds the parameters of a `?`/`&` continuation line; returns where the line ends. */
  private readContinuation(ctx: Children, draft: RequestDraft, s: BuildState): number {
    const request = draft.node;
    const start = first(tokens(ctx.ContinuationStart))!;
    let end = tokenEnd(start);
    for (const token of tokens(ctx.QueryParam)) {
      const param = readParam(token, s, true);
      draft.query.push(param);
      end = param.end;
    }
    const version = first(tokens(ctx.HttpVersion));
    if (version) {
      end = tokenEnd(version);
      if (!request.httpVersion) request.httpVersion = trimmedNode(s.text, version.startOffset, end);
    }
    const lineEndToken = first(tokens(ctx.LineEnd));
    if (lineEndToken) end = lineEndToken.startOffset;
    content(s, start.startOffset, end);
    return end;
  }

  body(ctx: Children, s: BuildState): void {
    this.lines(ctx, s);
    // A body that starts without the blank line opens with one BodyStartLine or FileRefStart.
    const startLine = tokens(ctx.BodyStartLine);
    const startFile = tokens(ctx.FileRefStart);
    const lines = startLine.length > 0 ? [...startLine, ...tokens(ctx.BodyLine)] : tokens(ctx.BodyLine);
    const files = startFile.length > 0 ? [...startFile, ...tokens(ctx.FileRefLine)] : tokens(ctx.FileRefLine);
    const textAndFiles = files.length === 0 ? lines : mergeByOffset(lines, files);
    if (textAndFiles.length === 0) return;
    const parts: BodyPart[] = [];
    let runStart = -1;
    let runEnd = -1;
    for (const token of textAndFiles) {
      if (token.tokenType !== FileRefLine && token.tokenType !== FileRefStart) {
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
    const span = { start: parts[0]!.start, end: lastOf(parts)!.end };
    content(s, span.start, span.end);
    const body: BodyNode = { start: span.start, end: span.end, text: bodyText(ctx, s.text, span, textAndFiles), parts: orEmpty(parts) };
    s.request!.node.body = body;
  }
}

const builder = new BlockBuilder();

/** Lexes, parses and builds one block. `text` is the block text, `lineStarts` its relative line starts. */
export function buildBlockTree(text: string, lineStarts: readonly number[]): BlockTree {
  const lexed = lexBlock(text);
  blockParser.input = lexed.tokens;
  const cst = blockParser.block();
  const s: BuildState = { text, scanner: new ExpressionScanner(text), contentStart: -1, contentEnd: -1, expressions: [], diagnostics: [] };
  builder.visit(cst, s);
  for (const error of lexed.errors) {
    s.diagnostics.push(diagnostic("maximo.syntax", { start: error.offset, end: error.offset + error.length }, `Unexpected text: ${error.message}`));
  }
  for (const error of blockParser.errors) {
    // Tokens the parser inserted while recovering have no offset.
    const found = Number.isFinite(error.token.startOffset);
    const offset = found ? error.token.startOffset : text.length;
    s.diagnostics.push(diagnostic("maximo.syntax", { start: offset, end: offset + (found ? error.token.image.length : 0) }, error.message));
  }
  const tree: BlockTree = {
    text,
    lineStarts,
    start: 0,
    end: text.length,
    contentSpan: s.contentStart >= 0 ? { start: s.contentStart, end: s.contentEnd } : { start: 0, end: 0 },
    comments: sorted(s.comments),
    directives: sorted(s.directives),
    variables: sorted(s.variables),
    scripts: sorted(s.scripts),
    toolLines: sorted(s.toolLines),
    expressions: sorted(s.expressions),
    diagnostics: orEmpty(s.diagnostics.sort((a, b) => a.span.start - b.span.start)),
  };
  if (s.separator) tree.separator = s.separator;
  if (s.request) tree.request = s.request.node;
  let name: string | undefined;
  for (const d of tree.directives) if (d.name.text === "name" && d.args) name = d.args.text;
  name ??= s.separator?.title?.text;
  if (name !== undefined) tree.name = name;
  return tree;
}

// ---------------------------------------------------------------------------------------------
// Helpers.
// ---------------------------------------------------------------------------------------------

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

/** The list in source order (lines of one kind are read in order, kinds one after another), or the shared empty list. */
function sorted<T extends { start: number }>(list: T[] | undefined): readonly T[] {
  if (!list || list.length === 0) return EMPTY;
  for (let i = 1; i < list.length; i++) {
    if (list[i]!.start < list[i - 1]!.start) {
      list.sort((a, b) => a.start - b.start);
      break;
    }
  }
  return orEmpty(list);
}

