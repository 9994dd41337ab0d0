/**
 * Where bodies over the spill threshold go while they arrive: a folder of temporary files. The
 * extension gives its own (in its storage, emptied at start and at exit); the CLI and tests use
 * one under the system's temp folder, removed when the process exits.
 */
import { rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeDirectorySync } from "../files/makeDirectory";

/** Bodies up to this size stay in memory (the fast path); larger ones go to a file as they arrive. */
export const defaultSpillBytes = 4 * 1024 * 1024;

export interface BodyStorage {
  /** A new file path in the folder (created on first use). */
  newFile(): string;
  /** Bodies larger than this are written to a file. */
  readonly spillBytes: number;
}

export function folderStorage(dir: string, spillBytes = defaultSpillBytes): BodyStorage {
  let made = false;
  let count = 0;
  return {
    spillBytes,
    newFile() {
      if (!made) {
        makeDirectorySync(dir);
        made = true;
      }
      return join(dir, `${Date.now().toString(36)}-${(count++).toString(36)}-${randomBytes(4).toString("hex")}.body`);
    },
  };
}

let processStorage: BodyStorage | undefined;

/** One folder per process under the temp folder, removed at exit. */
export function processBodyStorage(): BodyStorage {
  if (!processStorage) {
    const dir = join(tmpdir(), `maximo-bodies-${process.pid}-${randomBytes(3).toString("hex")}`);
    process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
    processStorage = folderStorage(dir);
  }
  return processStorage;
}
