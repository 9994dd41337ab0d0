// The server's log beside the response, in code-server against an emulator this test starts
// (thread logging, JSON API reference §23): turn capture on, Send a query and read its SQL in the
// Server log tab; run an automation script and read its log lines; turn capture off and the
// server is told to stop logging.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { languageLabel, repoRoot, withWorkbench } from "./harness";
import { emulatorConnectionSettings, startEmulatorProcess } from "./harness/emulatorProcess";
import { answerQuickInput, clickCodeLens, runCommand, statusBarItem, webviewContent } from "./harness/userActions";

const APIKEY = "emulator-apikey";
const PANEL = "Maximo Response";

function lineOf(file: string, prefix: string): number {
  const index = readFileSync(join(repoRoot, "examples", file), "utf8").split("\n").findIndex((line) => line.startsWith(prefix));
  assert.ok(index >= 0, `examples/${file} has a line starting with ${prefix}`);
  return index + 1;
}

test("server log: capture on, a query's SQL and a script's lines in the Server log tab, capture off", { timeout: 240_000 }, async (t) => {
  const emulator = await startEmulatorProcess();
  try {
    const settings = { ...emulatorConnectionSettings(emulator), "editor.acceptSuggestionOnEnter": "off" };
    await withWorkbench(t, { fixture: "examples", settings }, async ({ workbench, browserPage }) => {
      const page = browserPage.page;
      await workbench.openFile("workorders.maximo");
      await workbench.waitForLanguageMode(languageLabel());
      await workbench.editor.locator(".codelens-decoration a", { hasText: "Send" }).first().waitFor();

      await runCommand(page, "Maximo: Toggle Server Log Capture");
      await statusBarItem(page, "Server log").waitFor();

      await clickCodeLens(page, lineOf("workorders.maximo", "GET os/mxapiwodetail"), "Send");
      await answerQuickInput(page, APIKEY);
      const panel = await webviewContent(page, PANEL);
      await panel.getByRole("row").nth(2).waitFor();
      await panel.locator('.tab[data-tab="serverLog"]').click();
      const sql = panel.locator(".log-line[data-logger='maximo.sql']").first();
      await sql.waitFor();
      assert.match((await sql.textContent()) ?? "", /select \* from workorder where \(status = 'APPR' and siteid = 'BEDFORD' and wopriority <= 2\) order by reportdate desc, wonum asc/);
      assert.ok((await sql.locator(".sql-keyword").count()) >= 4, "SQL keywords are highlighted");

      // An automation script run through /oslc/script shows what the script logged.
      await runCommand(page, "Maximo: Run Automation Script");
      await answerQuickInput(page, "countofwoandsr");
      await answerQuickInput(page, "site=BEDFORD");
      await panel.locator(".title", { hasText: "script/COUNTOFWOANDSR" }).waitFor();
      await panel.locator('.tab[data-tab="serverLog"]').click();
      await panel.locator(".log-line", { hasText: "[COUNTOFWOANDSR] site BEDFORD" }).waitFor();
      await panel.locator(".log-line", { hasText: "Script COUNTOFWOANDSR ended" }).waitFor();

      // Capture off: the server is told to stop logging for the user.
      await runCommand(page, "Maximo: Toggle Server Log Capture");
      await statusBarItem(page, "Server log").waitFor({ state: "hidden" });
      const deadline = Date.now() + 30_000;
      while (!(await emulator.requests()).some((request) => request.method === "POST" && /\/log\/disablealllogs$/.test(request.path))) {
        assert.ok(Date.now() < deadline, "disablealllogs reached the server");
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    });
  } finally {
    await emulator.stop();
  }
});
