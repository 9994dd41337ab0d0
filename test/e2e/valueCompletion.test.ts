// Value lists in the editor, in code-server against an emulator this test starts: Refresh Schemas
// fetches the `getlist~status` answer (JSON API reference §10) of the status the open file filters
// on, through a record of the structure, and completion inside `status="` then offers the asset
// statuses that list holds.
import assert from "node:assert/strict";
import { test } from "node:test";
import { languageLabel, repoRoot, withWorkbench } from "./harness";
import { startEmulatorProcess } from "./harness/emulatorProcess";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { answerQuickInput, clickCodeLens, runCommand } from "./harness/userActions";

const APIKEY = "emulator-apikey";

function lineOf(file: string, prefix: string): number {
  const index = readFileSync(join(repoRoot, "examples", file), "utf8").split("\n").findIndex((line) => line.startsWith(prefix));
  assert.ok(index >= 0, `examples/${file} has a line starting with ${prefix}`);
  return index + 1;
}
const ASSET_STATUSES = new Set(["NOT READY", "ACTIVE", "OPERATING", "LIMITEDUSE", "BROKEN", "DECOMMISSIONED", "INACTIVE", "MISSING", "SEALED"]);

test("value completion inside status=\" offers the statuses of the server's value list", { timeout: 240_000 }, async (t) => {
  const emulator = await startEmulatorProcess();
  try {
    const settings = {
      "maximo.connections": [{ name: "emulator", url: emulator.url, apiRoot: "oslc", auth: "apikey" }],
      "editor.acceptSuggestionOnEnter": "off",
    };
    await withWorkbench(t, { fixture: "examples", settings }, async ({ workbench, browserPage }) => {
      const page = browserPage.page;
      await workbench.openFile("assets.maximo");
      await workbench.waitForLanguageMode(languageLabel());
      await workbench.editor.locator(".codelens-decoration a", { hasText: "Send" }).first().waitFor();

      // The first Send asks for the key once; Refresh Schemas then fetches the schemas and the
      // value lists of the attributes the open file filters on.
      await clickCodeLens(page, lineOf("assets.maximo", "GET os/mxapiasset"), "Send");
      await answerQuickInput(page, APIKEY);
      await page.locator(".part.editor .tab", { hasText: "Maximo Response" }).first().waitFor();
      await runCommand(page, "Maximo: Refresh Schemas");
      const deadline = Date.now() + 60_000;
      while (!(await emulator.requests()).some((request) => /\/os\/mxapiasset\/[^/]+\/getlist~status$/i.test(request.path))) {
        assert.ok(Date.now() < deadline, "the client fetched getlist~status of MXAPIASSET");
        await new Promise((resolve) => setTimeout(resolve, 250));
      }

      await page.locator(".part.editor .tab", { hasText: "assets.maximo" }).first().click();
      await workbench.editor.locator(".view-lines").click();
      await page.keyboard.press("Control+End");
      await page.keyboard.type('\n### Values\nGET os/mxapiasset?lean=1&oslc.where=status="');
      // The language server learns of the new list file through the schema-folder notification.
      let offered: string[] = [];
      for (let attempt = 0; attempt < 20 && offered.length < 2; attempt++) {
        await page.keyboard.press("Control+Space");
        const widget = page.locator(".editor-widget.suggest-widget.visible");
        await widget.waitFor();
        // Either rows, or "No suggestions." while the list is not known yet.
        await page.waitForTimeout(700);
        const labels = await widget.locator(".monaco-list-row").evaluateAll((rows) => rows.map((row) => row.getAttribute("aria-label") ?? ""));
        offered = [...ASSET_STATUSES].filter((status) => labels.some((label) => label.startsWith(status) || label.startsWith(`"${status}`)));
        await page.keyboard.press("Escape");
        if (offered.length < 2) await page.waitForTimeout(500);
      }
      assert.ok(offered.length >= 2, `completion offers asset statuses from the server's list: ${JSON.stringify(offered)}`);
    });
  } finally {
    await emulator.stop();
  }
});
