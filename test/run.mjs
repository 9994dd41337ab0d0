// Runs the test suite with node's built-in runner. Test files are TypeScript, bundled by esbuild
// into out/run-PID/ first: chevrotain is ESM-only and Node 20 cannot require() it from CommonJS.
//   node test/run.mjs            all tests (unit, protocol, end-to-end)
//   node test/run.mjs --unit     everything but test/e2e
//   node test/run.mjs FILTER...  only test files whose path contains a FILTER
// When end-to-end tests (test/e2e/) are selected, test/e2e/setup.sh first makes sure Chromium and
// code-server are installed: a no-op taking milliseconds once they are; the first time it installs
// them (about a minute), which needs root for the Debian packages, or says what to run.
import { spawnSync } from "node:child_process";
import { readdirSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import * as esbuild from "esbuild";

const root = new URL("..", import.meta.url).pathname;
const args = process.argv.slice(2);
const unitOnly = args.includes("--unit");
const filters = args.filter((a) => !a.startsWith("--"));

function findTests(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" || entry.name === "fixtures" ? [] : findTests(path);
    return entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

const all = findTests(join(root, "test")).map((p) => relative(root, p));
const isE2e = (p) => p.startsWith("test/e2e/");
const selected = all.filter(
  (p) => (!unitOnly || !isE2e(p)) && (filters.length === 0 || filters.some((f) => p.includes(f))),
);
if (selected.length === 0) {
  console.error("no test files matched");
  process.exit(1);
}

if (selected.some(isE2e)) {
  const setup = spawnSync("bash", [join(root, "test/e2e/setup.sh")], { stdio: "inherit", cwd: root });
  if (setup.status !== 0) process.exit(setup.status ?? 1);
}

// A folder per run: two runs in one checkout must not delete each other's bundles.
const outdir = join(root, "out", `run-${process.pid}`);
process.on("exit", () => rmSync(outdir, { recursive: true, force: true }));
await esbuild.build({
  entryPoints: selected,
  outdir,
  outbase: root,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: "inline",
  // Heavy or native packages load from node_modules at run time.
  external: ["vscode", "playwright-core", "httpyac", "esbuild"],
  logLevel: "warning",
});

const files = selected.map((p) => join(outdir, p.replace(/\.ts$/, ".js")));
// e2e tests share code-server and Chromium: one file at a time keeps 2 cores usable.
const result = spawnSync(
  process.execPath,
  // A test that sets no timeout of its own gets 10 minutes: a hang fails that test, not the run.
  ["--enable-source-maps", "--test", "--test-concurrency=1", "--test-timeout=600000", ...files],
  // The CLI's caches go to the run's folder, not the user's cache folder.
  { stdio: "inherit", cwd: root, env: { MAXIMO_CODE_CACHE: join(outdir, "code-cache"), MAXIMO_CHECK_CACHE: join(outdir, "check-cache"), ...process.env, MAXIMO_WORKBENCH_ROOT: root } },
);
process.exit(result.status ?? 1);
