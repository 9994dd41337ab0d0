/** The connection and schema command ids used in code are the ones package.json contributes. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { CONNECTION_COMMANDS, REFRESH_SCHEMAS_COMMAND } from "../../../client/src/extension/connections/commandIds";
import { SERVER_LOG_COMMANDS } from "../../../client/src/extension/serverLog/commandIds";

test("every connection command id is contributed in package.json", () => {
  const manifest = JSON.parse(readFileSync(join(process.env.MAXIMO_WORKBENCH_ROOT ?? process.cwd(), "package.json"), "utf8"));
  const contributed = new Set((manifest.contributes.commands as Array<{ command: string }>).map((c) => c.command));
  for (const id of [...Object.values(CONNECTION_COMMANDS), REFRESH_SCHEMAS_COMMAND]) assert.ok(contributed.has(id), `${id} is not in package.json`);
  const connectionIds = [...contributed].filter((id) => id.startsWith("maximo.connection."));
  assert.deepEqual(connectionIds.sort(), Object.values(CONNECTION_COMMANDS).sort());
});

test("every server-log command id is contributed in package.json, in category Maximo", () => {
  const manifest = JSON.parse(readFileSync(join(process.env.MAXIMO_WORKBENCH_ROOT ?? process.cwd(), "package.json"), "utf8"));
  const commands = manifest.contributes.commands as Array<{ command: string; category?: string }>;
  for (const id of Object.values(SERVER_LOG_COMMANDS)) assert.equal(commands.find((c) => c.command === id)?.category, "Maximo", `${id} is contributed`);
  const entry = manifest.contributes.configuration.properties["maximo.connections"].items.properties.serverLog;
  assert.equal(entry?.type, "boolean", "connections declare serverLog");
});
