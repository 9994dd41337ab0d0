/**
 * Schema-aware diagnostics of a request file: a pure function of the parsed document and the
 * schema store, appended to the syntax diagnostics by the language service and the CLI.
 */
import type { Diagnostic, DiagnosticSeverity } from "vscode-languageserver";
import type { Severity, SyntaxDiagnostic } from "../../language/common";
import { embeddedQueries, isLean } from "../../language/maximo/embeddedQueries";
import type { BlockTree } from "../../language/maximo/ast";
import type { DocumentDiagnostic, MaximoDocument } from "../../language/maximo/api";
import type { SchemaStore } from "../../schema";
import { checkBody } from "./bodyChecks";
import { checkBodyKeys } from "./bodyKeyChecks";
import { checkBulkBody } from "./bulkChecks";
import { bodyTree } from "./jsonBodyTree";
import { checkHttpPatch, checkObjectStructure } from "./methodChecks";
import { checkQueryAttributes } from "./queryAttributeChecks";
import { checkQueryParams, checkSavedQuery } from "./queryParamChecks";
import { osTarget } from "./requestTarget";
import { checkUndefinedVariables } from "./variableChecks";
import { schemaViewFor } from "./getlistTarget";
import { checkValueLists } from "./valueListChecks";

export { SCHEMA_DIAGNOSTICS, type SchemaCode } from "./schemaCodes";

/** Checks one block's tree; spans relative to the block start. */
export type BlockSchemaChecker = (tree: BlockTree, schemas: SchemaStore) => readonly SyntaxDiagnostic[];

/**
 * The schema diagnostics of one block, spans relative to the block start: they depend only on
 * the block's (immutable) tree and the store, which is what lets `SchemaDiagnosticsCache` keep
 * them for every request an edit did not touch.
 */
export const blockSchemaDiagnostics: BlockSchemaChecker = (tree, schemas) => {
  const request = tree.request;
  if (!request) return [];
  const found: SyntaxDiagnostic[] = [...checkHttpPatch(request), ...checkQueryParams(request), ...checkBulkBody(tree.text, request)];
  const target = osTarget(request);
  if (target) {
    found.push(...checkObjectStructure(target, schemas), ...checkSavedQuery(request, target, schemas));
    const lean = isLean(request.url.query);
    const body = request.methodName === "POST" ? bodyTree(tree.text, request) : undefined;
    // Key spelling (prefix with lean=1, upper case) is ignored by any server: no schema needed.
    if (body) found.push(...checkBodyKeys(request, body, lean));
    // A `getlist~attr` request queries domain records (getlistTarget.ts); any other path below a
    // member addresses a list or child collection that no schema here describes.
    const view = schemaViewFor(request, schemas);
    const getlist = view !== schemas;
    const schema = getlist ? view.objectStructure(target.name) : target.belowMember ? undefined : schemas.objectStructure(target.name);
    if (schema) {
      // A getlist~ path's domain record is as sure as the structure it hangs from.
      const origin = schemas.objectStructureOrigin(target.name) ?? "pack";
      found.push(...checkQueryAttributes(embeddedQueries(tree), schema, 0, origin));
      if (body && !getlist) found.push(...checkBody(request, target, schema, body, lean, origin));
      found.push(...checkValueLists(embeddedQueries(tree), request, target.name, view, getlist ? undefined : body));
    }
  }
  return found;
};

/** Every schema diagnostic of the document, absolute spans and ranges, in source order. */
export function schemaDiagnostics(
  document: MaximoDocument,
  schemas: SchemaStore,
  check: BlockSchemaChecker = blockSchemaDiagnostics,
): DocumentDiagnostic[] {
  return runToEnd(schemaDiagnosticSteps(document, schemas, check));
}

/**
 * The same, one block per step: a caller that drives the steps itself can pause between them
 * (and give up when the document changed), so a large file never holds the server for long.
 */
export function* schemaDiagnosticSteps(
  document: MaximoDocument,
  schemas: SchemaStore,
  check: BlockSchemaChecker = blockSchemaDiagnostics,
): Generator<void, DocumentDiagnostic[], void> {
  const found: DocumentDiagnostic[] = [];
  // Blocks, not `document.requests`: that copies every tree to absolute spans, per keystroke.
  for (const block of document.blocks) {
    if (!block.tree.request) continue;
    const inBlock = check(block.tree, schemas);
    if (inBlock.length > 0) {
      const sorted = [...inBlock].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
      for (const d of sorted) {
        const span = block.toAbsolute(d.span);
        found.push({ ...d, span, range: document.rangeOf(span) });
      }
    }
    yield;
  }
  // Variables are defined file-wide, so this one check looks at the whole document each time.
  const undefinedVariables = checkUndefinedVariables(document);
  if (undefinedVariables.length === 0) return found;
  for (const v of undefinedVariables) found.push({ ...v, range: document.rangeOf(v.span) });
  return found.sort((x, y) => x.span.start - y.span.start || x.span.end - y.span.end);
}

function runToEnd<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * Per-block memo of `blockSchemaDiagnostics` for one schema store: an edit re-checks only the
 * requests whose trees it replaced (the parser reuses every other tree object). A different
 * store, a `reload()` of the store (its files may have changed) or `clear()` starts afresh.
 */
export class SchemaDiagnosticsCache {
  private byTree = new WeakMap<BlockTree, readonly SyntaxDiagnostic[]>();
  private store: SchemaStore | undefined;
  private generation = -1;
  /** Blocks checked (not answered from the memo) since construction: observable reuse. */
  checkedBlocks = 0;

  constructor(private readonly checker: BlockSchemaChecker = blockSchemaDiagnostics) {}

  diagnostics(document: MaximoDocument, schemas: SchemaStore): DocumentDiagnostic[] {
    return runToEnd(this.steps(document, schemas));
  }

  /** `diagnostics` one block per step (see `schemaDiagnosticSteps`). */
  steps(document: MaximoDocument, schemas: SchemaStore): Generator<void, DocumentDiagnostic[], void> {
    if (schemas !== this.store || schemas.generation() !== this.generation) {
      this.clear();
      this.store = schemas;
      this.generation = schemas.generation();
    }
    return schemaDiagnosticSteps(document, schemas, this.check);
  }

  clear(): void {
    this.byTree = new WeakMap();
    this.store = undefined;
    this.generation = -1;
  }

  private readonly check: BlockSchemaChecker = (tree, schemas) => {
    let found = this.byTree.get(tree);
    if (!found) {
      this.checkedBlocks++;
      found = this.checker(tree, schemas);
      this.byTree.set(tree, found);
    }
    return found;
  };
}

/**
 * LSP's severities (`DiagnosticSeverity.Error` is 1, ..., `Hint` 4), written as numbers: a value
 * import of the protocol library would load all of it into `maximo check`.
 */
const SEVERITY: Record<Severity, DiagnosticSeverity> = { error: 1, warning: 2, information: 3, hint: 4 };

/** The same as LSP diagnostics; pass a cache to re-check only the blocks an edit replaced. */
export function getSchemaDiagnostics(document: MaximoDocument, schemas: SchemaStore, cache?: SchemaDiagnosticsCache): Diagnostic[] {
  return toLspDiagnostics(cache ? cache.diagnostics(document, schemas) : schemaDiagnostics(document, schemas));
}

export function toLspDiagnostics(found: readonly DocumentDiagnostic[]): Diagnostic[] {
  return found.map((d) => ({
    range: d.range,
    severity: SEVERITY[d.severity],
    code: d.code,
    source: "maximo",
    message: d.message,
  }));
}
