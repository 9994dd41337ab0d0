/** The request commands: the server's CodeLens ids, the keybinding's Send, Send All, Copy as curl / fetch / Python and Show Log. */
import * as vscode from "vscode";
import type { Log } from "../contracts";
import type { ExportFormat } from "./curlCommand";
import { EXPORT_COMMANDS } from "./exportCommands";
import type { RequestLocator, RequestRunner } from "./requestRunner";

function locatorOf(argument: unknown): RequestLocator | undefined {
  if (typeof argument !== "object" || argument === null) return undefined;
  const { uri, line } = argument as Partial<RequestLocator>;
  return typeof uri === "string" && typeof line === "number" ? { uri, line } : undefined;
}

export function registerRunCommands(context: vscode.ExtensionContext, runner: () => Promise<RequestRunner>, log: Log): void {
  context.subscriptions.push(
    vscode.commands.registerCommand("maximo.send", async (argument?: unknown) => (await runner()).send(locatorOf(argument))),
    vscode.commands.registerCommand("maximo.sendAllPages", async (argument?: unknown) => (await runner()).send(locatorOf(argument), { allPages: true })),
    vscode.commands.registerCommand("maximo.sendAll", async (argument?: unknown) => (await runner()).sendAll(argument instanceof vscode.Uri ? argument.toString() : undefined)),
    ...(Object.keys(EXPORT_COMMANDS) as ExportFormat[]).map((format) =>
      vscode.commands.registerCommand(EXPORT_COMMANDS[format].id, async (argument?: unknown) => (await runner()).copyAs(format, locatorOf(argument))),
    ),
    vscode.commands.registerCommand("maximo.showLog", () => log.show()),
  );
}
