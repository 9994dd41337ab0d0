import type { CodeAction, CodeLens, CompletionItem, CompletionList, Diagnostic, DocumentSymbol, FoldingRange, Hover, Location, Position, Range } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { parseDocument, updateDocument, type MaximoDocument } from "./language/maximo/api";
import { ParseCache } from "./handlers/parseCache";
import { getDocumentSymbols } from "./features/documentSymbols";
import { getFoldingRanges } from "./features/foldingRanges";
import { getCodeActions } from "./features/codeActions";
import { getCodeLenses } from "./features/codeLens";
import { getDefinition, getReferences } from "./features/references/navigation";
import { prepareRename, rename } from "./features/references/rename";
import { createSchemaStore, type SchemaStore } from "./schema";
import { getCompletions, type CompletionAnswerOptions } from "./features/completion";
import { resolveAttributeItem } from "./features/completion/attributeItems";
import { resolveValueItem } from "./features/completion/valueItems";
import { getHover } from "./features/hover";
import { runInSlices, type Cancellation } from "./handlers/slicedRun";
import { ChangeTracker } from "./handlers/changeTracker";
import { BlockAnalyses } from "./features/fileDiagnostics/blockAnalyses";
import { fileDiagnostics } from "./features/fileDiagnostics/fileDiagnostics";
import { IncrementalDiagnostics } from "./features/fileDiagnostics/incrementalDiagnostics";
import { isCheapEdit, openSteps } from "./features/fileDiagnostics/openAnalysis";
import { withoutEnvironmentVariables } from "./features/schema/variableChecks";
import { fileURLToPath } from "node:url";
import { importDiagnostics, type ReadText } from "./features/imports/importChecks";
import { fileCommandTarget, type FileCommandTarget } from "./features/imports/fileCommandTargets";
import { fileCommandHover, fileCommandLocation } from "./features/imports/fileCommandNavigation";
import { toLspDiagnostics } from "./features/schema/schemaDiagnostics";

/** The one facade the LSP handlers call: features over one shared, incremental parse per document version. */
export class LanguageService {
  /** Where open documents changed since their last parse; `TextDocuments` is built with its configuration. */
  readonly changes = new ChangeTracker();
  private readonly cache = new ParseCache<MaximoDocument>(parseDocument, updateDocument, this.changes);
  private schemaStore: SchemaStore = createSchemaStore();
  private schemaFolders: string[] = [];
  private readonly analyses = new BlockAnalyses();
  /** Per open document: its diagnostics as last published, updated edit by edit. */
  private readonly published = new Map<string, IncrementalDiagnostics>();
  private completionOptions: CompletionAnswerOptions = {};
  private environmentNames: ((uri: string) => ReadonlySet<string>) | undefined;
  private readText: ReadText | undefined;

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

  /**
   * The variable names the environments around a document define (a `file:` document's folders;
   * handlers/environmentNames.ts); without it, none. Its undefined-variable warnings are dropped.
   */
  setEnvironmentNames(namesFor: (uri: string) => ReadonlySet<string>): void {
    this.environmentNames = namesFor;
  }

  /** How the files that JetBrains `import` / `run` lines name are read (`file:` documents only); without it, they are not checked. */
  setFileReader(readText: ReadText): void {
    this.readText = readText;
  }

  /** Syntax then schema diagnostics of the file (only blocks an edit replaced are analysed again). */
  diagnostics(document: TextDocument): Diagnostic[] {
    const parsed = this.parse(document);
    return this.withImports(document, parsed, this.withEnvironments(document, fileDiagnostics(parsed, this.analyses, this.schemas)));
  }

  /** The file's diagnostics less the undefined variables an environment defines (after every cache: those hold the text's own). */
  private withEnvironments(document: TextDocument, found: Diagnostic[]): Diagnostic[] {
    const names = this.environmentNames?.(document.uri);
    return names ? withoutEnvironmentVariables<Diagnostic>(found, names, (d) => document.getText(d.range)) : found;
  }

