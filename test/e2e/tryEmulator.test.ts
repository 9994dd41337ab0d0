// A new user without a server, in a fresh code-server profile: "Try Maximo Workbench on the Local
// Emulator" starts the emulator the .vsix ships, adds and selects a connection to it, opens the
// example requests, and Send shows a table of work orders. Stopping it removes the connection.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { languageLabel, repoRoot, withWorkbench } from "./harness";
import { clickCodeLens, runCommand, statusBarItem, webviewContent } from "./harness/userActions";

const PANEL = "Maximo Response";

function exampleLine(file: string, prefix: string): number {
  const index = readFileSync(join(repoRoot, "examples", file), "utf8").split("\n").findIndex((line) => line.startsWith(prefix));
  assert.ok(index >= 0, `examples/${file} has a line starting with ${prefix}`);
  return index + 1;
}

test("try on the local emulator: from a fresh profile to a table of work orders", { timeout: 240_000 }, (t) =>
  withWorkbench(t, { fixture: "workspace", settings: { "editor.acceptSuggestionOnEnter": "off" } }, async ({ workbench, browserPage }) => {
    const page = browserPage.page;
    // Right after the workbench loads, the palette may not list the extension's commands yet.
    for (let attempt = 1; ; attempt++) {
      try {
        await runCommand(page, "Maximo: Try Maximo Workbench on the Local Emulator");
        break;
      } catch (error) {
        if (attempt === 4) throw error;
        await page.keyboard.press("Escape");
      }
    }
    await page.locator(".part.editor .tab.active", { hasText: "workorders.maximo" }).waitFor({ timeout: 60_000 });
    await workbench.waitForLanguageMode(languageLabel());
    await statusBarItem(page, "Local emulator").waitFor();

    // No key is asked for: the command stored the emulator's fresh key in SecretStorage.
    await workbench.editor.locator(".codelens-decoration a", { hasText: "Send" }).first().waitFor();
    await clickCodeLens(page, exampleLine("workorders.maximo", "GET os/mxapiwodetail"), "Send");
    const panel = await webviewContent(page, PANEL);
    const rows = panel.getByRole("row");
    await rows.nth(3).waitFor();
    const headers = await panel.getByRole("columnheader").allTextContents();
    assert.ok(headers.some((header) => header.trim().startsWith("wonum")), `a wonum column in ${JSON.stringify(headers)}`);
    await panel.getByText(/^200\b/).first().waitFor();
    assert.equal(await page.locator(".quick-input-widget input[type=password]:visible").count(), 0, "no key prompt");

    // Stopping the emulator removes its connection from the status bar.
    await runCommand(page, "Maximo: Stop the Local Emulator");
    await statusBarItem(page, "Local emulator").waitFor({ state: "detached" });
  }),
);
