// Runs the benchmarks. Each bench/*.ts is bundled by esbuild into out/bench (chevrotain is
// ESM-only; heavy peers such as httpyac stay external and load from node_modules) and run in a
// process of its own, so one benchmark's heap does not weigh on the next.
//   node bench/run.mjs            every benchmark
//   node bench/run.mjs parse      only benchmarks whose file name contains a filter
//   node bench/run.mjs fuzz -- --inputs 50000   arguments after -- go to the benchmarks
import { spawnSync } from "node:child_process";
import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import * as esbuild from "esbuild";

const root = new URL("..", import.meta.url).pathname;
const argv = process.argv.slice(2);
const dashes = argv.indexOf("--");
const filters = dashes < 0 ? argv : argv.slice(0, dashes);
const passThrough = dashes < 0 ? [] : argv.slice(dashes + 1);

const benches = readdirSync(join(root, "bench"))
  .filter((name) => name.endsWith(".ts"))
  .filter((name) => filters.length === 0 || filters.some((f) => name.includes(f)))
  .sort();
if (benches.length === 0) {
  console.error("no benchmarks matched");
  process.exit(1);
}

const outdir = join(root, "out", "bench");
rmSync(outdir, { recursive: true, force: true });
await esbuild.build({
  entryPoints: benches.map((name) => join(root, "bench", name)),
  outdir,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: "inline",
  external: ["httpyac", "esbuild", "vscode", "playwright-core"],
  logLevel: "warning",
});

let failed = false;
for (const name of benches) {
  console.log(`\n=== ${name} ===`);
  const result = spawnSync(process.execPath, ["--enable-source-maps", join(outdir, name.replace(/\.ts$/, ".js")), ...passThrough], {
    stdio: "inherit",
    cwd: root,
    env: { ...process.env, MAXIMO_WORKBENCH_ROOT: root },
  });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
