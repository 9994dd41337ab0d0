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
import { getSchemaDiagnostics, SchemaDiagnosticsCache, toLspDiagnostics } from "./features/schema/schemaDiagnostics";
import { getCompletions, type CompletionAnswerOptions } from "./features/completion";
import { resolveAttributeItem } from "./features/completion/attributeItems";
import { resolveValueItem } from "./features/completion/valueItems";
import { getHover } from "./features/hover";
import { runInSlices, type Cancellation } from "./handlers/slicedRun";

/** The one facade the LSP handlers call: features over one shared, incremental parse per document version. */
export class LanguageService {
  private readonly cache = new ParseCache<MaximoDocument>(parseDocument, updateDocument);
  private schemaStore: SchemaStore = createSchemaStore();
  private schemaFolders: string[] = [];
  private readonly schemaChecks = new SchemaDiagnosticsCache();
  private completionOptions: CompletionAnswerOptions = {};

  /** The one schema store every feature asks (pack + the client's cache folders). */
  get schemas(): SchemaStore {
    return this.schemaStore;
  }

  /**
   * Reads the schemas again: the same folders are reloaded (their files changed), others get a
   * store of their own. Either way every cached check is dropped; callers revalidate.
   */
  setSchemaFolders(dirs: string[]): void {
    if (dirs.length === this.schemaFolders.length && dirs.every((dir, i) => dir === this.schemaFolders[i])) {
      this.schemaStore.reload();
    } else {
      this.schemaStore = createSchemaStore({ cacheDirs: dirs });
      this.schemaFolders = [...dirs];
    }
  }

  /** What the client's completion supports (LSP 3.17 item defaults), from `initialize`. */
  setCompletionOptions(options: CompletionAnswerOptions): void {
    this.completionOptions = options;
  }

  parse(document: TextDocument): MaximoDocument {
    return this.cache.get(document);
  }

  diagnostics(document: TextDocument): Diagnostic[] {
    const parsed = this.parse(document);
    return [...getDiagnostics(parsed), ...getSchemaDiagnostics(parsed, this.schemas, this.schemaChecks)];
  }

  /**
   * The same diagnostics, computed in slices that let other messages in; undefined once
   * `token` is cancelled (a newer edit or a close superseded this version).
   */
  async diagnosticsInSlices(document: TextDocument, token: Cancellation): Promise<Diagnostic[] | undefined> {
    const startedAt = performance.now();
    // A snapshot: the TextDocument itself changes in place while this runs.
    const parsed = this.parse(document);
    const syntax = getDiagnostics(parsed);
    const schema = await runInSlices(this.schemaChecks.steps(parsed, this.schemas), token, startedAt);
    return schema && [...syntax, ...toLspDiagnostics(schema)];
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
    return getCompletions(parsed, parsed.offsetAt(position), this.schemas, this.completionOptions);
  }

  resolveCompletion(item: CompletionItem): CompletionItem {
    return resolveValueItem(resolveAttributeItem(item));
  }

  hover(document: TextDocument, position: Position): Hover | null {
    const parsed = this.parse(document);
    return getHover(parsed, parsed.offsetAt(position), this.schemas) ?? null;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}
