// The Maximo view as a user meets it, in code-server against an emulator this test starts: the
// activity bar's Maximo container, the active connection with its object structures (from the
// offline pack until the connection's schemas are fetched, and said so), a structure expanded to
// its attributes, two ticked, New Request → an untitled .maximo editor with the generated GET; then,
// once the connection's key is entered, the server's own schema fetched on expand, Run Saved
// Query sending through Send to the response panel, and the structure filter.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Locator, Page } from "playwright-core";
import { withWorkbench } from "./harness";
import { startEmulatorProcess } from "./harness/emulatorProcess";
import { answerQuickInput, webviewContent } from "./harness/userActions";

const APIKEY = "emulator-apikey";

/** The Object Structures view's tree rows. */
function rows(page: Page): Locator {
  return page.locator(".part.sidebar .pane-body .monaco-list-row");
}

/** The row whose label (not its description) is exactly `label`. */
function row(page: Page, label: string): Locator {
  return rows(page).filter({ has: page.locator(".label-name", { hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) }) }).first();
}

/** Labels and descriptions of the rendered rows, for messages when a wait fails. */
async function treeText(page: Page): Promise<string> {
  return JSON.stringify(
    await rows(page).evaluateAll((elements) =>
      elements.map((element) => `${element.querySelector(".label-name")?.textContent ?? ""} | ${element.querySelector(".label-description")?.textContent ?? ""}`),
    ),
  );
}

/**
 * Waits for the row `label`. The tree renders only the rows in view: scroll up a step at a time
 * until the rows stop changing (the top), then down the same way, then keep waiting (a fetch may
 * still be adding it).
 */
async function waitForRow(page: Page, label: string): Promise<Locator> {
  const found = row(page, label);
  const list = page.locator(".part.sidebar .pane-body .monaco-list").first();
  // Rendered is not enough: rows just past the edge are rendered but clipped.
  const inView = async () => {
    if (!(await found.isVisible())) return false;
    const [rowBox, listBox] = [await found.boundingBox(), await list.boundingBox()];
    return rowBox !== null && listBox !== null && rowBox.y >= listBox.y && rowBox.y + rowBox.height <= listBox.y + listBox.height;
  };
  for (const step of [-300, 300]) {
    let before = "";
    for (let attempt = 0; attempt < 100 && !(await inView()); attempt++) {
      const now = await treeText(page);
      if (now === before) break;
      before = now;
      await list.hover();
      await page.mouse.wheel(0, step);
      // A frame for the tree to render what it scrolled to.
      await page.waitForTimeout(100);
    }
  }
  const deadline = Date.now() + 30_000;
  while (!(await inView())) {
    if (Date.now() > deadline) throw new Error(`no tree row "${label}" in view; rows: ${await treeText(page)}`);
    await page.waitForTimeout(200);
  }
  return found;
}

/** Waits until the row `label` (scrolled to) shows a description matching `pattern`. */
async function waitForDescription(page: Page, label: string, pattern: RegExp): Promise<void> {
  const deadline = Date.now() + 30_000;
  let description = "";
  while (!pattern.test(description)) {
    if (Date.now() > deadline) throw new Error(`row "${label}" reads "${description}", not ${pattern}`);
    if (description !== "") await page.waitForTimeout(200);
    description = (await (await waitForRow(page, label)).locator(".label-description").textContent()) ?? "";
  }
}

/** Clicks the inline action `title` of a row (inline actions show on hover). */
async function inlineAction(target: Locator, title: string): Promise<void> {
  await target.hover();
  await target.locator(`.actions .action-label[aria-label="${title}"]`).click();
}

/** The lines of the active editor's model, read through the editor's own text area-less view: every rendered line. */
async function editorText(page: Page): Promise<string> {
  const editor = page.locator(".part.editor .editor-group-container.active .monaco-editor").first();
  return editor.evaluate((root) =>
    [...root.querySelectorAll(".view-lines > .view-line")]
      .map((line) => ({ top: parseFloat((line as unknown as { style: { top: string } }).style.top), text: (line.textContent ?? "").replace(/\u00a0/g, " ") }))
      .sort((a, b) => a.top - b.top)
      .map((line) => line.text)
      .join("\n"),
  );
}

