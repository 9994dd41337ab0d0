/**
 * The `.maximo` request-file language: parse a file, update it after an edit, read its
 * requests and diagnostics. Pure (no VS Code or LSP imports) and never throws, so the language
 * server, the CLI and the executor share it.
 *
 *   const doc = parseDocument(text);
 *   for (const { name, request } of doc.requests) console.log(name, request.methodName, request.url.text);
 *   const next = updateDocument(doc, editedText);   // re-parses only the touched requests
 *   next.diagnostics();                              // [{ code, severity, message, span, range }]
 */
export { parseDocument, updateDocument, MaximoDocument, DocumentBlock } from "./document";
export type { ChangedRegion, DocumentDiagnostic, DocumentRequest, ParseStats } from "./document";
export type { EmbeddedQuery } from "./embeddedQueries";
export { blockDiagnostics } from "./blockValidator";
export type * from "./ast";
export type { Position, Range } from "./lineIndex";
export { MAXIMO_DIAGNOSTICS, type MaximoCode } from "./diagnosticCodes";
export {
  envVariableName,
  globalNotRun,
  httpyacScriptVariable,
  INDEX_OUTSIDE_LOOP,
  promptParts,
  SYSTEM_VARIABLE_LIST,
  SYSTEM_VARIABLES,
  systemVariableSpec,
  type SystemVariableSpec,
} from "./systemVariables";
export { KNOWN_METHODS, notSentReason, requestNotSent } from "./httpMethods";
export { isGraphqlMarker } from "./graphqlBody";
export { hasLoop } from "./directives";
export { diagnosticSummaries, toParseSummary, type DiagnosticSummary, type ParseSummary, type RequestSummary } from "./summary";
