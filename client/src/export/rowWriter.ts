/**
 * The seam between the export engine and its three file formats: a header, rows in order, and
 * either `finish` (the file is complete) or `abort` (the caller deletes it).
 */
import { once } from "node:events";
import type { Writable } from "node:stream";
import type { Row } from "./rows";

export interface RowWriter {
  /** The columns known when the first row comes (JSON takes later ones as they come). */
  start(columns: readonly string[]): Promise<void>;
  /** One row; `columns` is the current column list in order. */
  write(row: Row, columns: readonly string[]): Promise<void>;
  finish(): Promise<void>;
  /** Closes the file without completing it. */
  abort(): Promise<void>;
}

/** Writes a chunk and waits while the stream's buffer is full, so a slow disk slows the export instead of filling memory. */
export async function writeWithBackpressure(stream: Writable, chunk: string | Buffer | unknown): Promise<void> {
  if (!stream.write(chunk)) await once(stream, "drain");
}

/** Ends a stream and waits until its file is closed. */
export async function endStream(stream: Writable): Promise<void> {
  if (stream.destroyed) return;
  const closed = once(stream, "close");
  stream.end();
  await closed;
}
