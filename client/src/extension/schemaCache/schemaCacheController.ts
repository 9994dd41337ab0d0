/**
 * When to fill the schema cache, and telling the language server: on selecting a connection
 * (apimeta, then the structures the open `.maximo` files use), on Refresh Schemas (everything
 * again), and after edits that bring in a new `os/NAME`. Background fetches never ask for a
 * secret; offline, the server keeps the cached copies and its offline pack, with one warning.
 */
import * as vscode from "vscode";
import type { Connections, ExtensionConnection, Log } from "../contracts";
import { CONNECTION_COMMANDS, REFRESH_SCHEMAS_COMMAND } from "../connections/commandIds";
import { fingerprintOf } from "../connections/executorCache";
import { connectionFolder } from "./cacheLayout";
import { objectStructuresIn } from "./objectStructureNames";
import { listUsesIn, type ListUse } from "./listUses";
import { SchemaFetcher } from "./schemaFetcher";
import { ValueListFetcher, type ValueListReport } from "./valueListFetcher";

/** The language client's side of it (client/src/language/languageClient.ts). */
export interface SchemaFolderListener {
  notifySchemaFolders(folders: readonly string[]): Promise<void>;
}

export interface SchemaConnections extends Connections {
  /** True when the connection's secret is stored or it needs none (checked without asking). */
  hasSecret(connection: ExtensionConnection): Promise<boolean>;
}

type Mode = "startup" | "selected" | "refresh";

interface Current {
  key: string;
  connection: ExtensionConnection;
  fetcher: SchemaFetcher;
  lists: ValueListFetcher;
  apimeta: "unknown" | "ok" | "failed";
  warned: boolean;
}

/** Pause after the last edit before looking for new object structures. */
const EDIT_SETTLE_MS = 800;

