/**
 * bench/render part (b): the panel inside code-server (VS Code 1.100). A user sends each request
 * (Ctrl+Alt+R on its line in a .maximo file) to the emulator; we read, from the panel's page, how
 * long after the response was received its first rows were painted, and from a probe extension
 * (renderProbeExtension.ts, loaded as a development extension next to the installed .vsix) the
 * extension host's longest event-loop stall meanwhile. The probe then renders the same payload
 * the REST Client way in the same workbench, for the ratio.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as esbuild from "esbuild";
import type { Frame, Page } from "playwright-core";
import { launchBrowser, newPage } from "../../test/e2e/harness/browser";
import { startCodeServer, type CodeServer } from "../../test/e2e/harness/codeServer";
import { assertPrerequisites, repoRoot } from "../../test/e2e/harness/paths";
import { packageVsix } from "../../test/e2e/harness/vsix";
import { Workbench } from "../../test/e2e/harness/workbench";
import type { PageDocument } from "../../test/client/webview/pageGlobals";

declare const document: PageDocument;

export interface CodeServerRun {
  emulatorUrl: string;
  apikey: string;
  payloads: Array<{ mb: number; records: number; query: string; bytes: Uint8Array }>;
  targets: { firstScreenMs: number; stallMs: number };
  /** Larger payloads skip the REST Client-style baseline (its memory use grows past 10 GB). */
  baselineMaxMb: number;
}

const waitMs = 300_000;
const keep = process.env.MAXIMO_RENDER_KEEP === "1";
/** MAXIMO_RENDER_PROFILE=1 (with MAXIMO_RENDER_KEEP=1): the probe profiles the extension host; the .cpuprofile lands in out/. */
const profile = process.env.MAXIMO_RENDER_PROFILE === "1";
/** The baseline at 50 MB can take minutes; past this it is reported as not shown. */
const baselineWaitMs = 150_000;
const ms = (value: number) => (Number.isFinite(value) ? `${Math.round(value)} ms` : "not shown in time");

interface Stall {
  end: number;
  ms: number;
}

function readStalls(out: string): Stall[] {
  const file = join(out, "stalls.jsonl");
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Stall);
}

/** Extension-host CPU time (all its threads) between two moments, from the probe's 100 ms samples. */
function cpuBetween(out: string, from: number, to: number): number {
  const file = join(out, "cpu.jsonl");
  if (!existsSync(file)) return Number.NaN;
  const samples = readFileSync(file, "utf8").split("\n").filter(Boolean).map((line) => JSON.parse(line) as { at: number; cpuMs: number });
  const at = (time: number) => {
    // The last sample at or before `time`, else the first after it.
    let best = samples[0];
    for (const sample of samples) if (sample.at <= time) best = sample;
    return best?.cpuMs ?? Number.NaN;
  };
  return at(to + 100) - at(from);
}

/** The longest stall within [from, to] (epoch ms), counting only the part of each inside it. */
function longestStall(out: string, from: number, to: number): number {
  return Math.max(0, ...readStalls(out).map((stall) => Math.min(stall.end, to) - Math.max(stall.end - stall.ms, from)));
}

/** Asks the probe for its CPU profile and waits until it is written. */
async function collectProfile(out: string): Promise<void> {
  writeFileSync(join(out, "profile-stop"), "");
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && !readdirSync(out).some((name) => name.endsWith(".cpuprofile"))) await new Promise((resolve) => setTimeout(resolve, 200));
  // The write itself may still be under way.
  await new Promise((resolve) => setTimeout(resolve, 2000));
}

/** How many stalls within [from, to] lasted `atLeast` ms or more, per second: on a busy machine the longest alone is noisy. */
function stallsPerSecond(out: string, from: number, to: number, atLeast: number): string {
  const count = readStalls(out).filter((stall) => stall.end >= from && stall.end - stall.ms <= to && stall.ms >= atLeast).length;
  return `${((count * 1000) / Math.max(1, to - from)).toFixed(2)}/s`;
}

async function buildProbe(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, "package.json"),
    JSON.stringify({
      name: "maximo-render-probe",
      publisher: "bench",
      version: "0.0.1",
      engines: { vscode: "^1.100.0" },
      main: "./extension.js",
      activationEvents: ["onStartupFinished"],
      contributes: {
        commands: [
          { command: "maximoRenderProbe.restClient", title: "Render Like REST Client", category: "Maximo Bench" },
          { command: "maximoRenderProbe.closeBaseline", title: "Close REST Client Style Panel", category: "Maximo Bench" },
        ],
      },
    }),
  );
  await esbuild.build({
    entryPoints: [join(repoRoot, "bench", "lib", "renderProbeExtension.ts")],
    outfile: join(dir, "extension.js"),
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    external: ["vscode"],
    logLevel: "warning",
  });
}

/** Runs a command from the palette, as a user would. */
async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press("F1");
  const input = page.locator(".quick-input-widget input");
  await input.waitFor();
  await page.keyboard.type(title);
  await page.locator(".quick-input-list .monaco-list-row", { hasText: title }).first().waitFor();
  await page.keyboard.press("Enter");
}

