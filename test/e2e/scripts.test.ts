// Automation-script deploy as the user meets it in code-server (issue 8): open a script, run
// "Maximo: Deploy Automation Script" from the command palette, see "Deployed NAME to CONNECTION";
// then someone changes the server copy, and deploying again shows the diff and the conflict prompt,
// whose Overwrite deploys after backing the server copy up.
import assert from "node:assert/strict";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { startEmulator, type EmulatorHandle } from "../../emulator/index";
import { languageLabel, withWorkbench } from "./harness";
import { runCommand } from "./harness/userActions";

const APIKEY = "emulator-apikey";
const NAME = "MXWB_E2E";
const FILE = `${NAME}.py`;
const source = `# Deployed by the end-to-end test.
responseBody = "hello"

scriptConfig = """{
    "autoscript": "${NAME}",
    "description": "End-to-end deploy",
    "active": true
}"""
`;

/** Answers the connection's one-time API key box (typed into the box itself, wherever focus is). */
async function enterApikey(page: Page): Promise<void> {
  const secret = page.locator(".quick-input-widget input[type='password']");
  await secret.waitFor({ state: "visible" });
  await secret.fill(APIKEY);
  await secret.press("Enter");
}

function toast(page: Page, text: string) {
  return page.locator(".notifications-toasts .notification-toast", { hasText: text });
}

async function changeOnServer(emu: EmulatorHandle, text: string): Promise<void> {
  const list = await fetch(`${emu.url}/oslc/os/mxscript?lean=1&oslc.where=${encodeURIComponent(`autoscript="${NAME}"`)}`, { headers: { apikey: APIKEY } });
  const href = ((await list.json()) as { member: Array<{ href: string }> }).member[0]!.href;
  const response = await fetch(`${href}?lean=1`, { method: "POST", headers: { apikey: APIKEY, "x-method-override": "PATCH", patchtype: "MERGE", "content-type": "application/json" }, body: JSON.stringify({ source: text }) });
  assert.equal(response.status, 204);
}

test("scripts: Deploy from the command palette, then a server change brings the conflict prompt", { timeout: 240_000 }, async (t) => {
  const emu = await startEmulator({ port: 0, options: { workOrders: 20 } });
  try {
    await withWorkbench(t, { settings: { "maximo.connections": [{ name: "emu", url: emu.url, auth: "apikey" }], "maximo.defaultConnection": "emu" } }, async ({ workbench, workspace, browserPage }) => {
      const page = browserPage.page;
      writeFileSync(join(workspace.folder, FILE), source);
      // Written after the folder opened: refresh the explorer rather than wait for a file watcher.
      await runCommand(page, "File: Refresh Explorer");
      await page.locator(".explorer-folders-view .monaco-list-row", { hasText: FILE }).waitFor();
      await workbench.openFile(FILE);

      await runCommand(page, "Maximo: Deploy Automation Script");
      // A fresh profile has no API key stored: the connection asks once (a password box).
      await enterApikey(page);
      await toast(page, `Deployed ${NAME} to emu`).waitFor();
      t.diagnostic("first deploy: success notification shown");
      const row = emu.emulator.store.findByKey("autoscript", [NAME]);
      assert.equal(row?.source, source, "the server holds the file as deployed");
      assert.equal(row?.status, "Active");

      const theirs = "# changed in Maximo by someone else\n";
      await changeOnServer(emu, theirs);
      await runCommand(page, "Notifications: Clear All Notifications");
      await toast(page, `Deployed ${NAME} to emu`).waitFor({ state: "hidden" });

      await runCommand(page, "Maximo: Deploy Automation Script");
      const dialog = page.locator(".monaco-dialog-box", { hasText: `${NAME} on emu was changed by someone else` });
      await dialog.waitFor();
      t.diagnostic("second deploy: conflict prompt shown");
      await page.locator(".part.editor .tab", { hasText: `${NAME}: emu ↔ local` }).waitFor();
      assert.equal(emu.emulator.store.findByKey("autoscript", [NAME])?.source, theirs, "nothing was written before the answer");
      const buttons = await dialog.locator(".dialog-buttons .monaco-button").allTextContents();
      assert.deepEqual(buttons.map((b) => b.trim()).sort(), ["Cancel", "Overwrite"]);

      await dialog.locator(".dialog-buttons .monaco-button", { hasText: "Overwrite" }).click();
      await toast(page, `Deployed ${NAME} to emu`).waitFor();
      assert.equal(emu.emulator.store.findByKey("autoscript", [NAME])?.source, source);
      const backups = readdirSync(join(workspace.folder, ".maximo", "backups"));
      assert.equal(backups.length, 1);
      assert.equal(readFileSync(join(workspace.folder, ".maximo", "backups", backups[0]!), "utf8"), theirs, "the server's copy was backed up before the overwrite");
    });
  } finally {
    await emu.close();
  }
});

