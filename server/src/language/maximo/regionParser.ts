/**
 * A whole-file parse done a region at a time, for a caller that wants the top of a large file
 * early (the language server's first diagnostics on open) and the rest in slices. Regions end
 * at `###` lines, where the splitter starts afresh, so every block is the one `parseDocument`
 * gives: same text, same line starts, same tree.
 */
import { buildBlockTree } from "./blockBuilder";
import { isSeparatorLine, splitBlocks, type SplitEnd } from "./blockSplitter";
import { DocumentBlock, MaximoDocument } from "./document";
import { blockCommentEnd } from "./httpyacRegions";

/** Line starts of a one-line block, shared (as in `parseDocument`). */
const ONE_LINE: readonly number[] = Object.freeze([0]);

export class RegionParser {
  /** The blocks parsed so far, in order, with absolute offsets and lines. */
  readonly blocks: DocumentBlock[] = [];
  private at = 0;
  private line = 0;
  private started = false;

  constructor(readonly text: string) {}

  get done(): boolean {
    return this.started && this.at >= this.text.length;
  }

  /** Where the parsed part ends: the next region starts here. */
  get parsedTo(): number {
    return this.at;
  }

  /** Parses the next region: at least `chars` characters, up to the next `###` line (or the end). */
  next(chars: number): void {
    if (this.done) return;
    this.started = true;
    const from = this.at;
    let to = nextSeparatorLine(this.text, from + Math.max(1, chars));
    const end: SplitEnd = { inComment: false };
    let splits = splitBlocks(this.text, from, to, end);
    // A `###` line inside a `/*` block comment separates nothing: the region runs on to the
    // first `###` after the comment's `*/` line (the end of the text when it is not closed).
    while (end.inComment && to < this.text.length) {
      // `to` is a `###` line, never the `*/` one: the close is after it.
      to = nextSeparatorLine(this.text, blockCommentEnd(this.text, to).end);
      splits = splitBlocks(this.text, from, to, end);
    }
    for (const split of splits) {
      // Trees share the text the document keeps anyway (as in a whole-file parse).
      const lineStarts = split.lineStarts.length === 1 ? ONE_LINE : split.lineStarts.slice();
      const tree = buildBlockTree(this.text.slice(split.start, split.end), lineStarts);
      this.blocks.push(new DocumentBlock(tree, split.start, this.line));
      this.line += tree.lineStarts.length;
    }
    this.at = to;
  }

  /** The whole document; parses what is left first. */
  document(): MaximoDocument {
    while (!this.done) this.next(this.text.length);
    return new MaximoDocument(this.text, this.blocks, { parsedBlocks: this.blocks.length, reusedBlocks: 0 });
  }
}

/** The start of the first `###` line at or after `from` (not the file start), else the text's end. */
function nextSeparatorLine(text: string, from: number): number {
  for (let hashes = text.indexOf("###", from); hashes >= 0; hashes = text.indexOf("###", hashes + 3)) {
    let lineStart = hashes;
    while (lineStart > 0 && (text.charCodeAt(lineStart - 1) === 32 || text.charCodeAt(lineStart - 1) === 9)) lineStart--;
    if (lineStart === 0) continue;
    const before = text.charCodeAt(lineStart - 1);
    if ((before === 10 || before === 13) && lineStart >= from && isSeparatorLine(text, lineStart)) return lineStart;
  }
  return text.length;
}
