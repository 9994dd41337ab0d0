/** Reading chevrotain CST children and line tokens. */
import type { CstNode, IToken } from "chevrotain";
import { EMPTY } from "./empty";

export type Children = Record<string, (CstNode | IToken)[] | undefined>;

// CST children a rule did not produce are absent: read them as the shared empty list rather
// than allocating one per lookup.
export function tokens(elements: (CstNode | IToken)[] | undefined): readonly IToken[] {
  return (elements ?? EMPTY) as readonly IToken[];
}

export function nodes(elements: (CstNode | IToken)[] | undefined): readonly CstNode[] {
  return (elements ?? EMPTY) as readonly CstNode[];
}

export function first<T>(items: readonly T[] | undefined): T | undefined {
  return items?.[0];
}

export function lastOf<T>(items: readonly T[] | undefined): T | undefined {
  return items && items.length > 0 ? items[items.length - 1] : undefined;
}

export function tokenEnd(token: IToken): number {
  return token.startOffset + token.image.length;
}

/** End of a line token without its line break. */
export function lineEnd(token: IToken): number {
  const image = token.image;
  let end = image.length;
  if (end > 0 && image.charCodeAt(end - 1) === 10) end--;
  if (end > 0 && image.charCodeAt(end - 1) === 13) end--;
  return token.startOffset + end;
}

/** Two token lists in source order. */
export function mergeByOffset(a: readonly IToken[], b: readonly IToken[]): readonly IToken[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  return [...a, ...b].sort((x, y) => x.startOffset - y.startOffset);
}