test("explorer: expand a structure, tick attributes, New Request opens the GET; Run Saved Query sends it; the filter", { timeout: 300_000 }, async (t) => {
  const emulator = await startEmulatorProcess();
  try {
    const settings = {
      "maximo.connections": [
        { name: "emulator", url: emulator.url, apiRoot: "oslc", auth: "apikey" },
        { name: "other", url: emulator.url, apiRoot: "oslc", auth: "apikey" },
      ],
      "maximo.defaultConnection": "emulator",
      // Rows are found by scrolling: no ancestor rows pinned above them.
      "workbench.tree.enableStickyScroll": false,
    };
    await withWorkbench(t, { fixture: "examples", settings }, async ({ workbench, browserPage }) => {
      const page = browserPage.page;
      await workbench.openFile("workorders.maximo");

      // The Maximo container in the activity bar; the active connection is expanded, first.
      await page.locator(".part.activitybar .action-item a[aria-label^='Maximo']").first().click();
      // The view is the container's only one, so its name is in the sidebar's title.
      await page.locator(".part.sidebar .composite.title", { hasText: /Object Structures/i }).waitFor();
      const connection = await waitForRow(page, "emulator");
      // No key entered yet: nothing was fetched, so the structures come from the offline pack, and the view says so.
      assert.match((await connection.locator(".label-description").textContent()) ?? "", /^active · offline pack · \d+ object structures$/);
      const labels = await rows(page).locator(".label-name").allTextContents();
      assert.ok(labels.indexOf("emulator") < labels.indexOf("other"), `the active connection first: ${JSON.stringify(labels)}`);

      const notes = () => rows(page).filter({ hasText: "From the offline pack" }).locator(".label-description").allTextContents();
      assert.match((await notes()).join("\n"), /^the server's apimeta is not cached yet; Refresh fetches it/);

      // Expand MXAPIWODETAIL: its saved queries, child objects and attributes, from the pack too.
      const structure = await waitForRow(page, "mxapiwodetail");
      assert.match((await structure.locator(".label-description").textContent()) ?? "", /Work Orders/);
      await structure.click();
      await waitForRow(page, "Saved queries");
      assert.ok(
        (await notes()).some((note) => /^the server's schema was not fetched: the password or API key of "emulator" has not been entered yet/.test(note)),
        JSON.stringify(await notes()),
      );
      await waitForRow(page, "wplabor");
      assert.match((await (await waitForRow(page, "wonum")).locator(".label-description").textContent()) ?? "", /^UPPER\(25\) · required$/);

      // Tick status, then wonum: the select keeps the order of the ticks.
      const checkbox = async (label: string) => (await waitForRow(page, label)).locator(".custom-view-tree-node-item-checkbox");
      await (await checkbox("status")).click();
      await (await checkbox("wonum")).click();
      assert.equal(await (await checkbox("status")).getAttribute("aria-checked"), "true");

      await inlineAction(await waitForRow(page, "mxapiwodetail"), "New Request");
      await page.locator(".part.editor .tab.active", { hasText: /Untitled/ }).waitFor();
      const expected = "### mxapiwodetail\nGET os/mxapiwodetail?lean=1\n    &oslc.select=status,wonum\n    &oslc.pageSize=20";
      const deadline = Date.now() + 30_000;
      let text = await editorText(page);
      while (text.trim() !== expected && Date.now() < deadline) {
        await page.waitForTimeout(200);
        text = await editorText(page);
      }
      assert.equal(text.trim(), expected);
      await page.locator("#status\\.editor\\.mode", { hasText: /maximo/i }).waitFor();

      // The row that says so refreshes the active connection's schemas (its key is asked once): the list becomes the server's.
      await (await waitForRow(page, "From the offline pack")).click();
      await answerQuickInput(page, APIKEY);
      await waitForDescription(page, "emulator", /^active · server schemas · \d+ object structures$/);
      // The server's own schema is fetched when a structure is expanded.
      const asset = await waitForRow(page, "mxapiasset");
      await asset.click();
      await waitForRow(page, "serialnum"); // an asset's, not a work order's
      assert.equal(await row(page, "From the offline pack").count(), 0, `the server's schema, not the pack's: ${await treeText(page)}`);
      assert.ok(
        (await emulator.requests()).some((request) => /jsonschemas\/mxapiasset/i.test(request.path)),
        "the schema of mxapiasset was fetched from the server",
      );

      // Run Saved Query: the generated request goes through Send; the response panel shows its rows.
      await (await waitForRow(page, "mxapiasset")).click(); // collapsed: the one "Saved queries" row is mxapiwodetail's
      await row(page, "mxapiasset").and(page.locator("[aria-expanded='false']")).waitFor();
      await (await waitForRow(page, "Saved queries")).click();
      await inlineAction(await waitForRow(page, "APPROVEWORK"), "Run Saved Query");
      const panel = await webviewContent(page, "Maximo Response");
      await panel.getByText(/^200\b/).first().waitFor();
      const sent = (await emulator.requests()).filter((request) => /os\/mxapiwodetail/i.test(request.path) && /savedQuery=APPROVEWORK/.test(request.query ?? request.path));
      assert.equal(sent.length, 1, "one GET with savedQuery=APPROVEWORK");
      assert.match(sent[0]!.query ?? sent[0]!.path, /oslc\.select=status%2Cwonum|oslc\.select=status,wonum/);

      // Filter Object Structures… from the view's title bar: only matching structures, the filter
      // in the view's message; Clear Filter brings the others back.
      await page.locator(".part.sidebar .title-actions .action-label[aria-label^='Filter Object Structures']").click();
      await answerQuickInput(page, "wo detail");
      await page.locator(".part.sidebar").getByText('Object structures whose name, description or application contain "wo detail"').waitFor();
      await waitForRow(page, "mxwodetail");
      await row(page, "mxapiasset").waitFor({ state: "detached" });
      await page.locator(".part.sidebar .title-actions .action-label[aria-label^='Clear Object Structure Filter']").click();
      await waitForRow(page, "mxapiasset");
    });
  } finally {
    await emulator.stop();
  }
});