export class SchemaCacheController implements vscode.Disposable {
  private readonly root: string;
  private current: Current | undefined;
  private generation = 0;
  private readonly running = new Set<Promise<unknown>>();
  private editTimer: NodeJS.Timeout | undefined;
  private usedPass: Promise<void> = Promise.resolve();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    context: vscode.ExtensionContext,
    private readonly connections: SchemaConnections,
    private readonly listener: SchemaFolderListener,
    private readonly log: Log,
  ) {
    this.root = vscode.Uri.joinPath(context.globalStorageUri, "schemas").fsPath;
    this.disposables.push(
      connections.onDidChange(() => this.followActive("selected")),
      vscode.commands.registerCommand(REFRESH_SCHEMAS_COMMAND, () => this.refresh()),
      vscode.workspace.onDidOpenTextDocument((document) => this.onDocument(document)),
      vscode.workspace.onDidChangeTextDocument((event) => event.contentChanges.length > 0 && this.onDocument(event.document)),
    );
    this.followActive("startup");
  }

  /** The cache folder of a connection (`<global storage>/schemas/<connection folder>`). */
  folderFor(connection: ExtensionConnection): string {
    return connectionFolder(this.root, connection);
  }

  /** Resolves once no fetch is running or waiting for an edit pause. */
  async settled(): Promise<void> {
    while (this.running.size > 0 || this.editTimer) {
      if (this.editTimer) {
        clearTimeout(this.editTimer);
        this.editTimer = undefined;
        this.queueUsedPass();
      }
      await Promise.allSettled([...this.running]);
    }
  }

  /** Refresh Schemas: apimeta and every cached or used schema again, then a message. */
  async refresh(): Promise<{ ok: boolean; message: string }> {
    const connection = this.connections.active();
    if (!connection) {
      const message = "Select a Maximo connection first: schemas are fetched from the active connection.";
      void vscode.window.showInformationMessage(message, "Select Connection").then((action) => {
        if (action) void vscode.commands.executeCommand(CONNECTION_COMMANDS.select);
      });
      return { ok: false, message };
    }
    this.switchTo(connection, "refresh");
    const result = await this.track(this.fill(this.current!, this.generation, "refresh"));
    if (result.ok) void vscode.window.showInformationMessage(result.message);
    else {
      void vscode.window.showWarningMessage(result.message, "Show Log").then((action) => {
        if (action) this.log.show();
      });
    }
    return result;
  }

  /**
   * One structure's schema for the active connection, fetched when it is not cached (the
   * explorer expanding a structure). Never asks for a secret; tells the server when it fetched.
   */
  async ensureSchema(connection: ExtensionConnection, name: string): Promise<{ ok: true } | { ok: false; reason: string }> {
    const current = this.current;
    if (!current || current.connection.name !== connection.name) return { ok: false, reason: `"${connection.name}" is not the active connection` };
    if (!(await this.connections.hasSecret(current.connection))) return { ok: false, reason: `the password or API key of "${connection.name}" has not been entered yet (Refresh asks for it)` };
    const generation = this.generation;
    const report = await this.track(current.fetcher.ensureSchemas([name]));
    if (report.fetched.length > 0) await this.notify([current.fetcher.folder], generation);
    if (report.failed.length > 0) return { ok: false, reason: report.failed[0]!.reason };
    if (report.skipped.length > 0) return { ok: false, reason: `the server does not list ${name} (apimeta), or does not serve its schema` };
    return { ok: true };
  }

  dispose(): void {
    clearTimeout(this.editTimer);
    this.generation++;
    for (const disposable of this.disposables) disposable.dispose();
  }

  private followActive(mode: Mode): void {
    const connection = this.connections.active();
    const key = connection ? `${connection.name}|${fingerprintOf(connection)}` : "";
    if (key === (this.current?.key ?? "") && mode !== "startup") return;
    this.switchTo(connection, mode);
    if (this.current) this.track(this.fill(this.current, this.generation, mode));
  }

  private switchTo(connection: ExtensionConnection | undefined, mode: Mode): void {
    const generation = ++this.generation;
    if (!connection) {
      // Back to the offline pack alone (the server starts with it, so nothing to say at startup).
      if (this.current) this.track(this.notify([], generation));
      this.current = undefined;
      return;
    }
    const fetcher = new SchemaFetcher({
      connection,
      folder: this.folderFor(connection),
      send: (outgoing, options) => this.connections.executor(connection).send(outgoing, options),
    });
    const lists = new ValueListFetcher({
      connection,
      folder: fetcher.folder,
      send: (outgoing, options) => this.connections.executor(connection).send(outgoing, options),
    });
    this.current = { key: `${connection.name}|${fingerprintOf(connection)}`, connection, fetcher, lists, apimeta: "unknown", warned: false };
    if (mode !== "startup") this.log.info(`Schemas: using ${fetcher.folder} for connection "${connection.name}".`);
  }

  /** apimeta, then the used (and with refresh, the cached) schemas; tells the server before and after. */
  private async fill(current: Current, generation: number, mode: Mode): Promise<{ ok: boolean; message: string }> {
    const { connection, fetcher } = current;
    // The cached copy is usable at once, before anything is fetched.
    await this.notify([fetcher.folder], generation);
    if (mode === "startup" && !(await this.connections.hasSecret(connection))) {
      return { ok: true, message: `Schemas of "${connection.name}" are fetched once its secret has been entered.` };
    }
    const failures: string[] = [];
    const apimeta = await fetcher.refreshApimeta();
    current.apimeta = apimeta.ok ? "ok" : "failed";
    if (!apimeta.ok) failures.push(`apimeta: ${apimeta.reason}`);
    let fetched: string[] = [];
    // Offline, every schema would fail the same way: do not try them one by one.
    if (apimeta.ok || apimeta.unavailable) {
      const names = new Set(this.usedNames());
      if (mode === "refresh") for (const name of await fetcher.cachedSchemaNames()) names.add(name);
      const report = await fetcher.ensureSchemas(names, { force: mode === "refresh" });
      fetched = report.fetched;
      failures.push(...report.failed.map((failure) => `${failure.name}: ${failure.reason}`));
    }
    let lists: string[] = [];
    if (apimeta.ok) {
      const uses = this.usedLists();
      if (mode === "refresh") uses.push(...(await current.lists.cachedLists()));
      const report = this.logLists(current, await current.lists.ensureLists(uses, { force: mode === "refresh" }));
      lists = report.fetched;
      failures.push(...report.failed.map((failure) => `${failure.name}: ${failure.reason}`));
    }
    if (apimeta.ok || fetched.length > 0 || lists.length > 0) await this.notify([fetcher.folder], generation);
    if (failures.length > 0) return { ok: false, message: this.warn(current, failures) };
    const parts = [
      ...(fetched.length > 0 ? [`${fetched.length} object structure schema${fetched.length === 1 ? "" : "s"}`] : []),
      ...(lists.length > 0 ? [`${lists.length} value list${lists.length === 1 ? "" : "s"}`] : []),
    ];
    const what = `apimeta${parts.length > 0 ? ` and ${parts.join(" and ")}` : ""}`;
    return { ok: true, message: `Refreshed the schemas of connection "${connection.name}": ${what}.` };
  }

  /** After edits: fetch the schemas of structures the open files newly use. */
  private async fetchUsed(): Promise<void> {
    const current = this.current;
    if (!current || current.apimeta === "failed") return;
    const generation = this.generation;
    if (!(await this.connections.hasSecret(current.connection))) return;
    if (current.apimeta === "unknown") {
      const apimeta = await current.fetcher.refreshApimeta();
      current.apimeta = apimeta.ok ? "ok" : "failed";
      if (!apimeta.ok) {
        this.warn(current, [`apimeta: ${apimeta.reason}`]);
        return;
      }
    }
    const report = await current.fetcher.ensureSchemas(this.usedNames());
    const lists = this.logLists(current, await current.lists.ensureLists(this.usedLists()));
    if (report.fetched.length > 0 || lists.fetched.length > 0 || current.apimeta === "ok") await this.notify([current.fetcher.folder], generation);
    const failed = [...report.failed, ...lists.failed];
    if (failed.length > 0) this.warn(current, failed.map((failure) => `${failure.name}: ${failure.reason}`));
  }

  /** The attributes whose values the open `.maximo` files write (value lists to fetch). */
  private usedLists(): ListUse[] {
    const uses: ListUse[] = [];
    for (const document of vscode.workspace.textDocuments) {
      if (document.languageId === "maximo") uses.push(...listUsesIn(document.getText()));
    }
    return uses;
  }

  /** One line per structure without a record (its lists cannot be read); the fetcher reports each once. */
  private logLists(current: Current, report: ValueListReport): ValueListReport {
    for (const os of report.empty) {
      this.log.info(`Value lists: ${os} has no record on connection "${current.connection.name}", so its value lists cannot be read (getlist~ is asked of a record).`);
    }
    if (report.fetched.length > 0) this.log.info(`Value lists: saved ${report.fetched.join(", ")} for connection "${current.connection.name}".`);
    return report;
  }

  private onDocument(document: vscode.TextDocument): void {
    if (document.languageId !== "maximo" || !this.current) return;
    clearTimeout(this.editTimer);
    this.editTimer = setTimeout(() => {
      this.editTimer = undefined;
      this.queueUsedPass();
    }, EDIT_SETTLE_MS);
  }

  /** One pass at a time: a pass still reading the server would otherwise be overtaken by the next. */
  private queueUsedPass(): void {
    this.usedPass = this.track(this.usedPass.then(() => this.fetchUsed()).catch(() => undefined));
  }

  private usedNames(): string[] {
    const names = new Set<string>();
    for (const document of vscode.workspace.textDocuments) {
      if (document.languageId === "maximo") for (const name of objectStructuresIn(document.getText())) names.add(name);
    }
    return [...names];
  }

  /** One warning per connection selection or refresh; returns the sentence. */
  private warn(current: Current, failures: string[]): string {
    const more = failures.length > 1 ? ` and ${failures.length - 1} more` : "";
    const message =
      `Could not refresh the schemas of connection "${current.connection.name}" (${failures[0]}${more}); ` +
      `completion and diagnostics use the cached copies and the offline schema pack. Run "Maximo: Refresh Schemas" when the server is reachable.`;
    if (!current.warned) {
      current.warned = true;
      this.log.warn(message);
    }
    return message;
  }

  private async notify(folders: string[], generation: number): Promise<void> {
    // A later selection has taken over; its own notification wins.
    if (generation !== this.generation) return;
    try {
      await this.listener.notifySchemaFolders(folders);
    } catch (error) {
      this.log.warn(`Schemas: the language server was not told about ${folders.join(", ") || "the offline pack"}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    void work.finally(() => this.running.delete(work)).catch(() => undefined);
    return work;
  }
}
