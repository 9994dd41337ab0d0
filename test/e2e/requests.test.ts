// Running requests as a user does, in code-server on the repository's examples folder against an
// emulator this test starts: field completion in oslc.where, a diagnostic with its quick fix,
// Send from the CodeLens and rows in the response table, the error banner of a failing request,
// switching connection from the status bar, a read-only connection asking before a POST, and
// cancelling a slow request. With MAXIMO_E2E_SCREENSHOTS=DIR the README's screenshots land in DIR.
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { languageLabel, repoRoot, withWorkbench } from "./harness";
import { startEmulatorProcess, type EmulatorProcess } from "./harness/emulatorProcess";
import { answerQuickInput, clickCodeLens, clickDialogButton, goToLine, modalDialog, notification, openFromExplorer, pickQuickItem, statusBarItem, webviewContent } from "./harness/userActions";

const APIKEY = "emulator-apikey";
const PANEL = "Maximo Response";

function connectionSettings(url: string): Record<string, unknown> {
  return {
    "maximo.connections": [
      { name: "emulator", url, apiRoot: "oslc", auth: "apikey" },
      { name: "emulator-readonly", url, apiRoot: "oslc", auth: "apikey", readOnly: true, colour: "#c72e0f" },
    ],
    "maximo.defaultConnection": "emulator",
    // Enter types a line break, never accepts a suggestion the typing happened to open.
    "editor.acceptSuggestionOnEnter": "off",
  };
}

/** 1-based line of the first line of `file` (in examples/) that starts with `prefix`. */
function lineOf(file: string, prefix: string): number {
  const lines = readFileSync(join(repoRoot, "examples", file), "utf8").split("\n");
  const index = lines.findIndex((line) => line.startsWith(prefix));
  assert.ok(index >= 0, `examples/${file} has no line starting with ${prefix}`);
  return index + 1;
}

async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.MAXIMO_E2E_SCREENSHOTS;
  if (!dir) return;
  mkdirSync(resolve(repoRoot, dir), { recursive: true });
  await page.screenshot({ path: resolve(repoRoot, dir, `${name}.png`) });
}

/** Polls a state no event announces (what the editor renders) until it holds, for up to 30 s. */
async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within 30 s: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function withEmulator(body: (emulator: EmulatorProcess) => Promise<void>): Promise<void> {
  const emulator = await startEmulatorProcess();
  try {
    await body(emulator);
  } finally {
    await emulator.stop();
  }
}

test("requests: completion in oslc.where, a quick fix, Send → table rows, the error banner", { timeout: 240_000 }, (t) =>
  withEmulator((emulator) =>
    withWorkbench(t, { fixture: "examples", settings: connectionSettings(emulator.url) }, async ({ workbench, browserPage }) => {
      const page = browserPage.page;
      await workbench.openFile("workorders.maximo");
      await workbench.waitForLanguageMode(languageLabel());

      // The language server is up once its CodeLens show.
      await workbench.editor.locator(".codelens-decoration a", { hasText: "Send" }).first().waitFor();

      // Field completion inside oslc.where: the attributes of MXAPIWODETAIL from its schema.
      const requestLine = lineOf("workorders.maximo", "GET os/mxapiwodetail");
      const whereLine = readFileSync(join(repoRoot, "examples", "workorders.maximo"), "utf8").split("\n")[requestLine]!;
      await goToLine(page, requestLine + 1);
      await page.keyboard.press("End");
      await page.keyboard.type(" and wo");
      const labels = await workbench.triggerCompletion({ atEnd: false });
      for (const attribute of ["wonum", "wopriority", "worktype"]) {
        assert.ok(labels.some((label) => label.startsWith(attribute)), `completion offers ${attribute}: ${JSON.stringify(labels.slice(0, 20))}`);
      }
      await page.keyboard.press("Control+Space");
      await page.locator(".editor-widget.suggest-widget.visible .monaco-list-row").first().waitFor();
      await screenshot(page, "completion-where");
      await page.keyboard.press("Escape");
      await page.locator(".editor-widget.suggest-widget.visible").waitFor({ state: "hidden" });
      // Undo the typing (VS Code may keep a stop per word) so the request is sent as written.
      for (let undo = 0; undo < 5 && (await workbench.lineText(requestLine + 1)) !== whereLine; undo++) await page.keyboard.press("Control+Z");
      assert.equal(await workbench.lineText(requestLine + 1), whereLine);

      // Send the first request from its CodeLens; the apikey is asked once, in a password box.
      await clickCodeLens(page, requestLine, "Send");
      const prompt = page.locator(".quick-input-widget");
      await prompt.waitFor({ state: "visible" });
      assert.equal(await prompt.locator("input").getAttribute("type"), "password", "the apikey prompt masks what is typed");
      await answerQuickInput(page, APIKEY);

      const panel = await webviewContent(page, PANEL);
      const rows = panel.getByRole("row");
      await rows.nth(3).waitFor();
      const headers = await panel.getByRole("columnheader").allTextContents();
      for (const column of ["wonum", "description", "status"]) {
        assert.ok(headers.some((header) => header.trim().startsWith(column)), `column ${column} in ${JSON.stringify(headers)}`);
      }
      const statusColumn = headers.findIndex((header) => header.trim().startsWith("status"));
      const statuses = await rows.evaluateAll(
        (elements, column) => elements.map((row) => row.querySelectorAll("[role=gridcell]")[column]?.textContent ?? null).filter((text) => text !== null),
        statusColumn,
      );
      assert.ok(statuses.length >= 3, `rows with cells: ${statuses.length}`);
      assert.ok(statuses.every((status) => status === "APPR"), `oslc.where=status="APPR" rows: ${JSON.stringify(statuses)}`);
      await panel.getByText(/^200\b/).first().waitFor();
      await screenshot(page, "response-table");

      assert.ok((await emulator.requests()).some((request) => request.method === "GET" && /os\/mxapiwodetail/i.test(request.path)), "the emulator received the GET");

      // A request that fails on the server: the banner shows Maximo's reason code and message.
      await clickCodeLens(page, lineOf("workorders.maximo", "GET os/mxapiwodetail/_Tk9"), "Send");
      const banner = panel.getByRole("alert");
      await banner.waitFor();
      assert.match((await banner.textContent()) ?? "", /BMXAA\d{4}E/);
      assert.match((await banner.textContent()) ?? "", /could not be found/);
      await screenshot(page, "error-banner");

      // PATCH is a diagnostic (Maximo wants POST + x-method-override) with a quick fix that rewrites it.
      await workbench.editor.locator(".view-lines").click();
      await page.keyboard.press("Control+End");
      await page.keyboard.type("\n### Update it\nPATCH os/mxapiwodetail/_Tk9TVUNIL0JFREZPUkQ-?lean=1\n");
      const patchLine = (await workbench.visibleLines()).find((line) => line.text.startsWith("PATCH "))?.line;
      assert.ok(patchLine, "the typed PATCH request is visible");
      await until(async () => (await workbench.squiggleLines("warning")).includes(patchLine), `a warning squiggle on the PATCH line ${patchLine}`);
      await goToLine(page, patchLine);
      await page.keyboard.press("Control+.");
      const fix = page.locator(".action-widget .monaco-list-row", { hasText: "Send as POST with x-method-override: PATCH" });
      await fix.waitFor();
      await screenshot(page, "quick-fix");
      await page.keyboard.press("Enter"); // the preferred fix is focused; a click is intercepted by the menu's pointer block
      await workbench.editor.locator(".view-line", { hasText: /^POST\s+os\/mxapiwodetail\/_Tk9/ }).waitFor();
      assert.ok((await workbench.visibleLines()).some((line) => /^x-method-override:\s*PATCH/i.test(line.text)), "the fix added the x-method-override header");

    }),
  ),
);

