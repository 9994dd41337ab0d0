// Environments as a user picks them: the status bar item opens the picker of maximo.env.json's
// environments, Send fills {{site}} from the picked one (the emulator's request log shows what
// went out), the hover on {{site}} names its value and source, and a second pick changes both.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fixturesDir, languageLabel, withWorkbench } from "./harness";
import { emulatorConnectionSettings, startEmulatorProcess } from "./harness/emulatorProcess";
import { answerQuickInput, clickCodeLens, pickQuickItem, statusBarItem, webviewContent } from "./harness/userActions";

const APIKEY = "emulator-apikey";
/** 1-based lines of fixtures/environments/sites.maximo. */
const REQUEST_LINE = 4;
const WHERE_LINE = 5;

/** The `siteid="..."` the emulator received in each oslc.where, in order. */
async function sitesSent(requests: () => Promise<Array<{ method: string; path: string; query?: string }>>): Promise<string[]> {
  return (await requests())
    .filter((request) => /os\/mxapiwodetail/i.test(request.path))
    .map((request) => new URLSearchParams(request.query ?? "").get("oslc.where") ?? "")
    .map((where) => /siteid="([^"]*)"/.exec(where)?.[1] ?? `(no siteid in ${where})`);
}

async function pickEnvironment(page: Page, from: string | RegExp, name: string): Promise<void> {
  await statusBarItem(page, from).click();
  await page.locator(".quick-input-list .monaco-list-row", { hasText: "No environment" }).waitFor();
  await pickQuickItem(page, new RegExp(`^${name}`));
  await statusBarItem(page, name).waitFor();
}

/** Polls the emulator log (no event announces an arrival) until `count` work-order requests came. */
async function sitesWhenSent(requests: () => Promise<Array<{ method: string; path: string; query?: string }>>, count: number): Promise<string[]> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const sites = await sitesSent(requests);
    if (sites.length >= count || Date.now() > deadline) return sites;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

test("environments: pick one in the status bar, Send uses it, the hover names it", { timeout: 240_000 }, async (t) => {
  const emulator = await startEmulatorProcess();
  try {
    await withWorkbench(
      t,
      {
        fixture: "environments",
        settings: emulatorConnectionSettings(emulator),
      },
      async ({ workbench, browserPage }) => {
        const page = browserPage.page;
        await workbench.openFile("sites.maximo");
        await workbench.waitForLanguageMode(languageLabel());

        // Nothing picked yet: the item says so; the picker lists the file's environments.
        await pickEnvironment(page, "No environment", "nashua");

        await emulator.control("DELETE", "log");
        await clickCodeLens(page, REQUEST_LINE, "Send");
        await answerQuickInput(page, APIKEY);
        const panel = await webviewContent(page, "Maximo Response");
        await panel.getByText(/^200\b/).first().waitFor();
        assert.deepEqual(await sitesWhenSent(emulator.requests, 1), ["NASHUA"], "Send filled {{site}} from the nashua environment");
        const cells = await panel.getByRole("gridcell", { name: /^(BEDFORD|NASHUA)$/ }).allTextContents();
        assert.ok(cells.length > 0 && cells.every((cell) => cell.trim() === "NASHUA"), `the table shows NASHUA work orders: ${JSON.stringify(cells)}`);

        // The hover on {{site}} shows the value and where it comes from.
        const whereText = readFileSync(join(fixturesDir, "environments", "sites.maximo"), "utf8").split("\n")[WHERE_LINE - 1] ?? "";
        const column = whereText.indexOf("{{site}}") + 3;
        assert.ok(column > 2, `line ${WHERE_LINE} holds {{site}}: ${whereText}`);
        await workbench.editor.locator(".view-lines").click();
        await page.keyboard.press("Control+G");
        await page.locator(".quick-input-widget").waitFor({ state: "visible" });
        await page.keyboard.type(`${WHERE_LINE}:${column}`);
        await page.keyboard.press("Enter");
        await page.keyboard.press("Control+K");
        await page.keyboard.press("Control+I");
        const hover = page.locator(".monaco-hover", { hasText: "From: environment" }).first();
        await hover.waitFor();
        // The hover writes its text with non-breaking spaces.
        const hoverText = ((await hover.textContent()) ?? "").replace(/\u00a0/g, " ");
        assert.match(hoverText, /Value: NASHUA/);
        assert.match(hoverText, /From: environment "nashua" in maximo\.env\.json/);
        await page.keyboard.press("Escape");

        // Another pick: the next Send reads it.
        await pickEnvironment(page, "nashua", "bedford");
        await clickCodeLens(page, REQUEST_LINE, "Send");
        assert.deepEqual(await sitesWhenSent(emulator.requests, 2), ["NASHUA", "BEDFORD"], "the second Send used the bedford environment");
      },
    );
  } finally {
    await emulator.stop();
  }
});
