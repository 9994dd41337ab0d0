import { SymbolKind, type DocumentSymbol } from "vscode-languageserver";
import type { DocumentRequest, MaximoDocument } from "../language/maximo/api";

/** The outline: one symbol per request, named by `# @name` or the `###` title, else method and path. */
export function getDocumentSymbols(document: MaximoDocument): DocumentSymbol[] {
  return document.requests.map((entry) => ({
    name: requestLabel(entry),
    detail: entry.name ? `${entry.request.methodName} ${entry.request.url.path.text}` : undefined,
    kind: SymbolKind.Function,
    range: document.rangeOf(entry.node.contentSpan),
    selectionRange: document.rangeOf(entry.request.line),
  }));
}

export function requestLabel(entry: DocumentRequest): string {
  return entry.name ?? `${entry.request.methodName} ${entry.request.url.path.text}`;
}
