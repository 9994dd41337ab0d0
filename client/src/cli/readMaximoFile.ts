import { readTextFile } from "./textFile";
import { parseDocument, type MaximoDocument } from "../../../server/src/language/maximo/api";

/** Reads and parses a `.maximo` file; a leading BOM is kept, the parser accounts for it. */
export function readMaximoFile(path: string): MaximoDocument {
  return parseDocument(readTextFile(path));
}
