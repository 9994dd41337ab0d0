/**
 * Takes a body's bytes as they arrive: in memory up to the storage's spill threshold, then into
 * a file, so a large body never sits in one Buffer (nor in a list of chunks) on the host.
 */
import { createWriteStream, readSync, openSync, closeSync, rmSync, type WriteStream } from "node:fs";
import { once } from "node:events";
import type { BodyStorage } from "./bodyStorage";
import { FileBody, MemoryBody, type ResponseBody } from "./responseBody";

export class BodySink {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private file: { path: string; stream: WriteStream; failure?: Error } | undefined;
  private total = 0;

  constructor(private readonly storage: BodyStorage) {}

  get received(): number {
    return this.total;
  }

  /** Resolves when the bytes are taken (after the disk caught up, once writing to a file). */
  async write(chunk: Buffer): Promise<void> {
    this.total += chunk.length;
    if (!this.file) {
      this.chunks.push(chunk);
      this.buffered += chunk.length;
      if (this.buffered <= this.storage.spillBytes) return;
      this.spill();
      return;
    }
    if (this.file.failure) throw this.file.failure;
    if (!this.file.stream.write(chunk)) await once(this.file.stream, "drain");
  }

  /** The body: in memory when it stayed under the threshold, else its file. */
  async finish(): Promise<ResponseBody> {
    if (!this.file) {
      const bytes = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.buffered);
      this.chunks = [];
      return new MemoryBody(bytes);
    }
    const { path, stream } = this.file;
    stream.end();
    await once(stream, "close");
    if (this.file.failure) {
      rmSync(path, { force: true });
      throw this.file.failure;
    }
    return new FileBody(path, this.total, { temporary: true });
  }

  /** What arrived before a failure, for the user (the start of it when it went to a file); the file goes. */
  async partial(): Promise<Buffer> {
    if (!this.file) return Buffer.concat(this.chunks, this.buffered);
    const { path, stream } = this.file;
    if (!stream.closed) {
      stream.end();
      await once(stream, "close").catch(() => undefined);
    }
    let head = Buffer.alloc(0);
    try {
      const fd = openSync(path, "r");
      try {
        head = Buffer.allocUnsafe(this.storage.spillBytes);
        head = head.subarray(0, readSync(fd, head, 0, head.length, 0));
      } finally {
        closeSync(fd);
      }
    } catch {
      // Nothing flushed yet.
    }
    rmSync(path, { force: true });
    return head;
  }

  private spill(): void {
    const path = this.storage.newFile();
    const stream = createWriteStream(path);
    const file: { path: string; stream: WriteStream; failure?: Error } = { path, stream };
    stream.on("error", (error) => (file.failure = error));
    for (const chunk of this.chunks) stream.write(chunk);
    this.chunks = [];
    this.buffered = 0;
    this.file = file;
  }
}
