/**
 * The Table tab's data for a body too large to keep: the records' byte ranges (from the
 * RecordScanner), the columns, and at most `recordCacheCap` parsed records. Rows on screen are
 * fetched from the host by byte range when first drawn; sort and filter read every record again
 * in batches and keep only the resulting order (one number per row), never the records. DOM-free.
 */
import { cellCopyText } from "./cellText";
import { LruCache } from "./lruCache";
import type { FetchRange } from "./rangeClient";
import { recordBatches, type RecordRanges } from "./recordBatches";
import { ColumnSet, csvLine, fieldOf, searchTextOf, sortedPositionsInSlices, sortKeyOf, type SortState, type TableSource } from "./tableModel";

/** Parsed records kept at once (a few screens of a sorted table, plus the first rows). */
export const recordCacheCap = 2000;
/** Bytes asked for in one bodyRange (the host allows up to 4 MB). */
export const fetchBytesCap = 1024 * 1024;
/** Records fetched together when the bytes between them are under this (rows of a sorted screen lie apart). */
const gapBytes = 16 * 1024;
/** Range requests awaited together (each at most `fetchBytesCap`): bounds what is in flight. */
const rangesInFlight = 8;
/** Copy table/column as CSV stops here for a windowed body: Export writes every row. */
export const copyRowsCap = 10_000;

const decoder = new TextDecoder();

/** Gives the page its thread back between slices of a sort. */
const pauseBriefly = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Sort or filter progress: records read of all. */
export type Progress = (done: number, total: number) => void;

export class WindowedTable implements TableSource {
  readonly columns: ColumnSet;
  /** Records in display order when sorted or filtered; undefined: all of them in body order. */
  private view: number[] | undefined;
  sort: SortState | undefined;
  filter = "";
  private readonly cache = new LruCache<number, unknown>(recordCacheCap);
  private readonly pending = new Set<number>();
  private wanted = new Set<number>();
  /** Counts sort/filter requests: a newer one makes an older pass stop. */
  private pass = 0;
  private whenComplete: Promise<void>;
  private markComplete!: () => void;
  /** A fetch failed: a sentence for the view. */
  error: string | undefined;

  constructor(
    private readonly ranges: RecordRanges,
    private readonly fetchRange: FetchRange,
    selectOrder: readonly string[] | undefined,
    /** Rows came in from the host, or the view changed: redraw. */
    private readonly changed: () => void,
    private readonly progress: Progress = () => {},
  ) {
    this.columns = new ColumnSet(selectOrder);
    this.whenComplete = new Promise((resolve) => (this.markComplete = resolve));
  }

  get columnKeys(): readonly string[] {
    return this.columns.keys;
  }

  get recordCount(): number {
    return this.ranges.count;
  }

  get rowCount(): number {
    return this.view ? this.view.length : this.ranges.count;
  }

  get cachedRecords(): number {
    return this.cache.size;
  }

  /** Records parsed while the body streamed in: their columns count; the first ones fill the cache for the first screen. */
  addParsed(first: number, records: readonly unknown[]): boolean {
    for (let i = 0; i < records.length && this.cache.size < recordCacheCap; i++) this.cache.set(first + i, records[i]);
    return this.columns.add(records);
  }

  /** Every record is indexed: sort and filter can run. */
  finish(): void {
    this.markComplete();
  }

  recordIndex(row: number): number | undefined {
    if (row < 0 || row >= this.rowCount) return undefined;
    return this.view ? this.view[row] : row;
  }

  isLoaded(row: number): boolean {
    const index = this.recordIndex(row);
    return index !== undefined && this.cache.has(index);
  }

  /** The record on view row `row` if cached; else undefined, and it is fetched (see `fetchWanted`). */
  recordAt(row: number): unknown {
    const index = this.recordIndex(row);
    if (index === undefined) return undefined;
    const record = this.cache.get(index);
    if (record === undefined && !this.pending.has(index)) this.wanted.add(index);
    return record;
  }

