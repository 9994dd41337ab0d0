// `mkdir -p` that always ends (client/src/files/makeDirectory.ts). Node 20's recursive mkdir loops
// forever on a path whose parent exists but whose creation answers ENOENT (/proc): those cases run
// in a child process with a time limit, so a regression fails here instead of hanging the suite.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeDirectory, makeDirectorySync } from "../../../client/src/files/makeDirectory";

if (process.env.MAKE_DIRECTORY_CHILD) {
  const { dir, kind } = JSON.parse(process.env.MAKE_DIRECTORY_CHILD) as { dir: string; kind: "sync" | "async" };
  const report = (outcome: string) => process.stdout.write(outcome);
  if (kind === "sync") {
    try {
      makeDirectorySync(dir, 0o700);
      report("made");
    } catch (error) {
      report((error as NodeJS.ErrnoException).code ?? "error");
    }
  } else {
    makeDirectory(dir, 0o700).then(
      () => report("made"),
      (error: NodeJS.ErrnoException) => report(error.code ?? "error"),
    );
  }
} else {
  const root = process.env.MAXIMO_WORKBENCH_ROOT ?? process.cwd();

  function inChild(dir: string, kind: "sync" | "async"): string {
    const child = spawnSync(process.execPath, [__filename], { encoding: "utf8", timeout: 20_000, env: { ...process.env, MAKE_DIRECTORY_CHILD: JSON.stringify({ dir, kind }) } });
    assert.equal(child.signal, null, `${kind} ${dir}: still running after 20 s (killed)`);
    return child.stdout;
  }

  function tempDir(t: { after(fn: () => void): void }): string {
    const dir = mkdtempSync(join(tmpdir(), "make-directory-"));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    return dir;
  }

  test("makes every missing folder, each with the mode asked for; a folder that exists is fine", async (t) => {
    const base = tempDir(t);
    const deep = join(base, "a", "b", "c");
    makeDirectorySync(deep, 0o700);
    for (const folder of [join(base, "a"), join(base, "a", "b"), deep]) assert.equal(statSync(folder).mode & 0o777, 0o700, folder);
    makeDirectorySync(deep);
    const other = join(base, "x", "y");
    await makeDirectory(other, 0o700);
    assert.ok(statSync(other).isDirectory());
    await makeDirectory(other);
    makeDirectorySync(join(base, "relative-check", ".."));
    assert.ok(statSync(base).isDirectory());
  });

  test("a file in the way is an error, sync and async", async (t) => {
    const base = tempDir(t);
    const file = join(base, "file");
    writeFileSync(file, "x");
    assert.throws(() => makeDirectorySync(file), { code: "EEXIST" });
    assert.throws(() => makeDirectorySync(join(file, "below")), { code: "ENOTDIR" });
    await assert.rejects(makeDirectory(file), { code: "EEXIST" });
    await assert.rejects(makeDirectory(join(file, "below")), { code: "ENOTDIR" });
  });

  test("a folder /proc will not make is an error at once, where Node's recursive mkdir never returns", { skip: process.platform !== "linux" }, () => {
    for (const dir of ["/proc/maximo-workbench-test", "/proc/maximo-workbench-test/below"]) {
      assert.equal(inChild(dir, "sync"), "ENOENT", dir);
      assert.equal(inChild(dir, "async"), "ENOENT", dir);
    }
  });

  test("maximo check with its caches pointed into /proc still checks, and prints what it prints without them", { skip: process.platform !== "linux" }, (t) => {
    const base = tempDir(t);
    const file = join(base, "requests.maximo");
    writeFileSync(file, "GET os/mxapiasset?oslc.select=assetnum,nosuchattribute\n");
    const run = (env: Record<string, string>) =>
      spawnSync(process.execPath, [join(root, "dist", "cli.js"), "check", file], { encoding: "utf8", timeout: 30_000, env: { ...process.env, ...env } });
    const plain = run({ MAXIMO_CHECK_CACHE: "off", MAXIMO_CODE_CACHE: "off" });
    const proc = run({ MAXIMO_CHECK_CACHE: "/proc/maximo-workbench-check", MAXIMO_CODE_CACHE: "/proc/maximo-workbench-code" });
    assert.equal(proc.signal, null, "the check ended");
    assert.equal(proc.status, plain.status);
    assert.equal(proc.stdout, plain.stdout);
    assert.match(plain.stdout, /nosuchattribute/);
  });
}
