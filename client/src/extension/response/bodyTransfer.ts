/**
 * The body as ArrayBuffers for webview.postMessage. VS Code (engines >= 1.57) sends ArrayBuffers
 * and typed arrays in a webview message as binary beside the JSON, not as JSON numbers; but a
 * typed array sends its whole underlying buffer, and a Node Buffer is not recognised as a typed
 * array at all (it would go as `{"type":"Buffer","data":[...]}`). So each part is an exact
 * ArrayBuffer: the body's own buffer when it is the whole of it, else a copy of just that part.
 *
 * Parts: 256 KB each (the first one is enough for the first screen of records). Every message
 * costs the extension host work in proportion to its size: in code-server each part is copied
 * into an RPC message, copied again when the protocol writer joins what is pending, framed and
 * deflated for the WebSocket (its compression runs in the extension host). Small parts keep each
 * of those tasks short.
 *
 * Flow: the page acknowledges every part it has taken (`bodyAck`), and at most `windowBytes` are
 * unacknowledged at any time (`BodyCrossing`), so the host never piles parts up faster than the
 * page (busy parsing) takes them. A body on disk is read through one open file, a part at a time,
 * just before the part is posted, so the host holds only the parts in flight.
 */
import type { BodyReader, ResponseBody } from "../../body/responseBody";

/** Enough for the page's first batch of records (64 KB) with room to spare. */
export const firstPartBytes = 256 * 1024;
export const partBytes = 256 * 1024;
/** Bytes posted and not yet acknowledged by the page, at most (one part always may go). */
export const windowBytes = 1024 * 1024;

export interface BodyPart {
  offset: number;
  buffer: ArrayBuffer;
}

/** Bytes [from, to) of the body as an ArrayBuffer of exactly that length. */
export function bodyArrayBuffer(body: Uint8Array, from = 0, to = body.byteLength): ArrayBuffer {
  const buffer = body.buffer;
  if (from === 0 && to === body.byteLength && buffer instanceof ArrayBuffer && body.byteOffset === 0 && body.byteLength === buffer.byteLength) return buffer;
  const copy = new Uint8Array(to - from);
  copy.set(body.subarray(from, to));
  return copy.buffer;
}

/** Where each part starts and ends, in order: a first one for the first screen, then fixed-size ones. */
export function* partRanges(total: number, first = firstPartBytes, size = partBytes): Generator<{ from: number; to: number }> {
  if (total <= first) {
    yield { from: 0, to: total };
    return;
  }
  yield { from: 0, to: first };
  for (let offset = first; offset < total; offset += size) yield { from: offset, to: Math.min(total, offset + size) };
}

/** A part read from its body (a file read for a body on disk) as an exact ArrayBuffer. */
export async function readPart(body: Pick<BodyReader, "read">, from: number, to: number): Promise<BodyPart> {
  return { offset: from, buffer: bodyArrayBuffer(await body.read(from, to)) };
}

/** Where the parts go: the panel posts them to its page. Each resolves with whether it was delivered. */
export interface CrossingTarget {
  /** The first part, with the metadata (the panel's `show`). */
  first(buffer: ArrayBuffer, totalBytes: number): Promise<boolean>;
  /** Every later part (`bodyChunk`). */
  part(offset: number, buffer: ArrayBuffer): Promise<boolean>;
}

export interface CrossingOptions {
  firstPartBytes?: number;
  partBytes?: number;
  windowBytes?: number;
}

/** How a crossing ended: every part posted, a newer response (or a closed panel) stopped it, or the page did not take a part. */
export type CrossingEnd = "posted" | "cancelled" | "undelivered";

/**
 * One body's crossing to the page, paced by the page's acknowledgements. `run()` posts the parts;
 * `ack(offset)` is the page saying it took the part at `offset`; `cancel()` stops it (a waiting
 * crossing ends at once, so it never keeps a body's file alive).
 */
export class BodyCrossing {
  private readonly unacked = new Map<number, number>();
  private unackedBytes = 0;
  private wake: (() => void) | undefined;
  private end: CrossingEnd | undefined;
  private readonly first: number;
  private readonly size: number;
  private readonly window: number;

  constructor(
    private readonly body: ResponseBody,
    private readonly target: CrossingTarget,
    options: CrossingOptions = {},
  ) {
    this.first = options.firstPartBytes ?? firstPartBytes;
    this.size = options.partBytes ?? partBytes;
    this.window = options.windowBytes ?? windowBytes;
  }

  /** Bytes posted that the page has not acknowledged yet. */
  get inFlight(): number {
    return this.unackedBytes;
  }

  /** Posts every part in order, never more than the window unacknowledged; read errors reject. */
  async run(): Promise<CrossingEnd> {
    const release = this.body.hold();
    let reader: BodyReader | undefined;
    try {
      reader = await this.body.reader();
      for (const { from, to } of partRanges(this.body.size, this.first, this.size)) {
        while (this.end === undefined && this.unackedBytes > 0 && this.unackedBytes + (to - from) > this.window) await new Promise<void>((resolve) => (this.wake = resolve));
        if (this.end) return this.end;
        const { buffer } = await readPart(reader, from, to);
        if (this.end) return this.end;
        this.unacked.set(from, buffer.byteLength);
        this.unackedBytes += buffer.byteLength;
        const delivered = from === 0 ? this.target.first(buffer, this.body.size) : this.target.part(from, buffer);
        void delivered.then((taken) => {
          if (!taken) this.stop("undelivered");
        });
      }
      // Posting serialised each part: the body is no longer needed for this crossing.
      return this.end ?? "posted";
    } finally {
      await reader?.close().catch(() => undefined);
      release();
    }
  }

  /** The page took the part at `offset` (unknown offsets, from an earlier crossing, are ignored). */
  ack(offset: number): void {
    const bytes = this.unacked.get(offset);
    if (bytes === undefined) return;
    this.unacked.delete(offset);
    this.unackedBytes -= bytes;
    this.wakeUp();
  }

  cancel(): void {
    this.stop("cancelled");
  }

  private stop(end: CrossingEnd): void {
    this.end ??= end;
    this.wakeUp();
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
