/**
 * bench/render: Maximo results of 5, 20 and 50 MB (MXAPIWODETAIL records served by the emulator)
 * shown by the response panel, against the way the common .http tool (REST Client) shows them:
 * one highlighted HTML string built on the extension host and set as the webview's document.
 *   (a) the panel's page (dist/webview.js) in Chromium: message posted → first table rows painted,
 *       body parsed, main-thread long tasks; the baseline: HTML built (host time) → first paint.
 *   (b) in code-server (VS Code 1.100): Send → rows visible, and the longest extension-host stall
 *       (a probe extension records event-loop gaps), the baseline rendered there by the probe.
 *   (c) in this process (bench/lib/hostPath.ts): the extension host's own share (send → model →
 *       history → parts posted) on the old path (one Buffer per body) and the new one (a temporary
 *       file past 4 MB), longest event-loop stall and first part posted; then All pages of
 *       --all-pages records (100,000) through both, each in a fresh process: peak RSS growth.
 *   (d) the panel's page in Chromium showing that All pages body: its JS heap after a forced GC
 *       (CDP HeapProfiler.collectGarbage + Runtime.getHeapUsage) once it is all in and after
 *       scrolling to the last row, windowed (the body's index, rows fetched by range) against the
 *       full path (the body's bytes and every record parsed, as before), in one run.
 * Targets: first screen < 1.5 s at 50 MB, extension-host stall < 100 ms. No assertions on time.
 *   node bench/run.mjs render -- --sizes 5,20,50 --runs 2 [--baseline-max-mb 20] [--skip-standalone] [--skip-code-server]
 *     [--skip-host] [--all-pages 100000] (0 skips All pages) [--host-only: (c) alone] [--heap-only: (d) alone]
 * In code-server the baseline runs up to --baseline-max-mb only: at 20 MB its page took the
 * workbench's renderer to 6 GB of memory, at 50 MB past 13 GB.
 */
import type { PageDocument, PageWindow } from "../test/client/webview/pageGlobals";
import { launchBrowser } from "../test/e2e/harness/browser";
import { openWebviewPage, responseMeta } from "../test/client/webview/pageHarness";
import { startEmulatorChild } from "./lib/emulatorChild";
import { restClientHtml } from "./lib/restClientHtml";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { allPagesBody, allPagesRss, hostPath } from "./lib/hostPath";
import { runInCodeServer } from "./lib/renderInCodeServer";

declare const document: PageDocument;
declare const window: PageWindow;
declare function requestAnimationFrame(callback: () => void): number;

const FIRST_SCREEN_TARGET_MS = 1500;
const STALL_TARGET_MS = 100;
const APIKEY = "emulator-apikey";

function listOption(name: string, fallback: number[]): number[] {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1]!.split(",").map(Number) : fallback;
}

const sizesMb = listOption("sizes", [5, 20, 50]);
const runs = listOption("runs", [2])[0]!;
const skipCodeServer = process.argv.includes("--skip-code-server");
const skipStandalone = process.argv.includes("--skip-standalone");
const baselineMaxMb = listOption("baseline-max-mb", [20])[0]!;
const hostOnly = process.argv.includes("--host-only");
const skipHost = process.argv.includes("--skip-host");
const allPagesRecords = listOption("all-pages", [100_000])[0]!;
const heapOnly = process.argv.includes("--heap-only");

