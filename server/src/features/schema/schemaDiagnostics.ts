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
import { checkActionOverride } from "./actionChecks";
import { checkBody } from "./bodyChecks";
import { checkBodyKeys } from "./bodyKeyChecks";
import { checkBulkBody } from "./bulkChecks";
import { bodyTree } from "./jsonBodyTree";
import { checkHttpPatch, checkObjectStructure } from "./methodChecks";
import { checkQueryAttributes } from "./queryAttributeChecks";
import { checkQueryParams, checkSavedQuery, checkSecretParams } from "./queryParamChecks";
import { osTarget } from "./requestTarget";
import { checkUndefinedVariables } from "./variableChecks";
import { schemaViewFor } from "./getlistTarget";
import { checkValueLists } from "./valueListChecks";

export { SCHEMA_DIAGNOSTICS, type SchemaCode } from "./schemaCodes";

/** Checks one block's tree; spans relative to the block start. */
export type BlockSchemaChecker = (tree: BlockTree, schemas: SchemaStore) => readonly SyntaxDiagnostic[];

/**
 * The schema diagnostics of one block, spans relative to the block start: they depend only on
 * the block's (immutable) tree and the store, which is what lets the language server keep them
 * for every request an edit did not touch (features/fileDiagnostics/).
 */
export const blockSchemaDiagnostics: BlockSchemaChecker = (tree, schemas) => {
  const request = tree.request;
  if (!request) return [];
  const found: SyntaxDiagnostic[] = [...checkHttpPatch(request), ...checkQueryParams(request), ...checkBulkBody(tree.text, request)];
  const target = osTarget(request);
  if (target) {
    found.push(...checkActionOverride(request, target), ...checkSecretParams(request));
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

/**
 * Every schema diagnostic of the document, absolute spans and ranges, in source order. `check`
 * lets `maximo check` run a block's syntax check beside it, so both share its query parses.
 */
export function schemaDiagnostics(document: MaximoDocument, schemas: SchemaStore, check: BlockSchemaChecker = blockSchemaDiagnostics): DocumentDiagnostic[] {
  const found: DocumentDiagnostic[] = [];
  // Blocks, not `document.requests`: that copies every tree to absolute spans.
  for (const block of document.blocks) {
    if (!block.tree.request) continue;
    const inBlock = check(block.tree, schemas);
    if (inBlock.length === 0) continue;
    const sorted = [...inBlock].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
    for (const d of sorted) {
      const span = block.toAbsolute(d.span);
      found.push({ ...d, span, range: document.rangeOf(span) });
    }
  }
  // Variables are defined file-wide, so this one check looks at the whole document.
  const undefinedVariables = checkUndefinedVariables(document);
  if (undefinedVariables.length === 0) return found;
  for (const v of undefinedVariables) found.push({ ...v, range: document.rangeOf(v.span) });
  return found.sort((x, y) => x.span.start - y.span.start || x.span.end - y.span.end);
}

/**
 * LSP's severities (`DiagnosticSeverity.Error` is 1, ..., `Hint` 4), written as numbers: a value
 * import of the protocol library would load all of it into `maximo check`.
 */
const SEVERITY: Record<Severity, DiagnosticSeverity> = { error: 1, warning: 2, information: 3, hint: 4 };

/** The same as LSP diagnostics. */
export function getSchemaDiagnostics(document: MaximoDocument, schemas: SchemaStore): Diagnostic[] {
  return toLspDiagnostics(schemaDiagnostics(document, schemas));
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
