/**
 * bench/render part (c), in this process: the extension host's own share of showing a response,
 * without VS Code around it. The executor receives the body from the emulator, the runner makes
 * the panel's model and keeps it in history, and the panel reads the body's parts and posts
 * them as the page acknowledges them (here: each part copied once and the metadata serialised,
 * as postMessage does; the page's acknowledgement a turn of the loop later). Measured:
 * the longest event-loop stall (a 5 ms timer firing late, as the code-server probe measures it)
 * from the send until the last part is posted, and the time until the first part is posted
 * (the page's first rows follow that by tens of ms). Both paths in the same run:
 *   old: every body in one Buffer (spill threshold infinite), history cut at 5 MB;
 *   new: bodies past 4 MB written to a temporary file as they arrive, parts read from it.
 * Then "All pages" of N records (pages of 1,000) through both paths: the peak RSS growth of
 * this process while the pages are joined and posted.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultSpillBytes, folderStorage, type BodyStorage } from "../../client/src/body/bodyStorage";
import type { ResponseBody } from "../../client/src/body/responseBody";
import { envSecrets } from "../../client/src/connections/load";
import type { ConnectionConfig } from "../../client/src/connections/types";
import { HistoryStore } from "../../client/src/extension/history/historyStore";
import { BodyCrossing } from "../../client/src/extension/response/bodyTransfer";
import { combinePages } from "../../client/src/extension/run/pageCombiner";
import { toResponseModel } from "../../client/src/extension/run/responseModel";
import { createExecutor } from "../../client/src/http/executor";
import { pages } from "../../client/src/http/paging";
import type { ResolvedRequest } from "../../client/src/http/types";

const intervalMs = 5;

/** The longest late firing of a 5 ms timer while it runs. */
function stallProbe(): { stop(): number } {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last - intervalMs);
    last = now;
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(longest, performance.now() - last - intervalMs);
    },
  };
}

interface Path {
  name: "old" | "new";
  storage: BodyStorage;
  historyMaxBodyBytes: number;
}

/**
 * The panel's crossing (bodyTransfer.ts's BodyCrossing) to a page that acknowledges each part a
 * turn of the loop after taking it; each part copied once (the serialisation) and the metadata
 * serialised, as postMessage does.
 */
async function post(body: ResponseBody, meta: object, onFirst: () => void): Promise<void> {
  const ackSoon = (offset: number) => setImmediate(() => crossing.ack(offset));
  const crossing = new BodyCrossing(body, {
    first: (buffer) => {
      new Uint8Array(buffer).slice();
      JSON.stringify(meta);
      onFirst();
      ackSoon(0);
      return Promise.resolve(true);
    },
    part: (offset, buffer) => {
      new Uint8Array(buffer).slice();
      ackSoon(offset);
      return Promise.resolve(true);
    },
  });
  await crossing.run();
}

function resolvedGet(query: string): ResolvedRequest {
  const [target, search] = query.split("?");
  return {
    line: 0,
    method: "GET",
    target: target!,
    query: [...new URLSearchParams(search)].map(([key, value]) => ({ key, value })),
    headers: [["accept", "application/json"]],
    directives: { allPages: false, noRedirect: false },
  };
}

const ms = (value: number) => `${Math.round(value)} ms`;

