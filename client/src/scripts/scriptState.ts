/**
 * What the workspace remembers of each server script at its last pull or deploy: the server's
 * rowstamp and a hash of the source it held. A later deploy compares them with the server to
 * tell "you are overwriting your own last version" from "someone changed it since" (PRODUCT.md,
 * "after a check that nobody changed the server copy since it was last pulled").
 * The extension keeps this in workspaceState, the CLI in `.maximo/state.json`.
 */
import { createHash } from "node:crypto";
import { readFile, rename, writeFile } from "node:fs/promises";
import { dirname, isAbsolute, relative, sep } from "node:path";
import type { ConnectionConfig } from "../connections/types";
import { makeDirectory } from "../files/makeDirectory";

export interface ScriptState {
  /** AUTOSCRIPT `_rowstamp` as read after the pull or deploy. */
  rowstamp: string;
  /** sha256 of the server's source then. */
  sourceHash: string;
  /** The workspace file it was pulled to or deployed from (workspace-relative, `/` separated). */
  file?: string;
  kind: "pull" | "deploy";
  /** ISO time. */
  at: string;
}

export interface ScriptStateStore {
  get(server: string, script: string): Promise<ScriptState | undefined>;
  set(server: string, script: string, state: ScriptState): Promise<void>;
  /** The script a file was last deployed as or pulled into on this server. */
  scriptOfFile(server: string, file: string): Promise<string | undefined>;
}

/** Where the whole state lives: a JSON file, workspaceState, or memory in tests. */
export interface StateBackend {
  read(): Promise<unknown>;
  write(data: StateData): Promise<void>;
}

export interface StateData {
  version: 1;
  /** server → script name → state */
  servers: Record<string, Record<string, ScriptState>>;
}

export function sourceHash(source: string): string {
  return createHash("sha256").update(source, "utf8").digest("hex");
}

/** The state is about a server's copy, so two connections to one server share it. */
export function serverKey(connection: Pick<ConnectionConfig, "url">): string {
  const url = new URL(connection.url);
  return `${url.protocol}//${url.host.toLowerCase()}${url.pathname.replace(/\/+$/, "")}`;
}

function isState(value: unknown): value is ScriptState {
  const v = value as Partial<ScriptState> | null;
  return typeof v === "object" && v !== null && typeof v.rowstamp === "string" && typeof v.sourceHash === "string";
}

/** Anything unreadable counts as empty: losing the memory only means no conflict check. */
function normalise(data: unknown): StateData {
  const out: StateData = { version: 1, servers: {} };
  const servers = (data as Partial<StateData> | null)?.servers;
  if (typeof servers !== "object" || servers === null) return out;
  for (const [server, scripts] of Object.entries(servers)) {
    if (typeof scripts !== "object" || scripts === null) continue;
    const kept: Record<string, ScriptState> = {};
    for (const [name, state] of Object.entries(scripts)) if (isState(state)) kept[name] = state;
    out.servers[server] = kept;
  }
  return out;
}

export class BackedStateStore implements ScriptStateStore {
  /** Writes run one after another, so two quick deploys cannot lose each other's entry. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly backend: StateBackend) {}

  async get(server: string, script: string): Promise<ScriptState | undefined> {
    await this.queue;
    return normalise(await this.backend.read()).servers[server]?.[script.toUpperCase()];
  }

  set(server: string, script: string, state: ScriptState): Promise<void> {
    const next = this.queue.then(async () => {
      const data = normalise(await this.backend.read());
      const scripts = (data.servers[server] ??= {});
      // A file maps to one script: an entry that named this file for another script is stale.
      if (state.file) for (const entry of Object.values(scripts)) if (entry.file === state.file) delete entry.file;
      scripts[script.toUpperCase()] = state;
      await this.backend.write(data);
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  async scriptOfFile(server: string, file: string): Promise<string | undefined> {
    await this.queue;
    const scripts = normalise(await this.backend.read()).servers[server] ?? {};
    return Object.entries(scripts).find(([, state]) => state.file === file)?.[0];
  }
}

export function memoryBackend(initial?: StateData): StateBackend {
  let data: unknown = initial ? JSON.parse(JSON.stringify(initial)) : undefined;
  return {
    read: async () => (data === undefined ? undefined : JSON.parse(JSON.stringify(data))),
    write: async (value) => {
      data = JSON.parse(JSON.stringify(value));
    },
  };
}

/** The CLI's `.maximo/state.json`: written to a temporary file and renamed, so a crash never leaves half a file. */
export function jsonFileBackend(path: string): StateBackend {
  return {
    async read() {
      try {
        return JSON.parse(await readFile(path, "utf8")) as unknown;
      } catch {
        return undefined;
      }
    },
    async write(data) {
      await makeDirectory(dirname(path));
      const temporary = `${path}.${process.pid}.tmp`;
      await writeFile(temporary, JSON.stringify(data, null, 2) + "\n", "utf8");
      await rename(temporary, path);
    },
  };
}

/** How the state names a file: relative to the workspace, `/` separated (the same from the CLI and the extension). */
export function fileId(workspaceDir: string, path: string): string {
  const relativePath = relative(workspaceDir, path);
  return (relativePath.startsWith("..") || isAbsolute(relativePath) ? path : relativePath).split(sep).join("/");
}
