/**
 * bench/export: peak RSS of `maximo export` (the shipped dist/cli.js, one process per export)
 * writing 1,000,000 flat work orders, next to a 10,000-row export measured the same way in the
 * same run. Target: under 250 MB for the million. Beside the peak it prints the largest heap left
 * after a full GC (from --trace-gc): that is what the export keeps, and it should not grow with
 * the row count; the rest of the peak is garbage a full GC had not yet collected.
 *
 * The emulator keeps every record in memory, so the pages come from a small loopback server in a
 * child process that makes each page on the fly in the lean collection shape of reference §4.1/§8
 * (`member`, `responseInfo.nextPage.href`, `pagenum`, `totalCount`).
 *   node bench/run.mjs export
 *   node bench/run.mjs export -- --rows 1000000 --small 10000 --page-size 1000 --formats csv,json,xlsx
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { option, root, startChild } from "./lib/emulatorChild";

const TARGET_RSS_MB = 250;
const SELECT = "wonum,siteid,description,status,wopriority,reportdate,estdur";

function textOption(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1]! : fallback;
}

/** Child mode 1: the page server. `rows` and the page size come from the query string. */
function servePages(): void {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    if (!url.pathname.endsWith("/os/mxapiwodetail")) {
      response.writeHead(404, { "content-type": "application/json" });
      response.end('{"Error":{"reasonCode":"BMXAA9301E","message":"BMXAA9301E - No such resource.","statusCode":"404"}}');
      return;
    }
    const rows = Number(url.searchParams.get("rows"));
    const size = Number(url.searchParams.get("oslc.pageSize"));
    const page = Number(url.searchParams.get("pageno") ?? "1");
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}${url.pathname}`;
    const first = (page - 1) * size;
    const last = Math.min(rows, first + size);
    const members: string[] = [];
    for (let i = first; i < last; i++) {
      const wonum = String(1_000_000 + i);
      const day = String(1 + (i % 28)).padStart(2, "0");
      members.push(
        JSON.stringify({
          href: `${base}/_${Buffer.from(`BEDFORD/${wonum}`).toString("base64").replace(/=/g, "-")}`,
          wonum,
          siteid: "BEDFORD",
          description: `Inspect pump ${i % 977}, "north" bay, line ${i % 13}`,
          status: i % 3 === 0 ? "APPR" : "WAPPR",
          status_description: i % 3 === 0 ? "Approved" : "Waiting on Approval",
          ...(i % 7 === 0 ? {} : { wopriority: 1 + (i % 5) }),
          reportdate: `2024-03-${day}T08:${String(i % 60).padStart(2, "0")}:00+00:00`,
          estdur: (i % 40) / 4,
          _rowstamp: String(5_000_000 + i),
        }),
      );
    }
    const next = new URL(url.href.replace(/^http:\/\/127\.0\.0\.1/, `http://127.0.0.1:${(server.address() as { port: number }).port}`));
    next.searchParams.set("pageno", String(page + 1));
    const info = {
      ...(last < rows ? { nextPage: { href: next.href } } : {}),
      href: base,
      pagenum: page,
      totalCount: rows,
      totalPages: Math.ceil(rows / size),
    };
    response.writeHead(200, { "content-type": "application/json; charset=utf-8" });
    response.end(`{"member":[${members.join(",")}],"href":"${base}","responseInfo":${JSON.stringify(info)}}`);
  });
  server.listen(0, "127.0.0.1", () => console.log(`listening http://127.0.0.1:${(server.address() as { port: number }).port}/maximo`));
}

interface Measure {
  /** Peak RSS of the export process (getrusage maxrss). */
  peak: number;
  /** The largest heap left after a full (mark-compact) GC: what the export really keeps. */
  liveAfterGc?: number;
  ms: number;
  bytes: number;
}

/**
 * One export by the shipped CLI (dist/cli.js) in a process of its own, with --trace-gc: its peak
 * RSS comes from getrusage at exit (a preload writes it), the live heap from the GC trace.
 */
