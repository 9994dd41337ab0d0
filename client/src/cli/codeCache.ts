/**
 * Runs a CommonJS bundle with V8's code cache, as Node 22's `module.enableCompileCache` does
 * (Node 20 has none). Without it every `maximo` process parses and compiles the bundle's
 * functions again; with it, the functions a previous run compiled come back as bytecode.
 *
 * The cache is written after the run (at process exit), not after compiling: the bundle's
 * functions compile lazily, when first called, so a cache made before the run would hold little
 * more than the top level.
 *
 * A cache file is named by a hash of the bundle's text, the Node version and its flags: V8 checks
 * only the source's length and its own flags, so a rebuilt bundle of the same length must never
 * meet an old file. A file V8 rejects (corrupt, another V8) is written anew; nothing here ever
 * stops the bundle from running.
 */
import { createHash } from "node:crypto";
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { homedir } from "node:os";
import { basename, dirname, join } from "node:path";
import { Script } from "node:vm";
import { decodeText } from "./textFile";

/** What became of the cache: used, none yet, or one V8 would not take. */
export type CodeCacheStatus = "hit" | "miss" | "rejected";

export interface CachedBundle {
  status: CodeCacheStatus;
  /** Runs the bundle, as `require` would. */
  run(): void;
  /** Writes the cache when it was missing or rejected: after the run (at exit). Never throws. */
  save(): void;
}

/** Cache files kept per bundle: a few builds side by side (an upgrade, two checkouts). */
const KEPT_PER_BUNDLE = 3;

/**
 * The cache folder: `MAXIMO_CODE_CACHE` names one, or `off` turns the cache off; by default the
 * user's cache folder (`$XDG_CACHE_HOME` or `~/.cache`, `%LOCALAPPDATA%` on Windows).
 */
export function codeCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const chosen = env.MAXIMO_CODE_CACHE?.trim();
  if (chosen === "off" || chosen === "0") return undefined;
  if (chosen) return chosen;
  const base = process.platform === "win32" ? env.LOCALAPPDATA : env.XDG_CACHE_HOME || join(safeHome(), ".cache");
  return base ? join(base, "maximo-workbench", "code-cache") : undefined;
}

/**
 * Compiles `file` (a CommonJS bundle) with its code cache from `dir`. Without a folder, or when
 * the folder holds no usable file, it compiles as it would without a cache.
 */
export function compileWithCodeCache(file: string, dir: string | undefined): CachedBundle {
  const bytes = readFileSync(file);
  const source = decodeText(bytes);
  const bundle = basename(file, ".js");
  const cachePath = dir ? join(dir, `${bundle}-${cacheKey(bytes)}.bin`) : undefined;
  const cached = cachePath ? readIfPresent(cachePath) : undefined;
  const script = new Script(Module.wrap(source), { filename: file, ...(cached ? { cachedData: cached } : {}) });
  const status: CodeCacheStatus = !cached ? "miss" : script.cachedDataRejected ? "rejected" : "hit";
  return {
    status,
    run() {
      const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
      const module = { exports: {}, filename: file, id: file, loaded: false };
      wrapper.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
      module.loaded = true;
    },
    save() {
      if (status === "hit" || !dir || !cachePath) return;
      try {
        writeCache(dir, cachePath, script.createCachedData(), bundle);
      } catch {
        // A cache that cannot be written costs the next run its head start, nothing more.
      }
    },
  };
}

function cacheKey(bytes: Buffer): string {
  return createHash("sha256")
    .update(bytes)
    .update(`\0${process.version}\0${process.arch}\0${process.execArgv.join(" ")}`)
    .digest("hex")
    .slice(0, 24);
}

/**
 * The cache file, when this user alone could have written it: V8 runs a cache's bytecode as it
 * is, so a file another user could plant (a shared `MAXIMO_CODE_CACHE` folder) is not read.
 */
function readIfPresent(path: string): Buffer | undefined {
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

/** Writes atomically (processes run side by side in CI), then keeps the newest few of this bundle. */
function writeCache(dir: string, path: string, data: Buffer, bundle: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, data, { mode: 0o600 });
  renameSync(temporary, path);
  const ours = readdirSync(dir)
    .filter((name) => name.startsWith(`${bundle}-`) && name.endsWith(".bin"))
    .map((name) => ({ path: join(dir, name), time: statSync(join(dir, name)).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  for (const old of ours.slice(KEPT_PER_BUNDLE)) if (old.path !== path) unlinkSync(old.path);
}

function safeHome(): string {
  try {
    return homedir();
  } catch {
    return "";
  }
}
