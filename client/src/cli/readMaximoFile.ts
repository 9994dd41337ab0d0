import { readTextFile } from "./textFile";
import { readTextFromDisk } from "../../../server/src/features/imports/importChecks";
import { parseDocument, type MaximoDocument } from "../../../server/src/language/maximo/api";

/** Reads and parses a `.maximo` file; a leading BOM is kept, the parser accounts for it. */
export function readMaximoFile(path: string): MaximoDocument {
  return parseDocument(readTextFile(path));
}

/** A request file's text, or undefined when `path` is no file (what `import` / `run` lines and their checks read). */
export const readRequestText = readTextFromDisk(readTextFile);

/** The parsed file at `path`, or undefined when there is no such file (a path an `import` / `run` line names). */
export function readMaximoFileIfAny(path: string): MaximoDocument | undefined {
  const text = readRequestText(path);
  return text === undefined ? undefined : parseDocument(text);
}
