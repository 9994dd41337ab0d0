/**
 * Maximo: Deploy Automation Script, and deploy on save. A progress notification while it runs;
 * "Deployed NAME to CONNECTION" when done; on a conflict, the server's copy and the file side by
 * side in a diff editor and a modal asking to Overwrite (the server's copy is backed up first);
 * a failure names the part that failed and what the server now holds.
 */
import { basename, dirname } from "node:path";
import * as vscode from "vscode";
import { deployScript, type DeployOutcome } from "../../scripts/deploy";
import { detailLines, headline } from "../../scripts/deployReport";
import { readDefinition } from "../../scripts/definition";
import { extensionOf, languageOfFile } from "../../scripts/language";
import { ScriptApi } from "../../scripts/scriptApi";
import { fileId, serverKey } from "../../scripts/scriptState";
import type { ExtensionConnection } from "../contracts";
import { errorText, scriptDocument, type ScriptDeps } from "./scriptDeps";
import { backupFolderOf, signalOf, workspaceDirOf } from "./scriptWorkspace";
import { showServerDiff } from "./serverDocuments";

export class ScriptDeployer {
  /** One deploy per file at a time: a second save waits for the first deploy to finish. */
  private readonly running = new Map<string, Promise<void>>();

  constructor(private readonly deps: ScriptDeps) {}

  async deployCommand(uri?: unknown): Promise<void> {
    const document = await scriptDocument(uri);
    if (!document) return;
    let connection: ExtensionConnection | undefined;
    try {
      connection = await this.deps.connections.choose();
    } catch (error) {
      void vscode.window.showErrorMessage(errorText(error));
      return;
    }
    if (connection) await this.serialised(document, connection);
  }

  /**
   * Saving a script deploys it to the active connection when that connection has deployOnSave.
   * Only files that are scripts for sure go: those with a scriptConfig, or pulled or deployed before.
   */
  async onSave(document: vscode.TextDocument): Promise<void> {
    if (document.uri.scheme !== "file" || !languageOfFile(document.uri.fsPath)) return;
    const connection = this.deps.connections.active();
    if (!connection?.deployOnSave) return;
    const workspaceDir = workspaceDirOf(document.uri) ?? dirname(document.uri.fsPath);
    const read = readDefinition(document.uri.fsPath, document.getText());
    const known = read.definition?.nameFrom === "scriptConfig" || (await this.deps.state.scriptOfFile(serverKey(connection), fileId(workspaceDir, document.uri.fsPath))) !== undefined;
    if (!known) return;
    if (connection.readOnly) {
      void vscode.window.showWarningMessage(
        `Deploy on save is refused for ${connection.name}: the connection is read-only. Deploy with "Maximo: Deploy Automation Script", or turn deployOnSave off for it.`,
      );
      return;
    }
    await this.serialised(document, connection);
  }

  private async serialised(document: vscode.TextDocument, connection: ExtensionConnection): Promise<void> {
    const key = `${connection.name}\n${document.uri.toString()}`;
    const previous = this.running.get(key) ?? Promise.resolve();
    const next = previous.then(() => this.deploy(document, connection)).catch((error: unknown) => {
      this.deps.log.error(`Deploy of ${document.uri.fsPath} failed: ${errorText(error)}`);
      void vscode.window.showErrorMessage(`Deploy failed: ${errorText(error)}`);
    });
    this.running.set(key, next);
    await next;
    if (this.running.get(key) === next) this.running.delete(key);
  }

  private async run(document: vscode.TextDocument, connection: ExtensionConnection, acceptRowstamp: string | undefined): Promise<DeployOutcome> {
    const capture = this.deps.serverLog;
    if (!capture?.isOn(connection)) return this.deployOnce(document, connection, acceptRowstamp);
    const executor = this.deps.connections.executor(connection);
    const captured = await capture.capture(connection, executor, () => this.deployOnce(document, connection, acceptRowstamp));
    const { result } = captured;
    // The deploy's thread log goes to the output channel beside its report, once it is read.
    const lines = await captured.lines;
    if (lines?.length) {
      this.deps.log.info(`server log of the deploy (${lines.length} line${lines.length === 1 ? "" : "s"}):`);
      for (const line of lines) this.deps.log.info(`  ${line}`);
    }
    return result;
  }

  private deployOnce(document: vscode.TextDocument, connection: ExtensionConnection, acceptRowstamp: string | undefined): Promise<DeployOutcome> {
    const path = document.uri.fsPath;
    const workspaceDir = workspaceDirOf(document.uri) ?? dirname(path);
    const { connections, state } = this.deps;
    return vscode.window.withProgress<DeployOutcome>(
      { location: vscode.ProgressLocation.Notification, title: `Deploying ${basename(path)} to ${connection.name}`, cancellable: true },
      (progress, token) =>
        deployScript(
          { path, file: fileId(workspaceDir, path), text: document.getText(), ...(acceptRowstamp ? { acceptRowstamp } : {}) },
          {
            api: new ScriptApi(connections.executor(connection), signalOf(token)),
            connection: connection.name,
            server: serverKey(connection),
            state,
            backupFolder: backupFolderOf(workspaceDir, document.uri),
            beforeWrite: (change) => connections.confirmWrite(connection, change),
            progress: (message) => progress.report({ message }),
          },
        ),
    ) as Promise<DeployOutcome>;
  }

  private async deploy(document: vscode.TextDocument, connection: ExtensionConnection): Promise<void> {
    let acceptRowstamp: string | undefined;
    for (;;) {
      const outcome = await this.run(document, connection, acceptRowstamp);
      this.report(outcome);
      if (outcome.kind !== "conflict") return;
      await showServerDiff(this.deps.documents, connection.name, outcome.name, extensionOf(outcome.language) ?? ".txt", outcome.serverSource, document.uri);
      const choice = await vscode.window.showWarningMessage(
        headline(outcome),
        { modal: true, detail: "The diff editor shows the server's copy on the left and yours on the right. Overwrite saves the server's copy to the backup folder first." },
        "Overwrite",
      );
      if (choice !== "Overwrite") return;
      // Overwrite what the user just saw; if the server changes again meanwhile, they are asked again.
      acceptRowstamp = outcome.serverRowstamp;
    }
  }

  private report(outcome: DeployOutcome): void {
    const { log } = this.deps;
    const text = headline(outcome);
    const lines = detailLines(outcome);
    switch (outcome.kind) {
      case "created":
      case "updated":
        log.info(`${text}.`);
        lines.forEach((line) => log.info(line));
        void vscode.window.showInformationMessage(text);
        return;
      case "unchanged":
      case "cancelled":
        log.info(text);
        lines.forEach((line) => log.info(line));
        void vscode.window.showInformationMessage(text);
        return;
      case "conflict":
        log.warn(text);
        return;
      case "refused":
        log.warn(text);
        void vscode.window.showErrorMessage(text);
        return;
      case "failed":
        log.error(text);
        lines.forEach((line) => log.error(line));
        void vscode.window.showErrorMessage(text, "Show Log").then((choice) => choice && log.show());
        return;
    }
  }
}
