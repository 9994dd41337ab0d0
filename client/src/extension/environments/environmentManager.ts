/**
 * The Environments of the extension (contracts.ts): each folder's `maximo.env.json`, else REST
 * Client's `rest-client.environmentVariables` setting, read once and again when either changes;
 * the active environment's name kept per workspace (workspaceState).
 */
import { promises as fs } from "node:fs";
import { dirname } from "node:path";
import * as vscode from "vscode";
import { environmentOf, REST_CLIENT_SETTING, type EnvironmentSet } from "../../environments/environmentSet";
import { loadEnvironmentSet } from "../../environments/loadEnvironments";
import { ENV_FILE, type Environment } from "../../variables/envSources";
import type { Environments } from "../contracts";

const ACTIVE_KEY = "maximo.activeEnvironment";

export class EnvironmentManager implements Environments, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly sets = new Map<string, Promise<EnvironmentSet>>();
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(private readonly state: vscode.Memento) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${ENV_FILE}`);
    const reload = () => {
      this.sets.clear();
      this.changed.fire();
    };
    this.disposables.push(
      watcher,
      watcher.onDidChange(reload),
      watcher.onDidCreate(reload),
      watcher.onDidDelete(reload),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(REST_CLIENT_SETTING)) reload();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(reload),
    );
  }

  active(): string | undefined {
    return this.state.get<string>(ACTIVE_KEY);
  }

  /** Makes `name` the workspace's environment; undefined leaves only `$shared`. */
  async setActive(name: string | undefined): Promise<void> {
    if (name === this.active()) return;
    await this.state.update(ACTIVE_KEY, name);
    this.changed.fire();
  }

  /** The folder whose environments apply to `uri`: its workspace folder, else its own folder; without a uri, the active editor's or the first folder. */
  folderOf(uri?: vscode.Uri): string | undefined {
    const target = uri ?? vscode.window.activeTextEditor?.document.uri;
    const folder = target ? vscode.workspace.getWorkspaceFolder(target) : undefined;
    if (folder) return folder.uri.fsPath;
    if (target?.scheme === "file") return dirname(target.fsPath);
    return vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  }

  /** The environments of a folder (read once until maximo.env.json or the setting changes). */
  setOf(folder: string): Promise<EnvironmentSet> {
    let set = this.sets.get(folder);
    if (!set) {
      const scope = vscode.Uri.file(folder);
      set = loadEnvironmentSet({
        readFile: (path) => fs.readFile(path),
        workspaceDir: folder,
        restClientSetting: vscode.workspace.getConfiguration(undefined, scope).get<unknown>(REST_CLIENT_SETTING),
      });
      this.sets.set(folder, set);
    }
    return set;
  }

  async forDocument(uri: vscode.Uri): Promise<Environment> {
    const folder = this.folderOf(uri);
    if (folder === undefined) return { selected: new Map(), shared: new Map(), file: ENV_FILE };
    return environmentOf(await this.setOf(folder), this.active());
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