export interface Payload {
  mb: number;
  records: number;
  /** The emulator's query that returns it. */
  query: string;
  bytes: Uint8Array;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => (Number.isFinite(value) ? `${Math.round(value)} ms` : `not shown within ${baselinePageTimeoutMs / 1000} s`);
const ratio = (baseline: number, ours: number) => (Number.isFinite(baseline) && ours > 0 ? `${(baseline / ours).toFixed(1)}x` : "n/a");

/** Asks the emulator for pages of `records` work orders until each is about the target size. */
async function fetchPayloads(emulatorUrl: string): Promise<Payload[]> {
  const get = async (records: number) => {
    const query = `os/mxapiwodetail?lean=1&oslc.select=*&oslc.orderBy=%2Bworkorderid&oslc.pageSize=${records}`;
    const response = await fetch(`${emulatorUrl}/api/${query}`, { headers: { apikey: APIKEY, accept: "application/json" } });
    if (response.status !== 200) throw new Error(`emulator: ${response.status} ${await response.text()}`);
    return { query, bytes: new Uint8Array(await response.arrayBuffer()) };
  };
  const sample = await get(200);
  const perRecord = sample.bytes.length / 200;
  const payloads: Payload[] = [];
  for (const mb of sizesMb) {
    const records = Math.round((mb * 1024 * 1024) / perRecord);
    const { query, bytes } = await get(records);
    payloads.push({ mb, records, query, bytes });
  }
  return payloads;
}

interface PageFigures {
  firstRowsMs: number;
  parsedMs: number;
  longestTaskMs: number;
  longTaskTotalMs: number;
}

interface BaselineFigures {
  buildMs: number;
  htmlMb: number;
  firstPaintMs: number;
}

async function measurePanelPage(payload: Payload): Promise<PageFigures> {
  const browser = await launchBrowser();
  try {
    const webview = await openWebviewPage(browser);
    webview.addPayload("body", payload.bytes);
    await webview.show(responseMeta({ size: payload.bytes.length, paging: { page: 1, hasNext: true } }), "body");
    const { page } = webview;
    await page.waitForFunction(() => document.documentElement.dataset.parsedMs !== undefined, undefined, { timeout: 300_000 });
    // Long tasks are reported after they end; one more frame lets the last one in.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
    const figures = await page.evaluate(() => {
      // Tasks from the posting on (the shell's own fetching and cutting of the payload comes before).
      const tasks = window.__longTasks.filter((task) => task.start >= window.__postedAt);
      return {
        firstRowsMs: Number(document.documentElement.dataset.firstRowsMs),
        parsedMs: Number(document.documentElement.dataset.parsedMs),
        longestTaskMs: Math.max(0, ...tasks.map((task) => task.duration)),
        longTaskTotalMs: tasks.reduce((sum, task) => sum + task.duration, 0),
      };
    });
    await webview.close();
    return figures;
  } finally {
    await browser.close();
  }
}

/** Gives up on the baseline's page after this long (a 50 MB body makes hundreds of MB of HTML). */
const baselinePageTimeoutMs = 120_000;

async function measureBaselinePage(payload: Payload): Promise<BaselineFigures> {
  // The host's share: what the extension host does before the webview sees anything.
  const started = performance.now();
  const html = restClientHtml(payload.bytes, [["content-type", "application/json"]]);
  const buildMs = performance.now() - started;
  const htmlMb = html.length / 1024 / 1024;
  const browser = await launchBrowser();
  try {
    const webview = await openWebviewPage(browser);
    const { page } = webview;
    webview.addPayload("baseline.html", new TextEncoder().encode(html), "text/html; charset=utf-8");
    try {
      await page.goto(page.url().replace(/\/$/, "/payload/baseline.html"), { timeout: baselinePageTimeoutMs, waitUntil: "commit" });
      await page.locator(".hljs-attr").first().waitFor({ timeout: baselinePageTimeoutMs });
    } catch {
      return { buildMs, htmlMb, firstPaintMs: Number.NaN };
    }
    const firstPaintMs = await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN);
    await webview.close();
    return { buildMs, htmlMb, firstPaintMs };
  } finally {
    await browser.close();
  }
}

