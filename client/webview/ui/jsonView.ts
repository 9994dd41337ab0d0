/**
 * The JSON tab: the parsed body as a virtual tree (or, for a windowed body, a LazyJsonTree whose
 * records are fetched when opened). Click a triangle (or double-click a row) to
 * open or close it; expand to a level or collapse all; search reveals each match in turn (in a
 * windowed body it reads every record again, and opens the record a match lies in); copy a row's
 * path (as a request chain writes it) or value from the toolbar or the context menu.
 */
import { formatCount } from "../model/format";
import { copyValueText, formatPath, JsonTree, pathOf, valueText, type PathSegment, type SearchResult, type TreeRow } from "../model/jsonTree";
import type { LazyJsonTree } from "../model/lazyJsonTree";
import { button, el } from "./dom";
import type { PageServices } from "./services";
import { VirtualList } from "./virtualList";

const rowHeight = 20;
const indent = 16;

export class JsonView {
  readonly element = el("div", "json-view");
  private tree: JsonTree | undefined;
  /** A windowed body's tree: rows by index, records fetched when opened. */
  private lazy: LazyJsonTree | undefined;
  private rows: TreeRow[] = [];
  private selected: TreeRow | undefined;
  private readonly list: VirtualList;
  private readonly searchInput = el("input", "search-input");
  private readonly matchLabel = el("span", "match-label");
  private readonly note = el("div", "empty-note");
  private readonly levelSelect = el("select", "level-select");
  private matches: PathSegment[][] = [];
  private matchTotal = 0;
  private current = -1;
  private needle = "";
  /** Counts searches and moves between matches: a newer one makes an older one stop. */
  private searchRun = 0;
  /** A windowed body's search is still reading the records. */
  private searching = false;

