/**
 * What a JetBrains `run` line runs (server/src/language/maximo/fileCommands.ts reads it), for the
 * CLI and the editor alike: `run #name` a request of this file, else of a file it `import`s (in
 * import order); `run PATH#name` one request of that file; `run PATH` every step of that file
 * (its requests and its own run lines, in order). Paths are relative to the file that names
 * them. A file run whole while it is already being run whole is a cycle, named as a chain.
 * No VS Code; files come through a `FileSource`.
 */
import { dirname } from "node:path";
import { pathFrom } from "../../../server/src/features/imports/importChecks";
import type { MaximoDocument, RunNode } from "../../../server/src/language/maximo/api";

/** Reads request files (parsed), each once per run; undefined when the file does not exist. */
export interface FileSource {
  document(path: string): MaximoDocument | undefined;
}

/** A request file of the run: its absolute path and its parse. */
export interface RunFile {
  path: string;
  document: MaximoDocument;
}

/** One step of a file run whole: a request (by index in `document.requests`) or a run line (absolute spans). */
export type FileStep = { kind: "request"; index: number } | { kind: "run"; run: RunNode };

/** What one run line runs. */
export type RunTarget = { kind: "request"; file: RunFile; index: number } | { kind: "file"; file: RunFile };

/** A run line that cannot run: the sentence says why and what to write. */
export class RunLineError extends Error {}

/** The requests and run lines of `document` in source order (an `import` is no step: it sends nothing). */
export function fileSteps(document: MaximoDocument): FileStep[] {
  const steps: FileStep[] = [];
  let index = 0;
  for (const block of document.blocks) {
    const tree = block.tree;
    if (tree.runs) for (const run of block.node().runs!) steps.push({ kind: "run", run });
    if (tree.request) steps.push({ kind: "request", index: index++ });
  }
  return steps;
}

/** The run line on (0-based) `line` of `document`, if any. */
export function runLineAt(document: MaximoDocument, line: number): RunNode | undefined {
  const block = document.blocks[document.blockIndexAt(document.offsetAt({ line, character: 0 }))]!;
  if (!block.tree.runs) return undefined;
  return block.node().runs!.find((run) => document.positionAt(run.start).line === line);
}

/** How messages name a run line: its text without the overrides, whose values may be credentials. */
export function runLineLabel(document: MaximoDocument, run: RunNode): string {
  // Up to the variables, parsed or not: a value (or a malformed one) may be a credential.
  const open = document.text.indexOf("(", run.keyword.end);
  const end = open >= 0 && open < run.end ? open : run.end;
  return document.text.slice(run.start, Math.max(run.start, end)).trimEnd();
}

/** The files `document` imports that exist, in order. */
export function importedFiles(from: RunFile, files: FileSource): RunFile[] {
  const out: RunFile[] = [];
  for (const block of from.document.blocks) {
    if (!block.tree.imports) continue;
    for (const imported of block.tree.imports) {
      if (!imported.path) continue;
      const path = pathFrom(from.path, imported.path.text);
      const document = files.document(path);
      if (document) out.push({ path, document });
    }
  }
  return out;
}

/**
 * What `run` (a run line of `from`) runs. `chain` holds the files being run whole, outermost
 * first: running one of them whole again is a cycle. Throws `RunLineError`.
 */
export function planRun(run: RunNode, from: RunFile, files: FileSource, chain: readonly string[]): RunTarget {
  // Sent without the variables it failed to set, the request could go out with other values.
  if (run.malformed) throw new RunLineError("Not run: this run line is malformed (see its error in the editor or `maximo check`).");
  const name = run.request?.text;
  if (!run.path) {
    if (name === undefined) throw new RunLineError("This run line names nothing to run: write `run #name`, `run ./other.http#name` or `run ./other.http`.");
    const here = indexOfName(from.document, name);
    if (here !== undefined) return { kind: "request", file: from, index: here };
    for (const imported of importedFiles(from, files)) {
      const there = indexOfName(imported.document, name);
      if (there !== undefined) return { kind: "request", file: imported, index: there };
    }
    throw new RunLineError(`No request named "${name}" in this file or the files it imports.`);
  }
  const path = pathFrom(from.path, run.path.text);
  const document = files.document(path);
  if (!document) throw new RunLineError(`${run.path.text} does not exist (looked for ${path}).`);
  const file = { path, document };
  if (name !== undefined) {
    const index = indexOfName(document, name);
    if (index === undefined) throw new RunLineError(`No request named "${name}" in ${run.path.text}.`);
    return { kind: "request", file, index };
  }
  if (chain.includes(path)) {
    const loop = [...chain.slice(chain.indexOf(path)), path].map((p) => relativeName(chain[0]!, p));
    throw new RunLineError(`Not run: the files run each other in a cycle: ${loop.join(" → ")}.`);
  }
  return { kind: "file", file };
}

function indexOfName(document: MaximoDocument, name: string): number | undefined {
  const index = document.requests.findIndex((request) => request.name === name);
  return index < 0 ? undefined : index;
}

/** `path` as seen from the folder of `base` (for messages). */
function relativeName(base: string, path: string): string {
  const folder = dirname(base);
  return path.startsWith(folder + "/") || path.startsWith(folder + "\\") ? path.slice(folder.length + 1) : path;
}