async function standalone(payloads: Payload[]): Promise<void> {
  console.log(`(a) the panel's page in Chromium (median of ${runs}), against one highlighted HTML string`);
  for (const payload of payloads) {
    const ours: PageFigures[] = [];
    const baseline: BaselineFigures[] = [];
    for (let run = 0; run < runs; run++) {
      ours.push(await measurePanelPage(payload));
      baseline.push(await measureBaselinePage(payload));
    }
    const first = median(ours.map((f) => f.firstRowsMs));
    const baseFirst = median(baseline.map((f) => f.buildMs + f.firstPaintMs));
    const baseBuild = median(baseline.map((f) => f.buildMs));
    console.log(`  ${payload.mb} MB (${payload.records.toLocaleString("en-US")} work orders, ${(payload.bytes.length / 1024 / 1024).toFixed(1)} MB):`);
    console.log(
      `    panel:    first rows ${ms(first)}, all parsed ${ms(median(ours.map((f) => f.parsedMs)))}, ` +
        `longest main-thread task ${ms(median(ours.map((f) => f.longestTaskMs)))} (long tasks ${ms(median(ours.map((f) => f.longTaskTotalMs)))} in all)` +
        `; first screen target < ${FIRST_SCREEN_TARGET_MS} ms: ${first < FIRST_SCREEN_TARGET_MS ? "met" : "MISSED"}`,
    );
    console.log(
      `    baseline: HTML built on the host ${ms(baseBuild)} (${median(baseline.map((f) => f.htmlMb)).toFixed(0)} MB of HTML, a host stall of that length), ` +
        `first paint ${ms(median(baseline.map((f) => f.firstPaintMs)))} after`,
    );
    console.log(`    ratio: first screen ${ratio(baseFirst, first)} sooner (baseline ${ms(baseFirst)} / panel ${ms(first)})`);
  }
}

/** All pages through one path in a fresh process (RSS does not shrink back), as JSON on stdout. */
function allPagesInChild(emulatorUrl: string, pathName: "old" | "new"): { peakMb: number; baseMb: number; ms: number; bytes: number; stall: number } {
  const result = spawnSync(process.execPath, ["--expose-gc", process.argv[1]!, "--all-pages-child", pathName, emulatorUrl], { encoding: "utf8", maxBuffer: 1024 * 1024 });
  const line = result.stdout.split("\n").find((text) => text.startsWith("{"));
  if (!line) throw new Error(`All pages child (${pathName}) failed: ${result.stderr}`);
  return JSON.parse(line) as { peakMb: number; baseMb: number; ms: number; bytes: number; stall: number };
}

async function allPages(emulatorUrl: string): Promise<void> {
  console.log(`  All pages of ${allPagesRecords.toLocaleString("en-US")} work orders (pages of 1,000), joined and posted, each path in a fresh process:`);
  for (const pathName of ["old", "new"] as const) {
    const figures = allPagesInChild(emulatorUrl, pathName);
    console.log(`    ${pathName}: peak RSS ${figures.peakMb.toFixed(0)} MB (growth ${(figures.peakMb - figures.baseMb).toFixed(0)} MB over ${figures.baseMb.toFixed(0)} MB) for a ${(figures.bytes / 1024 / 1024).toFixed(0)} MB joined body, ${(figures.ms / 1000).toFixed(1)} s, longest stall ${Math.round(figures.stall)} ms`);
  }
}

interface HeapFigures {
  usedMb: number;
  arrayBuffersMb: number;
  scrolledUsedMb: number;
  parsedMs: number;
  /** Sorting by description (text): until the sorted first row is drawn, and the longest main-thread task meanwhile. */
  sortMs: number;
  sortLongestTaskMs: number;
  /** JSON tab, searching for the last record's wonum: until its match is selected, and the longest main-thread task meanwhile. */
  searchMs: number;
  searchLongestTaskMs: number;
  /** What the match label said ("1 of 3"). */
  searchLabel: string;
}

