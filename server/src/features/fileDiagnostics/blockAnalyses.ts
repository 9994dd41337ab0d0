/**
 * Per-block memo of what a block says on its own: its syntax diagnostics, its schema
 * diagnostics (block-relative, sorted) and the facts the file-level checks combine (names,
 * variables). Keyed by the block's immutable tree, which the incremental parser reuses for
 * every block an edit did not touch: an edit analyses only the blocks it replaced. A different
 * schema store or a reload of it drops the memo.
 */
import type { SyntaxDiagnostic, Span } from "../../language/common";
import type { BlockTree } from "../../language/maximo/api";
import { blockDiagnostics, validateBlock } from "../../language/maximo/blockValidator";
import type { SchemaStore } from "../../schema";
import { blockSchemaDiagnostics } from "../schema/schemaDiagnostics";
import { variableFacts, type VariableFacts } from "../schema/variableChecks";

/** A `# @name x` directive: the name, its span and the directive's start (block-relative). */
export interface NameDirective {
  readonly name: string;
  readonly args: Span;
  readonly start: number;
}

export interface BlockAnalysis {
  readonly syntax: readonly SyntaxDiagnostic[];
  readonly schema: readonly SyntaxDiagnostic[];
  readonly names: readonly NameDirective[];
  readonly variables: VariableFacts;
}

const bySpan = (a: SyntaxDiagnostic, b: SyntaxDiagnostic) => a.span.start - b.span.start || a.span.end - b.span.end;

export class BlockAnalyses {
  private byTree = new WeakMap<BlockTree, BlockAnalysis>();
  private store: SchemaStore | undefined;
  private generation = -1;
  /** Blocks analysed (not answered from the memo) since construction: observable reuse. */
  analysedBlocks = 0;

  /** Whether `tree` is analysed already against `schemas` (then `of` costs a lookup). */
  has(tree: BlockTree, schemas: SchemaStore): boolean {
    this.use(schemas);
    return this.byTree.has(tree);
  }

  of(tree: BlockTree, schemas: SchemaStore): BlockAnalysis {
    this.use(schemas);
    let found = this.byTree.get(tree);
    if (!found) {
      this.analysedBlocks++;
      found = analyse(tree, schemas);
      this.byTree.set(tree, found);
    }
    return found;
  }

  private use(schemas: SchemaStore): void {
    if (schemas === this.store && schemas.generation() === this.generation) return;
    this.byTree = new WeakMap();
    this.store = schemas;
    this.generation = schemas.generation();
  }
}

/**
 * What `tree` says on its own, unmemoised. `once`: the caller analyses each tree once and drops
 * it (`maximo check`), so its syntax diagnostics are not kept per tree either.
 */
export function analyse(tree: BlockTree, schemas: SchemaStore, once = false): BlockAnalysis {
  const schema = tree.request ? [...blockSchemaDiagnostics(tree, schemas)].sort(bySpan) : [];
  const names: NameDirective[] = [];
  for (const directive of tree.directives) {
    if (directive.name.text !== "name" || !directive.args) continue;
    names.push({ name: directive.args.text, args: { start: directive.args.start, end: directive.args.end }, start: directive.start });
  }
  return { syntax: once ? validateBlock(tree) : blockDiagnostics(tree), schema, names, variables: variableFacts(tree) };
}
