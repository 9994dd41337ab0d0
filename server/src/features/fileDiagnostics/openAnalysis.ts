/**
 * How the server reads a file it has not parsed yet, and what an edit of a parsed one will
 * cost. A newly opened file is parsed a region at a time (regions end at `###` lines); the
 * first region's blocks are analysed at once, so the top of the file gets its diagnostics
 * before the rest is even parsed.
 */
import type { Diagnostic } from "vscode-languageserver";
import { MaximoDocument, type ChangedRegion } from "../../language/maximo/api";
import { RegionParser } from "../../language/maximo/regionParser";
import type { SchemaStore } from "../../schema";
import type { BlockAnalyses } from "./blockAnalyses";
import { prefixDiagnostics } from "./fileDiagnostics";

/** Characters per region: the first one is a few screens of requests; each costs a few milliseconds. */
export const REGION_CHARS = 16_384;

/** Re-parsing and analysing this much text takes a few milliseconds: no reason to wait for a pause in typing. */
export const CHEAP_EDIT_CHARS = 16_384;

/**
 * Parses `text` one region per step and returns the document. After the first region (when
 * more follows), its blocks are analysed and `early` gets what they decide alone: the last
 * block of the region is left out, since a position at its end belongs to the next block.
 */
export function* openSteps(
  text: string,
  analyses: BlockAnalyses,
  schemas: SchemaStore,
  early?: (diagnostics: Diagnostic[]) => void,
): Generator<void, MaximoDocument, void> {
  const parser = new RegionParser(text);
  parser.next(REGION_CHARS);
  if (early && !parser.done) {
    const decided = parser.blocks.slice(0, -1);
    for (const block of decided) {
      analyses.of(block.tree, schemas);
      yield;
    }
    const sofar = new MaximoDocument(text, parser.blocks.slice(), { parsedBlocks: parser.blocks.length, reusedBlocks: 0 });
    early(prefixDiagnostics(sofar, decided, analyses, schemas));
  }
  while (!parser.done) {
    yield;
    parser.next(REGION_CHARS);
  }
  return parser.document();
}

/**
 * Whether re-parsing `previous` after a change in `changed` (offsets in the new text, whose
 * length is `length`) is small: the blocks around the change, which the parser splits again,
 * and the inserted text stay under `CHEAP_EDIT_CHARS`.
 */
export function isCheapEdit(previous: MaximoDocument, changed: ChangedRegion, length: number): boolean {
  const inserted = Math.max(0, changed.end - changed.start);
  if (inserted > CHEAP_EDIT_CHARS) return false;
  const oldEnd = Math.max(changed.start, changed.end - (length - previous.text.length));
  const first = Math.max(0, previous.blockIndexAt(changed.start) - 1);
  const last = Math.min(previous.blocks.length - 1, previous.blockIndexAt(oldEnd) + 1);
  return previous.blocks[last]!.end - previous.blocks[first]!.offset + inserted <= CHEAP_EDIT_CHARS;
}
