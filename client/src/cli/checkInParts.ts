/**
 * `maximo check` of a large file on several cores. The file is cut at `###` lines into parts;
 * the main thread analyses the first part while worker threads (this same bundle, started with
 * `CheckPartData`) analyse the others, then the parts' block analyses are assembled as one
 * (`assembleRanges`): blocks, diagnostics and their order are those of a whole-file check,
 * since a parse starting at a `###` line gives the blocks a whole-file parse gives there.
 * A worker that fails costs nothing but time: the main thread analyses its part itself.
 */
import { availableParallelism } from "node:os";
import { Worker, parentPort } from "node:worker_threads";
import { analyseRange, assembleRanges, onePassCheck, type CheckResult, type RangeAnalysis } from "../../../server/src/features/fileDiagnostics/onePassCheck";
import { nextSeparatorLine } from "../../../server/src/language/maximo/regionParser";
import { createSchemaStore, type SchemaStore } from "../../../server/src/schema";

/**
 * Fewest characters per part. A worker costs about 100 ms before it analyses anything (a V8
 * isolate, this bundle, the parsers' construction) while the main thread analyses some
 * 400,000 characters (16,000 lines) in that time: smaller files are checked on one thread.
 */
const MIN_PART_CHARS = 400_000;
const MAX_PARTS = 4;
/** The main thread's part is this much larger than a worker's, for the worker's start-up. */
const MAIN_HEAD_START = 0.1;

/** What a worker is started with. */
export interface CheckPartData {
  maximoCheckPart: true;
  text: string;
  from: number;
  to: number;
  cacheDirs: string[];
}

export function isCheckPart(data: unknown): data is CheckPartData {
  return typeof data === "object" && data !== null && (data as CheckPartData).maximoCheckPart === true;
}

/** A worker's whole job: analyse its part, send it, end. */
export function runCheckPart(data: CheckPartData): void {
  const schemas = createSchemaStore({ cacheDirs: data.cacheDirs });
  parentPort!.postMessage(analyseRange(data.text, data.from, data.to, schemas));
}

/**
 * The check of `text` (as `onePassCheck`), in parts on worker threads running `workerScript`
 * when the file is large and the machine has cores to spare.
 */
export async function checkInParts(text: string, schemas: SchemaStore, cacheDirs: string[], workerScript: string | undefined): Promise<CheckResult> {
  const cuts = workerScript ? partCuts(text, Math.min(MAX_PARTS, availableParallelism())) : [];
  if (cuts.length < 3) return onePassCheck(text, schemas);
  // Workers first: they start while the main thread works on its part.
  const others = [];
  for (let i = 1; i + 1 < cuts.length; i++) {
    const data: CheckPartData = { maximoCheckPart: true, text, from: cuts[i]!, to: cuts[i + 1]!, cacheDirs };
    others.push(inWorker(workerScript!, data));
  }
  const first = analyseRange(text, 0, cuts[1]!, schemas);
  const rest = await Promise.all(others);
  const parts = rest.map((part, i) => part ?? analyseRange(text, cuts[i + 1]!, cuts[i + 2]!, schemas));
  return assembleRanges(text.length, [first, ...parts]);
}

/** Part boundaries (0, the `###` lines cut at, the end); fewer than three when one part will do. */
function partCuts(text: string, threads: number): number[] {
  const parts = Math.min(threads, Math.floor(text.length / MIN_PART_CHARS));
  if (parts < 2) return [];
  const workerShare = (1 - MAIN_HEAD_START) / parts;
  const cuts = [0];
  let wanted = text.length - workerShare * text.length * (parts - 1);
  for (let i = 1; i < parts; i++, wanted += workerShare * text.length) {
    const cut = nextSeparatorLine(text, Math.floor(wanted));
    if (cut > cuts[cuts.length - 1]! && cut < text.length) cuts.push(cut);
  }
  cuts.push(text.length);
  return cuts;
}

/** The analysis of a worker's part, or undefined when the worker failed. */
function inWorker(script: string, data: CheckPartData): Promise<RangeAnalysis | undefined> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(script, { workerData: data });
    } catch {
      resolve(undefined);
      return;
    }
    worker.once("message", (part: RangeAnalysis) => resolve(part));
    worker.once("error", () => resolve(undefined));
    // An exit before the message (it cannot come after one) is a failure too.
    worker.once("exit", () => resolve(undefined));
  });
}
