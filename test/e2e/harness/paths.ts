// Where things are. Test files are bundled into out/test/e2e/, so paths come from the repository
// root (MAXIMO_WORKBENCH_ROOT, set by test/run.mjs) rather than from __dirname.
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

function findRoot(): string {
  if (process.env.MAXIMO_WORKBENCH_ROOT) return resolve(process.env.MAXIMO_WORKBENCH_ROOT);
  let dir = __dirname;
  while (!existsSync(join(dir, "esbuild.mjs"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("cannot find the repository root (no esbuild.mjs above " + __dirname + ")");
    dir = parent;
  }
  return dir;
}

export const repoRoot = findRoot();
export const e2eDir = join(repoRoot, "test", "e2e");
export const fixturesDir = join(e2eDir, "fixtures");
export const artifactsDir = join(e2eDir, "artifacts");
/** Scratch output of the e2e harness (packaged .vsix, bundled extension-host suite and shim). */
export const e2eOutDir = join(repoRoot, "out", "e2e");
export const codeServerBin = join(e2eDir, "vscode-runner", "node_modules", ".bin", "code-server");
export const chromiumPath = process.env.MAXIMO_E2E_CHROMIUM ?? "/usr/bin/chromium";

/** Throws a sentence naming the fix when test/e2e/setup.sh has not been run. */
export function assertPrerequisites(): void {
  for (const [path, what] of [
    [codeServerBin, "code-server"],
    [chromiumPath, "Chromium"],
  ] as const) {
    if (!existsSync(path)) throw new Error(`${what} is not installed (${path}): run 'bash test/e2e/setup.sh' (as root) first`);
  }
}
