/**
 * `mkdir -p` that always ends. Node 20's `mkdir(dir, { recursive: true })` (sync, callback and
 * promise alike) loops forever when a folder's parent exists but creating the folder answers
 * ENOENT, as in /proc, /sys and some FUSE file systems: a cache folder set to such a path hung
 * `maximo check`. These climb to the nearest folder that exists and make each folder below it
 * once, so such a path fails with its error instead.
 */
import { mkdirSync, statSync, type Stats } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";

/** Makes `dir` and any missing parents (new folders get `mode`); fine when it exists as a folder. */
export function makeDirectorySync(dir: string, mode?: number): void {
  for (const folder of missingFolders(dir)) {
    try {
      mkdirSync(folder, { mode });
    } catch (error) {
      if (!madeMeanwhile(error, folder)) throw error;
    }
  }
}

/** `makeDirectorySync` without blocking on the folders it makes (the climb is a few `stat`s). */
export async function makeDirectory(dir: string, mode?: number): Promise<void> {
  for (const folder of missingFolders(dir)) {
    try {
      await mkdir(folder, { mode });
    } catch (error) {
      if (!madeMeanwhile(error, folder)) throw error;
    }
  }
}

/**
 * The folders from below the nearest existing path down to `dir`, outermost first. A file on the
 * way stays in the way: making the folder below it fails with ENOTDIR, and a file at `dir` itself
 * is kept in the list, so making it fails with EEXIST, as with Node's own.
 */
function missingFolders(dir: string): string[] {
  const target = resolve(dir);
  const folders: string[] = [];
  for (let at = target; !statOf(at); ) {
    folders.push(at);
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  if (folders.length === 0 && !isFolder(target)) folders.push(target);
  return folders.reverse();
}

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function isFolder(path: string): boolean {
  return statOf(path)?.isDirectory() ?? false;
}

/** Another process made the folder between the climb and now (a file in the way is still an error). */
function madeMeanwhile(error: unknown, folder: string): boolean {
  return (error as NodeJS.ErrnoException).code === "EEXIST" && isFolder(folder);
}
