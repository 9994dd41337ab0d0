/**
 * The connection commands of package.json. Each takes an optional connection name as its first
 * argument (keybindings, other commands, tests); without it, it asks.
 */
import * as vscode from "vscode";
import type { ExtensionConnection, Log } from "../contracts";
import { runAddWizard } from "./addWizard";
import { CONNECTION_COMMANDS } from "./commandIds";
import { askForSecret, openConnectionSettings, type ConnectionManager } from "./connectionManager";
import { testConnection, type ConnectionTestResult, type TestAction } from "./connectionTest";
import { secretKindOf, secretLabel } from "./secretKinds";
import { AUTH_CHOICES, editableFields, fieldValue, type FieldSpec } from "./settingEdits";

export function registerConnectionCommands(manager: ConnectionManager, log: Log): vscode.Disposable {
  const commands = new ConnectionCommands(manager, log);
  const register = (id: string, run: (...args: unknown[]) => Promise<unknown>) =>
    vscode.commands.registerCommand(id, (...args: unknown[]) => reportFailure(run(...args), log));
  return vscode.Disposable.from(
    register(CONNECTION_COMMANDS.add, () => commands.add()),
    register(CONNECTION_COMMANDS.select, (name) => commands.select(nameArg(name))),
    register(CONNECTION_COMMANDS.edit, (name) => commands.edit(nameArg(name))),
    register(CONNECTION_COMMANDS.remove, (name) => commands.remove(nameArg(name))),
    register(CONNECTION_COMMANDS.test, (name) => commands.test(nameArg(name))),
    register(CONNECTION_COMMANDS.reenterSecret, (name) => commands.reenterSecret(nameArg(name))),
  );
}

/** A name, or the `name` of a connection object (a command run from a tree item or another command). */
function nameArg(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "object" && value !== null && typeof (value as { name?: unknown }).name === "string") return (value as { name: string }).name;
  return undefined;
}

/** Errors become an error message with Show Log, and the command resolves to undefined. */
export async function reportFailure<T>(running: Promise<T>, log: Log): Promise<T | undefined> {
  try {
    return await running;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log.error(message);
    void vscode.window.showErrorMessage(message, "Show Log").then((action) => {
      if (action) log.show();
    });
    return undefined;
  }
}

class ConnectionCommands {
  constructor(
    private readonly manager: ConnectionManager,
    private readonly log: Log,
  ) {}

  async add(): Promise<ExtensionConnection | undefined> {
    const created = await runAddWizard(this.manager.all().map((c) => c.name));
    if (!created) return undefined;
    const connection = await this.manager.add(created.entry);
    if (created.secret !== undefined) await this.manager.storeSecret(connection, created.secret);
    if (!this.manager.active() || this.manager.all().length === 1) await this.manager.setActive(connection.name);
    this.log.info(`Added connection "${connection.name}" (${connection.url}, ${connection.auth}).`);
    void vscode.window.showInformationMessage(`Added connection "${connection.name}".`, "Test Connection", "Select").then(async (action) => {
      if (action === "Test Connection") await vscode.commands.executeCommand(CONNECTION_COMMANDS.test, connection.name);
      if (action === "Select") await vscode.commands.executeCommand(CONNECTION_COMMANDS.select, connection.name);
    });
    return connection;
  }

  /** With a name, selects it without asking; otherwise a quick pick (with Add Connection). */
  async select(name?: string): Promise<ExtensionConnection | undefined> {
    if (name !== undefined) return this.manager.setActive(name);
    const active = this.manager.active();
    type Item = vscode.QuickPickItem & { connection?: ExtensionConnection; add?: true };
    const items: Item[] = this.manager.all().map((connection) => ({
      label: `${connection.name === active?.name ? "$(check) " : ""}${connection.name}`,
      description: connection.url,
      detail: `${connection.auth}${connection.readOnly ? ", read-only" : ""}`,
      connection,
    }));
    items.push({ label: "$(add) Add Connection…", add: true, alwaysShow: true });
    const picked = await vscode.window.showQuickPick(items, { title: "Maximo: Select Connection", placeHolder: active ? `Now: ${active.name}` : "Choose the server requests go to" });
    if (!picked) return undefined;
    if (picked.add) return vscode.commands.executeCommand<ExtensionConnection | undefined>(CONNECTION_COMMANDS.add);
    return this.manager.setActive(picked.connection!.name);
  }

  async edit(name?: string): Promise<void> {
    const connection = await this.pick(name, "Edit which connection?");
    if (!connection) return;
    const specs = editableFields(connection);
    const spec = await vscode.window.showQuickPick(
      specs.map((s) => ({ label: s.label, description: fieldValue(connection, s.field), detail: s.description || undefined, spec: s })),
      { title: `Edit connection "${connection.name}"`, placeHolder: "Which setting?" },
    );
    if (!spec) return;
    const value = await this.askValue(connection, spec.spec);
    if (value === undefined) return;
    await this.manager.update(connection.name, spec.spec.field, value === "" ? undefined : value);
    this.log.info(`Connection "${connection.name}": ${spec.spec.field} changed.`);
  }

