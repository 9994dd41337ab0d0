/**
 * The Table tab: the `member` records in a virtual grid with a sticky header. Click a header to
 * sort, drag its right edge to resize, type in the filter box; copy a cell, a row or CSV from the
 * context menu, the toolbar, or Ctrl+C on the selected cell.
 *
 * The records are in memory (`TableModel`), or for a large body a `WindowedTable`: rows are
 * fetched from the host as they are drawn (blank until they come), sort and filter read the body
 * again with a progress figure, and copying a whole table stops at `copyRowsCap` rows.
 */
import { cellCopyText, cellText } from "../model/cellText";
import { columnOffsets, columnWindow, type ColumnWindow } from "../model/columnWindow";
import { formatCount } from "../model/format";
import { fieldOf, TableModel, type TableSource } from "../model/tableModel";
import type { WindowedTable } from "../model/windowedTable";
import { button, debounce, el } from "./dom";
import type { PageServices } from "./services";
import { VirtualList } from "./virtualList";

const rowHeight = 22;
const numberColumnWidth = 56;
const minWidth = 48;
const charWidth = 7.5;
/** While loading, how often appended rows reach the screen. */
const refreshMs = 250;

interface Selection {
  row: number;
  column: number;
}

export class TableView {
  readonly element = el("div", "table-view");
  readonly model: TableSource;
  /** The in-memory model, when the records are kept (not windowed). */
  private readonly memory: TableModel | undefined;
  private readonly windowed: WindowedTable | undefined;
  private fetchQueued = false;
  /** A sort or filter reading a windowed body: its progress replaces the count. */
  private busy: string | undefined;
  private readonly header = el("div", "table-header");
  private readonly list: VirtualList;
  private readonly count = el("span", "table-count");
  private readonly filterInput = el("input", "filter-input");
  private readonly empty = el("div", "empty-note");
  /** Widths by column name (columns may be inserted before others while records arrive). */
  private readonly widthOf = new Map<string, number>();
  /** Widths in column order, and each column's left edge. */
  private widths: number[] = [];
  private offsets: number[] = [0];
  /** The columns drawn in every row; moves with horizontal scrolling. */
  private columns: ColumnWindow = { start: 0, end: 0, before: 0 };
  private scrollLeft = 0;
  private viewportWidth = 1400;
  private selection: Selection | undefined;
  private loading = true;
  private shownOnce = false;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly services: PageServices,
    selectOrder?: readonly string[],
    windowed?: WindowedTable,
  ) {
    this.windowed = windowed;
    this.memory = windowed ? undefined : new TableModel(selectOrder);
    this.model = windowed ?? this.memory!;
    this.filterInput.type = "search";
    this.filterInput.placeholder = "Filter rows";
    this.filterInput.setAttribute("aria-label", "Filter rows");
    this.filterInput.addEventListener("input", debounce(150, () => this.applyFilter()));
    const toolbar = el("div", "toolbar");
    toolbar.append(
      this.filterInput,
      this.count,
      button("Copy CSV", "secondary", () => void this.copyCsv(), "Copy the rows shown (filtered and sorted) as CSV"),
    );
    this.list = new VirtualList({
      rowHeight,
      className: "table-body",
      header: this.header,
      createRow: () => this.createRow(),
      renderRow: (row, index) => this.renderRow(row, index),
    });
    this.list.element.setAttribute("role", "grid");
    this.list.element.addEventListener("click", (event) => this.onClick(event));
    this.list.element.addEventListener("contextmenu", (event) => this.onContextMenu(event));
    this.list.element.addEventListener("keydown", (event) => this.onKey(event));
    this.list.element.addEventListener("scroll", () => this.onScroll(), { passive: true });
    new ResizeObserver(() => {
      this.viewportWidth = this.list.element.clientWidth;
      this.updateColumnWindow();
    }).observe(this.list.element);
    this.empty.hidden = true;
    this.element.append(toolbar, this.empty, this.list.element);
    this.buildHeader();
  }

  /**
   * Adds records parsed so far. The first batch shows at once; later ones reach the screen at most
   * every `refreshMs`, since each redraw of the grid costs a frame that parsing could use.
   */
  append(records: readonly unknown[]): void {
    const sample = this.model.recordCount === 0 ? records.slice(0, 50) : [];
    this.grew(sample, this.memory!.append(records));
  }

  /** Records were added to the model (`sample`: the first ones, to size the columns); `newColumns` when columns were added. */
  grew(sample: readonly unknown[], newColumns: boolean): void {
    if (newColumns) {
      this.selection = undefined;
      this.sizeColumns(sample);
      this.buildHeader();
      this.updateColumnWindow(true);
    }
    if (this.shownOnce && this.loading) {
      this.refreshTimer ??= setTimeout(() => this.showRows(), refreshMs);
      return;
    }
    this.shownOnce = true;
    this.showRows();
  }

  /** Parsing finished. */
  finish(): void {
    this.loading = false;
    this.showRows();
  }

  private showRows(): void {
    if (this.refreshTimer !== undefined) clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
    this.list.setCount(this.model.rowCount);
    this.updateCount();
  }

  /** Rows fetched for a windowed body came in, or its sort/filter finished: redraw. */
  redraw(): void {
    this.busy = undefined;
    this.list.setCount(this.model.rowCount);
    this.list.refresh();
    this.updateCount();
  }

  /** A windowed sort or filter has read `done` of `total` records. */
  progress(done: number, total: number): void {
    this.busy = `${this.model.sort ? "Sorting" : "Filtering"} ${formatCount(total)} records… ${Math.floor((done / Math.max(1, total)) * 100)}%`;
    this.updateCount();
  }

  private updateCount(): void {
    const total = this.model.recordCount;
    const shown = this.model.rowCount;
    const records = `${formatCount(total)} ${total === 1 ? "record" : "records"}`;
    const error = this.windowed?.error;
    this.count.textContent = error ?? this.busy ?? `${shown === total ? records : `${formatCount(shown)} of ${records}`}${this.loading ? " (loading…)" : ""}`;
    this.empty.hidden = this.loading || total > 0;
    this.empty.textContent = "This response has no member records.";
  }

  private sizeColumns(sample: readonly unknown[]): void {
    for (const key of this.model.columnKeys) {
      if (this.widthOf.has(key)) continue;
      let chars = key.length + 2;
      for (const record of sample) chars = Math.max(chars, Math.min(40, cellCopyText(fieldOf(record, key)).length));
      this.widthOf.set(key, Math.max(minWidth, Math.round(chars * charWidth + 16)));
    }
    this.applyWidths();
  }

  private applyWidths(): void {
    this.widths = this.model.columnKeys.map((key) => this.widthOf.get(key) ?? minWidth);
    this.offsets = columnOffsets(this.widths);
    const total = numberColumnWidth + this.offsets[this.offsets.length - 1]!;
    this.header.style.width = `${total}px`;
    this.list.setContentWidth(`${total}px`);
  }

  private onScroll(): void {
    const left = this.list.element.scrollLeft;
    if (left === this.scrollLeft) return;
    this.scrollLeft = left;
    this.updateColumnWindow();
  }

  /** Redraws the rows when the columns in view changed (or `force`). */
  private updateColumnWindow(force = false): void {
    const next = columnWindow(this.offsets, Math.max(0, this.scrollLeft - numberColumnWidth), this.viewportWidth, 200);
    if (!force && next.start === this.columns.start && next.end === this.columns.end) return;
    this.columns = next;
    this.list.refresh();
  }

  private buildHeader(): void {
    const cells: HTMLElement[] = [el("div", "th row-number", "#")];
    cells[0]!.style.width = `${numberColumnWidth}px`;
    this.model.columnKeys.forEach((key, i) => {
      const cell = el("div", "th");
      cell.setAttribute("role", "columnheader");
      cell.dataset.column = key;
      cell.style.width = `${this.widths[i] ?? minWidth}px`;
      const sorted = this.model.sort?.column === key ? this.model.sort.direction : undefined;
      cell.setAttribute("aria-sort", sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none");
      cell.append(el("span", "th-label", key), el("span", "sort-mark", sorted === "asc" ? " ▲" : sorted === "desc" ? " ▼" : ""));
      cell.title = `${key}: click to sort`;
      cell.addEventListener("click", () => this.sortBy(key));
      const handle = el("div", "resize-handle");
      handle.title = "Drag to resize";
      handle.addEventListener("click", (event) => event.stopPropagation());
      handle.addEventListener("pointerdown", (event) => this.startResize(event, i, handle, cell));
      cell.append(handle);
      cells.push(cell);
    });
    this.header.replaceChildren(...cells);
  }

  /** A row: the record number, a spacer for the columns scrolled past, then the drawn cells. */
  private createRow(): HTMLElement {
    const row = el("div", "tr");
    row.setAttribute("role", "row");
    const number = el("div", "td row-number");
    number.style.width = `${numberColumnWidth}px`;
    const spacer = el("div", "td-spacer");
    row.append(number, spacer);
    return row;
  }

  private renderRow(row: HTMLElement, index: number): void {
    const keys = this.model.columnKeys;
    const record = this.model.recordAt(index);
    const loaded = this.model.isLoaded(index);
    // A windowed row not fetched yet: blank until its bytes come from the host.
    if (!loaded) this.queueFetch();
    row.classList.toggle("row-loading", !loaded);
    const { start, end, before } = this.columns;
    row.style.width = `${numberColumnWidth + this.offsets[this.offsets.length - 1]!}px`;
    row.children[0]!.textContent = String((this.model.recordIndex(index) ?? 0) + 1);
    (row.children[1] as HTMLElement).style.width = `${before}px`;
    const drawn = end - start;
    while (row.children.length - 2 < drawn) {
      const cell = el("div", "td");
      cell.setAttribute("role", "gridcell");
      row.append(cell);
    }
    while (row.children.length - 2 > drawn) row.lastChild!.remove();
    for (let i = 0; i < drawn; i++) {
      const column = start + i;
      const key = keys[column]!;
      const cell = row.children[i + 2] as HTMLElement;
      const value = fieldOf(record, key);
      const text = cellText(value);
      cell.dataset.column = String(column);
      cell.style.width = `${this.widths[column]}px`;
      cell.textContent = text;
      cell.title = text.length > 30 ? text : "";
      cell.classList.toggle("selected", this.selection?.row === index && this.selection.column === column);
      cell.classList.toggle("missing", loaded && value === undefined);
    }
  }

  /** After drawing, fetch the windowed rows that were not cached (once per frame's worth of rows). */
  private queueFetch(): void {
    if (this.fetchQueued || !this.windowed) return;
    this.fetchQueued = true;
    queueMicrotask(() => {
      this.fetchQueued = false;
      void this.windowed?.fetchWanted();
    });
  }

  private sortBy(key: string): void {
    const done = this.model.toggleSort(key);
    this.selection = undefined;
    this.buildHeader();
    if (done) {
      this.progress(0, this.model.recordCount);
      void done.then(() => this.redraw());
    } else this.list.refresh();
  }

  private applyFilter(): void {
    const done = this.model.setFilter(this.filterInput.value.trim());
    this.selection = undefined;
    this.list.scrollToTop();
    if (done) {
      this.progress(0, this.model.recordCount);
      void done.then(() => this.redraw());
      return;
    }
    this.list.setCount(this.model.rowCount);
    this.list.refresh();
    this.updateCount();
  }

  private startResize(event: PointerEvent, column: number, handle: HTMLElement, headerCell: HTMLElement): void {
    event.preventDefault();
    event.stopPropagation();
    const startX = event.clientX;
    const startWidth = this.widths[column] ?? minWidth;
    handle.setPointerCapture(event.pointerId);
    const move = (moved: PointerEvent) => {
      const width = Math.max(minWidth, Math.round(startWidth + moved.clientX - startX));
      this.widthOf.set(this.model.columnKeys[column]!, width);
      headerCell.style.width = `${width}px`;
      this.applyWidths();
      this.updateColumnWindow(true);
    };
    const stop = () => {
      handle.removeEventListener("pointermove", move);
      handle.removeEventListener("pointerup", stop);
      handle.removeEventListener("pointercancel", stop);
    };
    handle.addEventListener("pointermove", move);
    handle.addEventListener("pointerup", stop);
    handle.addEventListener("pointercancel", stop);
  }

  private cellAt(target: EventTarget | null): Selection | undefined {
    const cell = (target as Element | null)?.closest?.(".td[data-column]") as HTMLElement | null;
    const row = cell?.parentElement;
    const index = row ? this.list.indexOf(row) : undefined;
    if (!cell || index === undefined) return undefined;
    return { row: index, column: Number(cell.dataset.column) };
  }

  private onClick(event: MouseEvent): void {
    const at = this.cellAt(event.target);
    if (!at) return;
    this.selection = at;
    this.list.refresh();
  }

  private onKey(event: KeyboardEvent): void {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "c" && this.selection) {
      event.preventDefault();
      this.copyCell(this.selection);
    }
  }

  private onContextMenu(event: MouseEvent): void {
    const at = this.cellAt(event.target);
    if (!at) return;
    this.selection = at;
    this.list.refresh();
    this.services.menu.show(event, [
      { label: "Copy cell", run: () => this.copyCell(at) },
      { label: "Copy row as JSON", run: () => this.services.copy(JSON.stringify(this.model.recordAt(at.row), null, 2), "row") },
      { label: "Copy row as CSV", run: () => void this.model.csvOf([at.row]).then((csv) => this.services.copy(csv.text, "row as CSV")) },
      { label: "Copy column values", run: () => void this.copyColumn(at.column) },
      { label: "Copy table as CSV", run: () => void this.copyCsv() },
    ]);
  }

  private copyCell(at: Selection): void {
    const key = this.model.columnKeys[at.column];
    if (key === undefined) return;
    this.services.copy(cellCopyText(fieldOf(this.model.recordAt(at.row), key)), "cell");
  }

  private async copyColumn(column: number): Promise<void> {
    const key = this.model.columnKeys[column];
    if (key === undefined) return;
    const csv = await this.model.csvOf(undefined, [key], false);
    this.services.copy(csv.text.replace(/\r\n$/, ""), `${key} values${capped(csv)}`);
  }

  private async copyCsv(): Promise<void> {
    const csv = await this.model.csvOf();
    this.services.copy(csv.text, `CSV (${formatCount(csv.rows)} ${csv.rows === 1 ? "row" : "rows"}${capped(csv)})`);
  }
}

/** Words for a copy stopped at the cap: a windowed table copies its first rows only. */
function capped(csv: { rows: number; of: number }): string {
  return csv.rows < csv.of ? ` of ${formatCount(csv.of)}; Export writes them all` : "";
}
