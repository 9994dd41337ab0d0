/** Positions as editors count them: 0-based line and UTF-16 character (the LSP shape). */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** Index of the last element of the ascending `values` that is <= `target` (0 when none is). */
export function lastAtOrBefore(values: readonly number[], target: number): number {
  let low = 0;
  let high = values.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (values[mid]! <= target) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Same over a mapped sequence, without building the array. */
export function lastAtOrBeforeBy<T>(items: readonly T[], key: (item: T) => number, target: number): number {
  let low = 0;
  let high = items.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (key(items[mid]!) <= target) low = mid;
    else high = mid - 1;
  }
  return low;
}
