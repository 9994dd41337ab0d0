// What a user does beyond the editor text: CodeLens links, the quick input, modal dialogs,
// notifications, the status bar and the response webview (two nested iframes in VS Code 1.100).
import type { ConsoleMessage, FrameLocator, Locator, Page } from "playwright-core";

/**
 * Ctrl+G to a 1-based line, so it is rendered (CodeLens and squiggles exist only for visible lines).
 * On a loaded machine the box can open before it takes keys, or stay open after Enter: then it is
 * closed and asked for again.
 */
export async function goToLine(page: Page, line: number): Promise<void> {
  const widget = page.locator(".quick-input-widget");
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press("Control+G");
    await widget.waitFor({ state: "visible" });
    // The go-to-line box reads ":N"; filling it sets the whole value whatever was typed early.
    await widget.locator("input").fill(`:${line}`);
    await page.keyboard.press("Enter");
    try {
      await widget.waitFor({ state: "hidden", timeout: 5000 });
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
      await page.keyboard.press("Escape");
    }
  }
}

/** Clicks the CodeLens `title` shown just above the 1-based `line`. */
export async function clickCodeLens(page: Page, line: number, title: string): Promise<void> {
  await goToLine(page, line);
  await page.keyboard.press("Home");
  const editor = page.locator(".part.editor .editor-group-container.active .monaco-editor").first();
  await editor.locator(".margin-view-overlays .line-numbers", { hasText: new RegExp(`^${line}$`) }).waitFor();
  // VS Code keeps hidden lens widgets for lines scrolled away: only visible ones count.
  await editor.locator(".codelens-decoration a:visible", { hasText: new RegExp(`^${title}$`) }).first().waitFor();
  // Line and lens positions are read in one pass, twice in a row alike, so a scroll still settling
  // after Ctrl+G cannot pair a line with another line's lens.
  let previous = "";
  for (let attempt = 0; attempt < 50; attempt++) {
    const layout = await editor.evaluate(
      (root, wanted) => {
        const number = [...root.querySelectorAll(".margin-view-overlays .line-numbers")].find((element) => element.textContent?.trim() === String(wanted.line));
        const bounds = root.getBoundingClientRect();
        // Visible and inside the editor: a horizontally scrolled view can hold lenses off to the left.
        const anchors = [...root.querySelectorAll(".codelens-decoration a")].filter((anchor) => {
          const rect = anchor.getBoundingClientRect();
          return anchor.textContent === wanted.title && rect.width > 0 && rect.left >= bounds.left && rect.right <= bounds.right;
        });
        const centre = (rect: { left: number; top: number; width: number; height: number }) => ({ top: rect.top, x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
        return { lineTop: number?.getBoundingClientRect().top ?? null, lineHeight: number?.getBoundingClientRect().height ?? 0, lenses: anchors.map((anchor) => centre(anchor.getBoundingClientRect())) };
      },
      { line, title },
    );
    const current = JSON.stringify(layout);
    // The line's own lens sits in the band just above it, never further than two lines up.
    const above = layout.lenses.filter(({ top }) => layout.lineTop !== null && top < layout.lineTop && layout.lineTop - top <= 2 * layout.lineHeight);
    if (current === previous && above.length > 0) {
      const nearest = above.reduce((best, candidate) => (candidate.top > best.top ? candidate : best));
      const lost = commandLost(page);
      await page.mouse.click(nearest.x, nearest.y);
      if (!(await lost)) return;
      // The lenses were provided again between reading and clicking: the old one's command is gone. Read them again.
      previous = "";
      continue;
    }
    previous = current;
    await page.waitForTimeout(100);
  }
  throw new Error(`no "${title}" CodeLens settled above line ${line} (last layout ${previous})`);
}

/**
 * Whether a CodeLens click in the next second hit a lens VS Code had already replaced: the
 * workbench then logs "Actual command not found" and runs nothing (seen in CI after a response
 * re-provided the lenses).
 */
function commandLost(page: Page): Promise<boolean> {
  return new Promise((resolve) => {
    const onConsole = (message: ConsoleMessage) => {
      if (message.type() === "error" && message.text().includes("Actual command not found")) finish(true);
    };
    const timer = setTimeout(() => finish(false), 1000);
    const finish = (lostCommand: boolean) => {
      clearTimeout(timer);
      page.off("console", onConsole);
      resolve(lostCommand);
    };
    page.on("console", onConsole);
  });
}

/** Types into the visible quick input (an input box or a quick pick filter) and presses Enter. */
export async function answerQuickInput(page: Page, text: string): Promise<void> {
  const widget = page.locator(".quick-input-widget");
  await widget.waitFor({ state: "visible" });
  const input = widget.locator("input");
  await input.fill(text);
  // A box that fills itself in (the save dialog writes its folder path after it opens) may
  // overwrite what was typed: type again until the answer has held for two looks in a row.
  const deadline = Date.now() + 15_000;
  for (let held = 0; held < 2 && Date.now() < deadline; ) {
    await page.waitForTimeout(150);
    if ((await input.inputValue()) === text) {
      held++;
    } else {
      held = 0;
      await input.fill(text);
    }
  }
  await page.keyboard.press("Enter");
  // Wait until the box has taken the answer (it closes, or the next box opens empty): one widget
  // serves every box, and an answer typed before this one closed would land in it.
  // (A string: the test code is not compiled with the DOM's types.)
  await page.waitForFunction(
    `(() => { const box = document.querySelector(".quick-input-widget"); const input = box && box.querySelector("input");` +
      ` return !box || !input || box.style.display === "none" || input.value !== ${JSON.stringify(text)}; })()`,
  );
}

/** Picks the quick pick row whose label contains `label`. */
export async function pickQuickItem(page: Page, label: string | RegExp): Promise<void> {
  const row = page.locator(".quick-input-list .monaco-list-row", { hasText: label }).first();
  await row.waitFor();
  await row.click();
}

/** The visible modal dialog, once shown. */
export async function modalDialog(page: Page): Promise<Locator> {
  const dialog = page.locator(".monaco-dialog-box");
  await dialog.waitFor();
  return dialog;
}

export async function clickDialogButton(dialog: Locator, label: string): Promise<void> {
  await dialog.locator(".dialog-buttons .monaco-button", { hasText: label }).first().click();
  await dialog.waitFor({ state: "hidden" });
}

/** A notification toast containing `text`. */
export function notification(page: Page, text: string | RegExp): Locator {
  return page.locator(".notifications-toasts .notification-toast", { hasText: text }).first();
}

/** The status bar entry whose text contains `text`. */
export function statusBarItem(page: Page, text: string | RegExp): Locator {
  return page.locator(".part.statusbar .statusbar-item", { hasText: text }).first();
}

/** Runs a command by its palette title (e.g. "Maximo: Send All Requests in File") through Quick Open's `>` mode. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press("Control+P");
  const quickInput = page.locator(".quick-input-widget");
  await quickInput.waitFor({ state: "visible" });
  await page.keyboard.type(`>${title}`);
  // Rows may show the title without its category ("File: Refresh Explorer" reads "Refresh Explorer").
  await page.locator(".quick-input-list .monaco-list-row", { hasText: title.replace(/^[^:]+: /, "") }).first().waitFor();
  await page.keyboard.press("Enter");
}

/** The content of the webview panel titled `title` (VS Code nests it in two iframes). */
export async function webviewContent(page: Page, title: string): Promise<FrameLocator> {
  await page.locator(".part.editor .tab", { hasText: title }).first().waitFor();
  return page.frameLocator("iframe.webview.ready").last().frameLocator("#active-frame");
}

/** Opens a file of the workspace root by clicking it in the Explorer, as a user would. */
export async function openFromExplorer(page: Page, name: string): Promise<void> {
  await page.locator(".explorer-folders-view .monaco-list-row", { hasText: name }).first().click();
  await page.locator(".part.editor .tab.active", { hasText: name }).waitFor();
}
