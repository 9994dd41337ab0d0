/**
 * What every embedded query-language api does around its parser: refuse values too long to
 * be a real URL, keep nesting shallow enough for a recursive-descent parser, collect
 * diagnostics, map every span to the caller's coordinates, and never throw.
 */
import type { IToken, TokenType } from "chevrotain";
import { identityMapper, mapSpan, type EmbeddedSource, type OffsetMapper, type Severity, type Span, type SyntaxDiagnostic } from "./types";

/**
 * Longest value we analyse. Servers and proxies refuse URLs far shorter (8-64 KB), so a
 * longer value is a mistake; skipping it keeps a 10 MB line from costing time and memory.
 */
export const MAX_QUERY_VALUE_LENGTH = 100_000;

/** Deepest `{...}` nesting we parse; real selects and scoped terms nest a few levels. */
export const MAX_BRACE_DEPTH = 32;

/** Most diagnostics reported for one value; past that, one summary says how many were left out. */
export const MAX_DIAGNOSTICS_PER_VALUE = 100;

/**
 * Code of a chevrotain parse error. The grammars accept every token sequence, so this never
 * appears; it is reported rather than thrown so a grammar regression costs one diagnostic.
 */
export const PARSE_ERROR = (language: string): string => `${language}.parse-error`;

/** Diagnostics of one parse, in the parser's own (local) offsets until `mapped()`. */
export class DiagnosticSink {
  private readonly items: SyntaxDiagnostic[] = [];
  private dropped = 0;
  private firstDropped: Span | undefined;

  constructor(private readonly language: string) {}

  error(code: string, message: string, span: Span): void {
    this.add(code, "error", message, span);
  }

  warning(code: string, message: string, span: Span): void {
    this.add(code, "warning", message, span);
  }

  add(code: string, severity: Severity, message: string, span: Span): void {
    if (this.items.length >= MAX_DIAGNOSTICS_PER_VALUE) {
      // A garbage value must not flood the editor (or the language-server protocol).
      this.dropped++;
      this.firstDropped ??= { start: span.start, end: span.end };
      return;
    }
    this.items.push({ code, severity, message, span: { start: span.start, end: span.end } });
  }

  /** The diagnostics in source order, spans mapped to the caller's coordinates. */
  mapped(map: OffsetMapper, length: number): SyntaxDiagnostic[] {
    const sorted = [...this.items].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
    if (this.dropped > 0 && this.firstDropped) {
      sorted.push({
        code: `${this.language}.too-many-problems`,
        severity: "information",
        message: `${this.dropped} more problems in this value are not shown; fix the ones above first.`,
        span: this.firstDropped,
      });
    }
    return sorted.map((d) => ({ ...d, span: mapQuerySpan(d.span, map, length) }));
  }
}

/**
 * `mapSpan`, except that a span reaching the end of the value ends where the value ends in the
 * source: `map(length)` is exact there, while `map(end - 1) + 1` would stop inside a final
 * percent-escape (`...%22`).
 */
export function mapQuerySpan(span: Span, map: OffsetMapper, length: number): Span {
  const mapped = mapSpan(span, map);
  if (span.end === length && span.end > span.start) return { start: mapped.start, end: Math.max(mapped.end, map(length)) };
  return mapped;
}

/**
 * Maps, in place, every span found in a freshly built AST: properties named `span` or ending
 * in `Span` (`keywordSpan`). ASTs are plain data, so one walk keeps the builders free of
 * mapping concerns.
 */
export function mapAstSpans<T>(ast: T, map: OffsetMapper, length: number): T {
  if (map === identityMapper) return ast;
  const seen = new Set<object>();
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== "object" || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    for (const [key, child] of Object.entries(value)) {
      if ((key === "span" || key.endsWith("Span")) && isSpan(child)) {
        // Nodes may share a span object (a term and its only name): map each object once.
        if (seen.has(child)) continue;
        seen.add(child);
        const mapped = mapQuerySpan(child, map, length);
        child.start = mapped.start;
        child.end = mapped.end;
      } else {
        visit(child);
      }
    }
  };
  visit(ast);
  return ast;
}

