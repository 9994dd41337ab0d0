/**
 * The Connections of the extension (contracts.ts) over the `maximo.connections` setting, the
 * workspace's selection and SecretStorage. Pure rules live in the modules it imports; this file
 * only reads and writes VS Code state.
 */
import * as vscode from "vscode";
import { ConnectionError } from "../../connections/load";
import type { Executor } from "../../http/executor";
import type { Connections, ExtensionConnection, Log } from "../contracts";
import { activeConnection, requestedConnection } from "./activeConnection";
import { CONNECTION_COMMANDS } from "./commandIds";
import { ConnectionSecrets } from "./connectionSecrets";
import { deferredExecutor } from "./deferredExecutor";
import { CONNECTIONS_KEY, DEFAULT_CONNECTION_KEY, readConnectionSettings, SETTING_SECTION, type ConnectionSettings, type EntryField, type SettingEntry } from "./connectionSettings";
import { ExecutorCache } from "./executorCache";
import { extensionBodyStorage } from "../response/bodyFolder";
import { secretKindOf, secretLabel } from "./secretKinds";
import { ConnectionStatusBar } from "./statusBar";
import { addEntry, entriesOf, removeEntry, setField, settingTarget } from "./settingEdits";

/** The log the manager writes to and registers its secrets with (extension/log.ts). */
export interface ConnectionsLog extends Log {
  addSecretSource(source: () => readonly string[]): void;
}

const ACTIVE_KEY = "maximo.activeConnection";
const TIMEOUT_KEY = "request.timeoutMs";
/** setTimeout's largest delay: the timeout setting's 0 means "never". */
const NO_TIMEOUT_MS = 2 ** 31 - 1;

