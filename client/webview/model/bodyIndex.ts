/**
 * An index of a large JSON body built as its parts stream in, so the page can show it without
 * keeping it: where each record of the collection (`member`, or a top-level array) starts and
 * ends, where each Raw line (and each segment of a long line) starts, and the body's frame (its
 * bytes outside the records: `responseInfo`, `href`…, capped). Parts must come in order; each is
 * scanned once, byte by byte, and dropped — only the record being cut across two parts is carried
 * over. The caller gets each part's complete records as one slice of bytes to parse (for the
 * columns and the first screen) and drops them too. DOM-free.
 */
import { memberKeys } from "./chunkedJson";

import { BACKSLASH, COLON, COMMA, LBRACE, LBRACKET, QUOTE, RBRACE, RBRACKET } from "./jsonBytes";

/**
 * Past this a JSON body is windowed in the page (the same 4 MB past which the host keeps a body
 * in a temporary file, client/src/body): indexed as it streams in, never held. A normal page of
 * records (200 MXAPIWODETAIL records are about 340 KB) stays under it, parsed and kept whole.
 */
export const windowedBodyBytes = 4 * 1024 * 1024;

/** The frame (the body outside its records) kept for the JSON tab's top level; past it the tree is off. */
export const frameCapBytes = 256 * 1024;

function isWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/** A growable array of offsets (Float64: bodies past 4 GB stay exact). */
export class OffsetList {
  private values = new Float64Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }

  at(index: number): number {
    return this.values[index]!;
  }

  toArray(): number[] {
    return Array.from(this.values.subarray(0, this.length));
  }
}

/** The complete records of one part: their bytes (records separated by commas) to parse at once. */
export interface RecordSlice {
  /** Index of the first record in the slice. */
  first: number;
  count: number;
  bytes: Uint8Array;
}

type Where = "before" | "rootObject" | "records" | "after";

/**
 * Finds the records of a collection: `{"member":[{…},{…}]}` (or `rdfs:member`, reference §4.1),
 * or a top-level array. Only finds extents (JSON.parse of the slices checks the text); a body
 * that ends inside a value sets `error` at `finish()`.
 */
export class RecordScanner {
  readonly starts = new OffsetList();
  readonly ends = new OffsetList();
  /** Offset of the records array's `[` (-1: the body is not a collection). */
  arrayOpen = -1;
  error: string | undefined;
  /** The frame's bytes so far, while under `frameCapBytes`; undefined once past it. */
  private frameParts: Uint8Array[] | undefined = [];
  private frameBytes = 0;

  private depth = 0;
  private inString = false;
  private escaped = false;
  private where: Where = "before";
  /** The depth inside the records array (1 for a top-level array, 2 for `member`). */
  private recordsDepth = -1;
  /** In the root object: the key being read, the last key, and whether its value comes next. */
  private readingKey: number[] | undefined;
  private lastKey = "";
  private expectValue = false;
  /** The record being read: its offset (-1: between records), and whether it is a scalar. */
  private recordStart = -1;
  private recordScalar = false;
  /** Bytes [carryFrom, received) of a record cut by the end of the previous part. */
  private carry: Uint8Array | undefined;
  private received = 0;

  get count(): number {
    return this.ends.length;
  }

  get bytesReceived(): number {
    return this.received;
  }

  /** The body's bytes outside its records (the records array reads `[]`): parse it for the top level. */
  frame(): Uint8Array | undefined {
    if (!this.frameParts) return undefined;
    const joined = new Uint8Array(this.frameBytes);
    let at = 0;
    for (const part of this.frameParts) {
      joined.set(part, at);
      at += part.length;
    }
    return joined;
  }

