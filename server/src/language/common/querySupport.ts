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
  private readonly silenced: Span[] = [];

  constructor(private readonly language: string) {}

  error(code: string, message: string, span: Span): void {
    this.add(code, "error", message, span);
  }

  warning(code: string, message: string, span: Span): void {
    this.add(code, "warning", message, span);
  }

  /** From now on drops what falls inside `span`: one diagnostic already says all there is to say there. */
  silence(span: Span): void {
    this.silenced.push({ start: span.start, end: span.end });
  }

  add(code: string, severity: Severity, message: string, span: Span): void {
    if (this.silenced.length > 0 && this.silenced.some((s) => span.start >= s.start && span.end <= s.end)) return;
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
    if (this.items.length === 0) return [];
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
    for (const key in value) {
      const child = (value as Record<string, unknown>)[key];
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

/**
 * What `mapAstSpans` makes of one cached tree, as a copy (the tree itself stays as it is, shared
 * by every use), compiled: the walk (which objects there are, their keys, which are spans,
 * which are met twice) is done once, and each copy only builds objects. A value repeated from
 * request to request (the same `oslc.select` in every request of a file) is copied thousands of
 * times, and a plain walk's map of visited objects, key tests and `for...in` cost more than the
 * objects it makes. Shared objects stay shared and each span is mapped once, as in place.
 */
export class CopyPlan {
  constructor(
    private readonly root: PlanNode,
    private readonly slots: number,
  ) {}

  copy(map: OffsetMapper, length: number): unknown {
    return build(this.root, new Array<unknown>(this.slots), map, length);
  }
}

/**
 * One value of the tree: a primitive (kept), an object met before (its copy, by slot), an
 * array, an object, or a span (copied with `start`/`end` mapped). Copies fill their slot before
 * their children are built, in the walk's order, so shared objects stay shared.
 */
type PlanNode =
  | { k: 0; value: unknown }
  | { k: 1; slot: number }
  | { k: 2; slot: number; items: PlanNode[] }
  | { k: 3; slot: number; keys: string[]; values: PlanNode[] }
  | { k: 4; slot: number; span: Span };

/** The plan of a mapped copy of `ast`: the walk of `mapAstSpans`, its rules, recorded. */
export function compileCopy(ast: unknown): CopyPlan {
  const slots = new Map<object, number>();
  const seen = (value: object): PlanNode | undefined => {
    const slot = slots.get(value);
    return slot === undefined ? undefined : { k: 1, slot };
  };
  const walk = (value: unknown): PlanNode => {
    if (value === null || typeof value !== "object") return { k: 0, value };
    const before = seen(value);
    if (before) return before;
    const slot = slots.size;
    slots.set(value, slot);
    if (Array.isArray(value)) {
      const items: PlanNode[] = [];
      const node: PlanNode = { k: 2, slot, items };
      for (const item of value) items.push(walk(item));
      return node;
    }
    const keys: string[] = [];
    const values: PlanNode[] = [];
    for (const key in value) {
      const child = (value as Record<string, unknown>)[key];
      keys.push(key);
      if ((key === "span" || key.endsWith("Span")) && isSpan(child)) {
        let node = seen(child);
        if (!node) {
          node = { k: 4, slot: slots.size, span: child };
          slots.set(child, node.slot);
        }
        values.push(node);
      } else {
        values.push(walk(child));
      }
    }
    return { k: 3, slot, keys, values };
  };
  const root = walk(ast);
  return new CopyPlan(root, slots.size);
}

function build(node: PlanNode, slots: unknown[], map: OffsetMapper, length: number): unknown {
  switch (node.k) {
    case 0:
      return node.value;
    case 1:
      return slots[node.slot];
    case 2: {
      const out: unknown[] = [];
      slots[node.slot] = out;
      for (const item of node.items) out.push(build(item, slots, map, length));
      return out;
    }
    case 3: {
      const out: Record<string, unknown> = {};
      slots[node.slot] = out;
      const { keys, values } = node;
      for (let i = 0; i < keys.length; i++) out[keys[i]!] = build(values[i]!, slots, map, length);
      return out;
    }
    case 4: {
      const span = node.span;
      const { start, end } = map === identityMapper ? span : mapQuerySpan(span, map, length);
      const out = { ...span, start, end };
      slots[node.slot] = out;
      return out;
    }
  }
}

/** Longest value whose local parse is kept: long values are rare, and each would hold a large tree. */
const MAX_CACHED_VALUE_LENGTH = 4_000;

interface LocalParseResult {
  /** The diagnostics of the value, in its own offsets. */
  sink: DiagnosticSink;
  /** Its tree in its own offsets, kept from its second use on (never changed: every use shares it). */
  tree?: unknown;
  /** How to build a mapped copy of `tree`, compiled when a use first asks for one (see `CopyPlan`). */
  plan?: CopyPlan;
}

/**
 * Local parses (AST and diagnostics before mapping) by text, language and variant, the recently
 * used kept. Request files repeat their selects, orderBys and filters from request to request,
 * and an edit re-analyses a whole block while most of its values did not change.
 *
 * Keyed by the text alone (one small map of variants under it): a key joined from language,
 * variant and text would be a fresh string to flatten and hash on every lookup. Recency is kept
 * in two generations, as a hit in the young one costs a lookup and nothing else: entries used
 * since the last turn-over are young; at `capacity / 2` young entries the old generation is
 * dropped and the young one becomes old. A hit in the old generation moves the entry back.
 */
export class LocalParseCache {
  private young = new Map<string, Map<string, LocalParseResult>>();
  private old = new Map<string, Map<string, LocalParseResult>>();

  /** Most entries kept; 0 parses every value afresh, as without the cache (tests compare the two). */
  constructor(public capacity: number) {}

  get(language: string, variant: string, text: string, parse: () => LocalParseResult): LocalParseResult {
    const kind = `${language}\u0000${variant}`;
    let variants = this.young.get(text);
    if (!variants) {
      variants = this.old.get(text);
      if (variants) this.old.delete(text);
      else variants = new Map();
      this.keep(text, variants);
    }
    let entry = variants.get(kind);
    if (!entry) {
      entry = parse();
      variants.set(kind, entry);
    }
    return entry;
  }

  private keep(text: string, variants: Map<string, LocalParseResult>): void {
    if (this.young.size >= Math.max(1, this.capacity >> 1)) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(text, variants);
  }

  clear(): void {
    this.young.clear();
    this.old.clear();
  }

  /** Texts kept (each with the parses of its languages and variants). */
  get size(): number {
    return this.young.size + this.old.size;
  }
}

/** The process's cache of local parses (tests clear it to compare against fresh parses). */
export const localParses = new LocalParseCache(4096);

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

/**
 * A parse's tree in the parser's own offsets, and how to place one of its spans in the caller's
 * coordinates. Checks that only report spans walk this one: it is shared by every use of a
 * repeated value, so nothing is copied.
 */
export interface LocalTree<A> {
  readonly tree: A;
  place(span: Span): Span;
}

export interface QueryParseResult<A> {
  /** The tree with every span in the caller's coordinates, built when first read. */
  readonly ast: A;
  readonly diagnostics: SyntaxDiagnostic[];
  /** The same tree in the value's own offsets (see `LocalTree`). */
  readonly local: LocalTree<A>;
}

/**
 * A result that owns its tree: mapped in place when first read, as no other use sees it.
 * (Private fields and getters on the prototype: a result's own properties are what it found.)
 */
class OwnedParse<A> implements QueryParseResult<A>, LocalTree<A> {
  readonly #tree: A;
  readonly #map: OffsetMapper;
  readonly #length: number;
  #mapped: boolean;

  constructor(tree: A, map: OffsetMapper, length: number, readonly diagnostics: SyntaxDiagnostic[]) {
    this.#tree = tree;
    this.#map = map;
    this.#length = length;
    this.#mapped = map === identityMapper;
  }

  get ast(): A {
    if (!this.#mapped) mapAstSpans(this.#tree, this.#map, this.#length);
    this.#mapped = true;
    return this.#tree;
  }

  get local(): LocalTree<A> {
    return this;
  }

  get tree(): A {
    return this.#tree;
  }

  place(span: Span): Span {
    return this.#mapped ? { start: span.start, end: span.end } : mapQuerySpan(span, this.#map, this.#length);
  }
}

/** A result over a cached tree, shared: its mapped tree is a copy, built from the cached plan when first read. */
class SharedParse<A> implements QueryParseResult<A>, LocalTree<A> {
  readonly #entry: LocalParseResult;
  readonly #map: OffsetMapper;
  readonly #length: number;
  #copy: A | undefined;

  constructor(entry: LocalParseResult, map: OffsetMapper, length: number, readonly diagnostics: SyntaxDiagnostic[]) {
    this.#entry = entry;
    this.#map = map;
    this.#length = length;
  }

  get ast(): A {
    return (this.#copy ??= (this.#entry.plan ??= compileCopy(this.#entry.tree)).copy(this.#map, this.#length) as A);
  }

  get local(): LocalTree<A> {
    return this;
  }

  get tree(): A {
    return this.#entry.tree as A;
  }

  place(span: Span): Span {
    return mapQuerySpan(span, this.#map, this.#length);
  }
}

/**
 * Runs a language's parse with the shared guarantees: a length cap, mapped spans and no
 * exception ever escaping. `emptyAst` builds the tree returned when nothing was parsed.
 * `variant` names the options `parse` was made with (e.g. `oslc,lean`): with it, a value seen
 * before with the same language and variant is not parsed again (see `LocalParseCache`); the
 * result is the same, its tree a fresh copy mapped through this source's map.
 */
export function runQueryParse<A>(
  language: string,
  source: EmbeddedSource,
  parse: LocalParse<A>,
  emptyAst: (span: Span) => A,
  variant?: string,
): QueryParseResult<A> {
  const text = typeof source.text === "string" ? source.text : "";
  const map = safeMapper(source.map, text.length);
  const whole: Span = { start: 0, end: text.length };
  const sink = new DiagnosticSink(language);
  try {
    // Trees are mapped when first read, after this returns: a mapper that fails must fail here,
    // where it costs one diagnostic (the safe mapper only guards the later calls).
    if (source.map) {
      source.map(0);
      source.map(text.length);
    }
    if (text.length > MAX_QUERY_VALUE_LENGTH) {
      sink.warning(
        `${language}.too-long`,
        `This value is ${text.length.toLocaleString("en-US")} characters long, more than any server accepts in a URL ` +
          `(and more than the ${MAX_QUERY_VALUE_LENGTH.toLocaleString("en-US")} this checker reads), so it was not checked. ` +
          `Shorten it, or split the query into several requests.`,
        { start: 0, end: Math.min(text.length, 1) },
      );
      return new OwnedParse(emptyAst(whole), map, text.length, sink.mapped(map, text.length));
    }
    if (variant !== undefined && localParses.capacity > 0 && text.length <= MAX_CACHED_VALUE_LENGTH) {
      // The same value parsed with the same options gives the same local result: parse it once
      // and share its tree after. A value met once (most of a file's `where`s name one record)
      // is worth keeping no tree: its fresh tree is this result's own, as without the cache, and
      // the value is parsed once more the first time it comes again, to keep that tree.
      let fresh: A | undefined;
      const local = localParses.get(language, variant, text, () => {
        const localSink = new DiagnosticSink(language);
        fresh = parse(text, localSink);
        return { sink: localSink };
      });
      const diagnostics = local.sink.mapped(map, text.length);
      if (fresh !== undefined) return new OwnedParse<A>(fresh, map, text.length, diagnostics);
      local.tree ??= parse(text, new DiagnosticSink(language));
      return new SharedParse<A>(local, map, text.length, diagnostics);
    }
    const ast = parse(text, sink);
    return new OwnedParse(ast, map, text.length, sink.mapped(map, text.length));
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
    return new OwnedParse(emptyAst(span), identityMapper, text.length, [{ ...diagnostic, span }]);
  }
}

/**
 * Wraps the caller's mapper so a failing or non-numeric mapping cannot break a parse, nor a
 * tree mapped later: an offset it cannot map stays as it is.
 */
function safeMapper(map: OffsetMapper | undefined, length: number): OffsetMapper {
  if (!map) return identityMapper;
  return (offset) => {
    const clamped = Math.max(0, Math.min(offset, length));
    let mapped: number;
    try {
      mapped = map(clamped);
    } catch {
      return clamped;
    }
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
