/**
 * A document's diagnostics kept from one version to the next. After an edit, the blocks before
 * and after the touched ones keep their placed diagnostics (moved by the lines the edit added
 * or removed); the touched blocks are placed afresh from their memoised analyses. The two
 * checks that look across blocks are redone only when their input changed:
 *   - names used twice: when the touched blocks have `@name`s (before or after the edit), or
 *     lines moved while a duplicate exists (its message cites the first one's line);
 *   - undefined variables: for the touched blocks only, unless the set of names defined in the
 *     file changed (or a block that stops the check came or went): then for every block.
 * The result equals `fileDiagnostics` of the same document (test/server/fileDiagnostics.test.ts).
 */
import type { Diagnostic } from "vscode-languageserver";
import type { SyntaxDiagnostic } from "../../language/common";
import { duplicateName, referencedNames, type DocumentBlock, type MaximoDocument } from "../../language/maximo/document";
import type { BlockTree } from "../../language/maximo/api";
import type { SchemaStore } from "../../schema";
import { toLspDiagnostics } from "../schema/schemaDiagnostics";
import { undefinedUses } from "../schema/variableChecks";
import type { BlockAnalyses, BlockAnalysis } from "./blockAnalyses";

/** A diagnostic of a block: span relative to the block (for ordering), the LSP form placed at `line`. */
interface Placed {
  start: number;
  end: number;
  lsp: Diagnostic;
}

const NONE: readonly Placed[] = Object.freeze([]);

/** One block as last placed. */
interface BlockRecord {
  tree: BlockTree;
  line: number;
  analysis: BlockAnalysis;
  syntax: readonly Placed[];
  schema: readonly Placed[];
  /** Cross-block results in this block: names used twice, undefined variables. */
  duplicates: readonly Placed[];
  undefinedNames: readonly Placed[];
}

export class IncrementalDiagnostics {
  private records: BlockRecord[] = [];
  private store: SchemaStore | undefined;
  private generation = -1;
  private variables = new Map<string, number>();
  private requests = new Map<string, number>();
  private stoppers = 0;
  private duplicateCount = 0;
  /** Blocks placed afresh by the last update: observable reuse. */
  placedBlocks = 0;

  /** The diagnostics of `document`, re-placing only what changed since the last call. */
  update(document: MaximoDocument, analyses: BlockAnalyses, schemas: SchemaStore): Diagnostic[] {
    if (schemas !== this.store || schemas.generation() !== this.generation) this.reset(schemas);
    const blocks = document.blocks;
    const old = this.records;
    // Unchanged blocks at both ends (same tree objects); the one before the touched ones is
    // placed again, since a position at its end belongs to whatever block follows it.
    let prefix = 0;
    const most = Math.min(old.length, blocks.length);
    while (prefix < most && old[prefix]!.tree === blocks[prefix]!.tree) prefix++;
    let suffix = 0;
    while (suffix < most - prefix && old[old.length - 1 - suffix]!.tree === blocks[blocks.length - 1 - suffix]!.tree) suffix++;
    if (prefix > 0) prefix--;
    const oldMiddle = old.slice(prefix, old.length - suffix);

    const records: BlockRecord[] = old.slice(0, prefix);
    for (let i = prefix; i < blocks.length - suffix; i++) records.push(this.place(document, blocks[i]!, analyses.of(blocks[i]!.tree, schemas)));
    for (let i = blocks.length - suffix; i < blocks.length; i++) records.push(moved(old[i - blocks.length + old.length]!, blocks[i]!.line));
    const newMiddle = records.slice(prefix, blocks.length - suffix);
    this.placedBlocks = newMiddle.length;
    this.records = records;

    // Names used twice.
    // A name used twice is told apart by whether any request reads it, which an edit anywhere may change.
    if (hasNames(oldMiddle) || hasNames(newMiddle) || this.duplicateCount > 0) this.placeDuplicates(document);
    // Undefined variables.
    if (this.redefine(oldMiddle, newMiddle)) this.placeUndefined(document, 0, records.length);
    else this.placeUndefined(document, prefix, blocks.length - suffix);

    const syntax: Diagnostic[] = [];
    const schema: Diagnostic[] = [];
    for (const record of records) {
      if (record.syntax.length > 0 || record.duplicates.length > 0) merge(record.syntax, record.duplicates, syntax);
      if (record.schema.length > 0 || record.undefinedNames.length > 0) merge(record.schema, record.undefinedNames, schema);
    }
    for (const d of schema) syntax.push(d);
    return syntax;
  }

  private reset(schemas: SchemaStore): void {
    this.records = [];
    this.store = schemas;
    this.generation = schemas.generation();
    this.variables.clear();
    this.requests.clear();
    this.stoppers = 0;
    this.duplicateCount = 0;
  }

  private place(document: MaximoDocument, block: DocumentBlock, analysis: BlockAnalysis): BlockRecord {
    return {
      tree: block.tree,
      line: block.line,
      analysis,
      syntax: placeAll(document, block, analysis.syntax),
      schema: placeAll(document, block, analysis.schema),
      duplicates: NONE,
      undefinedNames: NONE,
    };
  }

