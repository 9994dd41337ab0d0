/**
 * What `maximo deploy` and `maximo extract` share: the workspace (the folder holding
 * maximo.connections.json, else the start folder), its `.maximo/state.json` and
 * `.maximo/backups`, one connection with its executor, and output with secrets masked.
 */
import { dirname, join } from "node:path";
import { ConnectionError, envSecrets, envSecretValues, findConnectionsFile, loadConnections } from "../connections/load";
import type { ConnectionConfig } from "../connections/types";
import { redact } from "../http/redact";
import { ScriptApi } from "../scripts/scriptApi";
import { BackedStateStore, jsonFileBackend, serverKey, type ScriptStateStore } from "../scripts/scriptState";
import { UsageError, type ParsedArgs } from "./args";
import { ExecutorPool } from "./executorPool";
import type { RunIo } from "./runCommand";

/** Exit codes of deploy and extract (also in `maximo --help`). */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
export const EXIT_CONFLICT = 3;

export interface ScriptSession {
  workspaceDir: string;
  connection: ConnectionConfig;
  api: ScriptApi;
  server: string;
  state: ScriptStateStore;
  backupFolder: string;
  print(line: string): void;
  printError(line: string): void;
  progress(line: string): void;
  close(): void;
}

/** The folder holding `maximo.connections.json` at or above `start`, else `start`. */
export function workspaceFrom(start: string): string {
  const file = findConnectionsFile(start);
  return file ? dirname(file) : start;
}

export function checkOptions(args: ParsedArgs, command: string, allowed: readonly string[]): void {
  for (const name of args.options.keys()) if (!allowed.includes(name)) throw new UsageError(`${command} does not know --${name}`);
}

export function textOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.options.get(name);
  if (value === true) throw new UsageError(`--${name} needs a value`);
  return value;
}

export function openSession(args: ParsedArgs, io: RunIo, workspaceDir: string): ScriptSession {
  let pool: ExecutorPool;
  let connection: ConnectionConfig;
  try {
    const wanted = textOption(args, "connection");
    const set = loadConnections({ workspaceDir, env: io.env, insecure: args.options.has("insecure"), ...(wanted === undefined ? {} : { connection: wanted }) });
    pool = new ExecutorPool(set, envSecrets(io.env), (line) => io.err(redact(line, secrets())));
    connection = pool.connection(undefined);
  } catch (error) {
    if (error instanceof ConnectionError) throw new UsageError(error.message);
    if (error instanceof Error && /connection/i.test(error.message)) throw new UsageError(error.message);
    throw error;
  }
  const envSecretList = envSecretValues(io.env);
  function secrets(): string[] {
    return [...envSecretList, ...pool.secretValues()];
  }
  const executor = pool.executor(connection);
  return {
    workspaceDir,
    connection,
    api: new ScriptApi(executor),
    server: serverKey(connection),
    state: new BackedStateStore(jsonFileBackend(join(workspaceDir, ".maximo", "state.json"))),
    backupFolder: join(workspaceDir, ".maximo", "backups"),
    print: (line) => io.out(redact(line, secrets())),
    printError: (line) => io.err(redact(line, secrets())),
    progress: (line) => io.progress?.(redact(line, secrets())),
    close: () => pool.close(),
  };
}
