/**
 * A response body kept in memory (small) or in a file (large), read the same way by every
 * consumer: a slice, the whole of it when an operation truly needs it, a copy to a path, or its
 * bytes in order. A file body in a temporary folder is deleted when its last holder lets go
 * (the panel showing it, the run that made it) or when it is garbage-collected unheld.
 */
import { closeSync, createReadStream, openSync, promises as fs, readSync, rmSync } from "node:fs";

/** Above this an operation that needs the whole body in memory refuses, in words. */
export const wholeBodyLimitBytes = 128 * 1024 * 1024;

export class BodyTooLargeError extends Error {
  constructor(size: number, purpose: string, limit: number) {
    super(`The response body is ${megabytes(size)} MB, kept on disk; ${purpose} needs the whole body in memory, which is limited to ${megabytes(limit)} MB. Narrow the request (oslc.select, oslc.pageSize) or save the response and work on the file.`);
  }
}

export function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0);
}

export interface ResponseBody {
  readonly size: number;
  /** The file holding the bytes; undefined for a body in memory. */
  readonly file?: string;
  /** The whole body in one Buffer; `purpose` names the operation in the error when it is too large. */
  readAll(purpose?: string): Buffer;
  /** Bytes [from, to), clamped to the body. */
  read(from: number, to: number): Promise<Buffer>;
  /** The same, synchronously: for small windows (a page's paging facts), never the whole of a large body. */
  readSync(from: number, to: number): Buffer;
  /** The bytes in order, at most `chunkBytes` at a time. */
  chunks(chunkBytes?: number): AsyncIterable<Buffer>;
  /** Many slices in a row through one open file (the panel's parts); close it when done. */
  reader(): Promise<BodyReader>;
  /** Writes the body to `path` (a file copy for a body on disk). */
  saveTo(path: string): Promise<void>;
  /** Keeps a temporary file alive until the returned function is called. */
  hold(): () => void;
}

export interface BodyReader {
  /** Bytes [from, to), clamped to the body; from a file, in a Buffer of its own (no pooled memory). */
  read(from: number, to: number): Promise<Buffer>;
  close(): Promise<void>;
}

export class MemoryBody implements ResponseBody {
  constructor(private readonly bytes: Buffer) {}

  get size(): number {
    return this.bytes.length;
  }

  readAll(): Buffer {
    return this.bytes;
  }

  read(from: number, to: number): Promise<Buffer> {
    return Promise.resolve(this.readSync(from, to));
  }

  readSync(from: number, to: number): Buffer {
    return this.bytes.subarray(Math.max(0, from), Math.min(this.bytes.length, to));
  }

  async *chunks(chunkBytes = 1024 * 1024): AsyncIterable<Buffer> {
    for (let at = 0; at < this.bytes.length; at += chunkBytes) yield this.bytes.subarray(at, at + chunkBytes);
  }

  saveTo(path: string): Promise<void> {
    return fs.writeFile(path, this.bytes);
  }

  reader(): Promise<BodyReader> {
    return Promise.resolve({ read: (from, to) => this.read(from, to), close: () => Promise.resolve() });
  }

  hold(): () => void {
    return () => {};
  }
}

/** Deletes the file of a temporary body nobody can reach any more. */
const unreachable = new FinalizationRegistry<string>((path) => rmSync(path, { force: true }));

export interface FileBodyOptions {
  /** Deleted when the last holder lets go (or unheld, on garbage collection); history's own files are not. */
  temporary: boolean;
  wholeBodyLimit?: number;
}

export class FileBody implements ResponseBody {
  private holders = 0;
  private removed = false;
  private readonly token = {};
  private readonly limit: number;

  constructor(
    readonly file: string,
    readonly size: number,
    private readonly options: FileBodyOptions,
  ) {
    this.limit = options.wholeBodyLimit ?? wholeBodyLimitBytes;
    if (options.temporary) unreachable.register(this, file, this.token);
  }

  readAll(purpose = "this"): Buffer {
    if (this.size > this.limit) throw new BodyTooLargeError(this.size, purpose, this.limit);
    return this.readSync(0, this.size);
  }

  async read(from: number, to: number): Promise<Buffer> {
    const [start, end] = this.clamp(from, to);
    this.assertPresent();
    const handle = await fs.open(this.file, "r");
    try {
      return await readAt(handle, Buffer.allocUnsafe(end - start), start);
    } finally {
      await handle.close();
    }
  }

  readSync(from: number, to: number): Buffer {
    const [start, end] = this.clamp(from, to);
    this.assertPresent();
    const fd = openSync(this.file, "r");
    try {
      const buffer = Buffer.allocUnsafe(end - start);
      let filled = 0;
      while (filled < buffer.length) {
        const read = readSync(fd, buffer, filled, buffer.length - filled, start + filled);
        if (read === 0) break;
        filled += read;
      }
      return buffer.subarray(0, filled);
    } finally {
      closeSync(fd);
    }
  }

  async *chunks(chunkBytes = 1024 * 1024): AsyncIterable<Buffer> {
    this.assertPresent();
    // An open stream keeps reading even if the file is removed meanwhile.
    for await (const chunk of createReadStream(this.file, { highWaterMark: chunkBytes })) yield chunk as Buffer;
  }

  async saveTo(path: string): Promise<void> {
    this.assertPresent();
    await fs.copyFile(this.file, path);
  }

  async reader(): Promise<BodyReader> {
    this.assertPresent();
    const handle = await fs.open(this.file, "r");
    return {
      read: async (from, to) => {
        const [start, end] = this.clamp(from, to);
        // Not from Buffer's pool: the part goes to postMessage as its own ArrayBuffer, uncopied.
        return readAt(handle, Buffer.allocUnsafeSlow(end - start), start);
      },
      close: () => handle.close(),
    };
  }

  hold(): () => void {
    this.holders++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (--this.holders === 0 && this.options.temporary) this.remove();
    };
  }

  private remove(): void {
    this.removed = true;
    unreachable.unregister(this.token);
    void fs.rm(this.file, { force: true }).catch(() => undefined);
  }

  private assertPresent(): void {
    if (this.removed) throw new Error("The response body is no longer available: its temporary file was removed when the response was closed.");
  }

  private clamp(from: number, to: number): [number, number] {
    const start = Math.max(0, Math.min(from, this.size));
    return [start, Math.max(start, Math.min(to, this.size))];
  }
}

/** Fills `buffer` from `position` on (short reads repeated); fewer bytes only at the file's end. */
async function readAt(handle: fs.FileHandle, buffer: Buffer, position: number): Promise<Buffer> {
  let filled = 0;
  while (filled < buffer.length) {
    const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.subarray(0, filled);
}
