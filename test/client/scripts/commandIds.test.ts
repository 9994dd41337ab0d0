/** The script command ids the extension registers are the ones package.json contributes, and its settings exist. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { SCRIPT_COMMANDS } from "../../../client/src/extension/scripts/commandIds";

test("every maximo.script.* command is registered and contributed; the script settings are declared", () => {
  const manifest = JSON.parse(readFileSync(join(process.env.MAXIMO_WORKBENCH_ROOT ?? process.cwd(), "package.json"), "utf8"));
  const contributed = (manifest.contributes.commands as Array<{ command: string }>).map((c) => c.command).filter((id) => id.startsWith("maximo.script."));
  assert.deepEqual(contributed.sort(), Object.values(SCRIPT_COMMANDS).sort());
  const properties = manifest.contributes.configuration.properties as Record<string, { default?: unknown; items?: { properties?: Record<string, unknown> } }>;
  assert.equal(properties["maximo.scripts.backupFolder"]?.default, ".maximo/backups");
  assert.equal(properties["maximo.scripts.extractFolder"]?.default, "scripts");
  assert.ok(properties["maximo.connections"]?.items?.properties?.deployOnSave, "connections have deployOnSave");
});
