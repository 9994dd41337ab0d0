/** The language server as a child process over stdio, for benches that speak JSON-RPC to it. */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from "vscode-jsonrpc/node";
import { root } from "./emulatorChild";

export interface Published {
  uri: string;
  version?: number;
  diagnostics: Array<{ code?: string | number; message: string }>;
}

export interface LspChild {
  child: ChildProcess;
  connection: MessageConnection;
  /** Resolves with the diagnostics published for `uri` at `version` (at once if already seen). */
  diagnostics(uri: string, version: number): Promise<Published>;
  /** Resolves with the first publication for `uri` at `version` that `accept` takes. */
  diagnosticsWhere(uri: string, version: number, accept: (p: Published) => boolean): Promise<Published>;
  /** Resident set size of the server process, in bytes (Linux /proc). */
  rss(): number;
  /** Peak resident set size of the server process so far, in bytes (VmHWM). */
  peakRss(): number;
  stop(): Promise<void>;
}

/** Builds dist/ from the current sources, so the figures are those of the code on disk. */
export function buildDist(): void {
  const built = spawnSync(process.execPath, ["esbuild.mjs"], { cwd: root, stdio: "inherit" });
  if (built.status !== 0) throw new Error("esbuild.mjs failed");
}

/** The completion capabilities vscode-languageclient 11 declares: LSP 3.17 item defaults. */
export const VSCODE_CAPABILITIES = {
  textDocument: {
    completion: {
      completionItem: { snippetSupport: true, insertReplaceSupport: true, resolveSupport: { properties: ["documentation", "detail", "additionalTextEdits"] } },
      completionList: { itemDefaults: ["commitCharacters", "editRange", "insertTextFormat", "insertTextMode", "data"] },
    },
  },
};

/**
 * Spawns `dist/server.js --stdio` and completes the initialize handshake (as VS Code by default).
 * MAXIMO_LSP_NODE_ARGS (space-separated) goes to the server's node, e.g. `--cpu-prof --cpu-prof-dir=/tmp/p`.
 */
export async function startLspChild(capabilities: object = VSCODE_CAPABILITIES): Promise<LspChild> {
  const nodeArgs = (process.env.MAXIMO_LSP_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, join(root, "dist", "server.js"), "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  // Latest publication per uri and version; waiters keyed the same way.
  // The first publication per uri and version (a large file's first may be an early part of
  // its set); waiters keyed the same way, and conditional waiters that look at every one.
  const seen = new Map<string, Published>();
  const waiters = new Map<string, (p: Published) => void>();
  const conditional: Array<{ key: string; accept: (p: Published) => boolean; wake: (p: Published) => void }> = [];
  const all: Published[] = [];
  connection.onNotification("textDocument/publishDiagnostics", (params: Published) => {
    const key = `${params.uri}@${params.version}`;
    all.push(params);
    if (!seen.has(key)) seen.set(key, params);
    const wake = waiters.get(key);
    if (wake) {
      waiters.delete(key);
      wake(params);
    }
    for (let i = conditional.length - 1; i >= 0; i--) {
      const waiter = conditional[i]!;
      if (waiter.key !== key || !waiter.accept(params)) continue;
      conditional.splice(i, 1);
      waiter.wake(params);
    }
  });
  connection.listen();
  await connection.sendRequest("initialize", { processId: process.pid, rootUri: null, capabilities });
  await connection.sendNotification("initialized", {});
  return {
    child,
    connection,
    diagnostics(uri, version) {
      const key = `${uri}@${version}`;
      const hit = seen.get(key);
      if (hit) return Promise.resolve(hit);
      return new Promise((resolve) => waiters.set(key, resolve));
    },
    diagnosticsWhere(uri, version, accept) {
      const key = `${uri}@${version}`;
      const hit = all.find((p) => `${p.uri}@${p.version}` === key && accept(p));
      if (hit) return Promise.resolve(hit);
      return new Promise((wake) => conditional.push({ key, accept, wake }));
    },
    rss: () => statusKb(child.pid!, "VmRSS") * 1024,
    peakRss: () => statusKb(child.pid!, "VmHWM") * 1024,
    async stop() {
      await connection.sendRequest("shutdown").catch(() => undefined);
      // `exit` lets the server end by itself (and write a --cpu-prof); kill what is left after 2 s.
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      await connection.sendNotification("exit").catch(() => undefined);
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
      connection.dispose();
      child.kill();
    },
  };
}

/** A `kB` line of /proc/<pid>/status. */
function statusKb(pid: number, field: string): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, "m").exec(status);
  if (!match) throw new Error(`no ${field} in /proc status`);
  return Number(match[1]);
}