test("scripts: saving deploys to a deployOnSave connection, and is refused for a read-only one", { timeout: 240_000 }, async (t) => {
  const emu = await startEmulator({ port: 0, options: { workOrders: 20 } });
  const name = "MXWB_ONSAVE";
  const file = `${name}.py`;
  try {
    const connections = [
      { name: "prod", url: emu.url, auth: "apikey", readOnly: true, deployOnSave: true },
      { name: "emu", url: emu.url, auth: "apikey", deployOnSave: true },
    ];
    await withWorkbench(t, { settings: { "maximo.connections": connections, "maximo.defaultConnection": "prod" } }, async ({ workbench, workspace, browserPage }) => {
      const page = browserPage.page;
      // Deploy on save needs the extension active, and package.json activates it only for .maximo
      // files and its commands: open the fixture's request file first, as a user of both would.
      await workbench.openFile("requests.maximo");
      writeFileSync(join(workspace.folder, file), source.replace(NAME, name));
      await runCommand(page, "File: Refresh Explorer");
      await page.locator(".explorer-folders-view .monaco-list-row", { hasText: file }).waitFor();
      await workbench.openFile(file);
      const editAndSave = async (line: string) => {
        await workbench.editor.locator(".view-lines").click();
        await page.keyboard.press("Control+End");
        await page.keyboard.type(line);
        await page.keyboard.press("Enter");
        await page.keyboard.press("Control+S");
        await page.locator(".part.editor .tab.active.dirty").waitFor({ state: "detached" });
      };

      await editAndSave("# first save");
      await toast(page, "Deploy on save is refused for prod: the connection is read-only").waitFor();
      assert.equal(emu.emulator.store.findByKey("autoscript", [name]), undefined, "nothing reached the read-only connection");
      t.diagnostic("read-only connection: deploy on save refused");

      await runCommand(page, "Maximo: Select Connection");
      await page.locator(".quick-input-list .monaco-list-row", { hasText: "prod" }).first().waitFor();
      await page.keyboard.type("emu");
      await page.locator(".quick-input-list .monaco-list-row").first().filter({ hasText: "emu" }).waitFor();
      await page.keyboard.press("Enter");
      // Selecting a connection fetches its schemas, so its key is asked for now, once; answered
      // before the editor is clicked (a click elsewhere would dismiss the box).
      await enterApikey(page);
      await page.locator(".quick-input-widget").waitFor({ state: "hidden" });

      await editAndSave("# second save");
      await toast(page, `Deployed ${name} to emu`).waitFor();
      assert.equal(emu.emulator.store.findByKey("autoscript", [name])?.source, readFileSync(join(workspace.folder, file), "utf8"), "the saved file is what the server holds");
    });
  } finally {
    await emu.close();
  }
});

test("scripts: Extract picks scripts from a filterable list and writes them; Compare opens the diff", { timeout: 240_000 }, async (t) => {
  const emu = await startEmulator({ port: 0, options: { workOrders: 20 } });
  try {
    await withWorkbench(t, { settings: { "maximo.connections": [{ name: "emu", url: emu.url, auth: "apikey" }] } }, async ({ workbench, workspace, browserPage }) => {
      const page = browserPage.page;
      // The palette lists an extension's commands once its contributions are loaded: seen by the language mode of a .maximo file.
      await workbench.openFile("requests.maximo");
      await workbench.waitForLanguageMode(languageLabel());
      await runCommand(page, "Maximo: Extract Automation Scripts");
      await enterApikey(page);
      const rows = page.locator(".quick-input-list .monaco-list-row");
      await rows.filter({ hasText: "All scripts" }).waitFor();
      await page.keyboard.type("hello world");
      const hello = rows.filter({ hasText: "MXWB_HELLO" });
      await hello.waitFor();
      assert.equal(await rows.filter({ hasText: "COUNTOFWOANDSR" }).count(), 0, "the filter matches descriptions (Hello world REST API script)");
      // In a multi-select list a click on the row ticks its box; the file written below proves the pick.
      await hello.click();
      await page.keyboard.press("Enter");
      // One script extracted: it opens in the editor.
      await page.locator(".part.editor .tab.active", { hasText: "MXWB_HELLO.py" }).waitFor();
      await toast(page, "Extracted 1 of 1 scripts from emu to scripts").waitFor();
      const text = readFileSync(join(workspace.folder, "scripts", "MXWB_HELLO.py"), "utf8");
      assert.match(text, /^# Hello world REST script/);
      assert.match(text, /scriptConfig = """\{\n {4}"autoscript": "MXWB_HELLO"/);
      t.diagnostic("extract: file written with its scriptConfig");

      await runCommand(page, "Maximo: Compare Automation Script with Server");
      await page.locator(".part.editor .tab.active", { hasText: "MXWB_HELLO: emu ↔ local" }).waitFor();
    });
  } finally {
    await emu.close();
  }
});
