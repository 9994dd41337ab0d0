/** The load command ids used in code are the ones package.json contributes, in category Maximo, on CSV and Excel files' context menu. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { LOAD_COMMANDS } from "../../../client/src/extension/load/commandIds";
import { isLoadPageMessage } from "../../../client/webview/load/protocol";

const manifest = JSON.parse(readFileSync(join(process.env.MAXIMO_WORKBENCH_ROOT ?? process.cwd(), "package.json"), "utf8"));

test("every load command id is contributed in package.json, in category Maximo", () => {
  const commands = manifest.contributes.commands as Array<{ command: string; category: string; title: string }>;
  for (const id of Object.values(LOAD_COMMANDS)) assert.equal(commands.find((c) => c.command === id)?.category, "Maximo", `${id} in package.json`);
  assert.deepEqual(commands.map((c) => c.command).filter((id) => id.startsWith("maximo.load.")).sort(), Object.values(LOAD_COMMANDS).sort());
  assert.equal(commands.find((c) => c.command === LOAD_COMMANDS.fromFile)?.title, "Load Data from CSV/Excel…");
});

test("Load Data is on the explorer's context menu of .csv and .xlsx files only", () => {
  const items = (manifest.contributes.menus["explorer/context"] as Array<{ command: string; when?: string }>).filter((m) => m.command === LOAD_COMMANDS.fromFile);
  assert.deepEqual(items.map((m) => m.when), ["resourceExtname == .csv || resourceExtname == .xlsx"]);
});

test("the load page's messages are checked before the host acts on them", () => {
  assert.equal(isLoadPageMessage({ type: "ready" }), true);
  assert.equal(isLoadPageMessage({ type: "load", previewId: "p" }), true);
  assert.equal(isLoadPageMessage({ type: "load" }), false);
  assert.equal(isLoadPageMessage({ type: "openResultsFile", resultsId: 3 }), false);
  assert.equal(isLoadPageMessage({ type: "deleteEverything", previewId: "p" }), false);
  assert.equal(isLoadPageMessage(null), false);
});
