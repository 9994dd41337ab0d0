/**
 * The sender: the plan's rows in batches of `batchSize` valid rows, each sent exactly once
 * (batchSender.ts), one result per data row in row order (invalid rows fail with their
 * problems and are never sent). Batches a state recorded as landed are skipped (`--resume`).
 * Cancelling (the signal) stops after the batch in flight; the load can then be resumed. VS
 * Code-free: the CLI and the extension's "Load Data" command both drive it.
 */
import { problemText } from "./problemText";
import type { LoadAction, PlanItem, PlannedRow, RowResult } from "./contract";
import { LoadInterrupted, sendBatch } from "./batchSender";
import { loadId } from "./transactionIds";
import { MemoryLoadState, type LoadStateStore } from "./loadState";
import type { LoadTarget } from "./loadTarget";

export const defaultBatchSize = 100;

export interface LoadProgress {
  /** Data rows with a result so far (sent, skipped or invalid). */
  rowsDone: number;
  ok: number;
  failed: number;
  skipped: number;
  /** Batches sent (or skipped) so far. */
  batches: number;
}

export interface SendLoadOptions {
  target: LoadTarget;
  action: LoadAction;
  /** The plan's `contentHash`: with the structure, action and batch size it names the load. */
  contentHash: string;
  /** Valid rows per BULK request (default 100; servers cap it with mxe.rest.bulkcount). */
  batchSize?: number;
  /** What landed before (`--resume`); a fresh memory state when absent. */
  state?: LoadStateStore;
  /** Each data row's result, in row order, as soon as it is known (a record of several rows: one each). */
  onResult(result: RowResult): void | Promise<void>;
  /** After each batch. */
  onProgress?(progress: LoadProgress): void;
  /** Aborting stops the load after the batch in flight. */
  signal?: AbortSignal;
  log?(line: string): void;
  /** The user already confirmed this write on a read-only connection (the editor asks first). */
  writeConfirmed?: boolean;
}

export interface LoadSummary extends LoadProgress {
  /** True when the signal stopped the load before its end. */
  cancelled: boolean;
  /** Set when the load stopped early because the server could not be reached or confirmed. */
  interrupted?: string;
}

export class ReadOnlyRefusal extends Error {}

/** Refuses a read-only connection, as every write path does (the CLI refuses; the editor asks first). */
export function checkWritable(target: LoadTarget): void {
  const connection = target.executor.connection;
  if (connection.readOnly) {
    throw new ReadOnlyRefusal(`Refused: connection "${connection.name}" is read-only and a load writes to ${target.os.toUpperCase()}; use another connection or remove "readOnly".`);
  }
}

/** A record's place in the results: its file rows (several when rows added children to it) and, once known, its result. */
type Slot = { rows: number[]; result?: RowResult };

export async function sendLoad(items: AsyncIterable<PlanItem>, options: SendLoadOptions): Promise<LoadSummary> {
  if (!options.writeConfirmed) checkWritable(options.target);
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? defaultBatchSize));
  const load = loadId({ contentHash: options.contentHash, os: options.target.os, action: options.action, batchSize });
  const state = options.state ?? new MemoryLoadState();
  const progress: LoadProgress = { rowsDone: 0, ok: 0, failed: 0, skipped: 0, batches: 0 };
  // Results leave in row order: invalid rows wait for the valid rows before them.
  const slots: Slot[] = [];
  const flush = async () => {
    while (slots.length > 0 && slots[0]!.result) {
      const slot = slots.shift()!;
      // A record sent whole has one outcome; each file row that built it gets a line.
      for (const row of slot.rows) {
        const result = row === slot.result!.row ? slot.result! : { ...slot.result!, row };
        progress.rowsDone++;
        progress[result.status === "ok" ? "ok" : result.status === "failed" ? "failed" : "skipped"]++;
        await options.onResult(result);
      }
    }
  };
  let batch: Array<{ row: PlannedRow; slot: Slot }> = [];
  let index = 0;
  let stop: Pick<LoadSummary, "cancelled" | "interrupted"> | undefined;

  const send = async () => {
    const current = batch;
    batch = [];
    const batchIndex = index++;
    const landed = state.landed(batchIndex);
    if (landed) {
      const failed = new Map(landed.failed.map((f) => [f.row, f]));
      for (const { row, slot } of current) {
        const earlier = failed.get(row.row);
        slot.result = earlier
          ? { row: row.row, status: "failed", keys: row.keys, ...(earlier.reasonCode ? { reasonCode: earlier.reasonCode } : {}), message: earlier.message ?? "Failed in an earlier run." }
          : { row: row.row, status: "skipped", keys: row.keys, message: "Landed in an earlier run (state file)." };
      }
    } else {
      const unsure = state.wasStarted(batchIndex);
      state.started(batchIndex);
      const results = await sendBatch(
        { index: batchIndex, rows: current.map((b) => b.row), unsure },
        { target: options.target, action: options.action, load, ...(options.log ? { log: options.log } : {}) },
      );
      results.forEach((result, i) => (current[i]!.slot.result = result));
      state.recordLanded({
        batch: batchIndex,
        first: current[0]!.row.row,
        last: current[current.length - 1]!.row.row,
        failed: results.filter((r) => r.status === "failed").map((r) => ({ row: r.row, ...(r.reasonCode ? { reasonCode: r.reasonCode } : {}), ...(r.message ? { message: r.message } : {}) })),
      });
    }
    progress.batches++;
    await flush();
    options.onProgress?.({ ...progress });
  };

  try {
    for await (const item of items) {
      if (item.kind === "invalid") {
        const { row, keys, problems } = item.row;
        const message = problems.map(problemText).join("; ");
        slots.push({ rows: [row], result: { row, status: "failed", keys, message } });
        if (batch.length === 0) await flush();
        continue;
      }
      const slot: Slot = { rows: item.row.rows ?? [item.row.row] };
      slots.push(slot);
      batch.push({ row: item.row, slot });
      if (batch.length >= batchSize) {
        await send();
        if (options.signal?.aborted) {
          stop = { cancelled: true };
          break;
        }
      }
    }
    if (!stop && batch.length > 0) await send();
    if (!stop) await flush();
  } catch (error) {
    if (!(error instanceof LoadInterrupted)) throw error;
    stop = { cancelled: false, interrupted: error.message };
  }
  return { ...progress, cancelled: stop?.cancelled ?? false, ...(stop?.interrupted ? { interrupted: stop.interrupted } : {}) };
}