function isSpan(value: unknown): value is Span {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Span).start === "number" &&
    typeof (value as Span).end === "number"
  );
}

/** The language-specific part of a parse: text in, local AST and diagnostics out. */
export type LocalParse<A> = (text: string, sink: DiagnosticSink) => A;

export interface QueryParseResult<A> {
  ast: A;
  diagnostics: SyntaxDiagnostic[];
}

/**
 * Runs a language's parse with the shared guarantees: a length cap, mapped spans and no
 * exception ever escaping. `emptyAst` builds the tree returned when nothing was parsed.
 */
export function runQueryParse<A>(
  language: string,
  source: EmbeddedSource,
  parse: LocalParse<A>,
  emptyAst: (span: Span) => A,
): QueryParseResult<A> {
  const text = typeof source.text === "string" ? source.text : "";
  const map = safeMapper(source.map, text.length);
  const whole: Span = { start: 0, end: text.length };
  const sink = new DiagnosticSink(language);
  try {
    if (text.length > MAX_QUERY_VALUE_LENGTH) {
      sink.warning(
        `${language}.too-long`,
        `This value is ${text.length.toLocaleString("en-US")} characters long, more than any server accepts in a URL ` +
          `(and more than the ${MAX_QUERY_VALUE_LENGTH.toLocaleString("en-US")} this checker reads), so it was not checked. ` +
          `Shorten it, or split the query into several requests.`,
        { start: 0, end: Math.min(text.length, 1) },
      );
      return { ast: mapAstSpans(emptyAst(whole), map, text.length), diagnostics: sink.mapped(map, text.length) };
    }
    const ast = parse(text, sink);
    return { ast: mapAstSpans(ast, map, text.length), diagnostics: sink.mapped(map, text.length) };
  } catch (error) {
    // Last resort: a parser bug must cost the user one diagnostic, never the document.
    const reason = error instanceof Error ? error.message : String(error);
    const diagnostic: SyntaxDiagnostic = {
      code: `${language}.internal-error`,
      severity: "warning",
      message: `Maximo Workbench could not check this value (${reason}). The request is sent unchanged; please report this.`,
      span: { start: 0, end: text.length },
    };
    let span: Span = whole;
    try {
      span = mapSpan(whole, map);
    } catch {
      span = whole;
    }
    return { ast: emptyAst(span), diagnostics: [{ ...diagnostic, span }] };
  }
}

/** Wraps the caller's mapper so a failing or non-numeric mapping cannot break a parse. */
function safeMapper(map: OffsetMapper | undefined, length: number): OffsetMapper {
  if (!map) return identityMapper;
  return (offset) => {
    const clamped = Math.max(0, Math.min(offset, length));
    const mapped = map(clamped);
    return Number.isFinite(mapped) ? mapped : clamped;
  };
}

/**
 * Cuts the token list at the first `{` nested deeper than `MAX_BRACE_DEPTH`, reporting it:
 * the parsers recurse once per level, and a pathological value must not exhaust the stack.
 */
export function limitBraceDepth(
  tokens: IToken[],
  open: TokenType,
  close: TokenType,
  language: string,
  sink: DiagnosticSink,
): IToken[] {
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const type = tokens[i].tokenType;
    if (type === open) {
      depth++;
      if (depth > MAX_BRACE_DEPTH) {
        const start = tokens[i].startOffset;
        sink.error(
          `${language}.too-deep`,
          `Braces are nested more than ${MAX_BRACE_DEPTH} levels deep here; no object structure nests that far. ` +
            `Close the braces you opened; the rest of the value was not checked.`,
          { start, end: start + 1 },
        );
        return tokens.slice(0, i);
      }
    } else if (type === close && depth > 0) {
      depth--;
    }
  }
  return tokens;
}
