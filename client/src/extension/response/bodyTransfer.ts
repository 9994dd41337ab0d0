/**
 * The body as ArrayBuffers for webview.postMessage. VS Code (engines >= 1.57) sends ArrayBuffers
 * and typed arrays in a webview message as binary beside the JSON, not as JSON numbers; but a
 * typed array sends its whole underlying buffer, and a Node Buffer is not recognised as a typed
 * array at all (it would go as `{"type":"Buffer","data":[...]}`). So each part is an exact
 * ArrayBuffer: the body's own buffer when it is the whole of it, else a copy of just that part.
 *
 * Parts: a first one big enough for the first screen of records, then fixed-size ones. Each
 * message costs the extension host time in proportion to its size (serialising it onto the
 * connection to the workbench), so parts keep every such pause short.
 *
 * A body on disk is read a part at a time, just before the part is posted, so the host never
 * holds more than the parts in flight.
 */
import type { ResponseBody } from "../../body/responseBody";

/** Enough for the page's first batch of records (64 KB) with room to spare. */
export const firstPartBytes = 256 * 1024;
export const partBytes = 1024 * 1024;

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
export async function readPart(body: ResponseBody, from: number, to: number): Promise<BodyPart> {
  const bytes = body.file === undefined && from === 0 && to === body.size ? body.readAll() : await body.read(from, to);
  return { offset: from, buffer: bodyArrayBuffer(bytes) };
}

/** The parts to send, in order; created one at a time, so at most one copy is alive. */
export function* bodyParts(body: Uint8Array, first = firstPartBytes, size = partBytes): Generator<BodyPart> {
  const total = body.byteLength;
  if (total <= first) {
    yield { offset: 0, buffer: bodyArrayBuffer(body) };
    return;
  }
  yield { offset: 0, buffer: bodyArrayBuffer(body, 0, first) };
  for (let offset = first; offset < total; offset += size) {
    yield { offset, buffer: bodyArrayBuffer(body, offset, Math.min(total, offset + size)) };
  }
}
