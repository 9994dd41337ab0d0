/**
 * Parses a JSON body in slices so a 50 MB response never blocks the page for long: a byte scanner
 * finds the top-level structure, and the elements of top-level arrays (Maximo's `member`) are
 * handed to the native JSON.parse in batches of about 128 KB. The caller decides when to stop
 * (`step(shouldYield)`) and can show the records parsed so far; the first batch is small so the
 * first screen of rows comes early. The bytes may still be arriving: the parser works on the
 * first `available` of them and waits (`waiting`) until `extend()` says more came. DOM-free.
 */

import { BACKSLASH, COLON, COMMA, LBRACE, LBRACKET, QUOTE, RBRACE, RBRACKET } from "./jsonBytes";

/** Keys of a collection's records: `member` (lean) or `rdfs:member` (namespaced), reference §4.1. */
export const memberKeys: readonly string[] = ["member", "rdfs:member"];

/** About a screenful of MXAPIWODETAIL records (1.7 KB each with oslc.select=*). */
const firstBatchBytes = 64 * 1024;
const batchBytes = 128 * 1024;

class ScanError extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

/** The scan reached the end of the bytes received so far, before the end of the body. */
class NeedMore extends Error {}

function isWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/** As JSON.parse does: an own property even for `__proto__` (plain assignment would set the prototype). */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

type Phase = "start" | "key" | "elements" | "end" | "done";

export class ChunkedJsonParser {
  /** The document as parsed so far: top-level keys appear in order, arrays fill up batch by batch. */
  root: unknown = undefined;
  /** The collection's records (the `member` array, or a top-level array) as parsed so far. */
  members: unknown[] | undefined;
  /** A sentence when the body is not valid JSON; set once parsing stops. */
  error: string | undefined;
  /** True when the last step stopped for want of bytes not yet received. */
  waiting = false;

  private pos = 0;
  private phase: Phase = "start";
  private array: unknown[] = [];
  /** In the current array: an element was read and a `,` or `]` comes next; a `,` was read. */
  private afterElement = false;
  private afterComma = false;
  private batches = 0;
  private keysSeen = 0;
  /** The bytes received so far: scans never look past them. */
  private view: Uint8Array;
  private readonly decoder = new TextDecoder();

  /** `bytes` is the whole body's buffer; only its first `available` bytes have arrived. */
  constructor(
    private readonly bytes: Uint8Array,
    available = bytes.length,
  ) {
    this.view = bytes.subarray(0, available);
  }

  get done(): boolean {
    return this.phase === "done";
  }

  /** Bytes consumed so far, for a progress figure. */
  get bytesDone(): number {
    return this.pos;
  }

  /** More of the body has arrived (it is already in the buffer given to the constructor). */
  extend(available: number): void {
    this.view = this.bytes.subarray(0, Math.min(available, this.bytes.length));
    this.waiting = false;
  }

  /**
   * Parses until finished, until the bytes received so far run out (`waiting`), or until
   * `shouldYield()` (asked after each batch) says to stop; true when finished. Never throws: a
   * malformed body ends with `error` set.
   */
  step(shouldYield: () => boolean = () => false): boolean {
    try {
      while (!this.done) {
        this.advance();
        if (!this.done && shouldYield()) return false;
      }
    } catch (error) {
      if (error instanceof NeedMore) {
        this.waiting = true;
        return false;
      }
      this.fail(error);
    }
    return true;
  }

  /** Parses everything at once (tests, small bodies). */
  static parse(bytes: Uint8Array): ChunkedJsonParser {
    const parser = new ChunkedJsonParser(bytes);
    parser.step();
    return parser;
  }

  private get complete(): boolean {
    return this.view.length === this.bytes.length;
  }

  private fail(error: unknown): void {
    const at = error instanceof ScanError ? error.at : this.pos;
    const reason = error instanceof Error ? error.message : String(error);
    this.error = `The body is not valid JSON near byte ${at}: ${reason}`;
    this.phase = "done";
  }

  /** The byte at `pos`, or undefined past the end of the body; NeedMore when it has not arrived yet. */
  private byteAt(pos: number): number | undefined {
    if (pos < this.view.length) return this.view[pos];
    if (!this.complete) throw new NeedMore();
    return undefined;
  }

  private advance(): void {
    switch (this.phase) {
      case "start":
        return this.start();
      case "key":
        return this.key();
      case "elements":
        return this.elements();
      case "end":
        this.skipWhitespace();
        if (this.byteAt(this.pos) !== undefined) throw new ScanError("unexpected text after the JSON value", this.pos);
        this.phase = "done";
        return;
      case "done":
        return;
    }
  }

  private start(): void {
    // A UTF-8 byte order mark is not JSON but servers send it now and then.
    if (this.byteAt(0) === 0xef && this.byteAt(1) === 0xbb && this.byteAt(2) === 0xbf) this.pos = 3;
    this.skipWhitespace();
    const first = this.byteAt(this.pos);
    if (first === LBRACE) {
      this.root = {};
      this.pos++;
      this.phase = "key";
    } else if (first === LBRACKET) {
      this.array = [];
      this.root = this.array;
      this.members = this.array;
      this.pos++;
      this.phase = "elements";
    } else {
      if (!this.complete) throw new NeedMore();
      this.root = JSON.parse(this.decode(this.pos, this.bytes.length));
      this.pos = this.bytes.length;
      this.phase = "done";
    }
  }

