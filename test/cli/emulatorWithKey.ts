// The CLI tests that spawn dist/cli.js: an in-process emulator (20 work orders) that accepts one
// extra API key, invented by the test and registered only here.
import assert from "node:assert/strict";
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
