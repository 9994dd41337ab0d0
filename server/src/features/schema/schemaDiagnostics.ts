/**
 * Schema-aware diagnostics of a request file: a pure function of the parsed document and the
 * schema store, appended to the syntax diagnostics by the language service and the CLI.
 */
import { DiagnosticSeverity, type Diagnostic } from "vscode-languageserver";
import type { Severity, SyntaxDiagnostic } from "../../language/common";
import { isLean } from "../../language/maximo/embeddedQueries";
import type { DocumentDiagnostic, MaximoDocument } from "../../language/maximo/api";
import type { SchemaStore } from "../../schema";
import { checkBody } from "./bodyChecks";
import { bodyTree } from "./jsonBodyTree";
import { checkHttpPatch, checkObjectStructure } from "./methodChecks";
import { checkQueryAttributes } from "./queryAttributeChecks";
import { checkQueryParams, checkSavedQuery } from "./queryParamChecks";
import { osTarget } from "./requestTarget";

export { SCHEMA_DIAGNOSTICS, type SchemaCode } from "./schemaCodes";

/** Every schema diagnostic of the document, absolute spans and ranges, in source order. */
export function schemaDiagnostics(document: MaximoDocument, schemas: SchemaStore): DocumentDiagnostic[] {
  const found: SyntaxDiagnostic[] = [];
  for (const { block, request } of document.requests) {
    found.push(...checkHttpPatch(request), ...checkQueryParams(request));
    const target = osTarget(request);
    if (!target) continue;
    found.push(...checkObjectStructure(target, schemas), ...checkSavedQuery(request, target, schemas));
    const schema = schemas.objectStructure(target.name);
    if (!schema) continue;
    found.push(...checkQueryAttributes(document.embeddedQueries(block), schema, block.offset));
    const tree = request.methodName === "POST" ? bodyTree(document.text, request) : undefined;
    if (tree) found.push(...checkBody(request, target, schema, tree, isLean(request.url.query)));
  }
  found.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return found.map((d) => ({ ...d, range: document.rangeOf(d.span) }));
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The same as LSP diagnostics. */
export function getSchemaDiagnostics(document: MaximoDocument, schemas: SchemaStore): Diagnostic[] {
  return schemaDiagnostics(document, schemas).map((d) => ({
    range: d.range,
    severity: SEVERITY[d.severity],
    code: d.code,
    source: "maximo",
    message: d.message,
  }));
}