async function measure(url: string, rows: number, format: string, pageSize: number): Promise<Measure> {
  const dir = mkdtempSync(join(tmpdir(), "maximo-export-bench-"));
  try {
    const file = join(dir, "export.maximo");
    writeFileSync(file, `GET os/mxapiwodetail?lean=1&oslc.select=${SELECT}&oslc.pageSize=${pageSize}&rows=${rows}\n`);
    const usage = join(dir, "usage.json");
    const preload = join(dir, "usage.cjs");
    writeFileSync(preload, `process.on("exit", () => require("fs").writeFileSync(${JSON.stringify(usage)}, JSON.stringify(process.resourceUsage())));\n`);
    const out = join(dir, `export.${format}`);
    const started = performance.now();
    const child = spawn(process.execPath, ["--trace-gc", "-r", preload, join(root, "dist", "cli.js"), "export", file, "--connection", url, "--out", out], {
      stdio: ["ignore", "pipe", "inherit"],
      env: { ...process.env, MAXIMO_APIKEY: "bench-apikey" },
    });
    let liveAfterGc: number | undefined;
    let summary = "";
    createInterface({ input: child.stdout! }).on("line", (line) => {
      const gc = /Mark-Compact [\d.]+ \([\d.]+\) -> ([\d.]+) \(/.exec(line);
      if (gc) liveAfterGc = Math.max(liveAfterGc ?? 0, Number(gc[1]) * 1024 * 1024);
      else if (line.startsWith("Exported")) summary = line;
    });
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    const ms = performance.now() - started;
    if (code !== 0 || !summary.startsWith(`Exported ${rows} rows `)) throw new Error(`export of ${rows} rows failed (${code}): ${summary}`);
    const peak = (JSON.parse(readFileSync(usage, "utf8")) as { maxRSS: number }).maxRSS * 1024;
    return { peak, ...(liveAfterGc === undefined ? {} : { liveAfterGc }), ms, bytes: statSync(out).size };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const rows = option("rows", 1_000_000);
  const small = option("small", 10_000);
  const pageSize = option("page-size", 1000);
  const formats = textOption("formats", "csv").split(",");
  if (!existsSync(join(root, "dist", "cli.js"))) spawnSync(process.execPath, ["esbuild.mjs"], { cwd: root, stdio: "inherit" });
  const server = await startChild([process.argv[1]!, "--serve-pages"]);
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
  try {
    for (const format of formats) {
      const few = await measure(server.url, small, format, pageSize);
      const many = await measure(server.url, rows, format, pageSize);
      const rate = (count: number, ms: number) => Math.round(count / (ms / 1000)).toLocaleString("en-US");
      const live = (m: Measure) => (m.liveAfterGc === undefined ? "no full GC" : `${mb(m.liveAfterGc)} MB live after full GCs`);
      console.log(`${format}: ${small.toLocaleString("en-US")} rows → peak RSS ${mb(few.peak)} MB (${live(few)}; ${mb(few.bytes)} MB file, ${(few.ms / 1000).toFixed(1)} s)`);
      console.log(
        `${format}: ${rows.toLocaleString("en-US")} rows → peak RSS ${mb(many.peak)} MB (${live(many)}; ${mb(many.bytes)} MB file, ${(many.ms / 1000).toFixed(1)} s, ${rate(rows, many.ms)} rows/s)`,
      );
      console.log(
        `${format}: ratio ${(many.peak / few.peak).toFixed(2)}× the RSS for ${Math.round(rows / small)}× the rows; target < ${TARGET_RSS_MB} MB: ${many.peak / 1024 / 1024 < TARGET_RSS_MB ? "met" : "MISSED"}`,
      );
    }
  } finally {
    server.child.kill("SIGTERM");
  }
}

if (process.argv.includes("--serve-pages")) servePages();
else {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
