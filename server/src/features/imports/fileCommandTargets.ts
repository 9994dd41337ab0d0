/**
 * Where a JetBrains `import` / `run` line points, for go-to-definition and hover across files:
 * over a path, that file; over `#name`, the request of that name in the file the line names, or
 * (for `run #name` not defined here) in the first file this one imports that defines it, as the
 * runner looks it up (client/src/fileRuns/runPlan.ts). Requests of this file are answered by the
 * symbol index (references/symbolIndex.ts) before this is asked.
 */
import type { Span } from "../../language/common";
import type { MaximoDocument, TextNode } from "../../language/maximo/api";
import { hasVariable, parseImported, pathFrom, requestNames, type ReadText } from "./importChecks";

export interface FileCommandTarget {
  /** The part of the line the target was asked for (absolute in the asking document). */
  origin: Span;
  /** The file it names, resolved against the asking file. */
  path: string;
  /** The path as written on the line. */
  written: string;
  /** The named request in that file; absent when the path itself was asked for. */
  request?: { name: string; document: MaximoDocument; line: Span };
  /** The named requests of that file, for a hover on the path. */
  names: readonly string[];
}

/** The target under `offset` of the `import` / `run` line of `document` (the file at `filePath`), if it reads. */
export function fileCommandTarget(document: MaximoDocument, filePath: string, offset: number, readText: ReadText): FileCommandTarget | undefined {
  const block = document.blockAt(offset);
  if (!block.tree.imports && !block.tree.runs) return undefined;
  const node = block.node();
  const within = (span: Span | undefined): span is TextNode => span !== undefined && offset >= span.start && offset <= span.end;
  const open = (path: TextNode, origin: Span, name?: string): FileCommandTarget | undefined => {
    if (hasVariable(path.text)) return undefined;
    const resolved = pathFrom(filePath, path.text);
    const text = readText(resolved);
    if (text === undefined) return undefined;
    const target = parseImported(resolved, text);
    const names = requestNames(target);
    if (name === undefined) return { origin, path: resolved, written: path.text, names };
    const request = requestNamed(target, name);
    return request && { origin, path: resolved, written: path.text, request: { name, document: target, line: request }, names };
  };
  const line = node.imports?.find((i) => within(i.path));
  if (line?.path) return open(line.path, line.path);
  const run = node.runs?.find((r) => offset >= r.start && offset <= r.end);
  if (!run) return undefined;
  if (within(run.path)) return open(run.path, run.path);
  if (!within(run.request)) return undefined;
  // A hover or jump on `#name` covers the `#` too.
  const origin = { start: run.request.start - 1, end: run.request.end };
  if (run.path) return open(run.path, origin, run.request.text);
  if (requestNamed(document, run.request.text)) return undefined;
  for (const b of document.blocks) {
    for (const i of b.tree.imports ? b.node().imports! : []) {
      const found = i.path && open(i.path, origin, run.request.text);
      if (found) return found;
    }
  }
  return undefined;
}

/** The request line of the request named `name`, the first if several share it (as the runner picks). */
function requestNamed(document: MaximoDocument, name: string): Span | undefined {
  const request = document.requests.find((r) => r.name === name);
  return request && { start: request.request.line.start, end: request.request.line.end };
}
