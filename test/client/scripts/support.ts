/** Shared set-up for the script tests: an emulator, a deploy context over it, files in a temp workspace. */
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createExecutor, type Executor } from "../../../client/src/http/executor";
import type { DeployContext, DeployInput, DeployOutcome } from "../../../client/src/scripts/deploy";
import { deployScript } from "../../../client/src/scripts/deploy";
import { ScriptApi } from "../../../client/src/scripts/scriptApi";
import { BackedStateStore, fileId, memoryBackend, serverKey, type ScriptStateStore } from "../../../client/src/scripts/scriptState";
import { startEmulator, type EmulatorHandle } from "../../../emulator/index";
import type { LoggedRequest } from "../../../emulator/control/requestLog";
import { apikeyConnection, apikeySecrets } from "../http/support";

/** A small seed: the scripts are what matter here. */
export function scriptEmulator(withoutObjectStructures: string[] = []): Promise<EmulatorHandle> {
  return startEmulator({ port: 0, options: { workOrders: 20, withoutObjectStructures } });
}

export interface Workspace {
  dir: string;
  executor: Executor;
  api: ScriptApi;
  state: ScriptStateStore;
  context: DeployContext;
  /** Writes a file in the workspace and returns the deploy input for it. */
  file(relativePath: string, text: string): DeployInput;
  deploy(input: DeployInput): Promise<DeployOutcome>;
  close(): void;
}

export function workspace(emu: EmulatorHandle, overrides: Partial<DeployContext> = {}): Workspace {
  const dir = mkdtempSync(join(tmpdir(), "maximo-scripts-"));
  const connection = apikeyConnection(emu.url, "dev");
  const executor = createExecutor({ connection, secrets: apikeySecrets, retry: { baseDelayMs: 10 } });
  const api = new ScriptApi(executor);
  const state = new BackedStateStore(memoryBackend());
  const context: DeployContext = { api, connection: "dev", server: serverKey(connection), state, backupFolder: join(dir, ".maximo", "backups"), ...overrides };
  return {
    dir,
    executor,
    api,
    state,
    context,
    file(relativePath, text) {
      const path = join(dir, relativePath);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
      return { path, file: fileId(dir, path), text };
    },
    deploy: (input) => deployScript(input, context),
    close: () => executor.close(),
  };
}

/** The writes the emulator received (anything but GET), for assertions on what went on the wire. */
export function writes(emu: EmulatorHandle): LoggedRequest[] {
  return emu.log.list().filter((r) => r.method !== "GET");
}

export function scriptRow(emu: EmulatorHandle, name: string) {
  return emu.emulator.store.findByKey("autoscript", [name]);
}

export function launchPointNames(emu: EmulatorHandle, name: string): string[] {
  return emu.emulator.store
    .rows("scriptlaunchpoint")
    .filter((r) => r.autoscript === name)
    .map((r) => String(r.launchpointname))
    .sort();
}

export function launchPointVars(emu: EmulatorHandle, launchPoint: string): Record<string, unknown> {
  return Object.fromEntries(
    emu.emulator.store
      .rows("launchpointvars")
      .filter((r) => r.launchpointname === launchPoint)
      .map((r) => [r.varname, r.varbindingvalue]),
  );
}

/** A JavaScript script with a scriptConfig in the deploy tooling's format. */
export function jsScript(name: string, body: string, config: Record<string, unknown> = {}): string {
  return `${body}\n\nvar scriptConfig = ${JSON.stringify({ autoscript: name, description: `${name} description`, ...config }, null, 4)};\n`;
}

/** A Jython script with its scriptConfig in a triple-quoted string. */
export function pyScript(name: string, body: string, config: Record<string, unknown> = {}): string {
  return `${body}\n\nscriptConfig = """${JSON.stringify({ autoscript: name, description: `${name} description`, ...config }, null, 4)}"""\n`;
}
