/**
 * Types shared by every Maximo language parser. Parsers are pure: no VS Code or LSP imports,
 * so the language server, the CLI and the executor all reuse them.
 *
 * Offsets are UTF-16 code-unit indexes (what JavaScript strings and LSP use).
 */

/** A half-open range [start, end) of offsets. */
export interface Span {
  start: number;
  end: number;
}

export type Severity = "error" | "warning" | "information" | "hint";

/**
 * A diagnostic found by a parser. `code` is stable (one per rule) and namespaced:
 * `maximo.*` for the request file, `where.*`, `select.*`, `orderby.*`, `domain.*` for the
 * embedded query languages.
 */
export interface SyntaxDiagnostic {
  code: string;
  severity: Severity;
  message: string;
  span: Span;
}

/**
 * Maps offsets in a parser's own input back to the caller's coordinates. An embedded query
 * value that was percent-decoded or joined from several pieces has a non-trivial map; a plain
 * substring has `offset => base + offset`.
 */
export type OffsetMapper = (offset: number) => number;

/** What an embedded-language parser is given: the (decoded) text and how to map its offsets. */
export interface EmbeddedSource {
  text: string;
  /** Local offset (0..text.length inclusive) to caller offset; identity when absent. */
  map?: OffsetMapper;
}

export function identityMapper(offset: number): number {
  return offset;
}

export function shiftMapper(base: number): OffsetMapper {
  return (offset) => base + offset;
}

/** Applies a mapper to a span; the end is mapped as an exclusive bound. */
export function mapSpan(span: Span, map: OffsetMapper): Span {
  if (span.end <= span.start) {
    const at = map(span.start);
    return { start: at, end: at };
  }
  return { start: map(span.start), end: map(span.end - 1) + 1 };
}
