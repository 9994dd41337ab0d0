/**
 * A whole file's diagnostics in one pass that keeps no block tree, for `maximo check`: each
 * block is parsed, analysed (`analyse`) and dropped before the next, so its trees die young in
 * V8's nursery instead of being copied and promoted while the rest of the file is parsed (on a
 * 100,000-line file that copying was a fifth of the run). What is kept per block is what the
 * file-level checks combine: its diagnostics, names and variable facts (`assembleAnalyses`,
 * which the language server uses too, so the result equals a full analysis of the text).
 */
import type { Span } from "../../language/common";
import { buildBlockTree } from "../../language/maximo/blockBuilder";
import { splitBlocks } from "../../language/maximo/blockSplitter";
import { forgetEmbeddedQueries } from "../../language/maximo/embeddedQueries";
import type { DocumentDiagnostic } from "../../language/maximo/document";
import { lastAtOrBefore, lastAtOrBeforeBy, type Position, type Range } from "../../language/maximo/lineIndex";
import type { SchemaStore } from "../../schema";
import { analyse, type BlockAnalysis } from "./blockAnalyses";
import { assembleAnalyses, type FilePositions, type PlacedBlock } from "./fileDiagnostics";

/** A block's place in the file without its tree: offset, first line and line starts (block-relative). */
class BlockPlace implements PlacedBlock {
  constructor(
    readonly offset: number,
    readonly line: number,
    readonly lineStarts: readonly number[],
  ) {}

  toAbsolute(span: Span): Span {
    return { start: span.start + this.offset, end: span.end + this.offset };
  }
}

/** `MaximoDocument.positionAt` over block places: the same binary searches, the same answers. */
class PlacePositions implements FilePositions {
  constructor(
    readonly text: string,
    private readonly places: readonly BlockPlace[],
  ) {}

  positionAt(offset: number): Position {
    const at = Math.max(0, Math.min(offset, this.text.length));
    const place = this.places[lastAtOrBeforeBy(this.places, (p) => p.offset, at)]!;
    const relative = at - place.offset;
    const index = lastAtOrBefore(place.lineStarts, relative);
    return { line: place.line + index, character: relative - place.lineStarts[index]! };
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }
}

/** Line starts of a one-line block, shared (as in `parseDocument`). */
const ONE_LINE: readonly number[] = Object.freeze([0]);

export interface CheckResult {
  syntax: DocumentDiagnostic[];
  schema: DocumentDiagnostic[];
  /** Blocks analysed in this pass; the others were answered by the memo. */
  analysedBlocks: number;
}

/**
 * Analyses kept from an earlier pass, by block text (`maximo check`'s cache). A block's analysis
 * depends on its text and the schemas alone, so a memo must be for one schema store.
 */
export interface BlockMemo {
  recall(blockText: string): BlockAnalysis | undefined;
  remember(blockText: string, analysis: BlockAnalysis): void;
}

/**
 * The syntax diagnostics (`parseDocument(text).diagnostics()`) and the schema diagnostics
 * (`schemaDiagnostics`) of `text`, equal item for item and in order.
 */
export function onePassCheck(text: string, schemas: SchemaStore, memo?: BlockMemo): CheckResult {
  const places: BlockPlace[] = [];
  const found: BlockAnalysis[] = [];
  let line = 0;
  let analysedBlocks = 0;
  for (const split of splitBlocks(text, 0, text.length)) {
    const lineStarts = split.lineStarts.length === 1 ? ONE_LINE : split.lineStarts;
    const blockText = text.slice(split.start, split.end);
    let analysis = memo?.recall(blockText);
    if (!analysis) {
      // The tree is not kept: once analysed, nothing refers to it (see `forgetEmbeddedQueries`).
      const tree = buildBlockTree(blockText, lineStarts);
      analysis = analyse(tree, schemas, true);
      forgetEmbeddedQueries(tree);
      memo?.remember(blockText, analysis);
      analysedBlocks++;
    }
    found.push(analysis);
    places.push(new BlockPlace(split.start, line, lineStarts));
    line += lineStarts.length;
  }
  return { ...assembleAnalyses(new PlacePositions(text, places), places, found, true), analysedBlocks };
}
