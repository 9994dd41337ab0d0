/**
 * One file's block memo for `onePassCheck`: the analyses stored by an earlier check of the file,
 * by the sha-1 of each block's text, and the analyses of this check, in order, to store next.
 * When the text is the one stored, its blocks are the stored blocks in order and are answered
 * by position, unhashed. `onePassCheck` calls `recall` once per block, in order, and `remember`
 * right after each miss.
 */
import * as crypto from "node:crypto";
import type { BlockAnalysis } from "../../../../server/src/features/fileDiagnostics/blockAnalyses";
import type { BlockMemo } from "../../../../server/src/features/fileDiagnostics/onePassCheck";
import { StoredReader, StringTable, type StoredAnalysis } from "./storedForms";

/** What a blocks file holds besides its format and key. */
export interface StoredBlocks {
  /** sha-1 of the whole text checked. */
  text: string;
  strings: string[];
  /** [sha-1 of the block's text, its analysis], in file order. */
  blocks: [string, StoredAnalysis][];
}

export class FileBlockMemo implements BlockMemo {
  /** This check's blocks, in order, with the stored entry each was read from. */
  private readonly current: { hash: string; analysis: BlockAnalysis; entry?: StoredAnalysis }[] = [];
  private readonly sameText: boolean;
  private readonly reader: StoredReader | undefined;
  private byHash: Map<string, StoredAnalysis> | undefined;
  private analysed = false;
  /** The hash of the block `recall` did not know, for `remember`. */
  private pending: string | undefined;

  constructor(
    private readonly textHash: string,
    private readonly stored: StoredBlocks | undefined,
  ) {
    this.sameText = stored?.text === textHash;
    this.reader = stored && new StoredReader(stored.strings);
  }

  recall(blockText: string): BlockAnalysis | undefined {
    const stored = this.stored;
    this.pending = undefined;
    if (!stored) return undefined;
    let hash: string;
    let entry: StoredAnalysis | undefined;
    if (this.sameText) {
      [hash, entry] = stored.blocks[this.current.length] ?? ["", undefined];
    } else {
      hash = sha1(blockText);
      this.byHash ??= new Map(stored.blocks);
      entry = this.byHash.get(hash);
    }
    const analysis = entry && this.reader!.analysis(entry);
    if (analysis) this.current.push({ hash, analysis, entry });
    else if (!this.sameText) this.pending = hash;
    return analysis;
  }

  remember(blockText: string, analysis: BlockAnalysis): void {
    this.current.push({ hash: this.pending ?? sha1(blockText), analysis });
    this.pending = undefined;
    this.analysed = true;
  }

  /** Whether the stored blocks are this check's blocks already (nothing to write). */
  unchanged(): boolean {
    return !this.analysed && this.sameText && this.current.length === this.stored!.blocks.length;
  }

  /** What to store for the text just checked. */
  toStore(): StoredBlocks {
    const table = new StringTable();
    // An entry with no diagnostic refers to no string of the old table: it is kept as it is.
    const blocks = this.current.map(({ hash, analysis, entry }): [string, StoredAnalysis] => [
      hash,
      entry && entry[0].length === 0 && entry[1].length === 0 ? entry : table.analysis(analysis),
    ]);
    return { text: this.textHash, strings: table.strings, blocks };
  }
}

/** `crypto.hash` (Node 20.12 on) where there is one: a third of `createHash`'s cost on short texts. */
const oneShotHash = (crypto as { hash?: (algorithm: string, data: string, encoding: "base64") => string }).hash;

export function sha1(text: string): string {
  return oneShotHash ? oneShotHash("sha1", text, "base64") : crypto.createHash("sha1").update(text).digest("base64");
}
