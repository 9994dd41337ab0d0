/**
 * The explorer's contributions: every maximo.explorer.* command is declared once in code and
 * contributed in category Maximo; its menus name only those commands; the view sits in the
 * "Maximo" container, whose icon ships in the .vsix.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { EXPLORER_COMMANDS, EXPLORER_CONTAINER, EXPLORER_VIEW } from "../../../client/src/extension/explorer/commandIds";

const root = process.env.MAXIMO_WORKBENCH_ROOT ?? process.cwd();

interface Manifest {
  contributes: {
    commands: Array<{ command: string; category?: string }>;
    menus: Record<string, Array<{ command: string; when?: string }>>;
    views: Record<string, Array<{ id: string }>>;
    viewsContainers: { activitybar: Array<{ id: string; icon: string }> };
  };
}

test("every maximo.explorer.* command is declared in code and contributed in category Maximo", () => {
  const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as Manifest;
  const contributed = manifest.contributes.commands.filter((c) => c.command.startsWith("maximo.explorer."));
  assert.deepEqual(contributed.map((c) => c.command).sort(), Object.values(EXPLORER_COMMANDS).sort());
  assert.ok(contributed.every((c) => c.category === "Maximo"));
  for (const [menu, entries] of Object.entries(manifest.contributes.menus)) {
    for (const entry of entries.filter((e) => e.command.startsWith("maximo.explorer."))) {
      assert.ok((Object.values(EXPLORER_COMMANDS) as string[]).includes(entry.command), `${menu}: ${entry.command}`);
      if (menu.startsWith("view/")) assert.match(entry.when ?? "", new RegExp(`view == ${EXPLORER_VIEW.replace(".", "\\.")}\\b`), `${menu}: ${entry.command} only in its view`);
    }
  }
});

test("the Object Structures view is in the Maximo container, whose icon is shipped", () => {
  const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as Manifest;
  const container = manifest.contributes.viewsContainers.activitybar.find((c) => c.id === EXPLORER_CONTAINER);
  assert.ok(container, "the activity bar container");
  assert.ok(manifest.contributes.views[EXPLORER_CONTAINER]?.some((view) => view.id === EXPLORER_VIEW));
  assert.ok(existsSync(join(root, container.icon)), `${container.icon} exists`);
  const ignore = readFileSync(join(root, ".vscodeignore"), "utf8").split("\n");
  assert.ok(ignore.includes(`!${container.icon.split("/")[0]}/**`), "the icon's folder is let into the .vsix");
});
