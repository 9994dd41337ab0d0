/** The environment command ids used in code are the ones package.json contributes. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { ENVIRONMENT_COMMANDS } from "../../../client/src/extension/environments/commandIds";

test("every environment command id is contributed in package.json, in category Maximo", () => {
  const manifest = JSON.parse(readFileSync(join(process.env.MAXIMO_WORKBENCH_ROOT ?? process.cwd(), "package.json"), "utf8"));
  const commands = manifest.contributes.commands as Array<{ command: string; category: string }>;
  for (const id of Object.values(ENVIRONMENT_COMMANDS)) {
    const entry = commands.find((c) => c.command === id);
    assert.ok(entry, `${id} is not in package.json`);
    assert.equal(entry.category, "Maximo");
  }
  assert.deepEqual(commands.map((c) => c.command).filter((id) => id.startsWith("maximo.environment.")).sort(), Object.values(ENVIRONMENT_COMMANDS).sort());
});