test("connections: switch from the status bar; read-only asks before a POST; cancel a slow request", { timeout: 240_000 }, (t) =>
  withEmulator((emulator) =>
    withWorkbench(t, { fixture: "examples", settings: connectionSettings(emulator.url) }, async ({ workbench, browserPage }) => {
      const page = browserPage.page;
      await workbench.openFile("workorders.maximo");
      await workbench.waitForLanguageMode(languageLabel());

      // The status bar names the active connection; a click offers the others.
      const item = statusBarItem(page, "emulator");
      await item.waitFor();
      await item.click();
      await page.locator(".quick-input-list .monaco-list-row", { hasText: "emulator-readonly" }).waitFor();
      await screenshot(page, "connection-picker");
      await pickQuickItem(page, "emulator-readonly");
      await statusBarItem(page, "emulator-readonly").waitFor();
      // Selecting a connection fetches its schemas, so its key is asked for now, once.
      await answerQuickInput(page, APIKEY);

      // A create on the read-only connection asks first and says what would change; Cancel sends nothing.
      await emulator.control("DELETE", "log");
      await clickCodeLens(page, lineOf("workorders.maximo", "POST os/mxapiwodetail"), "Send");
      const dialog = await modalDialog(page);
      const text = (await dialog.textContent()) ?? "";
      assert.match(text, /read-only/);
      assert.match(text, /would create a record in MXAPIWODETAIL/);
      await clickDialogButton(dialog, "Cancel");
      await notification(page, /Not sent/).waitFor();
      assert.deepEqual((await emulator.requests()).filter((request) => request.method !== "GET"), [], "nothing was written");

      // Back to the writable connection; a slow request is cancelled from its progress notification.
      await statusBarItem(page, "emulator-readonly").click();
      await pickQuickItem(page, /^emulator$|emulator(?!-)/);
      await answerQuickInput(page, APIKEY);
      // Only the Send's query: selecting the connection starts background reads of the same structure.
      await emulator.control("POST", "faults", { path: "*/os/mxapiasset*", queryContains: "oslc.where", kind: "latency", latencyMs: 120_000, count: 1 });
      await openFromExplorer(page, "assets.maximo");
      await clickCodeLens(page, lineOf("assets.maximo", "GET os/mxapiasset"), "Send");
      const progress = notification(page, /sending/);
      await progress.waitFor();
      await until(async () => (await emulator.requests()).some((request) => /os\/mxapiasset/i.test(request.path) && (request.query ?? "").includes("oslc.where")), "the slow request reached the emulator");
      await progress.locator(".monaco-button", { hasText: "Cancel" }).click();
      await statusBarItem(page, /Request cancelled/).waitFor();
      assert.ok((await emulator.requests()).some((request) => /os\/mxapiasset/i.test(request.path) && (request.query ?? "").includes("oslc.where")), "the request was in flight when cancelled");
      assert.equal(await page.locator(".part.editor .tab", { hasText: PANEL }).count(), 0, "no response panel for a cancelled request");
    }),
  ),
);
