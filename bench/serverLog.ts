/**
 * bench/serverLog: what server-log capture (thread logging, reference §23) costs per request,
 * against the emulator, with and without capture in the same run. Each captured request pays one
 * extra GET of the user's thread log, which a real server returns whole each time; a capture
 * session is the requests between enabling and stopping, so the log grows as a user's would.
 * Capture hands the response back first and reads the log after it, so three figures matter:
 * the time until the response (what a Send waits for before the panel shows it), the time until
 * its log lines, and a run of requests sent back to back (each waits for the previous read, so
 * lines never mix). Requests alternate (without, with, ...), so drift in the machine's load hits
 * both sides. Printed twice: against the bare emulator, where a query costs about one round trip,
 * and with the query taking `--server-ms` (default 50) on the server, as a database query does on
 * a real Maximo (a latency fault on `os/` paths only; the log read stays instant). Target: the
 * response with / without <= 1.3.
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
  const plainRequest = async () => {
    const response = await executor.execute(query);
    if (response.status !== 200) throw new Error(`status ${response.status}`);
  };
  try {
    for (let i = 0; i < 50; i++) await plainRequest(); // warm the JIT, the socket and the emulator's caches
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
    const toResponse: number[] = [];
    const toLines: number[] = [];
    let lines = 0;
    for (let round = 0; round < rounds; round++) {
      const capture = new ServerLogCapture(executor);
      const captured = async () => {
        const started = performance.now();
        const { result, lines: pending } = await capture.capture(() => executor.execute(query));
        toResponse.push(performance.now() - started);
        const got = await pending;
        toLines.push(performance.now() - started);
        if (result.status !== 200 || !got) throw new Error(`captured: status ${result.status}, lines ${got?.length}`);
        lines += got.length;
      };
      const plain = async () => {
        const started = performance.now();
        await plainRequest();
        without.push(performance.now() - started);
      };
      await (await capture.capture(() => executor.execute(query))).lines; // enabling and the first read are once per session
      for (let i = 0; i < requests; i++) {
        if (i % 2 === 0) {
          await plain();
          await captured();
        } else {
          await captured();
          await plain();
        }
      }
      await capture.stop();
    }
    // Back to back, as a file run sends them: each request goes as soon as the previous response is in.
    const backToBack = async (withCapture: boolean) => {
      const capture = new ServerLogCapture(executor);
      await (await capture.capture(() => executor.execute(query))).lines;
      const started = performance.now();
      let last: Promise<unknown> = Promise.resolve();
      for (let i = 0; i < requests; i++) {
        if (withCapture) last = (await capture.capture(() => executor.execute(query))).lines;
        else await plainRequest();
      }
      await last;
      const ms = performance.now() - started;
      await capture.stop();
      return ms;
    };
    const backWithout = await backToBack(false);
    const backWith = await backToBack(true);
    const responseRatio = median(toResponse) / median(without);
    console.log(`${label}: ${requests} requests x ${rounds} capture sessions, interleaved (page of 20 work orders with where/select/orderBy):`);
    console.log(`  without capture:                 median ${median(without).toFixed(2)} ms`);
    const verdict = judged ? ` (target <= ${TARGET_RATIO}x: ${responseRatio <= TARGET_RATIO ? "met" : "MISSED"})` : "";
    console.log(`  with capture, until the response: median ${median(toResponse).toFixed(2)} ms, ratio ${responseRatio.toFixed(2)}x${verdict}`);
    console.log(`  with capture, until its log lines: median ${median(toLines).toFixed(2)} ms, ratio ${(median(toLines) / median(without)).toFixed(2)}x (${(lines / (requests * rounds)).toFixed(1)} log lines per request)`);
    console.log(`  ${requests} requests back to back: ${backWithout.toFixed(0)} ms without, ${backWith.toFixed(0)} ms with every log read, ratio ${(backWith / backWithout).toFixed(2)}x`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