export class ConnectionManager implements Connections {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private settings: ConnectionSettings;
  private readonly secrets: ConnectionSecrets;
  private readonly executors: ExecutorCache;
  private readonly disposables: vscode.Disposable[] = [];
  private reportedProblems = "";
  /** The status bar item showing the active connection. */
  readonly statusBar: ConnectionStatusBar;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: ConnectionsLog,
  ) {
    this.secrets = new ConnectionSecrets(context.secrets, (connection, kind) => askForSecret(connection, secretLabel[kind]));
    this.executors = new ExecutorCache(
      (connection) => {
        const timeoutMs = this.timeoutMs();
        return deferredExecutor(connection, async () => {
          const { createExecutor } = await import("../../http/executor");
          return createExecutor({ connection, secrets: this.secrets, log: (line) => log.info(line), transport: { timeoutMs, bodies: extensionBodyStorage(context) } });
        });
      },
      () => String(this.timeoutMs()),
    );
    log.addSecretSource(() => [...this.secrets.values(), ...this.executors.secrets()]);
    this.settings = this.readSettings();
    this.statusBar = new ConnectionStatusBar(this);
    this.disposables.push(
      this.statusBar,
      this.changed,
      vscode.workspace.onDidChangeConfiguration((event) => {
        const section = (key: string) => event.affectsConfiguration(`${SETTING_SECTION}.${key}`);
        if (section(CONNECTIONS_KEY) || section(DEFAULT_CONNECTION_KEY) || section(TIMEOUT_KEY)) this.reload();
      }),
      context.secrets.onDidChange(async (event) => {
        const connection = await this.secrets.changedElsewhere(event.key);
        if (connection !== undefined) this.executors.drop(connection);
      }),
    );
  }

  all(): readonly ExtensionConnection[] {
    return this.settings.connections;
  }

  /** Sentences for the entries of the setting that are ignored. */
  problems(): readonly string[] {
    return this.settings.problems;
  }

  active(): ExtensionConnection | undefined {
    const defaultName = vscode.workspace.getConfiguration(SETTING_SECTION).get<string>(DEFAULT_CONNECTION_KEY) || undefined;
    return activeConnection(this.settings.connections, this.context.workspaceState.get<string>(ACTIVE_KEY), defaultName);
  }

  /** Makes `name` the workspace's connection (undefined clears the choice); throws a sentence for an unknown name. */
  async setActive(name: string | undefined): Promise<ExtensionConnection | undefined> {
    const connection = name === undefined ? undefined : requestedConnection(this.settings.connections, name);
    const before = this.active()?.name;
    await this.context.workspaceState.update(ACTIVE_KEY, connection?.name);
    if (this.active()?.name !== before || connection === undefined) this.changed.fire();
    return connection;
  }

  async choose(requested?: string): Promise<ExtensionConnection | undefined> {
    if (requested !== undefined && requested.trim() !== "") return requestedConnection(this.settings.connections, requested);
    const active = this.active();
    if (active) return active;
    const picked = await vscode.commands.executeCommand<ExtensionConnection | undefined>(CONNECTION_COMMANDS.select);
    return picked ?? this.active();
  }

  executor(connection: ExtensionConnection): Executor {
    return this.executors.get(connection);
  }

  async confirmWrite(connection: ExtensionConnection, change: string): Promise<boolean> {
    if (!connection.readOnly) return true;
    const answer = await vscode.window.showWarningMessage(
      `"${connection.name}" is a read-only connection. Continue with this write?`,
      { modal: true, detail: `${change.replace(/\.?$/, ".")}\nThe connection's settings mark it read-only, so every write asks first.` },
      "Continue",
    );
    return answer === "Continue";
  }

  async reenterSecret(connection: ExtensionConnection): Promise<void> {
    const kind = secretKindOf(connection.auth);
    if (kind) await this.secrets.forget(connection.name, kind);
    this.executors.drop(connection.name);
  }

  async secretValues(): Promise<readonly string[]> {
    for (const connection of this.settings.connections) {
      const kind = secretKindOf(connection.auth);
      if (kind) await this.secrets.peek(connection.name, kind);
    }
    return [...this.secrets.values(), ...this.executors.secrets()];
  }

  /** Stores the connection's secret (the kind its sign-in needs); the next request uses it. */
  async storeSecret(connection: ExtensionConnection, value: string): Promise<void> {
    const kind = secretKindOf(connection.auth);
    if (!kind) throw new Error(`Connection "${connection.name}" signs in without a secret (auth "none").`);
    await this.secrets.store(connection.name, kind, value);
    this.executors.drop(connection.name);
  }

  /** True when the connection's secret is stored, or it needs none; never asks. */
  async hasSecret(connection: ExtensionConnection): Promise<boolean> {
    const kind = secretKindOf(connection.auth);
    return kind === undefined || (await this.secrets.peek(connection.name, kind)) !== undefined;
  }

  /** Adds an entry to the setting (never a secret; store that with storeSecret). */
  async add(entry: SettingEntry): Promise<ExtensionConnection> {
    await this.writeEntries((entries) => addEntry(entries, entry));
    const added = this.settings.connections.find((c) => c.name === entry.name);
    if (!added) throw new ConnectionError(`Connection "${String(entry.name)}" was written to the settings but could not be read back; check the "maximo.connections" setting.`);
    return added;
  }

  /** Changes one field; a rename carries the secrets and the workspace's selection along. */
  async update(name: string, field: EntryField, value: string | boolean | undefined): Promise<void> {
    const wasActive = this.active()?.name === name && this.context.workspaceState.get<string>(ACTIVE_KEY) === name;
    await this.writeEntries((entries) => setField(entries, name, field, value));
    if (field === "name" && typeof value === "string" && value !== name) {
      await this.secrets.rename(name, value);
      this.executors.drop(name);
      if (wasActive) await this.setActive(value);
    }
  }

  /** Deletes the setting entry and every secret stored for it. */
  async remove(name: string): Promise<void> {
    await this.writeEntries((entries) => removeEntry(entries, name));
    await this.secrets.forget(name);
    this.executors.drop(name);
    if (this.context.workspaceState.get<string>(ACTIVE_KEY) === name) await this.setActive(undefined);
  }

  dispose(): void {
    this.executors.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }

  private async writeEntries(edit: (entries: SettingEntry[]) => SettingEntry[]): Promise<void> {
    const configuration = vscode.workspace.getConfiguration(SETTING_SECTION);
    const inspected = configuration.inspect<unknown>(CONNECTIONS_KEY);
    const target =
      settingTarget(inspected) === "workspace" && vscode.workspace.workspaceFolders?.length
        ? vscode.ConfigurationTarget.Workspace
        : vscode.ConfigurationTarget.Global;
    const current = target === vscode.ConfigurationTarget.Workspace ? inspected?.workspaceValue : inspected?.globalValue;
    await configuration.update(CONNECTIONS_KEY, edit(entriesOf(current)), target);
    // The change event may come later; the caller reads the result at once.
    this.reload();
  }

  private reload(): void {
    const next = this.readSettings();
    const before = JSON.stringify(this.settings.connections);
    const activeBefore = this.active()?.name;
    this.settings = next;
    this.executors.sync(next.connections);
    if (JSON.stringify(next.connections) !== before || this.active()?.name !== activeBefore) this.changed.fire();
  }

  private readSettings(): ConnectionSettings {
    const settings = readConnectionSettings(vscode.workspace.getConfiguration(SETTING_SECTION).get<unknown>(CONNECTIONS_KEY));
    const report = settings.problems.join("\n");
    if (report !== this.reportedProblems) {
      this.reportedProblems = report;
      for (const problem of settings.problems) this.log.warn(problem);
      if (settings.problems.length > 0) void this.showProblems(settings.problems);
    }
    return settings;
  }

  private async showProblems(problems: readonly string[]): Promise<void> {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? "s" : ""} in the log)` : "";
    const action = await vscode.window.showWarningMessage(`${problems[0]}${more}`, "Open Settings", "Show Log");
    if (action === "Open Settings") await openConnectionSettings();
    if (action === "Show Log") this.log.show();
  }

  private timeoutMs(): number {
    const value = vscode.workspace.getConfiguration(SETTING_SECTION).get<number>(TIMEOUT_KEY) ?? 120_000;
    return value > 0 ? value : NO_TIMEOUT_MS;
  }
}

/** The input box a missing secret is asked in: masked, and it stays open when focus moves. */
export async function askForSecret(connection: string, label: string): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: `Maximo: ${label} for "${connection}"`,
    prompt: `Enter the ${label} of connection "${connection}". It is kept in VS Code's SecretStorage, never in settings.`,
    password: true,
    ignoreFocusOut: true,
  });
}

/** The Settings editor at `maximo.connections` (its "Edit in settings.json" link opens the right scope). */
export async function openConnectionSettings(): Promise<void> {
  await vscode.commands.executeCommand("workbench.action.openSettings", `${SETTING_SECTION}.${CONNECTIONS_KEY}`);
}
