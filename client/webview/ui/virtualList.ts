/**
 * A scrolling list that creates elements only for the rows in view (plus a few), reusing them as
 * it scrolls, so 100,000 rows cost what 50 do. Rows have one fixed height.
 */
import { scrollTopFor, virtualWindow } from "../model/virtualRange";
import { el } from "./dom";

/** Rows drawn beyond each edge of the viewport, so a small scroll shows drawn rows. */
const overscanRows = 6;

export interface VirtualListOptions {
  rowHeight: number;
  className: string;
  createRow(): HTMLElement;
  renderRow(element: HTMLElement, index: number): void;
  /** Drawn above the rows inside the scroller (sticky), e.g. a table header. */
  header?: HTMLElement;
}

export class VirtualList {
  readonly element: HTMLDivElement;
  private readonly content: HTMLDivElement;
  private pool: HTMLElement[] = [];
  private count = 0;
  private drawn = { start: 0, end: 0, top: -1 };
  /** Row data changed: redraw even if the window did not move. */
  private stale = true;
  private frame = 0;
  // Geometry kept from scroll and resize events, so drawing never reads layout (which would
  // force a synchronous layout while rows are being appended).
  private scrollTop = 0;
  private height = 0;
  private headerHeight = 0;

  constructor(private readonly options: VirtualListOptions) {
    this.element = el("div", `virtual-list ${options.className}`);
    this.element.tabIndex = 0;
    if (options.header) this.element.append(options.header);
    this.content = el("div", "virtual-content");
    this.element.append(this.content);
    this.element.addEventListener(
      "scroll",
      () => {
        this.scrollTop = this.element.scrollTop;
        this.schedule();
      },
      { passive: true },
    );
    const resized = new ResizeObserver(() => {
      this.height = this.element.clientHeight;
      this.headerHeight = options.header?.offsetHeight ?? 0;
      this.schedule();
    });
    resized.observe(this.element);
    if (options.header) resized.observe(options.header);
  }

  get rowCount(): number {
    return this.count;
  }

  /** New row count; rows already drawn are redrawn only when the window moved. */
  setCount(count: number): void {
    this.count = count;
    this.render();
  }

  /** Redraws the rows in view (their data changed). */
  refresh(): void {
    this.stale = true;
    this.render();
  }

  setContentWidth(width: string): void {
    this.content.style.width = width;
  }

  scrollToIndex(index: number): void {
    this.scrollTop = scrollTopFor(index, this.scrollTop, this.viewportHeight(), this.options.rowHeight, this.count);
    this.element.scrollTop = this.scrollTop;
    this.refresh();
  }

  /** Back to the first row (e.g. after filtering). */
  scrollToTop(): void {
    this.scrollTop = 0;
    this.element.scrollTop = 0;
  }

  /** The row index under a row element, or undefined. */
  indexOf(row: Element): number | undefined {
    const value = (row as HTMLElement).dataset.index;
    return value === undefined ? undefined : Number(value);
  }

  private viewportHeight(): number {
    // Before the first resize report (a hidden tab), assume a screenful.
    return this.height > 0 ? Math.max(0, this.height - this.headerHeight) : 1000;
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  private render(): void {
    const { rowHeight } = this.options;
    const visible = virtualWindow(this.scrollTop, this.viewportHeight(), rowHeight, this.count, overscanRows);
    this.content.style.height = `${visible.contentHeight}px`;
    const { start, end, top } = visible;
    const drawn = this.drawn;
    if (!this.stale && start === drawn.start && end === drawn.end && top === drawn.top) return;
    // Rows appended below those already drawn (a list still loading): draw only the new ones.
    const from = !this.stale && start === drawn.start && top === drawn.top && end > drawn.end ? drawn.end - start : 0;
    this.stale = false;
    this.drawn = { start, end, top };
    const needed = end - start;
    while (this.pool.length < needed) {
      const row = this.options.createRow();
      row.style.position = "absolute";
      row.style.height = `${rowHeight}px`;
      row.hidden = true;
      this.pool.push(row);
      this.content.append(row);
    }
    for (let i = from; i < this.pool.length; i++) {
      const row = this.pool[i]!;
      if (i >= needed) {
        row.hidden = true;
        continue;
      }
      const index = start + i;
      row.hidden = false;
      row.dataset.index = String(index);
      row.style.transform = `translateY(${top + i * rowHeight}px)`;
      this.options.renderRow(row, index);
    }
  }
}
