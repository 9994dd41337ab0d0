/**
 * The seam between the export engine and its three file formats: a header, then each page's rows
 * as one batch (one write to the file per page, so no row lingers in a stream's buffer), and
 * either `finish` (the file is complete) or `abort` (the caller deletes it).
 */
import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import type { Row } from "./rows";

export interface RowWriter {
  /** The columns known when the first rows come (JSON takes later ones as they come). */
  start(columns: readonly string[]): Promise<void>;
  /** A page's rows, in order; `columns` is the current column list. */
  write(rows: readonly Row[], columns: readonly string[]): Promise<void>;
  finish(): Promise<void>;
  /** Closes the file without completing it. */
  abort(): Promise<void>;
  /** What the user should know about the file written (said once it is complete). */
  notes?(): string[];
}

/**
 * A file written chunk by chunk: a full buffer makes the caller wait (a slow disk slows the
 * export instead of filling memory), and a write error (disk full) is kept and thrown by the
 * next call instead of ending the process as an unhandled stream error.
 */
export class FileSink {
  private readonly stream: WriteStream;
  private failure: Error | undefined;

  constructor(path: string) {
    this.stream = createWriteStream(path);
    this.stream.on("error", (error) => (this.failure ??= error));
  }

  async write(chunk: string): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.stream.write(chunk)) await this.drained();
    if (this.failure) throw this.failure;
  }

  /** Until the buffer drains or the stream closes (an error closes it); the other listener is removed, so none pile up page after page. */
  private drained(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.stream.off("drain", done);
        this.stream.off("close", done);
        resolve();
      };
      this.stream.once("drain", done);
      this.stream.once("close", done);
    });
  }

  /** Ends the file and waits until it is closed. */
  async close(): Promise<void> {
    if (!this.stream.closed) {
      const closed = once(this.stream, "close");
      this.stream.end();
      await closed;
    }
    if (this.failure) throw this.failure;
  }
}
