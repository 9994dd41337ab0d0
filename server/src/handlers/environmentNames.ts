/**
 * The variable names the environments around an open document define (REST Client, httpyac and
 * JetBrains files; client/src/environments/variableNames.ts), for the undefined-variable check:
 * read once per folder and kept until an environment file changes (the server watches them);
 * with them, the names the client's `rest-client.environmentVariables` setting defines
 * (restClientSetting.ts: user and workspace settings, which no file here holds).
 */
import { fileURLToPath } from "node:url";
import { resolve, sep } from "node:path";
import { DidChangeWatchedFilesNotification, type Connection, type InitializeParams } from "vscode-languageserver";
import { environmentNames } from "../../../client/src/environments/variableNames";
import type { GlobalSetter } from "../../../client/src/environments/handlerGlobals";
import { SettingNames } from "./restClientSetting";

/** What the server asks the client to watch: any change drops what was read. */
export const ENVIRONMENT_FILE_GLOBS = [
  "**/{maximo.env.json,http-client.env.json,http-client.private.env.json,.httpyac.json,.httpyac.js,.httpyac.cjs,.httpyac.mjs,httpyac.config.js,httpyac.config.cjs,httpyac.config.mjs}",
  "**/{.env,.env.*,*.env}",
  "**/.vscode/settings.json",
  // Its `httpyac.envDirName` names the folder of env files (envDirNames.ts).
  "**/package.json",
  // Request files: their JetBrains handlers' client.global.set names count in the files around them (handlerGlobals.ts).
  "**/*.{http,rest,maximo}",
];

export class EnvironmentNames {
  private readonly byFile = new Map<string, ReadonlySet<string>>();
  /** What each folder's request files set as JetBrains globals, shared by the documents under it. */
  private readonly setters = new Map<string, readonly GlobalSetter[]>();
  private roots: string[] = [];
  /** The names of REST Client's setting as the client answers them, per document. */
  readonly settings = new SettingNames();

  /** The workspace folders (`file:` URIs): the folders read stop at the one holding the document. */
  setWorkspaceFolders(uris: readonly string[]): void {
    this.roots = uris.flatMap((uri) => pathOf(uri) ?? []);
    this.clear();
  }

  /** The names for the document at `uri`: its files' (none for a document that is not a file: untitled) and the setting's. */
  namesFor(uri: string): ReadonlySet<string> {
    const fromFiles = this.fileNamesFor(uri);
    const fromSetting = this.settings.namesFor(uri);
    if (fromSetting.size === 0) return fromFiles;
    if (fromFiles.size === 0) return fromSetting;
    return new Set([...fromFiles, ...fromSetting]);
  }

  private fileNamesFor(uri: string): ReadonlySet<string> {
    const path = pathOf(uri);
    if (!path) return EMPTY;
    let names = this.byFile.get(path);
    if (!names) {
      names = environmentNames(path, this.rootOf(path), this.setters).names;
      this.byFile.set(path, names);
    }
    return names;
  }

  /** An environment file changed: read again on next use. */
  clear(): void {
    this.byFile.clear();
    this.setters.clear();
  }

  /** The innermost workspace folder holding `path`. */
  private rootOf(path: string): string | undefined {
    let best: string | undefined;
    for (const root of this.roots) {
      const inside = path.startsWith(root.endsWith(sep) ? root : root + sep);
      if (inside && (best === undefined || root.length > best.length)) best = root;
    }
    return best;
  }
}

const EMPTY: ReadonlySet<string> = new Set();

/** The workspace folders of `initialize` (the older `rootUri` when the client sends no folders). */
export function workspaceFolderUris(params: Pick<InitializeParams, "workspaceFolders" | "rootUri">): string[] {
  if (params.workspaceFolders && params.workspaceFolders.length > 0) return params.workspaceFolders.map((f) => f.uri);
  return params.rootUri ? [params.rootUri] : [];
}

/**
 * On a change of an environment file, forgets what was read and calls `changed` (the server
 * checks its open documents again). Returns the step to run once initialized: it asks the
 * client to report such changes (when it can register watchers: VS Code does).
 */
export function watchEnvironmentFiles(connection: Connection, environments: EnvironmentNames, canRegister: () => boolean, changed: () => void): () => void {
  connection.onDidChangeWatchedFiles(() => {
    environments.clear();
    changed();
  });
  return () => {
    if (!canRegister()) return;
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: ENVIRONMENT_FILE_GLOBS.map((globPattern) => ({ globPattern })) }).catch(() => undefined);
  };
}

function pathOf(uri: string): string | undefined {
  if (!uri.startsWith("file:")) return undefined;
  try {
    return resolve(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}
