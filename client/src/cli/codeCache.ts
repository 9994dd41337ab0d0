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
import { readFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { Script } from "node:vm";
import { keepNewest, readPrivateFile, userCacheDir, writePrivateFile } from "./cacheFiles";
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
  return userCacheDir("MAXIMO_CODE_CACHE", "code-cache", env);
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
  // Read only when this user alone could have written it: V8 runs a cache's bytecode as it is.
  const cached = cachePath ? readPrivateFile(cachePath) : undefined;
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
        writePrivateFile(dir, cachePath, script.createCachedData());
        keepNewest(dir, (name) => name.startsWith(`${bundle}-`) && name.endsWith(".bin"), KEPT_PER_BUNDLE, cachePath);
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
