/**
 * bench/serverLog: what server-log capture (thread logging, reference §23) costs per request,
 * against the emulator, with and without capture in the same run. Each captured request pays one
 * extra GET of the user's thread log, which a real server returns whole each time; a capture
 * session is the requests between enabling and stopping, so the log grows as a user's would.
 * Requests alternate (without, with, ...), so drift in the machine's load hits both sides; the
 * per-request medians and the totals are printed, twice: against the bare emulator, where a
 * query costs about one round trip (so the extra read about doubles it), and with the query
 * taking `--server-ms` (default 50) on the server, as a database query does on a real Maximo
 * (a latency fault on `os/` paths only; the log read stays instant). Target: with / without <= 1.3
 * for the second.
 *   node bench/run.mjs serverLog -- --requests 200 --rounds 3 --server-ms 50
 */
import { envSecrets } from "../client/src/connections/load";
import type { ConnectionConfig } from "../client/src/connections/types";
import { createExecutor } from "../client/src/http/executor";
import type { ResolvedRequest } from "../client/src/http/types";
import { ServerLogCapture } from "../client/src/serverLog/capture";
import { option, startEmulatorChild } from "./lib/emulatorChild";

const TARGET_RATIO = 1.3;
const requests = option("requests", 200);
const rounds = option("rounds", 3);
const serverMs = option("server-ms", 50);

const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;

async function main(): Promise<void> {
  const emulator = await startEmulatorChild();
  const connection: ConnectionConfig = { name: "bench", url: emulator.url, apiRoot: "oslc", auth: "apikey" };
  const executor = createExecutor({ connection, secrets: envSecrets({ MAXIMO_APIKEY: "emulator-apikey" }) });
  // A typical query of a Maximo developer: one page of approved work orders, a few columns.
  const query: ResolvedRequest = {
    line: 0,
    method: "GET",
    target: "os/mxapiwodetail",
    query: [
      { key: "lean", value: "1" },
      { key: "oslc.where", value: 'status="APPR" and siteid="BEDFORD"' },
      { key: "oslc.select", value: "wonum,description,status,wopriority,reportdate" },
      { key: "oslc.orderBy", value: "-reportdate" },
      { key: "oslc.pageSize", value: "20" },
    ],
    headers: [],
    directives: { allPages: false, noRedirect: false },
  };
  const plain = async () => {
    const response = await executor.execute(query);
    if (response.status !== 200) throw new Error(`status ${response.status}`);
  };
  try {
    for (let i = 0; i < 50; i++) await plain(); // warm the JIT, the socket and the emulator's caches
    await measure("bare emulator", false);
    const fault = await fetch(`${new URL(emulator.url).origin}/emulator/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ path: "*/os/*", kind: "latency", latencyMs: serverMs }),
    });
    if (!fault.ok) throw new Error(`latency fault: HTTP ${fault.status}`);
    await measure(`queries taking ${serverMs} ms on the server`, true);
  } finally {
    executor.close();
    emulator.child.kill("SIGTERM");
  }

  async function measure(label: string, judged: boolean): Promise<void> {
    const without: number[] = [];
    const withCapture: number[] = [];
    let totalWithout = 0;
    let totalWith = 0;
    let lines = 0;
    for (let round = 0; round < rounds; round++) {
      const capture = new ServerLogCapture(executor);
      const captured = async () => {
        const { result, lines: got } = await capture.capture(() => executor.execute(query));
        if (result.status !== 200 || !got) throw new Error(`captured: status ${result.status}, lines ${got?.length}`);
        lines += got.length;
      };
      await captured(); // enabling and the first read are once per session, not per request
      for (let i = 0; i < requests; i++) {
        const pair = i % 2 === 0 ? ([[plain, without], [captured, withCapture]] as const) : ([[captured, withCapture], [plain, without]] as const);
        for (const [send, times] of pair) {
          const started = performance.now();
          await send();
          const ms = performance.now() - started;
          times.push(ms);
          if (times === without) totalWithout += ms;
          else totalWith += ms;
        }
      }
      await capture.stop();
    }
    const ratio = median(withCapture) / median(without);
    console.log(`${label}: ${requests} requests x ${rounds} capture sessions, interleaved (page of 20 work orders with where/select/orderBy):`);
    console.log(`  without capture: median ${median(without).toFixed(2)} ms, total ${totalWithout.toFixed(0)} ms`);
    console.log(`  with capture:    median ${median(withCapture).toFixed(2)} ms, total ${totalWith.toFixed(0)} ms (${(lines / (requests * rounds)).toFixed(1)} log lines per request)`);
    const verdict = judged ? ` (target <= ${TARGET_RATIO}x: ${ratio <= TARGET_RATIO ? "met" : "MISSED"})` : "";
    console.log(`  per-request ratio ${ratio.toFixed(2)}x, total ratio ${(totalWith / totalWithout).toFixed(2)}x${verdict}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
