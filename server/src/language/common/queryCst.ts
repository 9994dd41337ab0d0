/**
 * Helpers the query-language AST builders share for reading chevrotain CSTs: typed rule
 * contexts, tokens in source order without recovered ones, spans covering several parts, and
 * dot paths of names.
 */
import type { CstNode, IToken } from "chevrotain";
import type { NamePath, NameSegment } from "./queryAst";
import { invisibleCharacterIn } from "./invisibleCharacters";
import { splitPrefix, tokenSpan, ZERO_WIDTH_IN_NAME } from "./queryTokens";
import type { DiagnosticSink } from "./querySupport";
import type { Span } from "./types";

/** A rule's children, typed by the builder that knows the rule (keys are rule and token names). */
export function cstContext<C>(node: CstNode): C {
  return node.children as unknown as C;
}

/** The smallest span covering all given spans (undefined ones are skipped). */
export function coverSpans(...spans: (Span | undefined)[]): Span | undefined {
  let result: Span | undefined;
  for (const span of spans) {
    if (!span) continue;
    result = result ? { start: Math.min(result.start, span.start), end: Math.max(result.end, span.end) } : { start: span.start, end: span.end };
  }
  return result;
}

/** Tokens of several CST keys merged back into source order, recovered tokens left out. */
export function tokensInOrder(...groups: (readonly IToken[] | undefined)[]): IToken[] {
  const tokens: IToken[] = [];
  for (const group of groups) {
    if (group) for (const token of group) if (tokenSpan(token) !== undefined) tokens.push(token);
  }
  // Most calls pass one group, or groups already in order: sort (stable) only when needed.
  for (let i = 1; i < tokens.length; i++) {
    if (tokens[i - 1]!.startOffset > tokens[i]!.startOffset) return tokens.sort((a, b) => a.startOffset - b.startOffset);
  }
  return tokens;
}

export interface NameRules {
  text: string;
  sink: DiagnosticSink;
  /** `lean=1`: a prefixed name is reported with `leanCode`. */
  lean: boolean;
  leanCode: string;
  /** The language's code for a character that has no place, used for one pasted inside a name. */
  strayCode: string;
  isTemplate(token: IToken): boolean;
}

/** One name token as a segment: a `{{var}}`, `*` or a (possibly prefixed) name. */
export function nameSegment(token: IToken, rules: NameRules): NameSegment {
  const span = tokenSpan(token) as Span;
  if (rules.isTemplate(token) || token.image === "*") return { span, text: token.image, name: token.image, template: rules.isTemplate(token) };
  const written = withoutZeroWidth(token.image, span, rules);
  const { prefix, name } = splitPrefix(written);
  if (prefix === undefined) return { span, text: token.image, name, template: false };
  if (rules.lean) {
    rules.sink.error(
      rules.leanCode,
      `With lean=1 names are bare, so ${written} names nothing: write ${name} (or drop lean=1 to keep prefixed names).`,
      span,
    );
  }
  return { span, text: token.image, prefix, name, template: false };
}

/**
 * The name as it looks, reporting a zero-width character inside it once, over the whole name
 * (a squiggle under the character alone would be zero-width too). Schema checks then read the
 * name the user meant, so the one error is the only finding.
 */
function withoutZeroWidth(image: string, span: Span, rules: NameRules): string {
  const invisible = invisibleCharacterIn(image);
  if (!invisible) return image;
  const visible = image.replace(ZERO_WIDTH_IN_NAME, "");
  rules.sink.error(
    rules.strayCode,
    `${visible} holds an invisible ${invisible.label} after ${image.slice(0, invisible.index)}: delete it. Maximo reads it as part of the name, which then names nothing.`,
    span,
  );
  return visible;
}

/**
 * A dot path from its name and dot tokens in source order; `incomplete` when it ends with a
 * dot. Undefined when there is no name at all.
 */
export function namePath(tokens: IToken[], isDot: (token: IToken) => boolean, rules: NameRules): NamePath | undefined {
  const span = coverSpans(...tokens.map((t) => tokenSpan(t)));
  if (!span) return undefined;
  const segments: NameSegment[] = [];
  let incomplete = false;
  for (const token of tokens) {
    if (isDot(token)) {
      incomplete = true;
      continue;
    }
    incomplete = false;
    segments.push(nameSegment(token, rules));
  }
  if (segments.length === 0) return undefined;
  return { span, segments, text: rules.text.slice(span.start, span.end), incomplete };
}

export interface StrayElement {
  kind: "stray";
  token: IToken;
  span: Span;
}

/**
 * The stray at `index` and, when it is an unknown character, the adjacent unknown characters
 * after it: one diagnostic per run reads better than one per character.
 */
export function strayRun(
  elements: readonly { kind: string }[],
  index: number,
  unknown: IToken["tokenType"],
): { element: StrayElement; span: Span; last: number } {
  const element = elements[index] as StrayElement;
  let end = element.span.end;
  let last = index;
  while (element.token.tokenType === unknown) {
    const next = elements[last + 1] as StrayElement | undefined;
    if (next?.kind !== "stray" || next.token.tokenType !== unknown || next.span.start !== end) break;
    last++;
    end = next.span.end;
  }
  return { element, span: { start: element.span.start, end }, last };
}
