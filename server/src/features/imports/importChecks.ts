/**
 * The checks of JetBrains `import` / `run` lines that need the files they name, for callers that
 * know where the checked file is (`maximo check`, a saved file in the editor): a path that is no
 * file is `maximo.import-missing`; `run #name` in a file that imports others, or `run PATH#name`,
 * naming no request there is `maximo.run-unknown-request`. The text-only check (`variableChecks.ts`)
 * stops at an import; this one goes on from there. Files come through `readText`.
 */
import { statSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import type { SyntaxDiagnostic } from "../../language/common";
import type { MaximoDocument, TextNode } from "../../language/maximo/api";
import { parseDocument } from "../../language/maximo/api";
import { schemaDiagnostic } from "../schema/schemaCodes";
import { unknownRunTarget } from "../schema/variableChecks";

/** A file's text, or undefined when there is no such file. */
export type ReadText = (path: string) => string | undefined;

/** Whether `document` has an `import` or `run` line (most files have none: nothing to read then). */
export function hasFileCommands(document: MaximoDocument): boolean {
  return document.blocks.some((b) => b.tree.imports !== undefined || b.tree.runs !== undefined);
}

/** The diagnostics of the `import` / `run` lines of `document` (the file at `filePath`); absolute spans. */
export function importDiagnostics(document: MaximoDocument, filePath: string, readText: ReadText): SyntaxDiagnostic[] {
  if (!hasFileCommands(document)) return [];
  const names = new Map<string, string[] | undefined>();
  /** The request names of the file at `path`, or undefined when it does not exist (read once). */
  const namesIn = (path: string): string[] | undefined => {
    if (!names.has(path)) {
      const text = readText(path);
      names.set(path, text === undefined ? undefined : requestNames(parseImported(path, text)));
    }
    return names.get(path);
  };
  const out: SyntaxDiagnostic[] = [];
  const missing = (path: TextNode, word: string) =>
    out.push(schemaDiagnostic("maximo.import-missing", path, `No file \`${path.text}\` beside this file: \`${word}\` paths are relative to the file that names them.`));
  const imported: string[][] = [];
  let importMissing = false;
  for (const block of document.blocks) {
    for (const line of block.tree.imports ? block.node().imports! : []) {
      if (!line.path || hasVariable(line.path.text)) continue;
      const found = namesIn(pathFrom(filePath, line.path.text));
      if (found) imported.push(found);
      else {
        importMissing = true;
        missing(line.path, "import");
      }
    }
  }
  const own = requestNames(document);
  for (const block of document.blocks) {
    for (const run of block.tree.runs ? block.node().runs! : []) {
      if (run.path) {
        if (hasVariable(run.path.text)) continue;
        const found = namesIn(pathFrom(filePath, run.path.text));
        if (!found) missing(run.path, "run");
        else if (run.request && !found.includes(run.request.text)) out.push(unknownRunTarget(run.request.text, run.request, found, `\`${run.path.text}\``));
      } else if (run.request && imported.length > 0 && !importMissing) {
        // Without imports the text-only check said it already; a missing import may hold the name.
        const all = [...own, ...imported.flat()];
        if (!all.includes(run.request.text)) out.push(unknownRunTarget(run.request.text, run.request, all, "this file or the files it imports"));
      }
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** Files parsed lately, by path: the editor checks again on every edit, and the files named rarely change. */
const parsedFiles = new Map<string, { text: string; document: MaximoDocument }>();
const PARSED_FILES_KEPT = 16;

/** The file at `path` with text `text`, parsed (again only when its text changed). */
export function parseImported(path: string, text: string): MaximoDocument {
  const kept = parsedFiles.get(path);
  parsedFiles.delete(path);
  const document = kept && kept.text === text ? kept.document : parseDocument(text);
  if (parsedFiles.size >= PARSED_FILES_KEPT) parsedFiles.delete(parsedFiles.keys().next().value!);
  parsedFiles.set(path, { text, document });
  return document;
}

export function requestNames(document: MaximoDocument): string[] {
  return document.requests.flatMap((r) => (r.name === undefined ? [] : [r.name]));
}

/** A path of an `import` / `run` line, resolved against the file that names it. */
export function pathFrom(file: string, path: string): string {
  return isAbsolute(path) ? path : resolve(dirname(file), path);
}

/** A path written with `{{...}}` is known only when the request runs. */
export function hasVariable(path: string): boolean {
  return path.includes("{{");
}

/** `readText` over the file system: a file's text (a leading BOM kept, as the parser expects), else undefined. */
export function readTextFromDisk(read: (path: string) => string): ReadText {
  return (path) => {
    try {
      return statSync(path).isFile() ? read(path) : undefined;
    } catch {
      return undefined;
    }
  };
}
