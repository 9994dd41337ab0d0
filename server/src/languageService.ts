import type { Diagnostic, DocumentSymbol, FoldingRange } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { parseDocument, updateDocument, type MaximoDocument } from "./language/maximo/api";
import { ParseCache } from "./handlers/parseCache";
import { getDiagnostics } from "./features/diagnostics";
import { getDocumentSymbols } from "./features/documentSymbols";
import { getFoldingRanges } from "./features/foldingRanges";

/** The one facade the LSP handlers call: features over one shared, incremental parse per document version. */
export class LanguageService {
  private readonly cache = new ParseCache<MaximoDocument>(parseDocument, updateDocument);

  parse(document: TextDocument): MaximoDocument {
    return this.cache.get(document);
  }

  diagnostics(document: TextDocument): Diagnostic[] {
    return getDiagnostics(this.parse(document));
  }

  documentSymbols(document: TextDocument): DocumentSymbol[] {
    return getDocumentSymbols(this.parse(document));
  }

  foldingRanges(document: TextDocument): FoldingRange[] {
    return getFoldingRanges(this.parse(document));
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}
