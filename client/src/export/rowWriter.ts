/**
 * The seam between the export engine and its three file formats: a header, then each page's rows
 * as one batch (one write to the file per page, so no row lingers in a stream's buffer), and
 * either `finish` (the file is complete) or `abort` (the caller deletes it).
 */
import { once } from "node:events";
import type { Writable } from "node:stream";
import type { Row } from "./rows";

export interface RowWriter {
  /** The columns known when the first rows come (JSON takes later ones as they come). */
  start(columns: readonly string[]): Promise<void>;
  /** A page's rows, in order; `columns` is the current column list. */
  write(rows: readonly Row[], columns: readonly string[]): Promise<void>;
  finish(): Promise<void>;
  /** Closes the file without completing it. */
  abort(): Promise<void>;
}

/** Writes a chunk and waits while the stream's buffer is full, so a slow disk slows the export instead of filling memory. */
export async function writeWithBackpressure(stream: Writable, chunk: string | Buffer): Promise<void> {
  if (!stream.write(chunk)) await once(stream, "drain");
}

/** Ends a stream and waits until its file is closed. */
export async function endStream(stream: Writable): Promise<void> {
  if (stream.closed) return;
  const closed = once(stream, "close");
  stream.end();
  await closed;
}