  /** Fetches the records asked for by `recordAt` since the last call; `changed()` when they are in. */
  async fetchWanted(): Promise<void> {
    const indexes = [...this.wanted].filter((index) => !this.cache.has(index) && !this.pending.has(index));
    this.wanted = new Set();
    if (indexes.length === 0) return;
    for (const index of indexes) this.pending.add(index);
    try {
      const records = await this.load(indexes);
      for (const [index, record] of records) this.cache.set(index, record);
    } catch (error) {
      this.error = `Could not read these rows: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      for (const index of indexes) this.pending.delete(index);
    }
    this.changed();
  }

  toggleSort(column: string): Promise<void> {
    if (this.sort?.column !== column) this.sort = { column, direction: "asc" };
    else if (this.sort.direction === "asc") this.sort = { column, direction: "desc" };
    else this.sort = undefined;
    return this.refresh();
  }

  setSort(sort: SortState | undefined): Promise<void> {
    this.sort = sort;
    return this.refresh();
  }

  setFilter(text: string): Promise<void> {
    this.filter = text;
    return this.refresh();
  }

  /** CSV of the view's rows (or `rows`), the first `copyRowsCap` of them. */
  async csvOf(rows?: number[], columns: readonly string[] = this.columnKeys, header = true): Promise<{ text: string; rows: number; of: number }> {
    const all = rows ?? Array.from({ length: this.rowCount }, (_, row) => row);
    const taken = all.slice(0, copyRowsCap);
    const indexes = taken.map((row) => this.recordIndex(row)!).filter((index) => index !== undefined);
    const records = await this.load(indexes);
    const lines = header ? [csvLine(columns)] : [];
    for (const index of indexes) {
      const record = records.get(index);
      lines.push(csvLine(columns.map((column) => cellCopyText(fieldOf(record, column)))));
    }
    return { text: `${lines.join("\r\n")}\r\n`, rows: taken.length, of: all.length };
  }

  /** Reads every record again in batches: the filter's matches, then the sort's order over them. */
  private async refresh(): Promise<void> {
    const pass = ++this.pass;
    await this.whenComplete;
    if (pass !== this.pass) return;
    const { sort } = this;
    const filter = this.filter.toLowerCase();
    if (!sort && !filter) {
      this.view = undefined;
      this.changed();
      return;
    }
    const columns = this.columnKeys;
    const matches: number[] = [];
    const keys: unknown[] = [];
    const total = this.ranges.count;
    try {
      for await (const { first, records } of recordBatches(this.ranges, this.fetchRange)) {
        if (pass !== this.pass) return;
        records.forEach((record, offset) => {
          if (filter && !searchTextOf(record, columns).includes(filter)) return;
          matches.push(first + offset);
          if (sort) keys.push(sortKeyOf(fieldOf(record, sort.column)));
        });
        this.progress(first + records.length, total);
      }
    } catch (error) {
      if (pass !== this.pass) return;
      // The body could not be read again (the response was replaced, its file removed): say so, keep the rows as they were.
      this.error = `Could not ${sort ? "sort" : "filter"} the rows: ${error instanceof Error ? error.message : String(error)}`;
      this.changed();
      return;
    }
    if (pass !== this.pass) return;
    if (sort) {
      const order = await sortedPositionsInSlices(keys, sort.direction, pauseBriefly, () => pass !== this.pass);
      if (!order || pass !== this.pass) return;
      this.view = order.map((position) => matches[position]!);
    } else this.view = matches;
    this.changed();
  }

  /** The records at `indexes`, fetched in ranges that join records lying close together. */
  private async load(indexes: readonly number[]): Promise<Map<number, unknown>> {
    const { starts, ends } = this.ranges;
    const sorted = [...new Set(indexes)].sort((a, b) => a - b);
    const records = new Map<number, unknown>();
    const groups: Array<{ k: number; j: number }> = [];
    for (let k = 0; k < sorted.length; ) {
      const from = starts.at(sorted[k]!);
      let j = k;
      while (j + 1 < sorted.length && starts.at(sorted[j + 1]!) - ends.at(sorted[j]!) <= gapBytes && ends.at(sorted[j + 1]!) - from <= fetchBytesCap) j++;
      groups.push({ k, j });
      k = j + 1;
    }
    // A few requests at a time: a sorted screen's rows lie apart, and the round trips add up.
    for (let at = 0; at < groups.length; at += rangesInFlight) {
      await Promise.all(
        groups.slice(at, at + rangesInFlight).map(async ({ k, j }) => {
          const from = starts.at(sorted[k]!);
          const bytes = await this.fetchRange(from, ends.at(sorted[j]!));
          for (let n = k; n <= j; n++) {
            const index = sorted[n]!;
            records.set(index, JSON.parse(decoder.decode(bytes.subarray(starts.at(index) - from, ends.at(index) - from))));
          }
        }),
      );
    }
    return records;
  }
}
