/** A failure shown as a sentence with its actions as buttons; the chosen action is carried out. */
import * as vscode from "vscode";
import type { ExtensionConnection } from "../contracts";
import type { FailureAdvice } from "./failureAdvice";
import type { RunnerDeps } from "./requestRunner";

/** Shows the advice with its actions as buttons and carries out the one chosen. */
export async function offerAdvice(deps: Pick<RunnerDeps, "connections" | "log">, advice: FailureAdvice, level: "info" | "warning" | "error", connection?: ExtensionConnection, document?: vscode.TextDocument): Promise<void> {
  if (advice.cancelled) {
    vscode.window.setStatusBarMessage(`Maximo: ${advice.message}`, 4000);
    return;
  }
  const labels: Record<FailureAdvice["actions"][number], string> = {
    openSettings: "Open Settings",
    reenterSecret: "Re-enter Password",
    showLog: "Show Log",
    goToLine: "Go to Line",
    editConnection: "Edit Connection",
  };
  const show = level === "error" ? vscode.window.showErrorMessage : level === "warning" ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  const choice = await show(advice.message, ...advice.actions.map((action) => labels[action]));
  const action = advice.actions.find((candidate) => labels[candidate] === choice);
  switch (action) {
    case "openSettings":
      await vscode.commands.executeCommand("workbench.action.openSettings", "maximo.");
      break;
    case "reenterSecret":
      if (connection) await deps.connections.reenterSecret(connection);
      break;
    case "showLog":
      deps.log.show();
      break;
    case "editConnection":
      await vscode.commands.executeCommand("maximo.connection.edit", connection?.name);
      break;
    case "goToLine":
      if (document && advice.line !== undefined) {
        const position = new vscode.Position(advice.line - 1, 0);
        await vscode.window.showTextDocument(document, { selection: new vscode.Range(position, position) });
      }
      break;
    default:
      break;
  }
}
