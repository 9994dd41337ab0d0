/**
 * The incremental document model of a `.maximo` file.
 *
 * A document is a list of blocks (cut at `###` lines and at request lines after a request), each an immutable tree with spans
 * relative to the block start. `updateDocument` finds the changed region of the text (common
 * prefix and suffix), re-parses only the blocks it touches, and reuses every other tree as it
 * is, moved to its new offset and line. Line/character positions come from the blocks' line
 * start tables by binary search; no node stores them.
 */
import type { Span, SyntaxDiagnostic } from "../common";
import type { BlockNode, BlockTree, RequestNode } from "./ast";
import { buildBlockTree } from "./blockBuilder";
import { isSeparatorLine, splitBlocks, type SplitBlock, type SplitEnd } from "./blockSplitter";
import { blockDiagnostics } from "./blockValidator";
import { diagnostic } from "./diagnosticCodes";
import { embeddedQueries, type EmbeddedQuery } from "./embeddedQueries";
import { lastAtOrBefore, lastAtOrBeforeBy, type Position, type Range } from "./lineIndex";
import { shiftSpans } from "./shiftSpans";

/** One block of a document: a (reused) tree and where it stands now. */
export class DocumentBlock {
  private absolute: BlockNode | undefined;

  constructor(
    /** The tree; its spans are relative to `offset`. */
    readonly tree: BlockTree,
    /** Absolute offset of the block start. */
    readonly offset: number,
    /** Line of the block start. */
    readonly line: number,
  ) {}

  get end(): number {
    return this.offset + this.tree.text.length;
  }

  get lineCount(): number {
    return this.tree.lineStarts.length;
  }

  /** The tree with absolute spans (copied on first use). */
  node(): BlockNode {
    if (!this.absolute) {
      const { text: _text, lineStarts: _lineStarts, ...node } = this.tree;
      this.absolute = shiftSpans(node, this.offset);
    }
    return this.absolute;
  }

  /** Block-relative span to absolute. */
  toAbsolute(span: Span): Span {
    return { start: span.start + this.offset, end: span.end + this.offset };
  }
}

/** A request of the document, with absolute spans. */
export interface DocumentRequest {
  block: DocumentBlock;
  /** `@name`, else the `###` title. */
  name?: string;
  node: BlockNode;
  request: RequestNode;
}

export interface DocumentDiagnostic extends SyntaxDiagnostic {
  range: Range;
}

/** What the last parse did: an observable measure of incremental reuse. */
export interface ParseStats {
  parsedBlocks: number;
  reusedBlocks: number;
}

export class MaximoDocument {
  private diagnosticList: DocumentDiagnostic[] | undefined;
  private requestList: DocumentRequest[] | undefined;

  constructor(
    readonly text: string,
    readonly blocks: readonly DocumentBlock[],
    readonly stats: ParseStats,
  ) {}

  get lineCount(): number {
    const last = this.blocks[this.blocks.length - 1]!;
    return last.line + last.lineCount;
  }

  /**
   * The requests in order, with absolute spans (blocks without a request line, e.g. only
   * variables, are left out). Copies every tree once per document version; hot paths can read
   * `blocks[i].tree` (block-relative) with `blocks[i].offset` instead.
   */
  get requests(): readonly DocumentRequest[] {
    if (!this.requestList) {
      this.requestList = [];
      for (const block of this.blocks) {
        if (!block.tree.request) continue;
        const node = block.node();
        this.requestList.push({ block, node, request: node.request!, ...(node.name !== undefined ? { name: node.name } : {}) });
      }
    }
    return this.requestList;
  }

  /**
   * The request of the block containing `offset`, with absolute spans; copies only that block,
   * so it suits features that run on every keystroke (hover, completion) better than `requests`.
   */
  requestAt(offset: number): DocumentRequest | undefined {
    const block = this.blockAt(offset);
    if (!block.tree.request) return undefined;
    const node = block.node();
    return { block, node, request: node.request!, ...(node.name !== undefined ? { name: node.name } : {}) };
  }

  /** Index of the block containing `offset` (a block boundary belongs to the block it starts). */
  blockIndexAt(offset: number): number {
    return lastAtOrBeforeBy(this.blocks, (b) => b.offset, offset);
  }

  blockAt(offset: number): DocumentBlock {
    return this.blocks[this.blockIndexAt(offset)]!;
  }

  positionAt(offset: number): Position {
    const at = Math.max(0, Math.min(offset, this.text.length));
    const block = this.blockAt(at);
    const relative = at - block.offset;
    const index = lastAtOrBefore(block.tree.lineStarts, relative);
    return { line: block.line + index, character: relative - block.tree.lineStarts[index]! };
  }

