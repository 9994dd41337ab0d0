/**
 * The Raw tab's text for a body too large to keep: the lines' offsets (LineOffsets) and at most
 * `lineCacheCap` decoded lines; lines coming into view are fetched from the host by byte range.
 * DOM-free.
 */
import type { LineOffsets } from "./lineOffsets";
import { LruCache } from "./lruCache";
import type { FetchRange } from "./rangeClient";

/** Decoded lines kept at once (segments are at most 2,000 bytes: a few MB at worst). */
export const lineCacheCap = 2000;
const fetchBytesCap = 1024 * 1024;

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

export class WindowedLines {
  private readonly cache = new LruCache<number, string>(lineCacheCap);
  private readonly pending = new Set<number>();
  private wanted = new Set<number>();
  error: string | undefined;

  constructor(
    readonly offsets: LineOffsets,
    private readonly fetchRange: FetchRange,
    private readonly decoder: InstanceType<typeof TextDecoder>,
    private readonly changed: () => void,
  ) {}

  get count(): number {
    return this.offsets.count;
  }

  get longest(): number {
    return this.offsets.longest;
  }

  get cachedLines(): number {
    return this.cache.size;
  }

  isContinuation(index: number): boolean {
    return this.offsets.isContinuation(index);
  }

  /** The text of line `index` without its line break when cached; else undefined, and it is fetched. */
  line(index: number): string | undefined {
    const text = this.cache.get(index);
    if (text === undefined && !this.pending.has(index) && index >= 0 && index < this.count) this.wanted.add(index);
    return text;
  }

  /** Fetches the lines asked for since the last call, in runs of consecutive lines; `changed()` when in. */
  async fetchWanted(): Promise<void> {
    const indexes = [...this.wanted].filter((index) => !this.cache.has(index)).sort((a, b) => a - b);
    this.wanted = new Set();
    if (indexes.length === 0) return;
    for (const index of indexes) this.pending.add(index);
    try {
      for (let k = 0; k < indexes.length; ) {
        const from = this.offsets.range(indexes[k]!).start;
        let j = k;
        while (j + 1 < indexes.length && indexes[j + 1] === indexes[j]! + 1 && this.offsets.range(indexes[j + 1]!).end - from <= fetchBytesCap) j++;
        const bytes = await this.fetchRange(from, this.offsets.range(indexes[j]!).end);
        for (let n = k; n <= j; n++) {
          const { start, end } = this.offsets.range(indexes[n]!);
          let stop = end - from;
          if (stop > start - from && bytes[stop - 1] === NEWLINE) stop--;
          if (stop > start - from && bytes[stop - 1] === CARRIAGE_RETURN) stop--;
          this.cache.set(indexes[n]!, this.decoder.decode(bytes.subarray(start - from, stop)));
        }
        k = j + 1;
      }
    } catch (error) {
      this.error = `Could not read these lines: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      for (const index of indexes) this.pending.delete(index);
    }
    this.changed();
  }
}