/** The frame (of all webviews) whose document satisfies `test(arg)`, polled. */
async function findFrame(page: Page, test: (arg: string) => boolean, arg: string, timeoutMs: number): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      // A renderer busy with a huge document would hold evaluate() indefinitely.
      const hit = await Promise.race([frame.evaluate(test, arg).catch(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2000))]);
      if (hit) return frame;
    }
    if (Date.now() > deadline) throw new Error("no webview frame showed what was expected in time");
    await page.waitForTimeout(20);
  }
}

async function goToLine(page: Page, line: number): Promise<void> {
  await page.keyboard.press("Control+G");
  await page.locator(".quick-input-widget input").waitFor();
  await page.keyboard.type(String(line));
  await page.keyboard.press("Enter");
}

export async function runInCodeServer(run: CodeServerRun): Promise<void> {
  try {
    assertPrerequisites();
  } catch (error) {
    console.log(`(b) code-server: skipped: ${(error as Error).message}`);
    return;
  }
  console.log("(b) in code-server: Send (Ctrl+Alt+R) → first rows painted, extension-host stalls; the same payload the REST Client way");
  const scratch = mkdtempSync(join(tmpdir(), "maximo-render-"));
  const probeDir = join(scratch, "probe");
  const out = join(scratch, "out");
  const folder = join(scratch, "workspace");
  mkdirSync(out);
  mkdirSync(folder);
  let server: CodeServer | undefined;
  const browser = await launchBrowser();
  try {
    await buildProbe(probeDir);
    // A warm-up request first (it opens the panel: a cold start, reported on its own), then one
    // request per payload; the request line of payload i is line 3 * (i + 1) + 2 (1-based).
    const warmUp = { mb: 0, records: 1, query: "os/mxapiwodetail?lean=1&oslc.select=*&oslc.pageSize=1", bytes: new Uint8Array() };
    const requests = [warmUp, ...run.payloads];
    const lines = requests.flatMap((payload) => [`### ${payload.mb} MB`, `GET ${payload.query}`, ""]);
    writeFileSync(join(folder, "render.maximo"), lines.join("\n"));
    server = await startCodeServer({
      extension: { vsix: packageVsix(repoRoot) },
      settings: {
        "maximo.connections": [{ name: "emulator", url: run.emulatorUrl, auth: "apikey" }],
        "maximo.defaultConnection": "emulator",
      },
      env: { MAXIMO_RENDER_PROBE_OUT: out },
    });
    const { page } = await newPage(browser);
    page.setDefaultTimeout(60_000);
    const workbench = new Workbench(page, server);
    const payload = JSON.stringify([["extensionDevelopmentPath", `vscode-remote://${server.host}:${server.port}${probeDir}`]]);
    await workbench.openFolder(folder, { payload });
    await workbench.openFile("render.maximo");
    let previousId: string | undefined;
    let askedForKey = false;
    /** Sends request `index` of the file as a user does; what the panel's page measured. */
    const send = async (index: number) => {
      await goToLine(page, 3 * index + 2);
      const pressedAt = Date.now();
      await page.keyboard.press("Control+Alt+R");
      if (!askedForKey) {
        // The first send asks for the connection's API key (kept in SecretStorage afterwards).
        const prompt = page.locator(".quick-input-widget input[type=password]");
        await prompt.waitFor({ timeout: 60_000 });
        await page.keyboard.type(run.apikey);
        await page.keyboard.press("Enter");
        askedForKey = true;
      }
      const frame = await findFrame(
        page,
        (seen) => {
          const d = document.documentElement.dataset;
          return d.firstRowsSinceReceivedMs !== undefined && d.responseId !== seen;
        },
        previousId ?? "",
        waitMs,
      );
      await frame.waitForFunction(() => document.documentElement.dataset.parsedMs !== undefined, undefined, { timeout: waitMs });
      const parsedSeenAt = Date.now();
      const figures = await frame.evaluate(() => {
        const d = document.documentElement.dataset;
        return {
          id: d.responseId!,
          receivedAt: Number(d.receivedAt),
          firstRows: Number(d.firstRowsSinceReceivedMs),
          parsedMs: Number(d.parsedMs),
          firstRowsMs: Number(d.firstRowsMs),
          receivedAllMs: Number(d.receivedAllMs),
        };
      });
      previousId = figures.id;
      // Let the probe log any stall that ended just now.
      await page.waitForTimeout(100);
      return { ...figures, pressedAt, parsedSeenAt };
    };
    const cold = await send(0);
    console.log(`  cold start (the panel opens for a 1-record response): response received → first rows ${ms(cold.firstRows)}`);
    // What the probe sees with nothing to do: on a busy machine the extension host is descheduled too.
    const idleFrom = Date.now();
    await page.waitForTimeout(5000);
    const idleTo = Date.now();
    console.log(`  idle extension host, 5 s: longest stall ${ms(longestStall(out, idleFrom, idleTo))}, stalls ≥ 50 ms ${stallsPerSecond(out, idleFrom, idleTo, 50)}, CPU ${ms(cpuBetween(out, idleFrom, idleTo))}`);
    // The panel for every size first; then the baselines, whose huge pages would weigh on what follows.
    const panel: Array<{ firstRows: number; stall: number; cpu: number }> = [];
    for (const [i, item] of run.payloads.entries()) {
      const figures = await send(i + 1);
      const renderStall = longestStall(out, figures.receivedAt, figures.parsedSeenAt);
      const sendStall = longestStall(out, figures.pressedAt, figures.parsedSeenAt);
      const renderCpu = cpuBetween(out, figures.receivedAt, figures.parsedSeenAt);
      panel.push({ firstRows: figures.firstRows, stall: renderStall, cpu: renderCpu });
      // With the stall log (and profile) kept: the window to look at, in epoch ms.
      if (keep) console.log(`  ${item.mb} MB window: ${figures.receivedAt}-${figures.parsedSeenAt}`);
      console.log(`  ${item.mb} MB (${item.records.toLocaleString("en-US")} work orders), panel:`);
      console.log(
        `    response received → first rows ${ms(figures.firstRows)} (${ms(figures.firstRowsMs)} after the first part reached the page), ` +
          `all bytes in ${ms(figures.receivedAllMs)}, parsed ${ms(figures.parsedMs)} after the first part`,
      );
      console.log(
        `    extension host from receipt to parsed: CPU ${ms(renderCpu)}, longest stall ${ms(renderStall)} (${ms(sendStall)} from the key press), ` +
          `stalls ≥ 50 ms ${stallsPerSecond(out, figures.receivedAt, figures.parsedSeenAt, 50)}; ` +
          `targets: first screen < ${run.targets.firstScreenMs} ms ${figures.firstRows < run.targets.firstScreenMs ? "met" : "MISSED"}, ` +
          `stall < ${run.targets.stallMs} ms ${renderStall < run.targets.stallMs ? "met" : "MISSED"}`,
      );
    }
    for (const [i, item] of run.payloads.entries()) {
      if (item.mb > run.baselineMaxMb) {
        console.log(`  ${item.mb} MB, baseline: not run above ${run.baselineMaxMb} MB (--baseline-max-mb): at 20 MB its page already took the workbench's renderer to 6 GB`);
        continue;
      }
      // The probe fetches the same page and renders it as one highlighted HTML string.
      writeFileSync(join(out, "job.json"), JSON.stringify({ id: String(i), url: `${run.emulatorUrl}/api/${item.query}`, headers: { apikey: run.apikey, accept: "application/json" } }));
      const startedAt = Date.now();
      await runCommand(page, "Maximo Bench: Render Like REST Client");
      let baselineVisibleAt = Number.NaN;
      try {
        await findFrame(page, () => document.querySelector(".hljs-attr") !== null, "", baselineWaitMs);
        baselineVisibleAt = Date.now();
      } catch {
        // Reported as not shown below.
      }
      await page.waitForTimeout(100);
      const resultFile = join(out, `restclient-${i}.json`);
      const baseline = existsSync(resultFile) ? (JSON.parse(readFileSync(resultFile, "utf8")) as { receivedAt: number; builtAt: number; htmlChars: number }) : undefined;
      const baselineFirst = baseline ? baselineVisibleAt - baseline.receivedAt : Number.NaN;
      const baselineEnd = Number.isFinite(baselineVisibleAt) ? baselineVisibleAt : Date.now();
      const baselineStall = baseline ? longestStall(out, baseline.receivedAt, baselineEnd) : longestStall(out, startedAt, Date.now());
      const baselineCpu = baseline ? cpuBetween(out, baseline.receivedAt, baselineEnd) : Number.NaN;
      await runCommand(page, "Maximo Bench: Close REST Client Style Panel");
      console.log(`  ${item.mb} MB, baseline (one highlighted HTML string built on the host):`);
      console.log(
        `    response received → first paint ${ms(baselineFirst)}, HTML built in ${ms(baseline ? baseline.builtAt - baseline.receivedAt : Number.NaN)} ` +
          `(${baseline ? (baseline.htmlChars / 1024 / 1024).toFixed(0) : "?"} M chars); extension host: CPU ${ms(baselineCpu)}, longest stall ${ms(baselineStall)}`,
      );
      const r = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(1)}x` : "n/a");
      const ours = panel[i]!;
      console.log(
        `    ratios: first screen ${r(baselineFirst, ours.firstRows)} sooner with the panel; extension-host CPU ${r(baselineCpu, ours.cpu)} less; longest stall ${r(baselineStall, Math.max(ours.stall, 1))} shorter`,
      );
    }
    if (profile) await collectProfile(out);
  } finally {
    await browser.close().catch(() => undefined);
    await server?.stop({ keep: keep });
    // MAXIMO_RENDER_KEEP=1 keeps the probe's stall log and code-server's logs for a closer look.
    if (keep) console.log(`  kept: ${scratch} (stalls.jsonl under out/), code-server dir ${server?.dir ?? "none"}`);
    else rmSync(scratch, { recursive: true, force: true });
  }
}
