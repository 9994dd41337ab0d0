/**
 * A probe extension for bench/render, loaded next to ours in code-server's extension host:
 *  - records every event-loop gap over 20 ms (a 5 ms interval that fires late) as a JSON line
 *    `{"end": epochMs, "ms": gap}` in $MAXIMO_RENDER_PROBE_OUT/stalls.jsonl: the extension host's
 *    stalls, whoever causes them, without touching our extension; and every 100 ms the process's
 *    CPU time so far (`{"at", "cpuMs"}` in cpu.jsonl), which a busy machine does not inflate;
 *  - "Maximo Bench: Render Like REST Client" renders a response the way REST Client does (the
 *    body indented and highlighted into one HTML string on the host, set as webview.html), for
 *    the job in $MAXIMO_RENDER_PROBE_OUT/job.json, and writes when the response was received;
 *  - with MAXIMO_RENDER_PROFILE=1, a CPU profile of the extension host's main thread (250 µs
 *    sampling) until the bench asks for it, to see what each stall was.
 */
import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import { join } from "node:path";
import * as vscode from "vscode";
import { restClientHtml } from "./restClientHtml";

const intervalMs = 5;
const reportOverMs = 20;

interface Job {
  id: string;
  url: string;
  headers: Record<string, string>;
}

export function activate(context: vscode.ExtensionContext): void {
  const out = process.env.MAXIMO_RENDER_PROBE_OUT;
  if (!out) return;
  const stalls = join(out, "stalls.jsonl");
  let last = Date.now();
  const timer = setInterval(() => {
    const now = Date.now();
    const gap = now - last - intervalMs;
    if (gap > reportOverMs) appendFileSync(stalls, `${JSON.stringify({ end: now, ms: gap })}\n`);
    last = now;
  }, intervalMs);
  const cpu = join(out, "cpu.jsonl");
  const cpuTimer = setInterval(() => {
    const usage = process.cpuUsage();
    appendFileSync(cpu, `${JSON.stringify({ at: Date.now(), cpuMs: (usage.user + usage.system) / 1000 })}\n`);
  }, 100);
  context.subscriptions.push({ dispose: () => (clearInterval(timer), clearInterval(cpuTimer)) });
  if (process.env.MAXIMO_RENDER_PROFILE === "1") context.subscriptions.push(profileUntilAsked(out));
  writeFileSync(join(out, "probe-ready"), String(Date.now()));

  let panel: vscode.WebviewPanel | undefined;
  context.subscriptions.push(
    vscode.commands.registerCommand("maximoRenderProbe.restClient", async () => {
      const job = JSON.parse(readFileSync(join(out, "job.json"), "utf8")) as Job;
      panel?.dispose();
      const response = await fetch(job.url, { headers: job.headers });
      const body = new Uint8Array(await response.arrayBuffer());
      const receivedAt = Date.now();
      const headers: Array<[string, string]> = [];
      response.headers.forEach((value, name) => headers.push([name, value]));
      const html = restClientHtml(body, headers);
      const builtAt = Date.now();
      panel = vscode.window.createWebviewPanel("maximoRenderProbe.restClient", "REST Client style", { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {});
      panel.webview.html = html;
      writeFileSync(join(out, `restclient-${job.id}.json`), JSON.stringify({ receivedAt, builtAt, htmlChars: html.length, bytes: body.length }));
    }),
    vscode.commands.registerCommand("maximoRenderProbe.closeBaseline", () => {
      panel?.dispose();
      panel = undefined;
    }),
  );
}

/**
 * Profiles this thread through the inspector from activation until the bench writes
 * `profile-stop`; then writes `profile-<startEpochMs>.cpuprofile` (stopping and writing stalls
 * the host, so it happens once, after the measurements).
 */
function profileUntilAsked(out: string): vscode.Disposable {
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))));
  let startedAt = Date.now();
  void (async () => {
    await post("Profiler.enable");
    await post("Profiler.setSamplingInterval", { interval: 250 });
    await post("Profiler.start");
    startedAt = Date.now();
  })();
  const timer = setInterval(() => {
    if (!existsSync(join(out, "profile-stop"))) return;
    clearInterval(timer);
    void (post("Profiler.stop") as Promise<{ profile: unknown }>).then(({ profile }) => writeFileSync(join(out, `profile-${startedAt}.cpuprofile`), JSON.stringify(profile)));
  }, 200);
  return { dispose: () => (clearInterval(timer), session.disconnect()) };
}

export function deactivate(): void {}
