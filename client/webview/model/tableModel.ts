/**
 * The Table tab's data: the `member` records, their columns, the sort and the filter, and CSV.
 * Records arrive in batches while the body is parsed; the model grows with them. DOM-free.
 */
import { cellCopyText, cellText } from "./cellText";

export type SortDirection = "asc" | "desc";

export interface SortState {
  column: string;
  direction: SortDirection;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The value of `column` in a record (undefined for a missing key or a non-object record). */
export function fieldOf(record: unknown, column: string): unknown {
  return isRecord(record) && Object.prototype.hasOwnProperty.call(record, column) ? record[column] : undefined;
}

/** Links and bookkeeping a lean record carries (reference §3): shown after the data columns. */
const TRAILING_KEY = /^(href|localref|_rowstamp|_imagelibref|rdf:about)$|_collectionref$/;

/**
 * Columns in `selectOrder` order when given (then any other keys the records carry), else the
 * union of the records' keys in first-seen order; links such as `href` come last either way.
 */
export class ColumnSet {
  readonly keys: string[] = [];
  private readonly seen = new Set<string>();
  private dataColumns = 0;

  constructor(selectOrder?: readonly string[]) {
    for (const key of selectOrder ?? []) this.addKey(key);
  }

  /** Adds the keys of these records; true when a column was added. */
  add(records: Iterable<unknown>): boolean {
    const before = this.keys.length;
    for (const record of records) {
      if (isRecord(record)) for (const key of Object.keys(record)) this.addKey(key);
    }
    return this.keys.length > before;
  }

  private addKey(key: string): void {
    if (this.seen.has(key)) return;
    this.seen.add(key);
    if (TRAILING_KEY.test(key)) this.keys.push(key);
    else this.keys.splice(this.dataColumns++, 0, key);
  }
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });

/** Orders two field values: numbers by value, booleans false first, the rest as text; missing last. */
export function compareValues(a: unknown, b: unknown): number {
  const aMissing = a === undefined || a === null;
  const bMissing = b === undefined || b === null;
  if (aMissing || bMissing) return aMissing === bMissing ? 0 : aMissing ? 1 : -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
  return collator.compare(cellText(a), cellText(b));
}

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(fields: readonly string[]): string {
  return fields.map(csvField).join(",");
}

/** The text the filter looks in: a record's cells under `columns`, lower-cased. */
export function searchTextOf(record: unknown, columns: readonly string[]): string {
  return columns.map((column) => cellText(fieldOf(record, column))).join("\u0001").toLowerCase();
}

/** A sort key as compact as the value it stands for: nested values become their cell text (compared as text anyway). */
export function sortKeyOf(value: unknown): unknown {
  return typeof value === "object" && value !== null ? cellText(value) : value;
}

/**
 * Positions 0..keys.length-1 ordered by their keys: missing values last in both directions,
 * ties in their original order.
 */
export function sortedPositions(keys: readonly unknown[], direction: SortDirection): number[] {
  const order = keys.map((_, position) => position);
  const sign = direction === "asc" ? 1 : -1;
  order.sort((a, b) => {
    const ka = keys[a];
    const kb = keys[b];
    const missing = (ka === undefined || ka === null ? 1 : 0) - (kb === undefined || kb === null ? 1 : 0);
    if (missing !== 0) return missing;
    return sign * compareValues(ka, kb) || a - b;
  });
  return order;
}

/**
 * The same order as `sortedPositions`, computed in slices of about `sliceMs` with `pause()`
 * between them, so sorting 100,000 text values (a second of collation) never holds the page for
 * long: a bottom-up merge sort (stable, so ties keep their original order). Undefined when
 * `cancelled()` says a newer request replaced this one.
 */
export async function sortedPositionsInSlices(
  keys: readonly unknown[],
  direction: SortDirection,
  pause: () => Promise<void>,
  cancelled: () => boolean = () => false,
  sliceMs = 8,
): Promise<number[] | undefined> {
  const n = keys.length;
  const sign = direction === "asc" ? 1 : -1;
  const before = (x: number, y: number): boolean => {
    const kx = keys[x];
    const ky = keys[y];
    const missing = (kx === undefined || kx === null ? 1 : 0) - (ky === undefined || ky === null ? 1 : 0);
    if (missing !== 0) return missing < 0;
    return sign * compareValues(kx, ky) < 0;
  };
  let from = new Uint32Array(n);
  let to = new Uint32Array(n);
  for (let i = 0; i < n; i++) from[i] = i;
  let sliceStart = performance.now();
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      // Take from the right run only when strictly before: equal keys keep their order.
      while (i < mid && j < hi) {
        to[k++] = before(from[j]!, from[i]!) ? from[j++]! : from[i++]!;
        // The last merges are long (100,000 comparisons): look at the clock inside them too.
        if ((k & 1023) === 0 && performance.now() - sliceStart > sliceMs) {
          await pause();
          if (cancelled()) return undefined;
          sliceStart = performance.now();
        }
      }
      while (i < mid) to[k++] = from[i++]!;
      while (j < hi) to[k++] = from[j++]!;
      if (performance.now() - sliceStart > sliceMs) {
        await pause();
        if (cancelled()) return undefined;
        sliceStart = performance.now();
      }
    }
    [from, to] = [to, from];
  }
  return Array.from(from);
}

