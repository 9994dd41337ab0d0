import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection, type TextDocuments } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { LanguageService } from "../languageService";
import { DocumentValidation } from "./documentValidation";
import { watchEnvironmentFiles, type EnvironmentNames } from "./environmentNames";
import { askRestClientSetting, type SettingAccess } from "./restClientSetting";

/** Runs a feature; a failure is logged with the feature's tag and answered with `fallback`. */
function guarded<T>(connection: Connection, feature: string, fallback: T, run: () => T): T {
  try {
    return run();
  } catch (error) {
    connection.console.error(`[${feature}] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return fallback;
  }
}

/**
 * A request answered only if the client still wants it. A `$/cancelRequest` that reached the
 * server before the request was dispatched (sent with it, or while the server was busy with a
 * validation slice or an earlier request) has cancelled its token: the answer is then the
 * RequestCancelled error, as LSP asks and as VS Code's own language servers do, and nothing is
 * computed. Every answer here takes a few milliseconds, so nothing can be cancelled midway.
 */
function answer<T>(connection: Connection, token: CancellationToken, feature: string, fallback: T, run: () => T): T | ResponseError<void> {
  if (token.isCancellationRequested) return cancelled(feature);
  return guarded(connection, feature, fallback, run);
}

function cancelled(feature: string): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, `${feature} cancelled`);
}

export function registerHandlers(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  service: LanguageService,
  watch?: { environments: EnvironmentNames; canWatchFiles: () => boolean; settingAccess?: () => SettingAccess },
): void {
  const validation = new DocumentValidation(
    {
      document: (uri) => documents.get(uri),
      compute: async (document, token, early) => {
        // A document's first check waits for the client's answer about REST Client's setting.
        const settingAnswered = watch?.environments.settings.ready(document.uri);
        if (settingAnswered) await settingAnswered;
        if (token.isCancellationRequested) return undefined;
        try {
          return await service.diagnosticsInSlices(document, token, early);
        } catch (error) {
          connection.console.error(`[diagnostics] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
          return [];
        }
      },
      cheap: (document) => service.isCheapToValidate(document),
      publish: (uri, version, diagnostics) => void connection.sendDiagnostics({ uri, version, diagnostics }),
    },
    150,
  );

  // Opening also fires a content change for the same version: `later` skips a version that is
  // published or being computed.
  documents.onDidOpen((event) => validation.now(event.document.uri));
  documents.onDidChangeContent((event) => validation.later(event.document.uri));
  documents.onDidClose((event) => {
    validation.forget(event.document.uri);
    service.forget(event.document.uri);
    watch?.environments.settings.forget(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  // An environment file changed: its variables may now define (or no longer define) a name.
  // So may REST Client's setting (or its answer came after a check went on without it).
  const onInitialized: Array<() => void> = [];
  if (watch) onInitialized.push(watchEnvironmentFiles(connection, watch.environments, watch.canWatchFiles, () => validation.revalidate(documents.all().map((document) => document.uri))));
  if (watch?.settingAccess) {
    onInitialized.push(askRestClientSetting(connection, watch.environments.settings, watch.settingAccess, (uris) => validation.revalidate(uris ?? documents.all().map((document) => document.uri))));
  }
  // One handler: the connection keeps only the last one given.
  connection.onInitialized(() => onInitialized.forEach((step) => step()));

  // The client refilled or switched its schema cache folders: rebuild the store and recheck.
  connection.onNotification("maximo/schemaFoldersChanged", (params: { folders?: unknown }) => {
    const folders = Array.isArray(params?.folders) ? params.folders.filter((f): f is string => typeof f === "string") : [];
    guarded(connection, "schemas", undefined, () => service.setSchemaFolders(folders));
    validation.revalidate(documents.all().map((document) => document.uri));
  });

  connection.onDocumentSymbol((params, token) => {
    const document = documents.get(params.textDocument.uri);
    return document ? answer(connection, token, "documentSymbols", [], () => service.documentSymbols(document)) : [];
  });
  connection.onFoldingRanges((params, token) => {
    const document = documents.get(params.textDocument.uri);
    return document ? answer(connection, token, "folding", [], () => service.foldingRanges(document)) : [];
  });
  connection.onCodeAction((params, token) => {
    const document = documents.get(params.textDocument.uri);
    const { diagnostics, only } = params.context;
    return document ? answer(connection, token, "codeActions", [], () => service.codeActions(document, params.range, diagnostics, only)) : [];
  });
  connection.onCodeLens((params, token) => {
    const document = documents.get(params.textDocument.uri);
    return document ? answer(connection, token, "codeLens", [], () => service.codeLenses(document)) : [];
  });
  connection.onDefinition((params, token) => {
    const document = documents.get(params.textDocument.uri);
    return document ? answer(connection, token, "definition", [], () => service.definition(document, params.position)) : [];
  });
  connection.onReferences((params, token) => {
    const document = documents.get(params.textDocument.uri);
    const includeDeclaration = params.context.includeDeclaration;
    return document ? answer(connection, token, "references", [], () => service.references(document, params.position, includeDeclaration)) : [];
  });
  connection.onPrepareRename((params, token) => {
    const document = documents.get(params.textDocument.uri);
    return document ? answer(connection, token, "rename", null, () => service.prepareRename(document, params.position)) : null;
  });
  connection.onRenameRequest((params, token) => {
    const document = documents.get(params.textDocument.uri);
    return document ? answer(connection, token, "rename", null, () => service.rename(document, params.position, params.newName)) : null;
  });
  connection.onCompletion((params, token) => {
    const document = documents.get(params.textDocument.uri);
    return document ? answer(connection, token, "completion", null, () => service.completion(document, params.position)) : null;
  });
  connection.onCompletionResolve((item, token) =>
    token.isCancellationRequested ? cancelled("completionResolve") : guarded(connection, "completionResolve", item, () => service.resolveCompletion(item)),
  );
  connection.onHover((params, token) => {
    const document = documents.get(params.textDocument.uri);
    return document ? answer(connection, token, "hover", null, () => service.hover(document, params.position)) : null;
  });
  connection.onShutdown(() => validation.dispose());
}
