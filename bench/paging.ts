/**
 * bench/paging: 100,000 work orders through `# @all-pages` to a file with `maximo run --out`
 * (in this process, so its memory is what we measure), 1,000 per page, from an emulator child
 * seeded with 100,000 work orders. Prints the time and this process's peak RSS, sampled every
 * 20 ms. Target: flat, under 200 MB.
 *   node bench/run.mjs paging -- --work-orders 100000 --page-size 1000
 */
import { createReadStream, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { runCli } from "../client/src/cli/main";
import { option, startEmulatorChild } from "./lib/emulatorChild";

const TARGET_RSS_MB = 200;


const workOrders = option("work-orders", 100_000);
const pageSize = option("page-size", 1000);


/** Members in the written array: one per line between `[` and `]`. */
async function countMembers(path: string): Promise<number> {
  let count = 0;
  for await (const line of createInterface({ input: createReadStream(path) })) if (line.startsWith("{")) count++;
  return count;
}

async function main(): Promise<void> {
  const emulator = await startEmulatorChild(["--work-orders", String(workOrders)]);
  const dir = mkdtempSync(join(tmpdir(), "maximo-paging-"));
  try {
    const file = join(dir, "all.maximo");
    writeFileSync(
      file,
      ["### all", "# @name all", "# @all-pages", "# @expect status 200",
        `GET os/mxapiwodetail?lean=1&oslc.select=wonum,siteid,description,status,wopriority,reportdate&oslc.orderBy=+workorderid&oslc.pageSize=${pageSize}`, ""].join("\n"),
    );
    const out = join(dir, "out");
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const lines: string[] = [];
    const started = performance.now();
    const code = await runCli(["run", file, "--connection", emulator.url, "--out", out], (t) => lines.push(t), (t) => lines.push(t), {
      env: { MAXIMO_APIKEY: "emulator-apikey" },
      cwd: dir,
    });
    const ms = performance.now() - started;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    if (code !== 0) throw new Error(`run failed (${code}):\n${lines.join("\n")}`);
    const written = join(out, "all-01-all.json");
    const members = await countMembers(written);
    const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
    console.log(`${members} work orders in pages of ${pageSize} to a ${mb(statSync(written).size)} MB file in ${(ms / 1000).toFixed(1)} s`);
    console.log(`  ${lines[0]}`);
    console.log(`  peak RSS ${mb(peak)} MB (baseline ${mb(baseline)} MB, growth ${mb(peak - baseline)} MB); ` +
      `target < ${TARGET_RSS_MB} MB: ${peak / 1024 / 1024 < TARGET_RSS_MB ? "met" : "MISSED"}`);
    // The seed adds a few fixed work orders to the N it generates.
    if (members < workOrders) throw new Error(`expected at least ${workOrders} members, found ${members}`);
  } finally {
    emulator.child.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
