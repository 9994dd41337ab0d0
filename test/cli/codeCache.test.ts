// The bin's code cache (client/src/cli/codeCache.ts): a later run takes the bytecode an earlier
// run compiled, never the bytecode of another text, and a cache it cannot use or write never
// stops the command.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { codeCacheDir, compileWithCodeCache } from "../../client/src/cli/codeCache";

// Each cache use runs in a process of its own, as the bin does: within one process V8 keeps the
// compiled text itself and would never read the file.
if (process.env.CODE_CACHE_TEST_CHILD) {
  const { file, dir } = JSON.parse(process.env.CODE_CACHE_TEST_CHILD) as { file: string; dir: string | null };
  const bundle = compileWithCodeCache(file, dir ?? undefined);
  bundle.run();
  bundle.save();
  process.stdout.write(JSON.stringify({ status: bundle.status, ...probe() }));
  process.exit(0);
}

const root = process.env.MAXIMO_WORKBENCH_ROOT ?? process.cwd();
const cli = join(root, "dist", "cli.js");

interface Probe {
  runs: number;
  value?: number;
  fromDependency?: string;
}
function probe(): Probe {
  return ((globalThis as { __codeCacheProbe?: Probe }).__codeCacheProbe ??= { runs: 0 });
}

/** One use of the cache in a new process: what it found, and what the bundle did. */
function useCache(file: string, dir: string | undefined): Probe & { status: string } {
  const child = spawnSync(process.execPath, [__filename], { encoding: "utf8", env: { ...process.env, CODE_CACHE_TEST_CHILD: JSON.stringify({ file, dir: dir ?? null }) } });
  assert.equal(child.status, 0, child.stderr);
  return JSON.parse(child.stdout) as Probe & { status: string };
}

/** A bundle that counts its runs, calls a function (compiled lazily, so in the cache) and requires a file beside it. */
function bundleText(value: number): string {
  return [
    "const dependency = require('./dependency.js');",
    "function compute(n) { let total = 0; for (let i = 0; i < n; i++) total += i % 7; return total; }",
    "const p = (globalThis.__codeCacheProbe ??= { runs: 0 });",
    "p.runs++;",
    `p.value = ${value} + compute(10) * 0;`,
    "p.fromDependency = dependency.name + ':' + require('node:path').basename(__dirname);",
    "module.exports = p;",
  ].join("\n");
}

function bundleDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "maximo-code-cache-bundle-"));
  writeFileSync(join(dir, "dependency.js"), "exports.name = 'beside';");
  return dir;
}

const binFiles = (dir: string) => readdirSync(dir).filter((name) => name.endsWith(".bin"));

/** A sample bundle (`bundleText(value)`, a file beside it) and an empty cache folder. */
function sample(value: number): { file: string; cache: string } {
  const file = join(bundleDir(), "sample.js");
  writeFileSync(file, bundleText(value));
  return { file, cache: mkdtempSync(join(tmpdir(), "maximo-code-cache-")) };
}


test("a second run takes the first run's cache; both run the bundle with its own require and __dirname", () => {
  const { file, cache } = sample(1);

  const first = useCache(file, cache);
  assert.equal(first.status, "miss");
  assert.equal(binFiles(cache).length, 1, "the first run writes the cache");
  assert.match(binFiles(cache)[0]!, /^sample-[0-9a-f]{24}\.bin$/);
  const written = statSync(join(cache, binFiles(cache)[0]!)).mtimeMs;

  const second = useCache(file, cache);
  assert.equal(second.status, "hit");
  assert.equal(statSync(join(cache, binFiles(cache)[0]!)).mtimeMs, written, "a used cache is not written again");
  for (const run of [first, second]) {
    assert.equal(run.runs, 1, "the bundle ran");
    assert.equal(run.value, 1);
    assert.match(run.fromDependency ?? "", /^beside:maximo-code-cache-bundle-/);
  }
});

test("a changed bundle of the same length never takes the old cache", () => {
  const { file, cache } = sample(1);
  useCache(file, cache);
  // V8 itself checks only the length of the text: the file name must tell the two apart.
  assert.equal(bundleText(2).length, bundleText(1).length);
  writeFileSync(file, bundleText(2));
  const changed = useCache(file, cache);
  assert.equal(changed.status, "miss");
  assert.equal(changed.value, 2, "the new text ran");
  assert.equal(binFiles(cache).length, 2);
});