  /** One `"key": value` of the top-level object, all or nothing (it starts over when bytes run out). */
  private key(): void {
    const from = this.pos;
    try {
      this.readKey();
    } catch (error) {
      if (error instanceof NeedMore) this.pos = from;
      throw error;
    }
  }

  private readKey(): void {
    this.skipWhitespace();
    let byte = this.byteAt(this.pos);
    if (byte === RBRACE) {
      this.pos++;
      this.phase = "end";
      return;
    }
    if (this.keysSeen > 0) {
      if (byte !== COMMA) throw new ScanError("expected ',' or '}'", this.pos);
      this.pos++;
      this.skipWhitespace();
      byte = this.byteAt(this.pos);
    }
    if (byte !== QUOTE) throw new ScanError("expected a property name", this.pos);
    const keyEnd = this.scanString(this.pos);
    const key = JSON.parse(this.decode(this.pos, keyEnd)) as string;
    let pos = keyEnd;
    pos = this.skipWhitespaceFrom(pos);
    if (this.byteAt(pos) !== COLON) throw new ScanError("expected ':'", pos);
    pos = this.skipWhitespaceFrom(pos + 1);
    const root = this.root as Record<string, unknown>;
    if (this.byteAt(pos) === LBRACKET) {
      this.array = [];
      setOwn(root, key, this.array);
      if (this.members === undefined && memberKeys.includes(key)) this.members = this.array;
      this.keysSeen++;
      this.pos = pos + 1;
      this.afterElement = false;
      this.afterComma = false;
      this.phase = "elements";
      return;
    }
    const end = this.scanValue(pos);
    setOwn(root, key, JSON.parse(this.decode(pos, end)));
    this.keysSeen++;
    this.pos = end;
  }

  /**
   * A batch of elements of the current top-level array, parsed with one JSON.parse. When the
   * bytes run out inside an element, the complete ones are kept and the rest waits.
   */
  private elements(): void {
    const limit = this.batches === 0 ? firstBatchBytes : batchBytes;
    let batchStart = -1;
    let batchEnd = -1;
    try {
      for (;;) {
        this.skipWhitespace();
        const byte = this.byteAt(this.pos);
        if (this.afterElement) {
          if (byte === RBRACKET) {
            this.pos++;
            this.phase = this.root === this.array ? "end" : "key";
            return;
          }
          if (byte !== COMMA) throw new ScanError("expected ',' or ']'", this.pos);
          this.pos++;
          this.afterElement = false;
          this.afterComma = true;
          continue;
        }
        if (byte === RBRACKET) {
          if (this.afterComma) throw new ScanError("a trailing comma", this.pos);
          this.pos++;
          this.phase = this.root === this.array ? "end" : "key";
          return;
        }
        if (batchStart >= 0 && this.pos - batchStart >= limit) return;
        const end = this.scanValue(this.pos);
        if (batchStart < 0) batchStart = this.pos;
        batchEnd = end;
        this.pos = end;
        this.afterElement = true;
        this.afterComma = false;
      }
    } finally {
      // Runs on return and on NeedMore alike: the complete elements are never lost.
      if (batchStart >= 0) {
        this.batches++;
        const parsed = JSON.parse(`[${this.decode(batchStart, batchEnd)}]`) as unknown[];
        for (const element of parsed) this.array.push(element);
      }
    }
  }

  private decode(from: number, to: number): string {
    return this.decoder.decode(this.bytes.subarray(from, to));
  }

  private skipWhitespace(): void {
    this.pos = this.skipWhitespaceFrom(this.pos);
  }

  private skipWhitespaceFrom(start: number): number {
    const view = this.view;
    let pos = start;
    while (pos < view.length && isWhitespace(view[pos]!)) pos++;
    return pos;
  }

  /** The index after the string starting at `start` (its opening quote). */
  private scanString(start: number): number {
    const view = this.view;
    let from = start + 1;
    for (;;) {
      const quote = view.indexOf(QUOTE, from);
      if (quote < 0) {
        if (!this.complete) throw new NeedMore();
        throw new ScanError("a string is not closed", start);
      }
      let slashes = 0;
      for (let k = quote - 1; k > start && view[k] === BACKSLASH; k--) slashes++;
      if (slashes % 2 === 0) return quote + 1;
      from = quote + 1;
    }
  }

  /**
   * The index after the value starting at `start`. Only finds the extent; JSON.parse checks the
   * text, so a mismatched bracket still ends in an error rather than a wrong value.
   */
  private scanValue(start: number): number {
    const view = this.view;
    const length = view.length;
    const first = this.byteAt(start);
    if (first === undefined) throw new ScanError("the body ends where a value should be", start);
    if (first === QUOTE) return this.scanString(start);
    if (first !== LBRACE && first !== LBRACKET) {
      let i = start;
      while (i < length) {
        const byte = view[i]!;
        if (byte === COMMA || byte === RBRACE || byte === RBRACKET || isWhitespace(byte)) break;
        i++;
      }
      // A number at the edge of what has arrived may have more digits coming.
      if (i === length && !this.complete) throw new NeedMore();
      if (i === start) throw new ScanError("expected a value", start);
      return i;
    }
    let depth = 0;
    let i = start;
    while (i < length) {
      const byte = view[i]!;
      if (byte === QUOTE) {
        i = this.scanString(i);
        continue;
      }
      if (byte === LBRACE || byte === LBRACKET) depth++;
      else if (byte === RBRACE || byte === RBRACKET) {
        depth--;
        if (depth === 0) return i + 1;
      }
      i++;
    }
    if (!this.complete) throw new NeedMore();
    throw new ScanError("the body ends inside an object or array", start);
  }
}
