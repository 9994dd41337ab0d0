/**
 * The state file beside the results (`RESULTS.state`): what `--resume` needs to skip what landed.
 * JSON lines, appended and flushed as the load goes, so a killed process loses at most the
 * batch in flight: a header naming the load, then `started` before a batch is sent and
 * `landed` (with its failed rows) once every row of it has a result. A batch started and never
 * landed is read back by key on resume before anything is sent again.
 */
import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import type { RowResult } from "./contract";

export interface LoadStateHeader {
  kind: "load";
  /** `loadId` of the file, structure, action and batch size. */
  load: string;
  os: string;
  action: string;
  batchSize: number;
}

/** A landed batch: its row range and the rows that failed (the others landed). */
export interface LandedBatch {
  batch: number;
  first: number;
  last: number;
  failed: Array<Pick<RowResult, "row" | "reasonCode" | "message">>;
}

/** Where the sender records its progress; the CLI's is a file, the extension may keep its own. */
export interface LoadStateStore {
  landed(batch: number): LandedBatch | undefined;
  wasStarted(batch: number): boolean;
  started(batch: number): void;
  recordLanded(batch: LandedBatch): void;
}

/** A state that remembers nothing (a load without a results file, or a fresh start in memory). */
export class MemoryLoadState implements LoadStateStore {
  private readonly landedBatches = new Map<number, LandedBatch>();
  private readonly startedBatches = new Set<number>();
  landed(batch: number): LandedBatch | undefined {
    return this.landedBatches.get(batch);
  }
  wasStarted(batch: number): boolean {
    return this.startedBatches.has(batch);
  }
  started(batch: number): void {
    this.startedBatches.add(batch);
  }
  recordLanded(batch: LandedBatch): void {
    this.landedBatches.set(batch.batch, batch);
  }
}

export class StateFileError extends Error {}

/** The header of an existing state file, or undefined (none, or not a state file). */
export function readStateHeader(path: string): LoadStateHeader | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const first = JSON.parse(readFileSync(path, "utf8").split("\n", 1)[0] ?? "") as LoadStateHeader;
    return first.kind === "load" && typeof first.batchSize === "number" ? first : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The first batch an earlier run of the same load started and never recorded as landed (it may
 * have landed), or undefined: none, another load's file, or no state file. A run without
 * `--resume` would overwrite that record and send the batch as if new.
 */
export function unfinishedBatch(path: string, load: string): number | undefined {
  if (readStateHeader(path)?.load !== load) return undefined;
  const started = new Set<number>();
  for (const line of readFileSync(path, "utf8").split("\n").slice(1)) {
    try {
      const entry = JSON.parse(line) as { kind?: unknown; batch?: unknown };
      if (typeof entry.batch !== "number") continue;
      if (entry.kind === "started") started.add(entry.batch);
      if (entry.kind === "landed") started.delete(entry.batch);
    } catch {
      // A line cut by a kill: its batch stays started.
    }
  }
  return started.size === 0 ? undefined : Math.min(...started);
}

/** The JSON-lines state file. `resume` reads what an earlier run recorded; otherwise it starts afresh. */
export class FileLoadState extends MemoryLoadState {
  private constructor(readonly path: string) {
    super();
  }

  static open(path: string, header: LoadStateHeader, resume: boolean): FileLoadState {
    const state = new FileLoadState(path);
    if (!resume || !existsSync(path)) {
      writeFileSync(path, JSON.stringify(header) + "\n");
      return state;
    }
    const lines = readFileSync(path, "utf8").split("\n").filter((l) => l.trim() !== "");
    const parsed = lines.map((line) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch {
        return undefined;
      }
    });
    const first = parsed[0];
    if (!first || first.kind !== "load") throw new StateFileError(`${path} is not a load state file; remove it or run without --resume.`);
    if (first.load !== header.load) {
      throw new StateFileError(`${path} belongs to another load (a different file content, structure, action or batch size); run without --resume to start over, or load the same file as before.`);
    }
    // A line cut by a kill is skipped: its batch counts as started, so it is read back.
    for (const entry of parsed.slice(1)) {
      if (!entry || typeof entry.batch !== "number") continue;
      if (entry.kind === "started") MemoryLoadState.prototype.started.call(state, entry.batch);
      if (entry.kind === "landed") MemoryLoadState.prototype.recordLanded.call(state, entry as unknown as LandedBatch);
    }
    return state;
  }

  override started(batch: number): void {
    super.started(batch);
    appendFileSync(this.path, JSON.stringify({ kind: "started", batch }) + "\n");
  }

  override recordLanded(batch: LandedBatch): void {
    super.recordLanded(batch);
    appendFileSync(this.path, JSON.stringify({ kind: "landed", ...batch }) + "\n");
  }
}
