import type { CodeAction, CodeLens, CompletionItem, CompletionList, Diagnostic, DocumentSymbol, FoldingRange, Hover, Location, Position, Range } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { parseDocument, updateDocument, type MaximoDocument } from "./language/maximo/api";
import { ParseCache } from "./handlers/parseCache";
import { getDiagnostics } from "./features/diagnostics";
import { getDocumentSymbols } from "./features/documentSymbols";
import { getFoldingRanges } from "./features/foldingRanges";
import { getCodeActions } from "./features/codeActions";
import { getCodeLenses } from "./features/codeLens";
import { getDefinition, getReferences } from "./features/references/navigation";
import { prepareRename, rename } from "./features/references/rename";
import { createSchemaStore, type SchemaStore } from "./schema";
import { getSchemaDiagnostics, SchemaDiagnosticsCache } from "./features/schema/schemaDiagnostics";
import { getCompletions } from "./features/completion";
import { resolveAttributeItem } from "./features/completion/attributeItems";
import { getHover } from "./features/hover";

/** The one facade the LSP handlers call: features over one shared, incremental parse per document version. */
export class LanguageService {
  private readonly cache = new ParseCache<MaximoDocument>(parseDocument, updateDocument);
  private schemaStore: SchemaStore = createSchemaStore();
  private readonly schemaChecks = new SchemaDiagnosticsCache();

  /** The one schema store every feature asks (pack + the client's cache folders). */
  get schemas(): SchemaStore {
    return this.schemaStore;
  }

  /** Rebuilds the store over new cache folders; callers revalidate open documents. */
  setSchemaFolders(dirs: string[]): void {
    this.schemaStore = createSchemaStore({ cacheDirs: dirs });
    this.schemaChecks.clear();
  }

  parse(document: TextDocument): MaximoDocument {
    return this.cache.get(document);
  }

  diagnostics(document: TextDocument): Diagnostic[] {
    const parsed = this.parse(document);
    return [...getDiagnostics(parsed), ...getSchemaDiagnostics(parsed, this.schemas, this.schemaChecks)];
  }

  documentSymbols(document: TextDocument): DocumentSymbol[] {
    return getDocumentSymbols(this.parse(document));
  }

  foldingRanges(document: TextDocument): FoldingRange[] {
    return getFoldingRanges(this.parse(document));
  }

  codeActions(document: TextDocument, range: Range, diagnostics: Diagnostic[], only?: string[]): CodeAction[] {
    return getCodeActions(this.parse(document), document.uri, range, diagnostics, only);
  }

  codeLenses(document: TextDocument): CodeLens[] {
    return getCodeLenses(this.parse(document), document.uri);
  }

  definition(document: TextDocument, position: Position): Location[] {
    return getDefinition(this.parse(document), document.uri, position);
  }

  references(document: TextDocument, position: Position, includeDeclaration: boolean): Location[] {
    return getReferences(this.parse(document), document.uri, position, includeDeclaration);
  }

  prepareRename(document: TextDocument, position: Position): ReturnType<typeof prepareRename> {
    return prepareRename(this.parse(document), position);
  }

  rename(document: TextDocument, position: Position, newName: string): ReturnType<typeof rename> {
    return rename(this.parse(document), document.uri, position, newName);
  }

  completion(document: TextDocument, position: Position): CompletionList {
    const parsed = this.parse(document);
    return getCompletions(parsed, parsed.offsetAt(position), this.schemas);
  }

  resolveCompletion(item: CompletionItem): CompletionItem {
    return resolveAttributeItem(item);
  }

  hover(document: TextDocument, position: Position): Hover | null {
    const parsed = this.parse(document);
    return getHover(parsed, parsed.offsetAt(position), this.schemas) ?? null;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}
