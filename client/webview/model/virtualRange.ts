/**
 * Which rows of a virtual list to draw, and where. Browsers cap an element's height (about
 * 33 million px in Chromium), so past `maxScrollHeight` the scrollbar is scaled: its position
 * maps proportionally onto the rows. DOM-free.
 */

export const maxScrollHeight = 8_000_000;

export interface VirtualWindow {
  /** Height to give the scrolled content. */
  contentHeight: number;
  /** First and one-past-last row to draw. */
  start: number;
  end: number;
  /** Offset from the content's top for the row `start`. */
  top: number;
}

interface Geometry {
  contentHeight: number;
  /** Scroll positions the content allows, and the same for the unscaled list. */
  scrollRange: number;
  fullRange: number;
}

function geometry(viewportHeight: number, rowHeight: number, count: number): Geometry {
  const fullHeight = count * rowHeight;
  const contentHeight = Math.min(fullHeight, maxScrollHeight);
  return {
    contentHeight,
    scrollRange: Math.max(0, contentHeight - viewportHeight),
    fullRange: Math.max(0, fullHeight - viewportHeight),
  };
}

/** Where in the unscaled list a scroll position points (scrollTop 0 is row 0, the bottom is the last row). */
function toVirtual(g: Geometry, scrollTop: number): number {
  const clamped = Math.min(Math.max(0, scrollTop), g.scrollRange);
  return g.scrollRange === 0 ? 0 : (clamped / g.scrollRange) * g.fullRange;
}

export function virtualWindow(scrollTop: number, viewportHeight: number, rowHeight: number, count: number, overscan = 8): VirtualWindow {
  const g = geometry(viewportHeight, rowHeight, count);
  const clampedTop = Math.min(Math.max(0, scrollTop), g.scrollRange);
  const virtualTop = toVirtual(g, scrollTop);
  const start = Math.max(0, Math.floor(virtualTop / rowHeight) - overscan);
  const end = Math.min(count, Math.ceil((virtualTop + viewportHeight) / rowHeight) + overscan);
  // Row i sits at clampedTop + (i * rowHeight - virtualTop) in content coordinates.
  return { contentHeight: g.contentHeight, start, end, top: clampedTop + (start * rowHeight - virtualTop) };
}

/** The scrollTop that shows row `index`: unchanged when it is in view, else with the row at the top. */
export function scrollTopFor(index: number, currentTop: number, viewportHeight: number, rowHeight: number, count: number): number {
  const g = geometry(viewportHeight, rowHeight, count);
  const virtualTop = toVirtual(g, currentTop);
  const rowTop = index * rowHeight;
  if (rowTop >= virtualTop && rowTop + rowHeight <= virtualTop + viewportHeight) return currentTop;
  const target = Math.min(rowTop, g.fullRange);
  return g.fullRange === 0 ? 0 : (target / g.fullRange) * g.scrollRange;
}
