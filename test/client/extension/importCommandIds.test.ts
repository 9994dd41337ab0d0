/** The import command ids used in code are the ones package.json contributes. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { IMPORT_COMMANDS } from "../../../client/src/extension/import/commandIds";

test("every import command id is contributed in package.json, in category Maximo", () => {
  const manifest = JSON.parse(readFileSync(join(process.env.MAXIMO_WORKBENCH_ROOT ?? process.cwd(), "package.json"), "utf8"));
  const commands = manifest.contributes.commands as Array<{ command: string; category: string }>;
  for (const id of Object.values(IMPORT_COMMANDS)) assert.equal(commands.find((c) => c.command === id)?.category, "Maximo", `${id} in package.json`);
  assert.deepEqual(commands.map((c) => c.command).filter((id) => id.startsWith("maximo.import.")).sort(), Object.values(IMPORT_COMMANDS).sort());
});
