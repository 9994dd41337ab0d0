// The CLI tests that spawn dist/cli.js: an in-process emulator (20 work orders) that accepts one
// extra API key, invented by the test and registered only here.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { startEmulator, type EmulatorHandle } from "../../emulator/index";
import { defaultOptions } from "../../emulator/emulator";

export const cliBundle = join(process.env.MAXIMO_WORKBENCH_ROOT ?? process.cwd(), "dist", "cli.js");

export function startEmulatorWithKey(apikey: string): Promise<EmulatorHandle> {
  assert.ok(existsSync(cliBundle), "dist/cli.js is missing: run `node esbuild.mjs` first");
  const options = defaultOptions();
  options.credentials.apikeys = { ...options.credentials.apikeys, [apikey]: "MAXADMIN" };
  return startEmulator({ port: 0, options: { ...options, workOrders: 20 } });
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built `dist/cli.js` as its own process, with only PATH and `env` in its environment. */
export function spawnCli(args: string[], cwd: string, env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cliBundle, ...args], { cwd, env: { PATH: process.env.PATH ?? "", ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr });
    });
  });
}
