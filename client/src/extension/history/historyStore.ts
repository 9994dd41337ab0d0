/**
 * The last responses of a workspace on disk: `index.json` (newest first, metadata only) and one
 * `<id>.body` per entry, cut at a size cap. A body that arrived in a temporary file is linked
 * (or copied) into place, never read; a large one comes back as that file, read as needed.
 * Models arrive redacted; nothing here sees a secret. A corrupt or missing index is rebuilt
 * from the `<id>.json` files beside it.
 */
import { promises as fs } from "node:fs";
import { join } from "node:path";
import { defaultSpillBytes } from "../../body/bodyStorage";
import { FileBody, MemoryBody, type ResponseBody } from "../../body/responseBody";
import type { ResponseModel } from "../contracts";
import { makeDirectory } from "../../files/makeDirectory";

export type HistoryEntry = Omit<ResponseModel, "body">;

export interface HistoryLimits {
  maxEntries: number;
  maxBodyBytes: number;
}

const INDEX = "index.json";
const SAFE_ID = /^[\w-]+$/;

export class HistoryStore {
  private entries: HistoryEntry[] | undefined;
  /** Writes run one after another: two quick sends must not interleave index writes. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dir: string,
    private readonly limits: () => HistoryLimits,
  ) {}

  /** Newest first. */
  async list(): Promise<readonly HistoryEntry[]> {
    return this.load();
  }

  add(model: ResponseModel): Promise<void> {
    return this.serial(async () => {
      if (!SAFE_ID.test(model.id)) throw new Error(`history: unusable id ${model.id}`);
      const { maxEntries, maxBodyBytes } = this.limits();
      const entries = await this.load();
      if (maxEntries <= 0) return;
      await makeDirectory(this.dir);
      const cut = model.body.size > maxBodyBytes;
      const { body, ...meta } = model;
      const entry: HistoryEntry = cut ? { ...meta, bodyTruncated: true } : meta;
      await keepBody(body, join(this.dir, `${model.id}.body`), cut ? maxBodyBytes : undefined);
      await writeAtomic(join(this.dir, `${model.id}.json`), JSON.stringify(entry));
      entries.unshift(entry);
      const dropped = entries.splice(maxEntries);
      await this.saveIndex(entries);
      await Promise.all(dropped.map((old) => this.removeFiles(old.id)));
    });
  }

  /** The full model, body read back from disk; undefined when the entry is gone. */
  async get(id: string): Promise<ResponseModel | undefined> {
    const entry = (await this.load()).find((candidate) => candidate.id === id);
    if (!entry) return undefined;
    const path = join(this.dir, `${id}.body`);
    try {
      const { size } = await fs.stat(path);
      // A small body is read back; a large one stays in its file (deleted with the entry).
      const body: ResponseBody = size <= defaultSpillBytes ? new MemoryBody(await fs.readFile(path)) : new FileBody(path, size, { temporary: false });
      return { ...entry, body };
    } catch {
      return undefined;
    }
  }

  clear(): Promise<void> {
    return this.serial(async () => {
      const entries = await this.load();
      await Promise.all(entries.map((entry) => this.removeFiles(entry.id)));
      entries.length = 0;
      await this.saveIndex(entries);
    });
  }

  private async load(): Promise<HistoryEntry[]> {
    if (this.entries) return this.entries;
    try {
      const parsed: unknown = JSON.parse(await fs.readFile(join(this.dir, INDEX), "utf8"));
      if (!Array.isArray(parsed) || !parsed.every(isEntry)) throw new Error("not a list of entries");
      this.entries = parsed;
    } catch {
      this.entries = await this.rebuild();
    }
    return this.entries;
  }

  /** From the per-entry metadata files, newest first; unreadable ones are skipped. */
  private async rebuild(): Promise<HistoryEntry[]> {
    let names: string[];
    try {
      names = await fs.readdir(this.dir);
    } catch {
      return [];
    }
    const entries: HistoryEntry[] = [];
    for (const name of names) {
      if (!name.endsWith(".json") || name === INDEX) continue;
      try {
        const entry: unknown = JSON.parse(await fs.readFile(join(this.dir, name), "utf8"));
        if (isEntry(entry)) entries.push(entry);
      } catch {
        // A half-written file from a crash: skip it.
      }
    }
    return entries.sort((a, b) => b.receivedAt - a.receivedAt);
  }

  private saveIndex(entries: HistoryEntry[]): Promise<void> {
    return writeAtomic(join(this.dir, INDEX), JSON.stringify(entries));
  }

  private async removeFiles(id: string): Promise<void> {
    await Promise.all([fs.rm(join(this.dir, `${id}.body`), { force: true }), fs.rm(join(this.dir, `${id}.json`), { force: true })]);
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

function isEntry(value: unknown): value is HistoryEntry {
  if (typeof value !== "object" || value === null) return false;
  const entry = value as Partial<HistoryEntry>;
  return typeof entry.id === "string" && SAFE_ID.test(entry.id) && typeof entry.title === "string" && typeof entry.status === "number" && typeof entry.receivedAt === "number";
}

/** The body at `path`: a hard link to (or copy of) a body on disk, else its bytes; `cut` keeps only that many. */
async function keepBody(body: ResponseBody, path: string, cut: number | undefined): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  await fs.rm(temp, { force: true });
  if (cut !== undefined) await fs.writeFile(temp, await body.read(0, cut));
  else if (body.file === undefined) await fs.writeFile(temp, body.readAll());
  else {
    // The temporary file never changes once written, so a link is safe; across devices, a copy.
    await fs.link(body.file, temp).catch(() => fs.copyFile(body.file!, temp));
  }
  await fs.rename(temp, path);
}

async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  await fs.writeFile(temp, data);
  await fs.rename(temp, path);
}