  offsetAt(position: Position): number {
    const line = Math.max(0, Math.min(position.line, this.lineCount - 1));
    const blockIndex = lastAtOrBeforeBy(this.blocks, (b) => b.line, line);
    const block = this.blocks[blockIndex]!;
    const index = line - block.line;
    const start = block.offset + block.tree.lineStarts[index]!;
    const next =
      index + 1 < block.tree.lineStarts.length
        ? block.offset + block.tree.lineStarts[index + 1]!
        : (this.blocks[blockIndex + 1]?.offset ?? this.text.length);
    let end = next;
    if (end > start && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return Math.min(start + Math.max(0, position.character), end);
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }

  /** Every diagnostic of the file (absolute spans and ranges), in source order. */
  diagnostics(): readonly DocumentDiagnostic[] {
    if (!this.diagnosticList) {
      const list: DocumentDiagnostic[] = [];
      for (const block of this.blocks) {
        for (const d of blockDiagnostics(block.tree)) {
          const span = block.toAbsolute(d.span);
          list.push({ ...d, span, range: this.rangeOf(span) });
        }
      }
      for (const d of this.documentDiagnostics()) list.push({ ...d, range: this.rangeOf(d.span) });
      list.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
      this.diagnosticList = list;
    }
    return this.diagnosticList;
  }

  /** The embedded query parses of a block; add `block.offset` to their spans. */
  embeddedQueries(block: DocumentBlock): readonly EmbeddedQuery[] {
    return embeddedQueries(block.tree);
  }

  /** Checks that look across blocks: a request name used twice. */
  private documentDiagnostics(): SyntaxDiagnostic[] {
    const out: SyntaxDiagnostic[] = [];
    const seen = new Map<string, number>();
    let referenced: Set<string> | undefined;
    for (const block of this.blocks) {
      for (const directive of block.tree.directives) {
        if (directive.name.text !== "name" || !directive.args) continue;
        const name = directive.args.text;
        const line = seen.get(name);
        if (line === undefined) {
          seen.set(name, this.positionAt(block.offset + directive.start).line);
          continue;
        }
        out.push(duplicateName(name, block.toAbsolute(directive.args), line, (referenced ??= referencedNames(this.text)).has(name)));
      }
    }
    return out;
  }
}

/**
 * A request name used again, at `args`; `name` was first given on (0-based) line `firstLine`.
 * `maximo.name-duplicate` (a warning) when the file reads the name (`referenced`: a chained
 * `{{name...}}` or a `run #name`), since the reference reaches whichever ran last; otherwise
 * `maximo.name-reused` (information): JetBrains numbers repeated names and nothing here mixes them up.
 */
export function duplicateName(name: string, args: Span, firstLine: number, referenced: boolean): SyntaxDiagnostic {
  if (!referenced) {
    return diagnostic(
      "maximo.name-reused",
      args,
      `Another request on line ${firstLine + 1} is also named \`${name}\`. Nothing in this file reads the name, so nothing mixes them up; give each its own name before a \`{{${name}.response...}}\` or \`run #${name}\` uses it.`,
    );
  }
  return diagnostic(
    "maximo.name-duplicate",
    args,
    `Another request on line ${firstLine + 1} is already named \`${name}\`; \`{{${name}.response...}}\` would read whichever ran last. Give this one its own name.`,
  );
}

/**
 * The request names `text` reads, in one pass: `{{name.response...}}`, `{{name}}`, httpyac's
 * `{{nameResponse...}}` (as `name`), httpyac's `# @ref name` / `# @forceRef name`, and `run #name`.
 * Asked only when a name is used twice.
 */
export function referencedNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(/\{\{\s*([^\s.}[]+)|\brun\s+[^\s#]*#([^\s(]+)|@(?:ref|forceRef)\s+(\S+)/g)) {
    const name = match[1] ?? match[2] ?? match[3]!;
    names.add(name);
    if (name.endsWith("Response")) names.add(name.slice(0, -"Response".length));
  }
  return names;
}

/** Parses a whole file. Never throws. */
export function parseDocument(text: string): MaximoDocument {
  const blocks: DocumentBlock[] = [];
  let line = 0;
  for (const split of splitBlocks(text, 0, text.length)) {
    // Trees of a full parse share the text the document keeps anyway.
    const tree = parseSplit(text, split, false);
    blocks.push(new DocumentBlock(tree, split.start, line));
    line += tree.lineStarts.length;
  }
  return new MaximoDocument(text, blocks, { parsedBlocks: blocks.length, reusedBlocks: 0 });
}

/**
 * Where an edit changed the text, when the caller knows it (an editor's change events): `text`
 * equals the previous text before `start` and after `end` (offsets in `text`). Saves comparing
 * the two texts, which costs milliseconds on a large file.
 */
export interface ChangedRegion {
  start: number;
  end: number;
}

/**
 * Parses `text` as an edit of `previous`: only the blocks the change touches are parsed again.
 * Gives the same tree and diagnostics as `parseDocument(text)`. Never throws.
 */
export function updateDocument(previous: MaximoDocument, text: string, changed?: ChangedRegion): MaximoDocument {
  const old = previous.text;
  if (changed ? changed.start >= changed.end && text.length === old.length : text === old) {
    return new MaximoDocument(text, previous.blocks, { parsedBlocks: 0, reusedBlocks: previous.blocks.length });
  }
  const prefix = changed ? Math.max(0, Math.min(changed.start, old.length, text.length)) : commonPrefixLength(old, text);
  const maxSuffix = Math.min(old.length, text.length) - prefix;
  const suffix = changed ? Math.max(0, Math.min(text.length - changed.end, maxSuffix)) : commonSuffixLength(old, text, maxSuffix);
  const changeStart = prefix;
  const oldChangeEnd = old.length - suffix;
  const delta = text.length - old.length;
  const blocks = previous.blocks;

  // Touched blocks: those whose extent, ends included, meets the change. An edit right at a
  // block boundary can change the line on either side.
  let first = previous.blockIndexAt(changeStart);
  if (first > 0 && blocks[first]!.offset === changeStart) first--;
  // The region must start at a separator line (or the file start); if the edit removed one,
  // the lines join the block before.
  while (first > 0 && !isSeparatorLine(text, blocks[first]!.offset)) first--;
  let last = previous.blockIndexAt(oldChangeEnd);
  // Blocks that start at a request line without `###` exist because of the lines before them
  // (a request above); the region runs on to the next `###` so they are split again.
  while (last + 1 < blocks.length && !isSeparatorLine(old, blocks[last + 1]!.offset)) last++;

  const regionStart = blocks[first]!.offset;
  let regionEnd = blocks[last]!.end + delta;
  const splitEnd: SplitEnd = { inComment: false };
  let splits = splitBlocks(text, regionStart, regionEnd, splitEnd);
  if (splitEnd.inComment && last + 1 < blocks.length) {
    // A `/*` the edit opened runs past the region: its `###` lines no longer separate, so the
    // rest of the file is split again (unchanged blocks still keep their trees).
    last = blocks.length - 1;
    regionEnd = text.length;
    splits = splitBlocks(text, regionStart, regionEnd);
  }

  const reusable = new Map<string, BlockTree>();
  for (let i = first; i <= last; i++) reusable.set(blocks[i]!.tree.text, blocks[i]!.tree);

  const result: DocumentBlock[] = blocks.slice(0, first);
  let line = blocks[first]!.line;
  let parsed = 0;
  for (const split of splits) {
    // A block whose text did not change (e.g. next to the edited one) keeps its tree, unless
    // it moved to or from the end of the file: the last block also owns the empty line after
    // a final line break.
    const candidate = reusable.get(text.slice(split.start, split.end));
    const same = candidate && candidate.lineStarts.length === split.lineStarts.length ? candidate : undefined;
    const tree = same ?? parseSplit(text, split, true);
    if (!same) parsed++;
    result.push(new DocumentBlock(tree, split.start, line));
    line += tree.lineStarts.length;
  }
  const lineDelta = line - (blocks[last]!.line + blocks[last]!.lineCount);
  for (let i = last + 1; i < blocks.length; i++) {
    const block = blocks[i]!;
    result.push(new DocumentBlock(block.tree, block.offset + delta, block.line + lineDelta));
  }
  return new MaximoDocument(text, result, { parsedBlocks: parsed, reusedBlocks: result.length - parsed });
}

/** Line starts of a one-line block (most `###` lines of a many-request file are not). */
const ONE_LINE: readonly number[] = Object.freeze([0]);

function parseSplit(text: string, split: SplitBlock, detached: boolean): BlockTree {
  const lineStarts = split.lineStarts.length === 1 ? ONE_LINE : split.lineStarts.slice();
  const blockText = text.slice(split.start, split.end);
  return buildBlockTree(detached ? detach(blockText) : blockText, lineStarts);
}

/**
 * A copy of a substring that does not keep the whole file alive. V8 substrings share their
 * parent's memory: a tree built after an edit and reused ever after would pin that version of
 * the file. (Trees of the first full parse pin one version, the one they came from.)
 */
function detach(text: string): string {
  return text.length < 13 ? text : (" " + text).slice(1);
}

const CHUNK = 1024;

function commonPrefixLength(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  // Compare in chunks: substring equality runs natively.
  while (i + CHUNK <= n && a.slice(i, i + CHUNK) === b.slice(i, i + CHUNK)) i += CHUNK;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function commonSuffixLength(a: string, b: string, max: number): number {
  let i = 0;
  while (i + CHUNK <= max && a.slice(a.length - i - CHUNK, a.length - i) === b.slice(b.length - i - CHUNK, b.length - i)) i += CHUNK;
  while (i < max && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}
