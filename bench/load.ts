/**
 * bench/load: `maximo load` against the emulator (a child process with room for a million rows).
 * 1. Throughput: N asset rows (default 100,000) loaded through BULK in batches of 100 by the
 *    CLI in this process, against a one-POST-per-row loop through the same executor in the
 *    same run (on the first --baseline-rows rows, default 10,000, so the bench stays short);
 *    prints rows/s of each and the ratio.
 * 2. Memory: the built CLI (dist/cli.js) as a child process loading --rss-rows rows (default
 *    1,000,000); prints its peak RSS (VmHWM, sampled while it runs). Target: flat, under 250 MB.
 *   node bench/run.mjs load
 *   node bench/run.mjs load -- --rows 20000 --baseline-rows 2000 --rss-rows 100000
 */
import { spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { once } from "node:events";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../client/src/cli/main";
import { createExecutor } from "../client/src/http/executor";
import { buildOutgoing } from "../client/src/http/url";
import { option, root, startChild } from "./lib/emulatorChild";

const TARGET_RSS_MB = 250;
const rows = option("rows", 100_000);
const baselineRows = Math.min(rows, option("baseline-rows", 10_000));
const rssRows = option("rss-rows", 1_000_000);
const APIKEY = "emulator-apikey";

async function writeCsv(path: string, count: number, prefix: string): Promise<void> {
  const out = createWriteStream(path);
  out.write("assetnum,siteid,description,priority\n");
  for (let i = 1; i <= count; i++) {
    if (!out.write(`${prefix}${i},BEDFORD,"Bench asset ${i}, loaded",${i % 5}\n`)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

async function startEmulator() {
  const emulatorJs = join(root, "dist", "emulator.js");
  if (!existsSync(emulatorJs)) throw new Error("dist/emulator.js is missing: run `node esbuild.mjs` first");
  // A million assets and the request log of their loads need more than the default heap.
  return startChild(["--max-old-space-size=8192", emulatorJs, "--port", "0", "--work-orders", "20"]);
}

async function throughput(url: string, dir: string): Promise<void> {
  const csv = join(dir, "bulk.csv");
  await writeCsv(csv, rows, "BB");
  const lines: string[] = [];
  const started = performance.now();
  const code = await runCli(["load", csv, "--os", "mxapiasset", "--connection", url], (t) => lines.push(t), (t) => lines.push(t), { env: { MAXIMO_APIKEY: APIKEY }, cwd: dir });
  const bulkMs = performance.now() - started;
  if (code !== 0) throw new Error(`load failed (${code}):\n${lines.slice(-5).join("\n")}`);

  const executor = createExecutor({ connection: { name: "bench", url, apiRoot: "auto", auth: "apikey" }, secrets: { get: async () => APIKEY } });
  const loopStarted = performance.now();
  for (let i = 1; i <= baselineRows; i++) {
    const response = await executor.send(
      buildOutgoing(executor.connection, {
        line: 0, method: "POST", target: "os/mxapiasset", query: [{ key: "lean", value: "1" }], headers: [["content-type", "application/json"]],
        body: JSON.stringify({ assetnum: `BP${i}`, siteid: "BEDFORD", description: `Bench asset ${i}, loaded`, priority: i % 5 }),
        directives: { allPages: false, noRedirect: false },
      }),
    );
    if (response.status !== 201) throw new Error(`POST per row: HTTP ${response.status}`);
  }
  const loopMs = performance.now() - loopStarted;
  executor.close();
  const bulkRate = rows / (bulkMs / 1000);
  const loopRate = baselineRows / (loopMs / 1000);
  console.log(`maximo load (BULK, batches of 100): ${rows} rows in ${(bulkMs / 1000).toFixed(1)} s = ${Math.round(bulkRate)} rows/s`);
  console.log(`  ${lines[lines.length - 1]}`);
  console.log(`one POST per row (same executor):  ${baselineRows} rows in ${(loopMs / 1000).toFixed(1)} s = ${Math.round(loopRate)} rows/s`);
  console.log(`ratio: BULK is ${(bulkRate / loopRate).toFixed(1)}x the one-POST-per-row loop`);
}

/** The child's current and peak resident set (MB), from /proc. */
function rssMb(pid: number): { now: number; peak: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const field = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN) / 1024;
    const now = field("VmRSS");
    const peak = field("VmHWM");
    return Number.isFinite(now) && Number.isFinite(peak) ? { now, peak } : undefined;
  } catch {
    return undefined;
  }
}

async function memory(url: string, dir: string): Promise<void> {
  const csv = join(dir, "million.csv");
  await writeCsv(csv, rssRows, "BM");
  const started = performance.now();
  const child = spawn(process.execPath, [join(root, "dist", "cli.js"), "load", csv, "--os", "mxapiasset", "--connection", url], {
    env: { PATH: process.env.PATH ?? "", MAXIMO_APIKEY: APIKEY },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  let peak = 0;
  const samples: number[] = [];
  const sampler = setInterval(() => {
    const mb = rssMb(child.pid!);
    if (mb !== undefined) {
      peak = Math.max(peak, mb.peak);
      samples.push(mb.now);
    }
  }, 100);
  const [code] = (await once(child, "exit")) as [number];
  clearInterval(sampler);
  const ms = performance.now() - started;
  if (code !== 0) throw new Error(`load of ${rssRows} rows failed (${code}):\n${output.slice(-2000)}`);
  const at = (fraction: number) => (samples[Math.min(samples.length - 1, Math.floor(samples.length * fraction))] ?? 0).toFixed(0);
  console.log(`maximo load (child process): ${rssRows} rows in ${(ms / 1000).toFixed(1)} s = ${Math.round(rssRows / (ms / 1000))} rows/s`);
  console.log(`  ${output.trim().split("\n").pop()}`);
  console.log(`  RSS at 25/50/75/100% of the time: ${at(0.25)} / ${at(0.5)} / ${at(0.75)} / ${at(0.999)} MB`);
  console.log(`  peak RSS ${peak.toFixed(0)} MB; target < ${TARGET_RSS_MB} MB: ${peak < TARGET_RSS_MB ? "met" : "MISSED"}`);
}

async function main(): Promise<void> {
  if (!existsSync(join(root, "dist", "cli.js"))) throw new Error("dist/cli.js is missing: run `node esbuild.mjs` first");
  const dir = mkdtempSync(join(tmpdir(), "maximo-bench-load-"));
  const emulator = await startEmulator();
  try {
    await throughput(emulator.url, dir);
    await memory(emulator.url, dir);
  } finally {
    emulator.child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
