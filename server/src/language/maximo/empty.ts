/** The one empty list every tree shares: most blocks have no scripts, variables or comments. */
export const EMPTY: readonly never[] = Object.freeze([]);

/**
 * `list` as a tree keeps it: an exact-size copy (a list grown by `push` reserves room for 17
 * items, most of it never used), or the shared empty list when it holds nothing.
 */
export function orEmpty<T>(list: readonly T[] | undefined): readonly T[] {
  return list && list.length > 0 ? list.slice() : EMPTY;
}
