/** Import in VS Code: paste a curl command as a request, and import a Postman collection or curl file. */
import * as vscode from "vscode";
import type { Log } from "../contracts";
import { IMPORT_COMMANDS } from "./commandIds";
import { importFromFile, pasteCurlAsRequest, registerCurlPaste } from "./curlPaste";

export function registerImport(context: vscode.ExtensionContext, log: Log): void {
  context.subscriptions.push(
    registerCurlPaste(log),
    vscode.commands.registerCommand(IMPORT_COMMANDS.pasteCurl, pasteCurlAsRequest),
    vscode.commands.registerCommand(IMPORT_COMMANDS.fromFile, importFromFile),
  );
}
