// Entry point of the language server: connection and capability wiring only.
import { CodeActionKind, createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { LanguageService } from "./languageService";
import { registerHandlers } from "./handlers/registerHandlers";

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

connection.onInitialize(() => ({
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
}));

registerHandlers(connection, documents, new LanguageService());
documents.listen(connection);
connection.listen();