  /** Plus the diagnostics of the files its JetBrains `import` / `run` lines name (read afresh: they may have changed). */
  private withImports(document: TextDocument, parsed: MaximoDocument, found: Diagnostic[]): Diagnostic[] {
    if (!this.readText || !document.uri.startsWith("file:")) return found;
    const imports = importDiagnostics(parsed, fileURLToPath(document.uri), this.readText);
    return imports.length === 0 ? found : [...found, ...toLspDiagnostics(imports.map((d) => ({ ...d, range: parsed.rangeOf(d.span) })))];
  }

  /**
   * The same diagnostics, computed in slices that let other messages in; undefined once
   * `token` is cancelled (a newer edit or a close superseded this version). A document never
   * parsed is parsed a region at a time, and `early` (if given) gets the diagnostics its first
   * blocks decide alone, long before the whole file is read.
   */
  async diagnosticsInSlices(document: TextDocument, token: Cancellation, early?: (diagnostics: Diagnostic[]) => void): Promise<Diagnostic[] | undefined> {
    const startedAt = performance.now();
    let parsed: MaximoDocument | undefined;
    if (this.cache.peek(document.uri)) {
      parsed = this.parse(document);
    } else {
      // A snapshot: the TextDocument itself changes in place while this runs.
      const { uri, version } = document;
      this.changes.rebase(uri, version);
      // The early part leaves out what an environment defines too, or it would flash a warning the complete set drops.
      const earlyPart = early && ((diagnostics: Diagnostic[]) => early(this.withEnvironments(document, diagnostics)));
      parsed = await runInSlices(openSteps(document.getText(), this.analyses, this.schemas, earlyPart), token, startedAt);
      if (!parsed) return undefined;
      this.cache.set(uri, version, parsed);
    }
    const analysed = await runInSlices(this.analyseSteps(parsed), token, startedAt);
    if (!analysed) return undefined;
    let state = this.published.get(document.uri);
    if (!state) this.published.set(document.uri, (state = new IncrementalDiagnostics()));
    return this.withImports(document, parsed, this.withEnvironments(document, state.update(parsed, this.analyses, this.schemas)));
  }

  /**
   * Whether validating the current version costs little: the document was parsed before and
   * the edits since touch a few small requests (typing), not a whole file's worth of text.
   */
  isCheapToValidate(document: TextDocument): boolean {
    const entry = this.cache.peek(document.uri);
    if (!entry) return false;
    if (entry.version === document.version) return true;
    const changed = this.changes.since(document.uri, entry.version);
    return changed !== undefined && isCheapEdit(entry.value, changed, document.getText().length);
  }

  /** Analyses the blocks of `parsed` not analysed yet, one per step. */
  private *analyseSteps(parsed: MaximoDocument): Generator<void, true, void> {
    for (const block of parsed.blocks) {
      if (this.analyses.has(block.tree, this.schemas)) continue;
      this.analyses.of(block.tree, this.schemas);
      yield;
    }
    return true;
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
    const parsed = this.parse(document);
    const found = getDefinition(parsed, document.uri, position);
    if (found.length > 0) return found;
    const target = this.fileCommandTarget(document, parsed, parsed.offsetAt(position));
    return target ? [fileCommandLocation(target)] : [];
  }

  /** What an `import` / `run` line under `offset` names in another file (file documents only: paths are relative to them). */
  private fileCommandTarget(document: TextDocument, parsed: MaximoDocument, offset: number): FileCommandTarget | undefined {
    if (!this.readText || !document.uri.startsWith("file:")) return undefined;
    return fileCommandTarget(parsed, fileURLToPath(document.uri), offset, this.readText);
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
    const offset = parsed.offsetAt(position);
    const here = getHover(parsed, offset, this.schemas);
    if (here) return here;
    const target = this.fileCommandTarget(document, parsed, offset);
    return target ? fileCommandHover(target, parsed.rangeOf(target.origin)) : null;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.changes.forget(uri);
    this.published.delete(uri);
  }
}
