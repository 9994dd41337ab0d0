/**
 * The Raw tab's lines of a large body, found as its parts stream in (the same lines and segments
 * as `LineIndex` finds over the whole bytes): each line's start, long lines cut into segments of
 * `maxLineBytes` at UTF-8 character boundaries. Only offsets are kept; the text of a line is
 * fetched when it comes into view. DOM-free.
 */
import { OffsetList } from "./bodyIndex";

const NEWLINE = 0x0a;
/** Bytes of the previous part kept for stepping back over a character cut by a part boundary. */
const tailBytes = 8;

export class LineOffsets {
  private readonly starts = new OffsetList();
  private readonly continued: number[] = [];
  /** Bytes in the longest line or segment, for the view's width. */
  longest = 0;
  private segment = 0;
  /** The next byte begins a line (the body's first, or the one after a line break). */
  private needStart = true;
  private received = 0;
  private tail = new Uint8Array(0);
  private finished = false;

  constructor(readonly maxLineBytes = 4096) {}

  /** Lines and segments to show. */
  get count(): number {
    return this.starts.length;
  }

  get total(): number {
    return this.received;
  }

  /** Where line `index` starts, and where the next one does (or the body ends). */
  range(index: number): { start: number; end: number } {
    const start = this.starts.at(index);
    const end = index + 1 < this.starts.length ? this.starts.at(index + 1) : this.received;
    return { start, end };
  }

  isContinuation(index: number): boolean {
    return this.continued[index >> 5]! & (1 << (index & 31)) ? true : false;
  }

  push(part: Uint8Array): void {
    const offset = this.received;
    const known = offset + part.length;
    const byteAt = (at: number) => (at >= offset ? part[at - offset]! : this.tail[at - (offset - this.tail.length)] ?? 0);
    let pos = 0;
    while (pos < part.length) {
      if (this.needStart) {
        this.add(offset + pos, false);
        this.segment = offset + pos;
        this.needStart = false;
      }
      const newline = part.indexOf(NEWLINE, pos);
      const end = newline < 0 ? known : offset + newline + 1;
      // Cut while the cut's byte has arrived (a line still open may be cut later).
      while (newline < 0 ? this.segment + this.maxLineBytes < known : end - this.segment > this.maxLineBytes) {
        let cut = this.segment + this.maxLineBytes;
        while (cut > this.segment + 1 && cut > offset - this.tail.length && (byteAt(cut) & 0xc0) === 0x80) cut--;
        this.add(cut, true);
        this.longest = Math.max(this.longest, cut - this.segment);
        this.segment = cut;
      }
      if (newline < 0) break;
      this.longest = Math.max(this.longest, end - this.segment);
      this.needStart = true;
      pos = newline + 1;
    }
    // The body's last few bytes, however small the parts.
    const keepOld = Math.min(this.tail.length, tailBytes - Math.min(tailBytes, part.length));
    const tail = new Uint8Array(keepOld + Math.min(tailBytes, part.length));
    tail.set(this.tail.subarray(this.tail.length - keepOld));
    tail.set(part.subarray(part.length - (tail.length - keepOld)), keepOld);
    this.tail = tail;
    this.received = known;
  }

  /** Every byte is in. */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    if (!this.needStart) this.longest = Math.max(this.longest, this.received - this.segment);
    if (this.count === 0) this.add(0, false);
  }

  private add(start: number, continued: boolean): void {
    const index = this.starts.length;
    this.starts.push(start);
    if (index >> 5 >= this.continued.length) this.continued.push(0);
    if (continued) this.continued[index >> 5]! |= 1 << (index & 31);
  }
}
