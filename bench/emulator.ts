/**
 * bench/emulator: the emulator's HTTP platform under load, and its streaming of a large answer.
 *   1. GET throughput over keep-alive with N concurrent clients against `dist/emulator.js`,
 *      next to a bare node http server (also a child process) answering a same-size JSON.
 *      Target: at least 2,000 GETs/s.
 *   2. One very large collection (`mxapiwodetail`, every attribute, 31,000 work orders on one page): time to first
 *      byte, total time, bytes, and the emulator process's peak RSS growth, which stays far
 *      below the body size when the reply is streamed.
 *   3. Seeding the store in-process: the default 5,200 work orders and four times as many; the
 *      ratio shows the seed grows linearly (an O(n²) load would show about 16x).
 *   node bench/run.mjs emulator -- --clients 16 --seconds 3
 */
import { readFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { buildMetadata } from "../emulator/data/metadata";
import { seedStore } from "../emulator/data/seed";
import { Store } from "../emulator/store/store";
import { option, startChild, startEmulatorChild } from "./lib/emulatorChild";

const TARGET_GETS_PER_SECOND = 2000;


const clients = option("clients", 16);
const seconds = option("seconds", 3);
const headers = { apikey: "emulator-apikey" };


function get(url: string, agent?: Agent): Promise<{ status: number; bytes: number; firstByteMs: number; totalMs: number; body?: string }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(url, { headers, agent }, (res) => {
      let firstByteMs = 0;
      let bytes = 0;
      const keep: Buffer[] = [];
      res.on("data", (chunk: Buffer) => {
        if (bytes === 0) firstByteMs = performance.now() - started;
        bytes += chunk.length;
        if (bytes < 1_000_000) keep.push(chunk);
      });
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, bytes, firstByteMs, totalMs: performance.now() - started, body: Buffer.concat(keep).toString("utf8") }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

/** GETs per second from `clients` concurrent keep-alive loops over `seconds`. */
async function throughput(url: string): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const warmUntil = performance.now() + 500;
  await Promise.all(Array.from({ length: clients }, async () => {
    while (performance.now() < warmUntil) await get(url, agent);
  }));
  let done = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(Array.from({ length: clients }, async () => {
    while (performance.now() < until) {
      const response = await get(url, agent);
      if (response.status !== 200) throw new Error(`status ${response.status}`);
      done++;
    }
  }));
  agent.destroy();
  return done / ((performance.now() - started) / 1000);
}

function rssKb(pid: number, field: "VmRSS" | "VmHWM"): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
}

/** A bare node http server answering `body` to every request; prints `listening URL`. */
function bareServerScript(body: string): string {
  return `const body = Buffer.from(${JSON.stringify(body)});
require("node:http").createServer({ keepAlive: true }, (req, res) => {
  req.resume();
  req.on("end", () => { res.writeHead(200, { "content-type": "application/json;charset=UTF-8", "content-length": body.length }); res.end(body); });
}).listen(0, "127.0.0.1", function () { console.log("listening http://127.0.0.1:" + this.address().port); });`;
}

async function main(): Promise<void> {
  // Enough work orders that `oslc.select=*` on one page is about 50 MB (5,200 give 8.7 MB).
  const emulator = await startEmulatorChild(["--work-orders", String(option("work-orders", 31_000))]);
  try {
    const small = `${emulator.url}/oslc/os/mxapiasset?oslc.pageSize=1&lean=1`;
    const sample = await get(small);
    if (sample.status !== 200) throw new Error(`emulator answered ${sample.status}: ${sample.body}`);
    const bare = await startChild(["-e", bareServerScript(sample.body ?? "")]);
    try {
      const emulatorRate = await throughput(small);
      const bareRate = await throughput(bare.url);
      console.log(`GET throughput, ${clients} keep-alive clients, ${seconds} s, ${sample.bytes}-byte answers:`);
      console.log(`  emulator  ${emulatorRate.toFixed(0)} GETs/s  (target >= ${TARGET_GETS_PER_SECOND}: ${emulatorRate >= TARGET_GETS_PER_SECOND ? "met" : "MISSED"})`);
      console.log(`  bare node ${bareRate.toFixed(0)} GETs/s  (emulator at ${((emulatorRate / bareRate) * 100).toFixed(0)}% of bare)`);
    } finally {
      bare.child.kill();
    }

    const large = `${emulator.url}/oslc/os/mxapiwodetail?oslc.select=*&oslc.pageSize=40000&lean=1`;
    const pid = emulator.child.pid!;
    const rssBefore = rssKb(pid, "VmRSS");
    const hwmBefore = rssKb(pid, "VmHWM");
    const response = await get(large);
    const hwmAfter = rssKb(pid, "VmHWM");
    const growthMb = (Math.max(hwmAfter, hwmBefore) - rssBefore) / 1024;
    console.log(`Large answer (mxapiwodetail, select=*, pageSize=40000), status ${response.status}:`);
    console.log(`  ${(response.bytes / 1e6).toFixed(1)} MB, first byte ${response.firstByteMs.toFixed(0)} ms, total ${response.totalMs.toFixed(0)} ms`);
    console.log(`  emulator RSS before ${(rssBefore / 1024).toFixed(0)} MB, peak RSS growth ${growthMb.toFixed(0)} MB ` +
      `(${((growthMb * 1e6 * 1.048576) / response.bytes * 100).toFixed(0)}% of the body)`);
  } finally {
    emulator.child.kill("SIGTERM");
  }
  const seedMs = (workOrders: number) => {
    const store = new Store(buildMetadata());
    const started = performance.now();
    seedStore(store, { workOrders });
    return performance.now() - started;
  };
  seedMs(5200); // warm the JIT
  const base = seedMs(5200);
  const four = seedMs(20800);
  console.log(`Seed in-process: 5,200 work orders ${base.toFixed(0)} ms, 20,800 work orders ${four.toFixed(0)} ms (${(four / base).toFixed(1)}x for 4x the data; linear is ~4x)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
