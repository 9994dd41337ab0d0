/**
 * The JSON tab's tree for a windowed (large) body: the top level comes from the body's frame (its
 * bytes outside the records, kept by the RecordScanner), and the records array lists its N
 * entries without holding them. Rows are computed by index (`rowAt`), so a million entries cost
 * no row objects until drawn. Opening an entry fetches that record's byte range, parses it and
 * shows its subtree as the normal tree does; at most `memberTreeCap` opened records are kept (LRU),
 * and closing or evicting one drops its subtree. Search covers the top level and every record:
 * it reads the records again from the host in batches and keeps only the paths of the matches.
 * DOM-free.
 */
import { memberKeys } from "./chunkedJson";
import { JsonTree, kindOf, searchValue, type PathSegment, type SearchResult, type TreeRow } from "./jsonTree";
import { LruCache } from "./lruCache";
import type { FetchRange } from "./rangeClient";
import { recordBatches, type RecordRanges } from "./recordBatches";

/** Opened records kept parsed at once; opening one more closes the least recently used. */
export const memberTreeCap = 200;

const decoder = new TextDecoder();

export interface SearchOptions {
  /** Paths kept (every match is counted). */
  limit?: number;
  /** Records read of all, after each batch. */
  progress?: (done: number, total: number) => void;
  /** True once a newer search has started: this one stops reading. */
  cancelled?: () => boolean;
}

export class LazyJsonTree {
  /** The top level, its records array empty (the frame reads `"member":[]`). */
  private readonly frameTree: JsonTree;
  /** The frame's empty records array (the root itself for a top-level array). */
  private readonly placeholder: unknown[];
  /** The key of the records array in the root object; undefined for a top-level array. */
  private readonly memberKey: string | undefined;
  /** The records array's path: `["member"]`, or `[]` for a top-level array. */
  private readonly recordsPath: readonly PathSegment[];
  /** A fixed parent for the entries' rows, so paths read `member[3].wonum`. */
  private readonly anchor: TreeRow;
  private readonly opened = new LruCache<number, JsonTree>(memberTreeCap);
  /** Records being fetched to open, by index. */
  private readonly loading = new Map<number, Promise<void>>();
  private membersExpanded = true;
  private layoutCache: Layout | undefined;
  /** A fetch failed: a sentence for the view. */
  error: string | undefined;

  constructor(
    frameRoot: unknown,
    private readonly ranges: RecordRanges,
    private readonly fetchRange: FetchRange,
    /** A record came in from the host: redraw. */
    private readonly changed: () => void = () => {},
  ) {
    if (Array.isArray(frameRoot)) {
      this.placeholder = frameRoot;
      this.memberKey = undefined;
    } else {
      const record = frameRoot as Record<string, unknown>;
      const key = Object.keys(record).find((name) => memberKeys.includes(name) && Array.isArray(record[name]));
      if (key === undefined) throw new Error("the frame has no records array");
      this.memberKey = key;
      this.placeholder = record[key] as unknown[];
    }
    this.frameTree = new JsonTree(frameRoot);
    this.recordsPath = this.memberKey === undefined ? [] : [this.memberKey];
    const depth = this.recordsPath.length;
    this.anchor = { parent: undefined, key: this.memberKey, depth, value: this.placeholder, kind: "array", childCount: ranges.count, expanded: true };
  }

  get recordCount(): number {
    return this.ranges.count;
  }

  /** Records opened and parsed (never more than `memberTreeCap`). */
  get openedCount(): number {
    return this.opened.size;
  }

  isOpened(index: number): boolean {
    return this.opened.has(index);
  }

  get rowCount(): number {
    const layout = this.layout();
    return layout.frameRows.length + layout.blockSize;
  }