  constructor(private readonly services: PageServices) {
    this.searchInput.type = "search";
    this.searchInput.placeholder = "Search keys and values";
    this.searchInput.setAttribute("aria-label", "Search keys and values");
    this.searchInput.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        void this.find(event.shiftKey ? -1 : 1);
      }
    });
    this.searchInput.addEventListener("search", () => {
      if (!this.searchInput.value) this.clearSearch();
    });
    for (const [value, label] of [["", "Expand to level…"], ["1", "Level 1"], ["2", "Level 2"], ["3", "Level 3"], ["4", "Level 4"], ["5", "Level 5"], ["99", "All levels"]]) {
      const option = el("option", undefined, label);
      option.value = value!;
      this.levelSelect.append(option);
    }
    this.levelSelect.setAttribute("aria-label", "Expand to level");
    this.levelSelect.addEventListener("change", () => {
      const depth = Number(this.levelSelect.value);
      this.levelSelect.value = "";
      if (depth) this.expandTo(depth);
    });
    const toolbar = el("div", "toolbar");
    toolbar.append(
      this.searchInput,
      button("↑", "icon", () => void this.find(-1), "Previous match (Shift+Enter)"),
      button("↓", "icon", () => void this.find(1), "Next match (Enter)"),
      this.matchLabel,
      el("span", "spacer"),
      this.levelSelect,
      button("Collapse all", "secondary", () => this.collapse()),
      button("Copy path", "secondary", () => this.copyPath(this.selected), "Copy the selected row's path"),
      button("Copy value", "secondary", () => this.copyValue(this.selected), "Copy the selected row's value"),
    );
    this.list = new VirtualList({
      rowHeight,
      className: "json-body",
      createRow: () => this.createRow(),
      renderRow: (row, index) => this.renderRow(row, index),
    });
    this.list.element.setAttribute("role", "tree");
    this.list.element.addEventListener("click", (event) => this.onClick(event));
    this.list.element.addEventListener("dblclick", (event) => {
      const row = this.rowAt(event.target);
      if (row) this.toggle(row);
    });
    this.list.element.addEventListener("contextmenu", (event) => this.onContextMenu(event));
    this.element.append(toolbar, this.note, this.list.element);
    this.showNote("Parsing the body…");
  }

  /** The parsed body; the tree opens at its root. */
  setRoot(root: unknown): void {
    this.tree = new JsonTree(root);
    this.note.hidden = true;
    this.update();
  }

  /** A windowed body: the top level and its records listed closed; opening one fetches it. */
  setLazy(tree: LazyJsonTree): void {
    this.lazy = tree;
    this.tree = undefined;
    this.note.hidden = true;
    this.searchInput.title = "Searches every record: they are read again from the response's file, and the record of each match is opened.";
    this.update();
  }

  /** A record came in from the host (or could not be read). */
  redraw(): void {
    if (this.lazy?.error) this.showNote(this.lazy.error);
    this.update();
  }

  showNote(text: string): void {
    this.note.hidden = false;
    this.note.textContent = text;
  }

  private update(): void {
    this.rows = this.tree?.rows() ?? [];
    this.list.setCount(this.lazy ? this.lazy.rowCount : this.rows.length);
    this.list.refresh();
  }

  private rowOf(index: number): TreeRow | undefined {
    return this.lazy ? this.lazy.rowAt(index) : this.rows[index];
  }

  /** The same row: a lazy tree makes a closed record's row afresh each time it is asked for. */
  private isSelected(row: TreeRow): boolean {
    const selected = this.selected;
    return row === selected || (selected !== undefined && this.lazy !== undefined && row.parent === selected.parent && row.key === selected.key && row.depth === selected.depth);
  }

  private expandTo(depth: number): void {
    const tree = this.lazy ?? this.tree;
    if (!tree) return;
    const reached = tree.expandToDepth(depth);
    this.update();
    if (reached < depth && depth !== 99) this.showNote(`Opened ${reached} levels: more would make over a million rows.`);
  }

  private collapse(): void {
    (this.lazy ?? this.tree)?.collapseAll();
    this.list.scrollToTop();
    this.update();
  }

  private toggle(row: TreeRow): void {
    if (this.lazy) {
      // "{loading…}" now; the tree calls back (app.ts: redraw) once the record is in.
      void this.lazy.toggle(row);
      this.update();
      return;
    }
    this.tree?.toggle(row);
    this.update();
  }

  private clearSearch(): void {
    this.searchRun++;
    this.searching = false;
    this.needle = "";
    this.matches = [];
    this.current = -1;
    this.matchLabel.textContent = "";
    this.list.refresh();
  }

  /** Runs the search when its text changed, then moves to the next (or previous) match. */
  private async find(direction: 1 | -1): Promise<void> {
    if (!this.lazy && !this.tree) return;
    const query = this.searchInput.value.trim();
    if (!query) return this.clearSearch();
    if (query.toLowerCase() !== this.needle) {
      const run = ++this.searchRun;
      this.needle = query.toLowerCase();
      this.matches = [];
      const result = this.lazy ? await this.searchRecords(this.lazy, query, run) : this.tree!.search(query);
      if (!result || run !== this.searchRun) return;
      this.matches = result.matches;
      this.matchTotal = result.total;
      this.current = direction === 1 ? -1 : 0;
    } else if (this.searching) return; // Enter again while the records are read: the first match comes when they are
    if (this.matches.length === 0) {
      this.matchLabel.textContent = "No matches";
      this.list.refresh();
      return;
    }
    this.current = (this.current + direction + this.matches.length) % this.matches.length;
    const run = ++this.searchRun;
    const path = this.matches[this.current]!;
    // A match in a closed record opens it: it is fetched first.
    const index = this.lazy ? await this.lazy.revealMatch(path) : this.tree!.reveal(path);
    if (run !== this.searchRun) return;
    this.update();
    if (index >= 0) {
      this.selected = this.rowOf(index);
      this.list.scrollToIndex(index);
      this.list.refresh();
    }
    const shownTotal = this.matchTotal > this.matches.length ? `${formatCount(this.matches.length)} shown of ${formatCount(this.matchTotal)}` : formatCount(this.matchTotal);
    this.matchLabel.textContent = `${formatCount(this.current + 1)} of ${shownTotal}`;
  }

  /** A windowed body's search: every record read again, with its progress in the match label. */
  private async searchRecords(tree: LazyJsonTree, query: string, run: number): Promise<SearchResult | undefined> {
    this.searching = true;
    this.matchLabel.textContent = "Searching…";
    this.list.refresh();
    try {
      return await tree.search(query, {
        cancelled: () => run !== this.searchRun,
        progress: (done, total) => {
          if (run === this.searchRun) this.matchLabel.textContent = `Searching ${formatCount(total)} records… ${Math.floor((done / total) * 100)}%`;
        },
      });
    } catch (error) {
      if (run !== this.searchRun) return undefined;
      // The body could not be read again (the response was replaced, its file removed).
      this.matchLabel.textContent = "";
      this.needle = "";
      this.showNote(`Could not search the records: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    } finally {
      if (run === this.searchRun) this.searching = false;
    }
  }

  private createRow(): HTMLElement {
    const row = el("div", "jrow");
    row.setAttribute("role", "treeitem");
    row.append(el("span", "twisty"), el("span", "jkey"), el("span", "jcolon"), el("span", "jvalue"));
    return row;
  }

  private renderRow(element: HTMLElement, index: number): void {
    const row = this.rowOf(index);
    if (!row) return;
    const [twisty, key, colon, value] = Array.from(element.children) as HTMLElement[];
    element.style.paddingLeft = `${row.depth * indent + 4}px`;
    const container = row.kind === "object" || row.kind === "array" || row.note !== undefined;
    twisty!.textContent = container ? (row.expanded ? "▾" : "▸") : "";
    element.setAttribute("aria-expanded", container ? String(row.expanded) : "");
    key!.textContent = row.key === undefined ? "" : typeof row.key === "number" ? String(row.key) : row.key;
    key!.className = typeof row.key === "number" ? "jkey jindex" : "jkey";
    colon!.textContent = row.key === undefined ? "" : ": ";
    const text = valueText(row);
    value!.textContent = text;
    value!.className = `jvalue j-${row.kind}`;
    element.classList.toggle("selected", this.isSelected(row));
    const hit = this.needle !== "" && ((typeof row.key === "string" && row.key.toLowerCase().includes(this.needle)) || (!container && text.toLowerCase().includes(this.needle)));
    element.classList.toggle("match", hit);
  }

  private rowAt(target: EventTarget | null): TreeRow | undefined {
    const element = (target as Element | null)?.closest?.(".jrow");
    const index = element ? this.list.indexOf(element) : undefined;
    return index === undefined ? undefined : this.rowOf(index);
  }

  private onClick(event: MouseEvent): void {
    const row = this.rowAt(event.target);
    if (!row) return;
    if ((event.target as Element).classList.contains("twisty")) {
      this.toggle(row);
      return;
    }
    this.selected = row;
    this.list.refresh();
  }

  private onContextMenu(event: MouseEvent): void {
    const row = this.rowAt(event.target);
    if (!row) return;
    this.selected = row;
    this.list.refresh();
    this.services.menu.show(event, [
      { label: "Copy path", run: () => this.copyPath(row) },
      { label: "Copy value", run: () => this.copyValue(row) },
    ]);
  }

  private copyPath(row: TreeRow | undefined): void {
    if (row) this.services.copy(formatPath(pathOf(row)), "path");
  }

  private copyValue(row: TreeRow | undefined): void {
    if (!row) return;
    const record = this.lazy && row.value === undefined ? this.lazy.entryIndex(row) : undefined;
    if (record === undefined) {
      this.services.copy(copyValueText(row.value), "value");
      return;
    }
    // A closed record: read it from the host for the copy, without opening it.
    this.lazy!.fetchRecord(record).then(
      (value) => this.services.copy(copyValueText(value), "value"),
      (error: unknown) => this.showNote(`Could not read record ${record}: ${error instanceof Error ? error.message : String(error)}`),
    );
  }
}
