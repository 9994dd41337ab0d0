/**
 * bench/loadPlan: what planning a load costs on top of reading the file. A CSV of N MXAPIASSET
 * rows (and an XLSX of N/4) is read twice in this process: once bare (csv-parse / exceljs's
 * streaming reader, counting records: the baseline) and once through `planLoad` (mapping,
 * conversion by the schema, checks, records). Prints both times, their ratio, and the peak RSS
 * while planning (sampled every 20 ms), which should stay flat whatever N is. The rows repeat
 * one install date, as real files often do (dates are read once per distinct text).
 *   node bench/run.mjs loadPlan -- --rows 200000
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { once } from "node:events";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { csvParse, excelJs } from "../client/src/libraries/lazy";
import { loadSchema } from "../client/src/load/loadSchema";
import { planLoad } from "../client/src/load/planLoad";
import { option } from "./lib/emulatorChild";

const rows = option("rows", 200_000);
const HEADER = ["assetnum", "siteid", "description", "priority", "installdate", "purchaseprice", "isrunning", "serialnum"];
const rowOf = (n: number) => [`A-${n}`, "BEDFORD", `Pump ${n}, north "bay"`, String(n % 5), "2026-02-10T08:00:00-05:00", `${n}.25`, n % 2 ? "Y" : "N", `SN${n}`];

async function writeCsv(file: string, count: number): Promise<void> {
  const out = createWriteStream(file);
  const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  out.write(HEADER.join(",") + "\r\n");
  for (let n = 1; n <= count; n++) if (!out.write(rowOf(n).map(quote).join(",") + "\r\n")) await once(out, "drain");
  out.end();
  await once(out, "finish");
}

async function writeXlsx(file: string, count: number): Promise<void> {
  const book = new (excelJs().stream.xlsx.WorkbookWriter)({ filename: file, useSharedStrings: true });
  const sheet = book.addWorksheet("assets");
  sheet.addRow(HEADER).commit();
  for (let n = 1; n <= count; n++) sheet.addRow(rowOf(n)).commit();
  sheet.commit();
  await book.commit();
}

async function bareCsv(file: string): Promise<number> {
  let count = 0;
  for await (const _record of createReadStream(file).pipe(csvParse().parse({ bom: true, relax_column_count: true }))) count++;
  return count - 1;
}

async function bareXlsx(file: string): Promise<number> {
  let count = 0;
  for await (const sheet of new (excelJs().stream.xlsx.WorkbookReader)(file, { sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", worksheets: "emit" })) {
    for await (const _row of sheet) count++;
  }
  return count - 1;
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; peakRss: number; baselineRss: number }> {
  const baselineRss = process.memoryUsage().rss;
  let peakRss = baselineRss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  const started = performance.now();
  try {
    const value = await work();
    return { value, ms: performance.now() - started, peakRss: Math.max(peakRss, process.memoryUsage().rss), baselineRss };
  } finally {
    clearInterval(sampler);
  }
}

async function main(): Promise<void> {
  const found = loadSchema("mxapiasset", { packDir: join(process.env.MAXIMO_WORKBENCH_ROOT ?? process.cwd(), "server", "schema-pack") });
  if (!found.ok) throw new Error(found.message);
  const dir = mkdtempSync(join(tmpdir(), "maximo-loadplan-"));
  try {
    for (const [format, count] of [["csv", rows], ["xlsx", Math.floor(rows / 4)]] as const) {
      const file = join(dir, `assets.${format}`);
      await (format === "csv" ? writeCsv(file, count) : writeXlsx(file, count));
      const bare = await timed(() => (format === "csv" ? bareCsv(file) : bareXlsx(file)));
      const planned = await timed(async () => {
        const plan = await planLoad({ file, schema: found.schema, action: "add" });
        let valid = 0;
        for await (const item of plan.items()) if (item.kind === "row") valid++;
        return valid;
      });
      if (bare.value !== count || planned.value !== count) throw new Error(`${format}: read ${bare.value}, planned ${planned.value} of ${count} rows`);
      const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
      console.log(
        `${format}: ${count} rows, ${mb(statSync(file).size)} MB — bare read ${(bare.ms / 1000).toFixed(1)} s, planLoad ${(planned.ms / 1000).toFixed(1)} s ` +
          `(${(planned.ms / bare.ms).toFixed(2)}x the bare read; ${Math.round(count / (planned.ms / 1000))} rows/s); peak RSS while planning ${mb(planned.peakRss)} MB (${mb(planned.baselineRss)} MB before)`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