  /** Scans the next part (the body's bytes from `bytesReceived` on); returns its complete records. */
  push(part: Uint8Array): RecordSlice | undefined {
    const offset = this.received;
    this.received += part.length;
    if (this.error) return undefined;
    const firstRecord = this.count;
    let frameFrom = this.where === "records" ? -1 : 0;
    for (let i = 0; i < part.length; i++) {
      const byte = part[i]!;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (byte === BACKSLASH) this.escaped = true;
        else if (byte === QUOTE) {
          this.inString = false;
          if (this.readingKey) {
            this.lastKey = String.fromCharCode(...this.readingKey);
            this.readingKey = undefined;
            this.expectValue = true;
          }
        } else if (this.readingKey && this.readingKey.length < 32) this.readingKey.push(byte);
        continue;
      }
      if (this.where === "records" && this.depth === this.recordsDepth) {
        if (this.recordStart < 0) {
          // Between records: one starts, or the array ends.
          if (isWhitespace(byte) || byte === COMMA) continue;
          if (byte === RBRACKET) {
            this.depth--;
            this.where = this.depth === 0 ? "after" : "rootObject";
            frameFrom = i;
            continue;
          }
          this.recordStart = offset + i;
          this.recordScalar = byte !== LBRACE && byte !== LBRACKET;
          if (!this.recordScalar) this.depth++;
          else if (byte === QUOTE) this.inString = true;
          continue;
        }
        // A scalar record (a number, true, a closed string) ends before , ] or a space.
        if (byte === COMMA || byte === RBRACKET || isWhitespace(byte)) {
          this.endRecord(offset + i);
          i--;
        }
        continue;
      }
      if (this.where === "rootObject" && this.depth === 1) {
        if (byte === QUOTE) {
          this.inString = true;
          if (this.expectValue) this.expectValue = false;
          else this.readingKey = [];
          continue;
        }
        if (byte === LBRACKET && this.expectValue && this.arrayOpen < 0 && memberKeys.includes(this.lastKey)) {
          this.depth++;
          this.enterRecords(offset + i, part, frameFrom, i);
          frameFrom = -1;
          this.expectValue = false;
          continue;
        }
        if (byte !== COLON && !isWhitespace(byte)) this.expectValue = false;
      }
      if (byte === QUOTE) {
        this.inString = true;
      } else if (byte === LBRACE || byte === LBRACKET) {
        this.depth++;
        if (this.where === "before") {
          if (byte === LBRACKET) {
            this.enterRecords(offset + i, part, frameFrom, i);
            frameFrom = -1;
          } else this.where = "rootObject";
        }
      } else if (byte === RBRACE || byte === RBRACKET) {
        this.depth--;
        if (this.where === "records" && this.depth === this.recordsDepth) this.endRecord(offset + i + 1);
        else if (this.depth === 0) this.where = "after";
      }
    }
    let slice: RecordSlice | undefined;
    if (this.count > firstRecord) {
      const start = this.starts.at(firstRecord);
      const end = this.ends.at(this.count - 1) - offset;
      let bytes: Uint8Array;
      if (start < offset) {
        // The first record began in an earlier part.
        const carry = this.carry ?? new Uint8Array(0);
        bytes = new Uint8Array(carry.length + end);
        bytes.set(carry);
        bytes.set(part.subarray(0, end), carry.length);
      } else bytes = part.subarray(start - offset, end);
      slice = { first: firstRecord, count: this.count - firstRecord, bytes };
    }
    if (this.recordStart < 0) this.carry = undefined;
    else if (this.recordStart >= offset) this.carry = part.slice(this.recordStart - offset);
    else {
      // A record longer than this part: it keeps growing.
      const carry = this.carry ?? new Uint8Array(0);
      const grown = new Uint8Array(carry.length + part.length);
      grown.set(carry);
      grown.set(part, carry.length);
      this.carry = grown;
    }
    if (frameFrom >= 0) this.addFrame(part.subarray(frameFrom));
    return slice;
  }

  /** Every byte is in: checks the body ended where it should. */
  finish(): void {
    if (this.error) return;
    if (this.inString || this.depth !== 0 || this.recordStart >= 0) this.error = "The body ends inside a value: it is not complete JSON.";
    this.carry = undefined;
  }

  private enterRecords(at: number, part: Uint8Array, frameFrom: number, index: number): void {
    this.arrayOpen = at;
    this.recordsDepth = this.depth;
    this.where = "records";
    // The frame keeps the `[` and, later, the `]`; the records between are left out.
    if (frameFrom >= 0) this.addFrame(part.subarray(frameFrom, index + 1));
  }

  private endRecord(end: number): void {
    this.starts.push(this.recordStart);
    this.ends.push(end);
    this.recordStart = -1;
    this.recordScalar = false;
  }

  private addFrame(bytes: Uint8Array): void {
    if (!this.frameParts || bytes.length === 0) return;
    this.frameBytes += bytes.length;
    if (this.frameBytes > frameCapBytes) {
      this.frameParts = undefined;
      return;
    }
    this.frameParts.push(bytes.slice());
  }
}