/** The page's JS heap after a forced GC: V8's used heap and the ArrayBuffers' backing stores (outside it). */
async function heapOf(page: import("playwright-core").Page): Promise<{ usedMb: number; arrayBuffersMb: number }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send("HeapProfiler.collectGarbage");
    await cdp.send("HeapProfiler.collectGarbage");
    const usage = (await cdp.send("Runtime.getHeapUsage")) as { usedSize: number; backingStorageSize?: number };
    return { usedMb: usage.usedSize / 1024 / 1024, arrayBuffersMb: (usage.backingStorageSize ?? Number.NaN) / 1024 / 1024 };
  } finally {
    await cdp.detach();
  }
}

async function measurePageHeap(body: Uint8Array, windowed: boolean, needle: string): Promise<HeapFigures> {
  const browser = await launchBrowser();
  try {
    const webview = await openWebviewPage(browser);
    const { page } = webview;
    webview.addPayload("all-pages", body);
    // The old path: a threshold above the body's size keeps every byte and record, as before windowing.
    if (!windowed) await page.evaluate(() => ((document.documentElement.dataset as Record<string, string>).windowedThresholdBytes = String(2 ** 40)));
    await webview.show(responseMeta({ size: body.length, selectOrder: ["wonum", "siteid", "description", "status", "wopriority", "reportdate"] }), "all-pages", undefined, { rangesFromServer: true });
    await page.waitForFunction(() => document.documentElement.dataset.parsedMs !== undefined, undefined, { timeout: 600_000 });
    const parsedMs = await page.evaluate(() => Number(document.documentElement.dataset.parsedMs));
    const settled = await heapOf(page);
    // Scroll to the last row (a windowed table fetches it from the host) and draw it.
    await page.evaluate(() => {
      const scroller = document.querySelector(".table-body")!;
      scroller.scrollTop = scroller.scrollHeight;
    });
    await page.waitForFunction(() => [...document.querySelectorAll(".table-body .tr:not([hidden])")].some((row) => !row.dataset.index || row.textContent !== "") && document.querySelectorAll(".table-body .tr.row-loading:not([hidden])").length === 0, undefined, { timeout: 60_000 });
    const scrolled = await heapOf(page);
    // Sort by a text column: the windowed page reads the body again and sorts in slices.
    const sortStart = await page.evaluate(() => performance.now());
    await page.locator('.table-header .th[data-column="description"]').click();
    await page.waitForFunction(() => /^[\d,]+ records$/.test(document.querySelector(".table-count")?.textContent ?? ""), undefined, { timeout: 600_000 });
    await page.evaluate(() => {
      const scroller = document.querySelector(".table-body")!;
      scroller.scrollTop = 0;
    });
    await page.waitForFunction(() => document.querySelector('.table-body .tr[data-index="0"]:not(.row-loading)') !== null, undefined, { timeout: 60_000 });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
    const sort = await page.evaluate((from) => {
      const tasks = window.__longTasks.filter((task) => task.start >= from);
      return { sortMs: performance.now() - from, sortLongestTaskMs: Math.max(0, ...tasks.map((task) => task.duration)) };
    }, sortStart);
    // Search the JSON tab for the last record's wonum: the windowed page reads every record again.
    await page.locator("[data-tab=json]").click();
    await page.locator(".json-body .jrow").first().waitFor();
    const searchStart = await page.evaluate(() => performance.now());
    await page.locator(".search-input").fill(needle);
    await page.locator(".search-input").press("Enter");
    await page.waitForFunction(() => /^1 of /.test(document.querySelector(".match-label")?.textContent ?? "") && document.querySelector(".json-body .jrow.selected") !== null, undefined, { timeout: 600_000 });
    const label = await page.locator(".match-label").textContent();
    const search = await page.evaluate((from) => {
      const tasks = window.__longTasks.filter((task) => task.start >= from);
      return { searchMs: performance.now() - from, searchLongestTaskMs: Math.max(0, ...tasks.map((task) => task.duration)) };
    }, searchStart);
    await webview.close();
    return { ...settled, scrolledUsedMb: scrolled.usedMb, parsedMs, ...sort, ...search, searchLabel: label ?? "" };
  } finally {
    await browser.close();
  }
}