  rowAt(index: number): TreeRow | undefined {
    const layout = this.layout();
    const { frameRows, memberRow, blockSize } = layout;
    if (index < 0) return undefined;
    if (index <= memberRow || blockSize === 0) return frameRows[index];
    const inBlock = index - memberRow - 1;
    if (inBlock >= blockSize) return frameRows[index - blockSize];
    // The last opened record starting at or before this row.
    const { starts, opened } = layout;
    let low = 0;
    let high = starts.length - 1;
    let k = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (starts[mid]! <= inBlock) {
        k = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    if (k < 0) return this.entryRow(inBlock);
    const rows = this.opened.peek(opened[k]!)!.rows();
    const within = inBlock - starts[k]!;
    if (within < rows.length) return rows[within];
    return this.entryRow(opened[k]! + within - rows.length + 1);
  }

  /** The record index of an entry row (a direct child of the records array), else undefined. */
  entryIndex(row: TreeRow): number | undefined {
    return row.parent === this.anchor && typeof row.key === "number" ? row.key : undefined;
  }

  /** Opens or closes a row; opening an entry fetches its record (resolves once it is shown). */
  async toggle(row: TreeRow): Promise<void> {
    const entry = this.entryIndex(row);
    if (entry !== undefined) {
      if (this.opened.has(entry)) {
        this.opened.delete(entry);
        this.invalidate();
      } else await this.open(entry);
      return;
    }
    if (row.value === this.placeholder) {
      this.membersExpanded = !this.membersExpanded;
      if (!this.membersExpanded) this.opened.clear();
      this.invalidate();
      return;
    }
    const owner = this.ownerOf(row);
    // Working inside a record makes it the most recently used.
    if (owner !== undefined) this.opened.get(owner)?.toggle(row);
    else this.frameTree.toggle(row);
    this.invalidate();
  }

  /** Fetches record `index` (its byte range only), parses it and opens it; a record already on its way is awaited, not fetched twice. */
  open(index: number): Promise<void> {
    if (index < 0 || index >= this.ranges.count || this.opened.has(index)) return Promise.resolve();
    let opening = this.loading.get(index);
    if (!opening) {
      opening = this.fetchAndOpen(index);
      this.loading.set(index, opening);
    }
    return opening;
  }

  private async fetchAndOpen(index: number): Promise<void> {
    this.invalidate();
    try {
      const record = await this.fetchRecord(index);
      this.opened.set(index, new JsonTree(record, { parent: this.anchor, key: index, depth: this.anchor.depth + 1 }));
      this.membersExpanded = true;
    } catch (error) {
      this.error = `Could not read record ${index}: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      this.loading.delete(index);
      this.invalidate();
      this.changed();
    }
  }

  /** Record `index` parsed from its byte range, without opening it (Copy value on a closed entry). */
  async fetchRecord(index: number): Promise<unknown> {
    const bytes = await this.fetchRange(this.ranges.starts.at(index), this.ranges.ends.at(index));
    return JSON.parse(decoder.decode(bytes));
  }

  /** Opens the top level to `depth` and lists the records (when within it); opened records stay as they are. */
  expandToDepth(depth: number): number {
    const reached = this.frameTree.expandToDepth(depth);
    this.membersExpanded = depth > this.anchor.depth;
    if (!this.membersExpanded) this.opened.clear();
    this.invalidate();
    return reached;
  }

  /** The top level only: the records listed closed, every opened record dropped. */
  collapseAll(): void {
    this.frameTree.collapseAll();
    this.opened.clear();
    this.membersExpanded = this.anchor.depth === 0;
    this.invalidate();
  }

  /**
   * Search over the top level and every record, finding what JsonTree.search over the whole body
   * finds, in document order. The records are read again in batches and dropped, none opened;
   * undefined when cancelled. Rejects when the body can no longer be read.
   */
  async search(query: string, { limit = 10_000, progress, cancelled }: SearchOptions = {}): Promise<SearchResult | undefined> {
    const needle = query.toLowerCase();
    const frame = this.frameTree.search(query, limit);
    if (!needle) return frame;
    const inRecords: SearchResult = { matches: [], total: 0 };
    for await (const { first, records } of recordBatches(this.ranges, this.fetchRange)) {
      if (cancelled?.()) return undefined;
      records.forEach((record, offset) => searchValue(record, needle, limit, inRecords, [...this.recordsPath, first + offset]));
      progress?.(first + records.length, this.ranges.count);
    }
    if (cancelled?.()) return undefined;
    // Document order: the top level's keys before the records array, its records, the keys after.
    const keys = this.memberKey === undefined ? [] : Object.keys(this.frameTree.root as object);
    const memberAt = this.memberKey === undefined ? -1 : keys.indexOf(this.memberKey);
    const before = frame.matches.filter((path) => path.length === 0 || keys.indexOf(path[0] as string) <= memberAt);
    const after = frame.matches.filter((path) => path.length > 0 && keys.indexOf(path[0] as string) > memberAt);
    const matches = [...before, ...inRecords.matches, ...after].slice(0, limit);
    return { matches, total: frame.total + inRecords.total };
  }

  /** Reveals a match: opens its record first when it is closed (fetching it); its row index, or -1. */
  async revealMatch(path: readonly PathSegment[]): Promise<number> {
    const record = this.recordOf(path);
    if (record !== undefined && !this.opened.has(record)) await this.open(record);
    return this.reveal(path);
  }

  /** Opens the ancestors of `path` (within the top level or an opened record); its row index, or -1. */
  reveal(path: readonly PathSegment[]): number {
    const record = this.recordOf(path);
    if (record === undefined) {
      const index = this.frameTree.reveal(path);
      this.invalidate();
      if (index < 0) return -1;
      const layout = this.layout();
      return index > layout.memberRow ? index + layout.blockSize : index;
    }
    const tree = this.opened.peek(record);
    if (!tree) return -1;
    if (this.memberKey !== undefined) this.frameTree.reveal([this.memberKey]);
    this.membersExpanded = true;
    const within = tree.reveal(path.slice(this.recordsPath.length + 1));
    this.invalidate();
    if (within < 0) return -1;
    const layout = this.layout();
    const k = layout.opened.indexOf(record);
    return layout.memberRow + 1 + layout.starts[k]! + within;
  }

  /** The record a path lies in (undefined for a path in the top level). */
  private recordOf(path: readonly PathSegment[]): number | undefined {
    const depth = this.recordsPath.length;
    const inRecords = path.length > depth && (this.memberKey === undefined || path[0] === this.memberKey);
    return inRecords ? (path[depth] as number) : undefined;
  }

  /** The opened record a row belongs to (undefined for a top-level row). */
  private ownerOf(row: TreeRow): number | undefined {
    let at: TreeRow | undefined = row;
    while (at?.parent && at.parent !== this.anchor) at = at.parent;
    return at?.parent === this.anchor && typeof at.key === "number" ? at.key : undefined;
  }

  /** A closed entry's row: its record is fetched when it is opened. */
  private entryRow(index: number): TreeRow {
    return {
      parent: this.anchor,
      key: index,
      depth: this.anchor.depth + 1,
      value: undefined,
      kind: kindOf({}),
      childCount: 0,
      expanded: false,
      note: this.loading.has(index) ? "{loading…}" : "{…}",
    };
  }

  private invalidate(): void {
    this.layoutCache = undefined;
  }

  private layout(): Layout {
    if (this.layoutCache) return this.layoutCache;
    const frameRows = this.frameTree.rows();
    const memberRow = frameRows.findIndex((row) => row.value === this.placeholder);
    const row = frameRows[memberRow];
    if (row) {
      // The frame's empty array stands for the records: it counts them and opens by our flag.
      row.childCount = this.ranges.count;
      row.expanded = this.membersExpanded;
    }
    const opened = this.opened.keys().sort((a, b) => a - b);
    const starts: number[] = [];
    let extra = 0;
    for (const index of opened) {
      starts.push(index + extra);
      extra += this.opened.peek(index)!.rows().length - 1;
    }
    const blockSize = row && this.membersExpanded ? this.ranges.count + extra : 0;
    this.layoutCache = { frameRows, memberRow, blockSize, opened, starts };
    return this.layoutCache;
  }
}

interface Layout {
  frameRows: TreeRow[];
  /** The records array's row among the frame's rows. */
  memberRow: number;
  /** Rows between the records array's row and the next top-level row (0 when it is closed). */
  blockSize: number;
  /** Opened records in body order, and where each one's rows start within the block. */
  opened: number[];
  starts: number[];
}
