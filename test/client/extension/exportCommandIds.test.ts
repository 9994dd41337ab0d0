/** The Copy as … command ids used in code are contributed in package.json, in the palette and the editor's context menu. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { EXPORT_COMMANDS } from "../../../client/src/extension/run/exportCommands";

test("Copy as curl, fetch and Python are contributed where Copy as curl is", () => {
  const manifest = JSON.parse(readFileSync(join(process.env.MAXIMO_WORKBENCH_ROOT ?? process.cwd(), "package.json"), "utf8"));
  const commands = manifest.contributes.commands as Array<{ command: string; category: string; title: string }>;
  for (const { id } of Object.values(EXPORT_COMMANDS)) {
    const entry = commands.find((c) => c.command === id);
    assert.ok(entry, `${id} is not in package.json`);
    assert.equal(entry.category, "Maximo");
    for (const menu of ["commandPalette", "editor/context"]) {
      const item = (manifest.contributes.menus[menu] as Array<{ command: string; when?: string }>).find((m) => m.command === id);
      assert.equal(item?.when, "editorLangId == maximo", `${id} in ${menu}`);
    }
  }
});
