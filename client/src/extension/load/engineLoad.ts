/**
 * The load command's engine: `client/src/load/` as the editor drives it. Reading for the preview
 * goes through the same record grouping as the plan, so the preview shows exactly what will be
 * sent; sending goes through the engine's sender with the state file beside the results, so a
 * cancelled or failed load resumes where it stopped.
 */
import { existsSync, readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import type { LoadPlanInput, PlanItem } from "../../load/contract";
import { FileLoadState, type LoadStateHeader } from "../../load/loadState";
import { planLoad, readHeader, recordOutcomes } from "../../load/planLoad";
import { defaultBatchSize, sendLoad } from "../../load/sendLoad";
import { loadId } from "../../load/transactionIds";
import { ResultsFile } from "../../load/resultsFile";
import { requiredOnCreate } from "../../../../server/src/schema/requiredOnCreate";
import type { LoadEngine, PreviewRead, SendOptions, SendOutcome } from "./loadEngine";
import { sheetNames } from "./sheetNames";

/** The state file the engine keeps beside a results file. */
export function stateFileOf(resultsFile: string): string {
  return `${resultsFile}.state`;
}

async function read(input: LoadPlanInput): Promise<PreviewRead> {
  const header = await readHeader(input);
  const pk = new Set(input.schema.pk.map((key) => key.toLowerCase()));
  const required = new Set(requiredOnCreate(input.schema).map((attribute) => attribute.name.toLowerCase()));
  // Keys and required attributes of the root; a child's are its own business.
  const columns = header.columns.map(({ mapping, segments, attribute }) => ({
    ...mapping,
    ...(attribute?.title ? { title: attribute.title } : {}),
    key: segments.length === 1 && pk.has(segments[0]!),
    requiredOnAdd: input.action === "add" && segments.length === 1 && required.has(segments[0]!),
  }));
  return { columns, items: previewItems(input, header.columns) };
}

/** One preview row per data row: a record merged from several rows shows each of them. */
async function* previewItems(input: LoadPlanInput, columns: Awaited<ReturnType<typeof readHeader>>["columns"]): AsyncGenerator<{ item: PlanItem; cells?: string[] }> {
  for await (const outcome of recordOutcomes(input, columns)) {
    for (const row of outcome.rows) {
      const item = outcome.items.find((candidate) => candidate.row.row === row.row || (candidate.kind === "row" && candidate.row.rows?.includes(row.row)));
      if (!item) continue;
      yield { item: item.row.row === row.row ? item : { kind: "row", row: { ...(item as Extract<PlanItem, { kind: "row" }>).row, row: row.row } }, cells: row.cells };
    }
  }
}

function identity(contentHash: string, os: string, input: LoadPlanInput): LoadStateHeader {
  return { kind: "load", load: loadId({ contentHash, os, action: input.action, batchSize: defaultBatchSize }), os, action: input.action, batchSize: defaultBatchSize };
}

async function send(input: LoadPlanInput, options: SendOptions): Promise<SendOutcome> {
  const plan = await planLoad(input);
  const state = FileLoadState.open(stateFileOf(options.resultsFile), identity(plan.contentHash, options.os, input), options.resume);
  const writer = new ResultsFile(options.resultsFile, input.schema.pk.map((key) => key.toLowerCase()));
  try {
    const summary = await sendLoad(plan.items(), {
      target: { executor: options.executor, os: options.os, schema: input.schema },
      // The command asked before a write on a read-only connection, as every editor write does.
      writeConfirmed: true,
      action: input.action,
      contentHash: plan.contentHash,
      batchSize: defaultBatchSize,
      state,
      signal: options.signal,
      onResult: async (result) => {
        await writer.add(result);
        options.onResult(result);
      },
      onProgress: (progress) => options.onProgress(progress.rowsDone),
    });
    if (summary.interrupted) throw new Error(summary.interrupted);
    // A finished load leaves nothing to resume.
    if (!summary.cancelled) await rm(stateFileOf(options.resultsFile), { force: true });
    return { cancelled: summary.cancelled };
  } finally {
    await writer.close();
  }
}

async function canResume(input: LoadPlanInput, os: string, resultsFile: string): Promise<boolean> {
  const file = stateFileOf(resultsFile);
  if (!existsSync(file)) return false;
  const first = readFileSync(file, "utf8").split("\n", 1)[0] ?? "";
  let recorded: { load?: unknown };
  try {
    recorded = JSON.parse(first) as { load?: unknown };
  } catch {
    return false;
  }
  return recorded.load === identity((await planLoad(input)).contentHash, os, input).load;
}

export const engineLoad: LoadEngine = { sheets: sheetNames, read, send, canResume };