  /**
   * Replaces the definitions of `removed` by those of `added`; whether the set of names the
   * file defines changed, or whether the check is now stopped or no longer.
   */
  private redefine(removed: readonly BlockRecord[], added: readonly BlockRecord[]): boolean {
    const stoppedBefore = this.stoppers > 0;
    const touched: Array<[Map<string, number>, string, boolean]> = [];
    const note = (counts: Map<string, number>, name: string) => touched.push([counts, name, counts.has(name)]);
    for (const { analysis } of [...removed, ...added]) {
      for (const name of analysis.variables.variables) note(this.variables, name);
      for (const name of analysis.variables.requests) note(this.requests, name);
    }
    this.count(removed, -1);
    this.count(added, 1);
    return stoppedBefore !== this.stoppers > 0 || touched.some(([counts, name, had]) => counts.has(name) !== had);
  }

  private count(records: readonly BlockRecord[], sign: 1 | -1): void {
    for (const { analysis } of records) {
      const facts = analysis.variables;
      if (facts.stopsCheck) this.stoppers += sign;
      for (const name of facts.variables) bump(this.variables, name, sign);
      for (const name of facts.requests) bump(this.requests, name, sign);
    }
  }

  private placeDuplicates(document: MaximoDocument): void {
    const seen = new Map<string, number>();
    let referenced: Set<string> | undefined;
    this.duplicateCount = 0;
    const blocks = document.blocks;
    for (let i = 0; i < this.records.length; i++) {
      const record = this.records[i]!;
      const names = record.analysis.names;
      if (names.length === 0) {
        record.duplicates = NONE;
        continue;
      }
      const block = blocks[i]!;
      const found: SyntaxDiagnostic[] = [];
      for (const { name, args, start } of names) {
        const line = seen.get(name);
        if (line === undefined) seen.set(name, document.positionAt(block.offset + start).line);
        else found.push(duplicateName(name, args, line, (referenced ??= referencedNames(document.text)).has(name)));
      }
      this.duplicateCount += found.length;
      record.duplicates = found.length === 0 ? NONE : placeAll(document, block, found);
    }
  }

  private placeUndefined(document: MaximoDocument, from: number, to: number): void {
    const blocks = document.blocks;
    for (let i = from; i < to; i++) this.records[i]!.undefinedNames = NONE;
    if (this.stoppers > 0) {
      for (const record of this.records) record.undefinedNames = NONE;
      return;
    }
    const defined = { variables: this.variables, requests: this.requests };
    for (let i = from; i < to; i++) {
      const record = this.records[i]!;
      const uses = record.analysis.variables.uses;
      if (uses.length === 0) continue;
      const block = blocks[i]!;
      const found: SyntaxDiagnostic[] = [];
      undefinedUses(uses, defined, block, found);
      record.undefinedNames = found.length === 0 ? NONE : placeAll(document, block, found.map((d) => ({ ...d, span: { start: d.span.start - block.offset, end: d.span.end - block.offset } })));
    }
  }
}

function bump(counts: Map<string, number>, name: string, sign: 1 | -1): void {
  const next = (counts.get(name) ?? 0) + sign;
  if (next <= 0) counts.delete(name);
  else counts.set(name, next);
}

function hasNames(records: readonly BlockRecord[]): boolean {
  return records.some((r) => r.analysis.names.length > 0);
}

/** Block-relative diagnostics placed in `document` (LSP ranges). */
function placeAll(document: MaximoDocument, block: DocumentBlock, found: readonly SyntaxDiagnostic[]): readonly Placed[] {
  if (found.length === 0) return NONE;
  const out: Placed[] = [];
  for (const d of found) {
    const span = block.toAbsolute(d.span);
    const [lsp] = toLspDiagnostics([{ ...d, span, range: document.rangeOf(span) }]);
    out.push({ start: d.span.start, end: d.span.end, lsp: lsp! });
  }
  return out;
}

/** A record of an unchanged block now starting at `line`. */
function moved(record: BlockRecord, line: number): BlockRecord {
  const delta = line - record.line;
  if (delta === 0) return record;
  const shift = (placed: readonly Placed[]) =>
    placed.length === 0
      ? NONE
      : placed.map((p) => ({
          ...p,
          lsp: {
            ...p.lsp,
            range: {
              start: { line: p.lsp.range.start.line + delta, character: p.lsp.range.start.character },
              end: { line: p.lsp.range.end.line + delta, character: p.lsp.range.end.character },
            },
          },
        }));
  return { ...record, line, syntax: shift(record.syntax), schema: shift(record.schema), duplicates: shift(record.duplicates), undefinedNames: shift(record.undefinedNames) };
}

/** The block's own diagnostics and its cross-block ones in span order, its own first on a tie (a stable sort of own-then-cross). */
function merge(own: readonly Placed[], cross: readonly Placed[], into: Diagnostic[]): void {
  let i = 0;
  let j = 0;
  while (i < own.length || j < cross.length) {
    const a = own[i];
    const b = cross[j];
    if (b === undefined || (a !== undefined && (a.start < b.start || (a.start === b.start && a.end <= b.end)))) {
      into.push(a!.lsp);
      i++;
    } else {
      into.push(b.lsp);
      j++;
    }
  }
}
