// Entry point of the language server: connection and capability wiring only.
import { CodeActionKind, createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from "vscode-languageserver/node";
import { LanguageService } from "./languageService";
import { readFileSync } from "node:fs";
import { readTextFromDisk } from "./features/imports/importChecks";
import { registerHandlers } from "./handlers/registerHandlers";
import { completionOptions } from "./handlers/clientCapabilities";
import { EnvironmentNames, workspaceFolderUris } from "./handlers/environmentNames";
import { settingAccess, type SettingAccess } from "./handlers/restClientSetting";

const connection = createConnection(ProposedFeatures.all);
const service = new LanguageService();
service.setFileReader(readTextFromDisk((path) => readFileSync(path, "utf8")));
const documents = new TextDocuments(service.changes.configuration);
const environments = new EnvironmentNames();
service.setEnvironmentNames((uri) => environments.namesFor(uri));
let canWatchFiles = false;
let access: SettingAccess = { canAsk: false, canRegisterChanges: false };

connection.onInitialize((params) => {
  service.setCompletionOptions(completionOptions(params.capabilities));
  environments.setWorkspaceFolders(workspaceFolderUris(params));
  canWatchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  access = settingAccess(params.capabilities);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      documentSymbolProvider: { label: "Maximo requests" },
      foldingRangeProvider: true,
      completionProvider: { triggerCharacters: ["/", "?", "&", "=", ".", "{", ",", '"', "$", "@"], resolveProvider: true },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      codeLensProvider: { resolveProvider: false },
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
    },
    serverInfo: { name: "Maximo Language Server" },
  };
});

registerHandlers(connection, documents, service, { environments, canWatchFiles: () => canWatchFiles, settingAccess: () => access });
documents.listen(connection);
connection.listen();
