/**
 * A file's diagnostics from its blocks' memoised analyses plus the two checks that look across
 * blocks (a request name used twice; a variable or request name no block defines). The result
 * equals, item for item and in order, a full analysis of the same text (syntax diagnostics of
 * `MaximoDocument.diagnostics()`, then the schema diagnostics); the property test in
 * test/server/fileDiagnostics.test.ts holds it to that.
 *
 * `prefixDiagnostics` answers for the first blocks of a file parsed so far: only what those
 * blocks decide alone, so every item it gives is in the full analysis too (a later block can
 * define a variable, never undo a duplicate name or a block's own error).
 */
import type { Diagnostic } from "vscode-languageserver";
import type { SyntaxDiagnostic } from "../../language/common";
import type { Span } from "../../language/common";
import { duplicateName, referencedNames, type DocumentBlock, type DocumentDiagnostic, type MaximoDocument } from "../../language/maximo/document";
import type { Position, Range } from "../../language/maximo/lineIndex";
import type { SchemaStore } from "../../schema";
import { toLspDiagnostics } from "../schema/schemaDiagnostics";
import { undefinedVariables } from "../schema/variableChecks";
import type { BlockAnalyses, BlockAnalysis } from "./blockAnalyses";

const bySpan = (a: SyntaxDiagnostic, b: SyntaxDiagnostic) => a.span.start - b.span.start || a.span.end - b.span.end;

/** Every diagnostic of `document`; blocks not analysed yet are analysed now. */
export function fileDiagnostics(document: MaximoDocument, analyses: BlockAnalyses, schemas: SchemaStore): Diagnostic[] {
  return assemble(document, document.blocks, analyses, schemas, true);
}

/**
 * The diagnostics that `blocks` (the first blocks of `document`, whose text is the whole file)
 * decide on their own: no undefined-variable check, which needs every block.
 */
export function prefixDiagnostics(document: MaximoDocument, blocks: readonly DocumentBlock[], analyses: BlockAnalyses, schemas: SchemaStore): Diagnostic[] {
  return assemble(document, blocks, analyses, schemas, false);
}

function assemble(document: MaximoDocument, blocks: readonly DocumentBlock[], analyses: BlockAnalyses, schemas: SchemaStore, complete: boolean): Diagnostic[] {
  const found = blocks.map((block) => analyses.of(block.tree, schemas));
  const { syntax, schema } = assembleAnalyses(document, blocks, found, complete);
  return [...toLspDiagnostics(syntax), ...toLspDiagnostics(schema)];
}

/** Where a block stands in its file: what placing its block-relative diagnostics needs. */
export interface PlacedBlock {
  readonly offset: number;
  toAbsolute(span: Span): Span;
}

/** Positions in the whole file (`MaximoDocument` is one), and its text (whether a request name is read anywhere). */
export interface FilePositions {
  readonly text: string;
  positionAt(offset: number): Position;
  rangeOf(span: Span): Range;
}

/**
 * The file's diagnostics from its blocks' analyses (`found[i]` is that of `blocks[i]`): the
 * syntax ones as `MaximoDocument.diagnostics()` gives them and the schema ones as
 * `schemaDiagnostics` does. With `complete` false, no undefined-variable check.
 */
export function assembleAnalyses(
  document: FilePositions,
  blocks: readonly PlacedBlock[],
  found: readonly BlockAnalysis[],
  complete: boolean,
): { syntax: DocumentDiagnostic[]; schema: DocumentDiagnostic[] } {
  const syntax: DocumentDiagnostic[] = [];
  const schema: DocumentDiagnostic[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const analysis = found[i]!;
    if (analysis.syntax.length > 0) place(document, block, analysis.syntax, syntax);
    if (analysis.schema.length > 0) place(document, block, analysis.schema, schema);
  }
  // `MaximoDocument.diagnostics()`: the block's own, then names used twice, stably sorted.
  const seen = new Map<string, number>();
  let referenced: Set<string> | undefined;
  for (let i = 0; i < blocks.length; i++) {
    const names = found[i]!.names;
    if (names.length === 0) continue;
    const block = blocks[i]!;
    for (const { name, args, start } of names) {
      const line = seen.get(name);
      if (line === undefined) {
        seen.set(name, document.positionAt(block.offset + start).line);
        continue;
      }
      const span = block.toAbsolute(args);
      syntax.push({ ...duplicateName(name, span, line, (referenced ??= referencedNames(document.text)).has(name)), range: document.rangeOf(span) });
    }
  }
  syntax.sort(bySpan);
  if (complete) {
    // As `schemaDiagnostics` does: sorted again only when the file-wide check found something.
    const undefinedNames = undefinedVariables(blocks, (_block, i) => found[i]!.variables);
    if (undefinedNames.length > 0) {
      for (const d of undefinedNames) schema.push({ ...d, range: document.rangeOf(d.span) });
      schema.sort(bySpan);
    }
  }
  return { syntax, schema };
}

function place(document: FilePositions, block: PlacedBlock, found: readonly SyntaxDiagnostic[], into: DocumentDiagnostic[]): void {
  for (const d of found) {
    const span = block.toAbsolute(d.span);
    into.push({ ...d, span, range: document.rangeOf(span) });
  }
}
