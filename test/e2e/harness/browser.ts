// Debian's Chromium, headless, driven by playwright-core (never `npx playwright install`).
import { format } from "node:util";
import { chromium, type Browser, type ConsoleMessage, type Page } from "playwright-core";
import { chromiumPath } from "./paths";

export const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, timeout: 30_000 });
}

export interface BrowserPage {
  page: Page;
  /** Console messages of the page (extension-host logs included), newest last. */
  consoleLines: string[];
}

export async function newPage(browser: Browser): Promise<BrowserPage> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const consoleLines: string[] = [];
  page.on("console", (message) => {
    consoleLines.push(`[${message.type()}] ${message.text()}`);
    if (consoleLines.length > 2000) consoleLines.shift();
  });
  page.on("pageerror", (error) => consoleLines.push(`[pageerror] ${error.message}`));
  return { page, consoleLines };
}

/**
 * Extension-host console output reaches the page as `%c INFO` + a colour argument with the `%s`
 * placeholders unfilled; formatting the arguments from the third one on gives the original line.
 */
export async function extensionHostText(message: ConsoleMessage): Promise<string | undefined> {
  const args = message.args();
  if (args.length < 3) return undefined;
  try {
    const values = await Promise.all(args.map((arg) => arg.jsonValue() as Promise<unknown>));
    if (typeof values[0] !== "string" || !values[0].startsWith("%c")) return undefined;
    return format(...values.slice(2));
  } catch {
    return undefined; // the page navigated away or closed
  }
}