async function pageHeap(emulatorUrl: string): Promise<void> {
  const body = await allPagesBody({ emulatorUrl, apikey: APIKEY });
  console.log(`(d) the panel's page holding All pages of ${allPagesRecords.toLocaleString("en-US")} work orders (${(body.length / 1024 / 1024).toFixed(1)} MB joined), JS heap after a forced GC:`);
  const records = (JSON.parse(new TextDecoder().decode(body)) as { member: Array<{ wonum: string }> }).member;
  const needle = records.at(-1)!.wonum;
  const figures: Record<"full" | "windowed", HeapFigures> = { full: await measurePageHeap(body, false, needle), windowed: await measurePageHeap(body, true, needle) };
  for (const [name, f] of Object.entries(figures)) {
    console.log(
      `    ${name.padEnd(8)}: V8 heap ${f.usedMb.toFixed(1)} MB + ArrayBuffers ${f.arrayBuffersMb.toFixed(1)} MB once all is in (after ${ms(f.parsedMs)}); ` +
        `V8 heap ${f.scrolledUsedMb.toFixed(1)} MB after scrolling to the last row; sort by description ${ms(f.sortMs)}, longest main-thread task meanwhile ${ms(f.sortLongestTaskMs)}; ` +
        `JSON search for the last record's wonum (${f.searchLabel}) ${ms(f.searchMs)}, longest task meanwhile ${ms(f.searchLongestTaskMs)}`,
    );
  }
  const total = (f: HeapFigures) => f.usedMb + (Number.isFinite(f.arrayBuffersMb) ? f.arrayBuffersMb : 0);
  console.log(`    ratio: the full path holds ${(total(figures.full) / total(figures.windowed)).toFixed(1)}x the windowed page's memory (heap + ArrayBuffers)`);
}

async function main(): Promise<void> {
  const childAt = process.argv.indexOf("--all-pages-child");
  if (childAt > 0) {
    const figures = await allPagesRss({ emulatorUrl: process.argv[childAt + 2]!, apikey: APIKEY, records: allPagesRecords, pathName: process.argv[childAt + 1] as "old" | "new" });
    console.log(JSON.stringify(figures));
    return;
  }
  console.log(`load average at start: ${readFileSync("/proc/loadavg", "utf8").trim()}`);
  if (heapOnly) {
    const many = await startEmulatorChild(["--work-orders", String(allPagesRecords)]);
    try {
      await pageHeap(many.url);
    } finally {
      many.child.kill("SIGTERM");
    }
    return;
  }
  const largest = Math.max(...sizesMb);
  // About 1.7 KB per MXAPIWODETAIL record with oslc.select=*: enough work orders for the largest size.
  const emulator = await startEmulatorChild(["--work-orders", String(Math.ceil((largest * 1024 * 1024) / 1500) + 1000)]);
  try {
    const payloads = await fetchPayloads(emulator.url);
    if (!skipHost) {
      await hostPath({ emulatorUrl: emulator.url, apikey: APIKEY, payloads, rounds: runs });
      if (allPagesRecords > 0) {
        // A second emulator holds the All pages records (a larger store slows every query of the first).
        const many = await startEmulatorChild(["--work-orders", String(allPagesRecords)]);
        try {
          await allPages(many.url);
          if (!hostOnly) await pageHeap(many.url);
        } finally {
          many.child.kill("SIGTERM");
        }
      }
    }
    if (hostOnly) return;
    if (!skipStandalone) await standalone(payloads);
    if (skipCodeServer) return;
    await runInCodeServer({
      emulatorUrl: emulator.url,
      apikey: APIKEY,
      payloads,
      targets: { firstScreenMs: FIRST_SCREEN_TARGET_MS, stallMs: STALL_TARGET_MS },
      baselineMaxMb,
    });
  } finally {
    console.log(`load average at end: ${readFileSync("/proc/loadavg", "utf8").trim()}`);
    emulator.child.kill("SIGTERM");
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
