import type { Connection, TextDocuments } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { LanguageService } from "../languageService";
import { Debouncer } from "./debouncer";

/** Runs a feature; a failure is logged with the feature's tag and answered with `fallback`. */
function guarded<T>(connection: Connection, feature: string, fallback: T, run: () => T): T {
  try {
    return run();
  } catch (error) {
    connection.console.error(`[${feature}] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return fallback;
  }
}

export function registerHandlers(connection: Connection, documents: TextDocuments<TextDocument>, service: LanguageService): void {
  const validation = new Debouncer(150);

  // The version last validated per URI: opening a document also fires a content change, and
  // diagnostics of a large file are too costly to compute twice.
  const validatedVersions = new Map<string, number>();
  const validate = (uri: string): void => {
    const document = documents.get(uri);
    if (!document || validatedVersions.get(uri) === document.version) return;
    validatedVersions.set(uri, document.version);
    const diagnostics = guarded(connection, "diagnostics", [], () => service.diagnostics(document));
    void connection.sendDiagnostics({ uri, version: document.version, diagnostics });
  };

  documents.onDidOpen((event) => validate(event.document.uri));
  documents.onDidChangeContent((event) => {
    if (validatedVersions.get(event.document.uri) === event.document.version) return;
    validation.schedule(event.document.uri, () => validate(event.document.uri));
  });
  documents.onDidClose((event) => {
    validatedVersions.delete(event.document.uri);
    validation.cancel(event.document.uri);
    service.forget(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  // The client refilled or switched its schema cache folders: rebuild the store and recheck.
  connection.onNotification("maximo/schemaFoldersChanged", (params: { folders?: unknown }) => {
    const folders = Array.isArray(params?.folders) ? params.folders.filter((f): f is string => typeof f === "string") : [];
    guarded(connection, "schemas", undefined, () => service.setSchemaFolders(folders));
    validatedVersions.clear();
    for (const document of documents.all()) validate(document.uri);
  });

  connection.onDocumentSymbol((params) => {
    const document = documents.get(params.textDocument.uri);
    return document ? guarded(connection, "documentSymbols", [], () => service.documentSymbols(document)) : [];
  });
  connection.onFoldingRanges((params) => {
    const document = documents.get(params.textDocument.uri);
    return document ? guarded(connection, "folding", [], () => service.foldingRanges(document)) : [];
  });
  connection.onCodeAction((params) => {
    const document = documents.get(params.textDocument.uri);
    const { diagnostics, only } = params.context;
    return document ? guarded(connection, "codeActions", [], () => service.codeActions(document, params.range, diagnostics, only)) : [];
  });
  connection.onCodeLens((params) => {
    const document = documents.get(params.textDocument.uri);
    return document ? guarded(connection, "codeLens", [], () => service.codeLenses(document)) : [];
  });
  connection.onDefinition((params) => {
    const document = documents.get(params.textDocument.uri);
    return document ? guarded(connection, "definition", [], () => service.definition(document, params.position)) : [];
  });
  connection.onReferences((params) => {
    const document = documents.get(params.textDocument.uri);
    const includeDeclaration = params.context.includeDeclaration;
    return document ? guarded(connection, "references", [], () => service.references(document, params.position, includeDeclaration)) : [];
  });
  connection.onPrepareRename((params) => {
    const document = documents.get(params.textDocument.uri);
    return document ? guarded(connection, "rename", null, () => service.prepareRename(document, params.position)) : null;
  });
  connection.onRenameRequest((params) => {
    const document = documents.get(params.textDocument.uri);
    return document ? guarded(connection, "rename", null, () => service.rename(document, params.position, params.newName)) : null;
  });
  connection.onCompletion((params) => {
    const document = documents.get(params.textDocument.uri);
    return document ? guarded(connection, "completion", null, () => service.completion(document, params.position)) : null;
  });
  connection.onCompletionResolve((item) => guarded(connection, "completionResolve", item, () => service.resolveCompletion(item)));
  connection.onHover((params) => {
    const document = documents.get(params.textDocument.uri);
    return document ? guarded(connection, "hover", null, () => service.hover(document, params.position)) : null;
  });
  connection.onShutdown(() => validation.dispose());
}
