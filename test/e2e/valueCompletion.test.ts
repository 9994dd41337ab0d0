// Value lists in the editor, in code-server against an emulator this test starts: Refresh Schemas
// fetches the `getlist~status` answer (JSON API reference §10) of the status the open file filters
// on (the whole WOSTATUS synonym domain, read through MXAPISYNONYMDOMAIN once a record's list
// names it), and completion inside `status="` then offers Maximo's work-order statuses.
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
const WORK_ORDER_STATUSES = ["WAPPR", "APPR", "WSCH", "WMATL", "WPCOND", "INPRG", "COMP", "CLOSE", "CAN"];

test("value completion inside status=\" offers the server's work-order statuses", { timeout: 240_000 }, async (t) => {
  const emulator = await startEmulatorProcess();
  try {
    const settings = {
      "maximo.connections": [{ name: "emulator", url: emulator.url, apiRoot: "oslc", auth: "apikey" }],
      "editor.acceptSuggestionOnEnter": "off",
    };
    await withWorkbench(t, { fixture: "examples", settings }, async ({ workbench, browserPage }) => {
      const page = browserPage.page;
      await workbench.openFile("workorders.maximo");
      await workbench.waitForLanguageMode(languageLabel());
      await workbench.editor.locator(".codelens-decoration a", { hasText: "Send" }).first().waitFor();

      // The first Send asks for the key once; Refresh Schemas then fetches the schemas and the
      // value lists of the attributes the open file filters on.
      await clickCodeLens(page, lineOf("workorders.maximo", "GET os/mxapiwodetail"), "Send");
      await answerQuickInput(page, APIKEY);
      await page.locator(".part.editor .tab", { hasText: "Maximo Response" }).first().waitFor();
      await runCommand(page, "Maximo: Refresh Schemas");
      const deadline = Date.now() + 60_000;
      while (!(await emulator.requests()).some((request) => /\/os\/mxapisynonymdomain$/i.test(request.path))) {
        assert.ok(Date.now() < deadline, "the client read the WOSTATUS domain through MXAPISYNONYMDOMAIN");
        await new Promise((resolve) => setTimeout(resolve, 250));
      }

      await page.locator(".part.editor .tab", { hasText: "workorders.maximo" }).first().click();
      await workbench.editor.locator(".view-lines").click();
      await page.keyboard.press("Control+End");
      await page.keyboard.type('\n### Values\nGET os/mxapiwodetail?lean=1&oslc.where=status="');
      // The language server learns of the new list file through the schema-folder notification.
      let offered: string[] = [];
      for (let attempt = 0; attempt < 20 && offered.length < WORK_ORDER_STATUSES.length; attempt++) {
        await page.keyboard.press("Control+Space");
        const widget = page.locator(".editor-widget.suggest-widget.visible");
        await widget.waitFor();
        // Either rows, or "No suggestions." while the list is not known yet.
        await page.waitForTimeout(700);
        const labels = await widget.locator(".monaco-list-row").evaluateAll((rows) => rows.map((row) => row.getAttribute("aria-label") ?? ""));
        offered = WORK_ORDER_STATUSES.filter((status) => labels.some((label) => label.startsWith(status) || label.startsWith(`"${status}`)));
        await page.keyboard.press("Escape");
        if (offered.length < WORK_ORDER_STATUSES.length) await page.waitForTimeout(500);
      }
      assert.deepEqual(offered, WORK_ORDER_STATUSES, "completion offers every status of the WOSTATUS domain (the first work order is cancelled: its own getlist~status is empty)");
    });
  } finally {
    await emulator.stop();
  }
});
