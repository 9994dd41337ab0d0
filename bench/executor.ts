/**
 * bench/executor: our executor against a bare node-fetch keep-alive loop, same emulator, same run.
 *   1. 1,000 sequential GETs.   2. 1,000 GETs with 8 in flight.
 * Rounds alternate (bare, ours, bare, ours, ...) and the best round of each counts, so drift in
 * the machine's load hits both sides. Target: ours / bare <= 1.15.
 *   node bench/run.mjs executor -- --requests 1000 --rounds 3
 */
import { Agent } from "node:http";
import fetch from "node-fetch";
import { envSecrets } from "../client/src/connections/load";
import type { ConnectionConfig } from "../client/src/connections/types";
import { createExecutor } from "../client/src/http/executor";
import type { ResolvedRequest } from "../client/src/http/types";
import { option, startEmulatorChild } from "./lib/emulatorChild";

const TARGET_RATIO = 1.15;


const requests = option("requests", 1000);
const rounds = option("rounds", 3);
const APIKEY = "emulator-apikey";


/** Runs `send` `requests` times with `inFlight` loops; milliseconds for all of them. */
async function timed(inFlight: number, send: () => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: inFlight }, async () => {
    while (next++ < requests) await send();
  }));
  return performance.now() - started;
}

async function main(): Promise<void> {
  const emulator = await startEmulatorChild();
  const connection: ConnectionConfig = { name: "bench", url: emulator.url, apiRoot: "auto", auth: "apikey" };
  const executor = createExecutor({ connection, secrets: envSecrets({ MAXIMO_APIKEY: APIKEY }) });
  const resolved: ResolvedRequest = {
    line: 0,
    method: "GET",
    target: "os/mxapiasset",
    query: [{ key: "lean", value: "1" }, { key: "oslc.select", value: "assetnum,status" }, { key: "oslc.pageSize", value: "1" }],
    headers: [],
    directives: { allPages: false, noRedirect: false },
  };
  const url = `${emulator.url}/api/os/mxapiasset?lean=1&oslc.select=assetnum,status&oslc.pageSize=1`;
  const agent = new Agent({ keepAlive: true, maxSockets: 8 });
  // The same request on the wire as ours (same headers), so the ratio is the executor's own cost.
  const bare = async () => {
    const response = await fetch(url, { headers: { apikey: APIKEY, accept: "application/json", "user-agent": "maximo-workbench" }, agent });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`bare: status ${response.status}`);
  };
  const ours = async () => {
    const response = await executor.execute(resolved);
    if (response.status !== 200) throw new Error(`executor: status ${response.status}: ${response.text()}`);
  };
  try {
    // Warm both paths (JIT, sockets, the emulator's caches).
    await timed(8, bare);
    await timed(8, ours);
    for (const inFlight of [1, 8]) {
      let bestBare = Infinity;
      let bestOurs = Infinity;
      for (let round = 0; round < rounds; round++) {
        bestBare = Math.min(bestBare, await timed(inFlight, bare));
        bestOurs = Math.min(bestOurs, await timed(inFlight, ours));
      }
      const ratio = bestOurs / bestBare;
      console.log(`${requests} GETs, ${inFlight === 1 ? "sequential" : `${inFlight} in flight`} (best of ${rounds}):`);
      console.log(`  bare node-fetch ${bestBare.toFixed(0)} ms (${((requests / bestBare) * 1000).toFixed(0)}/s)`);
      console.log(`  our executor    ${bestOurs.toFixed(0)} ms (${((requests / bestOurs) * 1000).toFixed(0)}/s)`);
      console.log(`  ratio ${ratio.toFixed(2)}x (target <= ${TARGET_RATIO}x: ${ratio <= TARGET_RATIO ? "met" : "MISSED"})`);
    }
    // The same comparison one request at a time, alternating which goes first, so server-side
    // drift (GC, the request log growing) hits both; medians shrug off the pauses.
    for (const inFlight of [1, 8]) {
      const bareTimes: number[] = [];
      const ourTimes: number[] = [];
      let next = 0;
      await Promise.all(Array.from({ length: inFlight }, async () => {
        while (next++ < requests) {
          const pair = next % 2 === 0 ? [[bare, bareTimes], [ours, ourTimes]] as const : [[ours, ourTimes], [bare, bareTimes]] as const;
          for (const [send, times] of pair) {
            const started = performance.now();
            await send();
            times.push(performance.now() - started);
          }
        }
      }));
      const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
      const ratio = median(ourTimes) / median(bareTimes);
      console.log(`${requests} GET pairs interleaved, ${inFlight} in flight, median latency:`);
      console.log(`  bare ${(median(bareTimes) * 1000).toFixed(0)} µs, ours ${(median(ourTimes) * 1000).toFixed(0)} µs, ratio ${ratio.toFixed(2)}x (target <= ${TARGET_RATIO}x: ${ratio <= TARGET_RATIO ? "met" : "MISSED"})`);
    }
  } finally {
    executor.close();
    agent.destroy();
    emulator.child.kill("SIGTERM");
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