  async remove(name?: string): Promise<boolean> {
    const connection = await this.pick(name, "Remove which connection?");
    if (!connection) return false;
    const answer = await vscode.window.showWarningMessage(
      `Remove connection "${connection.name}"?`,
      { modal: true, detail: "Its entry in the settings and its stored password, API key or client secret are deleted." },
      "Remove",
    );
    if (answer !== "Remove") return false;
    await this.manager.remove(connection.name);
    this.log.info(`Removed connection "${connection.name}" and its stored secrets.`);
    return true;
  }

  async test(name?: string): Promise<ConnectionTestResult | undefined> {
    const connection = await this.manager.choose(name);
    if (!connection) return undefined;
    const executor = this.manager.executor(connection);
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Testing connection "${connection.name}"…`, cancellable: true },
      (_progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        return testConnection(executor, abort.signal);
      },
    );
    if (result.ok) {
      this.log.info(result.message);
      void vscode.window.showInformationMessage(result.message);
    } else {
      this.log.warn(result.message);
      void vscode.window.showErrorMessage(result.message, actionLabel(result.action, connection)).then((action) => {
        if (action) void this.runAction(result.action, connection);
      });
    }
    return result;
  }

  async reenterSecret(name?: string): Promise<void> {
    const connection = await this.pick(name, "Re-enter the secret of which connection?");
    if (!connection) return;
    const kind = secretKindOf(connection.auth);
    if (!kind) {
      void vscode.window.showInformationMessage(`Connection "${connection.name}" signs in without a password or key (auth "none").`);
      return;
    }
    await this.manager.reenterSecret(connection);
    const value = await askForSecret(connection.name, secretLabel[kind]);
    if (value) await this.manager.storeSecret(connection, value);
    this.log.info(value ? `Stored a new ${secretLabel[kind]} for connection "${connection.name}".` : `Forgot the ${secretLabel[kind]} of connection "${connection.name}"; it is asked for at the next request.`);
  }

  private async pick(name: string | undefined, placeHolder: string): Promise<ExtensionConnection | undefined> {
    const all = this.manager.all();
    if (name !== undefined) return this.manager.choose(name);
    if (all.length === 0) {
      const action = await vscode.window.showInformationMessage("There is no Maximo connection yet.", "Add Connection");
      if (action) await vscode.commands.executeCommand(CONNECTION_COMMANDS.add);
      return undefined;
    }
    if (all.length === 1) return all[0];
    const active = this.manager.active();
    const picked = await vscode.window.showQuickPick(
      all.map((connection) => ({ label: connection.name, description: connection.url, picked: connection.name === active?.name, connection })),
      { placeHolder },
    );
    return picked?.connection;
  }

  private async askValue(connection: ExtensionConnection, spec: FieldSpec): Promise<string | boolean | undefined> {
    const current = connection[spec.field as keyof ExtensionConnection];
    if (spec.kind === "boolean") {
      const picked = await vscode.window.showQuickPick(["true", "false"], { placeHolder: `${spec.label}: now ${fieldValue(connection, spec.field)}` });
      return picked === undefined ? undefined : picked === "true";
    }
    if (spec.kind === "choice") {
      const labels = new Map(AUTH_CHOICES.map((c) => [c.auth as string, c.label]));
      const picked = await vscode.window.showQuickPick(
        (spec.choices ?? []).map((choice) => ({ label: choice, description: spec.field === "auth" ? labels.get(choice) : undefined })),
        { placeHolder: `${spec.label}: now ${fieldValue(connection, spec.field)}` },
      );
      return picked?.label;
    }
    return vscode.window.showInputBox({
      title: `${spec.label} of "${connection.name}"`,
      prompt: `${spec.description}${spec.optional ? " (leave empty to remove it)" : ""}`,
      value: typeof current === "string" ? current : "",
      ignoreFocusOut: true,
      validateInput: (value) => (!spec.optional && value.trim() === "" ? `${spec.label} cannot be empty.` : undefined),
    });
  }

  private async runAction(action: TestAction, connection: ExtensionConnection): Promise<void> {
    if (action === "reenterSecret") await vscode.commands.executeCommand(CONNECTION_COMMANDS.reenterSecret, connection.name);
    else if (action === "openSettings") await openConnectionSettings();
    else this.log.show();
  }
}

function actionLabel(action: TestAction, connection: ExtensionConnection): string {
  if (action === "reenterSecret") return `Re-enter ${secretLabel[secretKindOf(connection.auth) ?? "password"]}`;
  return action === "openSettings" ? "Open Settings" : "Show Log";
}