export async function hostPath(run: { emulatorUrl: string; apikey: string; payloads: Array<{ mb: number; query: string }>; rounds: number }): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), "maximo-host-path-"));
  const connection: ConnectionConfig = { name: "bench", url: run.emulatorUrl, apiRoot: "api", auth: "apikey" };
  const paths: Path[] = [
    { name: "old", storage: folderStorage(join(scratch, "old"), Number.POSITIVE_INFINITY), historyMaxBodyBytes: 5 * 1024 * 1024 },
    { name: "new", storage: folderStorage(join(scratch, "new"), defaultSpillBytes), historyMaxBodyBytes: 256 * 1024 * 1024 },
  ];
  console.log(`(c) the extension host's share, in this process (best of ${run.rounds}; rounds alternate old, new): send → model → history → parts posted`);
  try {
    for (const payload of run.payloads) {
      const best = new Map<string, { stall: number; first: number; total: number }>();
      for (let round = 0; round < run.rounds; round++) {
        for (const path of paths) {
          const executor = createExecutor({ connection, secrets: envSecrets({ MAXIMO_APIKEY: run.apikey }), transport: { bodies: path.storage } });
          const history = new HistoryStore(join(scratch, `history-${path.name}`), () => ({ maxEntries: 2, maxBodyBytes: path.historyMaxBodyBytes }));
          const resolved = resolvedGet(payload.query);
          const probe = stallProbe();
          const started = performance.now();
          let firstAt = Number.NaN;
          const response = await executor.execute(resolved);
          const model = toResponseModel(response, resolved, { title: "bench", connection: "bench", secrets: [] });
          const release = model.body.hold();
          const { body, ...meta } = model;
          await Promise.all([history.add(model), post(body, meta, () => (firstAt = performance.now()))]);
          const total = performance.now() - started;
          const stall = probe.stop();
          release();
          executor.close();
          const previous = best.get(path.name);
          if (!previous || stall < previous.stall) best.set(path.name, { stall, first: firstAt - started, total });
        }
      }
      const old = best.get("old")!;
      const now = best.get("new")!;
      console.log(`  ${payload.mb} MB: longest host stall old ${ms(old.stall)} → new ${ms(now.stall)} (${(old.stall / Math.max(1, now.stall)).toFixed(1)}x shorter); ` +
        `first part posted old ${ms(old.first)} → new ${ms(now.first)}; all posted old ${ms(old.total)} → new ${ms(now.total)}; target stall < 100 ms: ${now.stall < 100 ? "met" : "MISSED"}`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** All pages of a collection joined and posted; the RSS growth of this process meanwhile. */
export async function allPagesRss(run: { emulatorUrl: string; apikey: string; records: number; pathName: "old" | "new" }): Promise<{ peakMb: number; baseMb: number; ms: number; bytes: number; stall: number }> {
  const scratch = mkdtempSync(join(tmpdir(), "maximo-all-pages-"));
  const connection: ConnectionConfig = { name: "bench", url: run.emulatorUrl, apiRoot: "api", auth: "apikey" };
  const storage = folderStorage(scratch, run.pathName === "old" ? Number.POSITIVE_INFINITY : defaultSpillBytes);
  const executor = createExecutor({ connection, secrets: envSecrets({ MAXIMO_APIKEY: run.apikey }), transport: { bodies: storage } });
  const resolved = resolvedGet(`os/mxapiwodetail?lean=1&oslc.select=wonum,siteid,description,status,wopriority,reportdate&oslc.orderBy=%2Bworkorderid&oslc.pageSize=1000`);
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const probe = stallProbe();
  const started = performance.now();
  try {
    const combined = await combinePages(pages(executor, resolved, {}), storage);
    const model = toResponseModel(combined.response, resolved, { title: "bench", connection: "bench", secrets: [] });
    const { body, ...meta } = model;
    await post(body, meta, () => undefined);
    peak = Math.max(peak, process.memoryUsage().rss);
    return { peakMb: peak / 1024 / 1024, baseMb: baseline / 1024 / 1024, ms: performance.now() - started, bytes: body.size, stall: probe.stop() };
  } finally {
    clearInterval(sampler);
    executor.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The body All pages of a collection joins (as the panel receives it), for the page's heap figures in bench/render. */
export async function allPagesBody(run: { emulatorUrl: string; apikey: string }): Promise<Uint8Array> {
  const scratch = mkdtempSync(join(tmpdir(), "maximo-all-pages-"));
  const connection: ConnectionConfig = { name: "bench", url: run.emulatorUrl, apiRoot: "api", auth: "apikey" };
  const storage = folderStorage(scratch, defaultSpillBytes);
  const executor = createExecutor({ connection, secrets: envSecrets({ MAXIMO_APIKEY: run.apikey }), transport: { bodies: storage } });
  const resolved = resolvedGet(`os/mxapiwodetail?lean=1&oslc.select=wonum,siteid,description,status,wopriority,reportdate&oslc.orderBy=%2Bworkorderid&oslc.pageSize=1000`);
  try {
    const combined = await combinePages(pages(executor, resolved, {}), storage);
    const body = combined.response.body;
    return new Uint8Array(await body.read(0, body.size));
  } finally {
    executor.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}