test("a corrupt cache file is rejected, the bundle still runs, and the file is written anew", () => {
  const { file, cache } = sample(3);
  useCache(file, cache);
  const path = join(cache, binFiles(cache)[0]!);
  const good = readFileSync(path);
  // Same size, other bytes: what a torn or damaged file looks like.
  writeFileSync(path, Buffer.alloc(good.length, 0x5a));

  const corrupt = useCache(file, cache);
  assert.equal(corrupt.status, "rejected");
  assert.equal(corrupt.value, 3);
  assert.notDeepEqual(readFileSync(path), Buffer.alloc(good.length, 0x5a), "written anew");
  assert.equal(useCache(file, cache).status, "hit");
});

test("a cache file others could have written is not read (POSIX): it is replaced by one of this user's", () => {
  // Windows has no uid or mode bits to check; the CI and these machines are Linux.
  if (process.platform === "win32") return;
  const { file, cache } = sample(5);
  useCache(file, cache);
  const path = join(cache, binFiles(cache)[0]!);
  assert.equal(useCache(file, cache).status, "hit");
  chmodSync(path, 0o666);
  const planted = useCache(file, cache);
  assert.deepEqual([planted.status, planted.value], ["miss", 5], "a group- or world-writable file is left unread");
  assert.equal(statSync(path).mode & 0o777, 0o600, "and written anew, for this user only");
  assert.equal(useCache(file, cache).status, "hit");
});

test("no folder, or one that cannot be written: the bundle runs and saving does nothing", () => {
  const { file, cache } = sample(4);
  const none = useCache(file, undefined);
  assert.deepEqual([none.status, none.value], ["miss", 4]);
  // A file where the folder should be: mkdir fails, and the failure stays inside `save`.
  const blocked = join(cache, "a-file");
  writeFileSync(blocked, "");
  const unwritable = useCache(file, blocked);
  assert.deepEqual([unwritable.status, unwritable.value], ["miss", 4]);
});

test("the folder keeps the newest three caches of a bundle", () => {
  const { file, cache } = sample(10);
  for (let value = 10; value < 15; value++) {
    writeFileSync(file, bundleText(value));
    useCache(file, cache);
  }
  assert.equal(binFiles(cache).length, 3);
  assert.equal(useCache(file, cache).status, "hit", "the last one is among them");
});

test("the cache folder: MAXIMO_CODE_CACHE, off, or the user's cache folder", () => {
  assert.equal(codeCacheDir({ MAXIMO_CODE_CACHE: "off" }), undefined);
  assert.equal(codeCacheDir({ MAXIMO_CODE_CACHE: "0" }), undefined);
  assert.equal(codeCacheDir({ MAXIMO_CODE_CACHE: "/somewhere/cache" }), "/somewhere/cache");
  if (process.platform !== "win32") {
    assert.equal(codeCacheDir({ XDG_CACHE_HOME: "/xdg" }), join("/xdg", "maximo-workbench", "code-cache"));
  }
});

test("maximo check and --version through the bin: the same output with the cache cold, warm and off", () => {
  const cache = mkdtempSync(join(tmpdir(), "maximo-code-cache-cli-"));
  const run = (value: string, ...args: string[]) => {
    const result = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", cwd: root, env: { ...process.env, MAXIMO_CODE_CACHE: value } });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  const file = join(root, "examples", "workorders.maximo");
  const off = run("off", "check", file);
  assert.equal(off.code, 0, off.stderr);
  assert.deepEqual(run(cache, "check", file), off, "cold");
  const written = binFiles(cache);
  assert.equal(written.length, 1);
  assert.match(written[0]!, /^cli-check-/);
  const time = statSync(join(cache, written[0]!)).mtimeMs;
  assert.deepEqual(run(cache, "check", file), off, "warm");
  assert.equal(statSync(join(cache, written[0]!)).mtimeMs, time, "the warm run took the cache as it was");

  const version = run(cache, "--version");
  assert.deepEqual(version, run("off", "--version"));
  assert.equal(binFiles(cache).filter((name) => name.startsWith("cli-full-")).length, 1, "the whole CLI has its own cache");
});
