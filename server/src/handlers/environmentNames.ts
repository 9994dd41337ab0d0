/**
 * The variable names the environments around an open document define (REST Client, httpyac and
 * JetBrains files; client/src/environments/variableNames.ts), for the undefined-variable check:
 * read once per folder and kept until an environment file changes (the server watches them).
 */
import { fileURLToPath } from "node:url";
import { resolve, sep } from "node:path";
import { DidChangeWatchedFilesNotification, type Connection, type InitializeParams } from "vscode-languageserver";
import { environmentNames } from "../../../client/src/environments/variableNames";

/** What the server asks the client to watch: any change drops what was read. */
export const ENVIRONMENT_FILE_GLOBS = [
  "**/{maximo.env.json,http-client.env.json,http-client.private.env.json,.httpyac.json}",
  "**/{.env,.env.*,*.env}",
  "**/.vscode/settings.json",
];

export class EnvironmentNames {
  private readonly byFile = new Map<string, ReadonlySet<string>>();
  private roots: string[] = [];

  /** The workspace folders (`file:` URIs): the folders read stop at the one holding the document. */
  setWorkspaceFolders(uris: readonly string[]): void {
    this.roots = uris.flatMap((uri) => pathOf(uri) ?? []);
    this.byFile.clear();
  }

  /** The names for the document at `uri`; none for a document that is not a file (untitled). */
  namesFor(uri: string): ReadonlySet<string> {
    const path = pathOf(uri);
    if (!path) return EMPTY;
    let names = this.byFile.get(path);
    if (!names) {
      names = environmentNames(path, this.rootOf(path)).names;
      this.byFile.set(path, names);
    }
    return names;
  }

  /** An environment file changed: read again on next use. */
  clear(): void {
    this.byFile.clear();
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
 * Once initialized, asks the client to report changes to environment files (when it can
 * register watchers: VS Code does), and on a change forgets what was read and calls `changed`
 * (the server checks its open documents again).
 */
export function watchEnvironmentFiles(connection: Connection, environments: EnvironmentNames, canRegister: () => boolean, changed: () => void): void {
  connection.onInitialized(() => {
    if (!canRegister()) return;
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: ENVIRONMENT_FILE_GLOBS.map((globPattern) => ({ globPattern })) }).catch(() => undefined);
  });
  connection.onDidChangeWatchedFiles(() => {
    environments.clear();
    changed();
  });
}

function pathOf(uri: string): string | undefined {
  if (!uri.startsWith("file:")) return undefined;
  try {
    return resolve(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}
