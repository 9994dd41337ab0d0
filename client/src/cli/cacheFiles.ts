/**
 * The files the CLI keeps between runs (the code cache, the check cache): where they live, how
 * they are read and how they are written. Both caches are trusted as they are (V8 runs a code
 * cache's bytecode; a check cache's answers are printed), so a file another user could have
 * planted is never read, and a file is never seen half-written.
 */
import { closeSync, fstatSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { makeDirectorySync } from "../files/makeDirectory";

/**
 * A cache folder of `maximo-workbench`: `env[variable]` names one, or `off` turns it off; by
 * default `name` in the user's cache folder (`$XDG_CACHE_HOME` or `~/.cache`, `%LOCALAPPDATA%`
 * on Windows).
 */
export function userCacheDir(variable: string, name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const chosen = env[variable]?.trim();
  if (chosen === "off" || chosen === "0") return undefined;
  if (chosen) return chosen;
  const base = process.platform === "win32" ? env.LOCALAPPDATA : env.XDG_CACHE_HOME || join(safeHome(), ".cache");
  return base ? join(base, "maximo-workbench", name) : undefined;
}

/**
 * The file's bytes when this user alone could have written it (owned by this user, not group-
 * or world-writable); undefined when it is missing, unreadable or not private.
 */
export function readPrivateFile(path: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    const stat = fstatSync(fd);
    if (process.getuid && (stat.uid !== process.getuid() || (stat.mode & 0o022) !== 0)) return undefined;
    return readFileSync(fd);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Writes `data` to `path` in `dir` (made private when new) atomically: processes run side by side in CI. Throws on failure. */
export function writePrivateFile(dir: string, path: string, data: string | Uint8Array): void {
  makeDirectorySync(dir, 0o700);
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, data, { mode: 0o600 });
    renameSync(temporary, path);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // Never written, or gone already.
    }
    throw error;
  }
}

/** A temporary this old was left by a writer that died between writing and renaming (CI kills jobs). */
const LEFTOVER_TEMPORARY_MS = 60 * 60 * 1000;

/**
 * Deletes all but the `keep` newest files of `dir` that `ours` accepts, never `current`, and the
 * temporaries of such files that a writer left an hour or more ago. A file another process
 * deleted first is no failure (runs prune side by side); anything else throws.
 */
export function keepNewest(dir: string, ours: (name: string) => boolean, keep: number, current?: string, now = Date.now()): void {
  const names = readdirSync(dir);
  const files = names
    .filter(ours)
    .map((name) => ({ path: join(dir, name), time: modifiedAt(join(dir, name)) }))
    .filter((file) => file.time !== undefined)
    .sort((a, b) => b.time! - a.time!);
  for (const old of files.slice(keep)) if (old.path !== current) removeIfPresent(old.path);
  for (const name of names) {
    const target = temporaryTarget(name);
    if (target === undefined || !ours(target)) continue;
    const time = modifiedAt(join(dir, name));
    if (time !== undefined && now - time >= LEFTOVER_TEMPORARY_MS) removeIfPresent(join(dir, name));
  }
}

/** The file a temporary of `writePrivateFile` (`<name>.<pid>.tmp`) was to become; undefined for other names. */
function temporaryTarget(name: string): string | undefined {
  return /^(.+)\.\d+\.tmp$/.exec(name)?.[1];
}

/** Undefined when the file is gone (another process pruned it). */
function modifiedAt(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

function removeIfPresent(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}

function safeHome(): string {
  try {
    return homedir();
  } catch {
    return "";
  }
}
