/**
 * Which table columns to draw for a horizontal scroll position: records with oslc.select=* carry
 * 50 to 100 fields, of which a screen shows ten or so; drawing only those keeps each frame cheap.
 * DOM-free.
 */

export interface ColumnWindow {
  /** First and one-past-last column to draw. */
  start: number;
  end: number;
  /** Width of the columns before `start` (the spacer in front of the drawn cells). */
  before: number;
}

/** Left edge of each column and, last, the total width. */
export function columnOffsets(widths: readonly number[]): number[] {
  const offsets = [0];
  for (const width of widths) offsets.push(offsets[offsets.length - 1]! + width);
  return offsets;
}

export function columnWindow(offsets: readonly number[], scrollLeft: number, viewportWidth: number, overscanPx = 400): ColumnWindow {
  const count = offsets.length - 1;
  const from = scrollLeft - overscanPx;
  const to = scrollLeft + viewportWidth + overscanPx;
  let start = 0;
  while (start < count && offsets[start + 1]! <= from) start++;
  let end = start;
  while (end < count && offsets[end]! < to) end++;
  return { start, end, before: offsets[start] ?? 0 };
}