/**
 * What the Table tab draws from: the records in memory (`TableModel`) or, for a large body, an
 * index and a bounded cache (`WindowedTable`).
 */
export interface TableSource {
  readonly columnKeys: readonly string[];
  readonly sort: SortState | undefined;
  /** Records in the body, and rows shown (filtered). */
  readonly recordCount: number;
  readonly rowCount: number;
  /** The record's position in the body for view row `row` (its row number less one). */
  recordIndex(row: number): number | undefined;
  /** The record on view row `row`; undefined while it is being fetched. */
  recordAt(row: number): unknown;
  isLoaded(row: number): boolean;
  toggleSort(column: string): void | Promise<void>;
  setFilter(text: string): void | Promise<void>;
  /** The view's rows (or `rows`) as CSV, of `columns` (all), with a header line unless `header` is false; `rows` copied of `of` (a windowed view is capped). */
  csvOf(rows?: number[], columns?: readonly string[], header?: boolean): Promise<{ text: string; rows: number; of: number }>;
}

export class TableModel implements TableSource {
  readonly records: unknown[] = [];
  readonly columns: ColumnSet;
  /** Indexes into `records` in display order: filtered, then sorted. */
  view: number[] = [];
  sort: SortState | undefined;
  filter = "";
  private filterLower = "";
  /** Lower-cased text of each record's cells, built on first filter. */
  private searchText: string[] = [];

  constructor(selectOrder?: readonly string[]) {
    this.columns = new ColumnSet(selectOrder);
  }

  get columnKeys(): readonly string[] {
    return this.columns.keys;
  }

  /** Adds parsed records; keeps the current filter and sort. True when columns were added. */
  append(records: readonly unknown[]): boolean {
    if (records.length === 0) return false;
    const first = this.records.length;
    for (const record of records) this.records.push(record);
    const newColumns = this.columns.add(records);
    if (newColumns) this.searchText = [];
    if (this.sort || newColumns) {
      this.refresh();
    } else {
      for (let i = first; i < this.records.length; i++) if (this.matches(i)) this.view.push(i);
    }
    return newColumns;
  }

  /** Clicking a header: ascending, then descending, then unsorted (record order). */
  toggleSort(column: string): void {
    if (this.sort?.column !== column) this.sort = { column, direction: "asc" };
    else if (this.sort.direction === "asc") this.sort = { column, direction: "desc" };
    else this.sort = undefined;
    this.refresh();
  }

  setSort(sort: SortState | undefined): void {
    this.sort = sort;
    this.refresh();
  }

  /** Rows whose cells contain `text` (case-insensitive); empty shows every row. */
  setFilter(text: string): void {
    this.filter = text;
    this.filterLower = text.toLowerCase();
    this.refresh();
  }

  get recordCount(): number {
    return this.records.length;
  }

  get rowCount(): number {
    return this.view.length;
  }

  recordIndex(row: number): number | undefined {
    return this.view[row];
  }

  isLoaded(): boolean {
    return true;
  }

  csvOf(rows?: number[], columns?: readonly string[], header = true): Promise<{ text: string; rows: number; of: number }> {
    const count = rows?.length ?? this.view.length;
    return Promise.resolve({ text: this.toCsv(rows, columns, header), rows: count, of: count });
  }

  /** The record shown on view row `row`. */
  recordAt(row: number): unknown {
    const index = this.view[row];
    return index === undefined ? undefined : this.records[index];
  }

  cell(row: number, column: string): string {
    return cellText(fieldOf(this.recordAt(row), column));
  }

  /** The rows in view as CSV with a header line (RFC 4180, CRLF line ends). */
  toCsv(rows: Iterable<number> = this.view.keys(), columns: readonly string[] = this.columnKeys, header = true): string {
    const lines = header ? [csvLine(columns)] : [];
    for (const row of rows) {
      const record = this.recordAt(row);
      lines.push(csvLine(columns.map((column) => cellCopyText(fieldOf(record, column)))));
    }
    return `${lines.join("\r\n")}\r\n`;
  }

  private refresh(): void {
    const view: number[] = [];
    for (let i = 0; i < this.records.length; i++) if (this.matches(i)) view.push(i);
    if (this.sort) {
      const { column, direction } = this.sort;
      const order = sortedPositions(view.map((i) => fieldOf(this.records[i], column)), direction);
      this.view = order.map((position) => view[position]!);
    } else {
      this.view = view;
    }
  }

  private matches(index: number): boolean {
    if (!this.filterLower) return true;
    let text = this.searchText[index];
    if (text === undefined) {
      text = searchTextOf(this.records[index], this.columnKeys);
      this.searchText[index] = text;
    }
    return text.includes(this.filterLower);
  }
}
