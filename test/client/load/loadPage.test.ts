/**
 * The load panel's page (dist/loadPanel.js + .css, built by `node esbuild.mjs`) in real Chromium
 * outside VS Code, under the same strict CSP with a nonce the host gives it (panelHtml.ts): the
 * preview heads columns with attribute and type, flags the bad cell with its message as its
 * title, file content never becomes markup, Load and Cancel post their messages, progress
 * replaces the buttons, and results list failed rows first.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { after, before, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { panelHtml } from "../../../client/src/extension/response/panelHtml";
import type { LoadHostMessage, LoadPageMessage, LoadPreview } from "../../../client/webview/load/protocol";
import { launchBrowser } from "../../e2e/harness/browser";

const root = process.env.MAXIMO_WORKBENCH_ROOT ?? process.cwd();
const hostile = '<img src=x onerror="window.__pwned=1">';

interface ProbeWindow {
  __posted: LoadPageMessage[];
  __violations: string[];
  __pwned?: unknown;
  postMessage(message: unknown, targetOrigin: string): void;
}
declare const window: ProbeWindow;

// Stands in for VS Code: the API object recording what the page posts, and a CSP violation probe.
const probe = `window.__posted = []; window.__violations = [];
window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(m) });
document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(e.violatedDirective + " " + e.blockedURI));`;

let browser: Browser;
let server: Server;
let page: Page;

before(async () => {
  for (const name of ["loadPanel.js", "loadPanel.css"]) assert.ok(existsSync(join(root, "dist", name)), `dist/${name} is missing: run 'node esbuild.mjs' first`);
  const nonce = "bm9uY2Utb2YtdGhlLXRlc3Q=";
  // The host's own shell, with the probe added under the same nonce (the page script itself is untouched).
  const html = panelHtml({ cspSource: "'self'", scriptUri: "/loadPanel.js", styleUri: "/loadPanel.css", nonce, title: "Load" }).replace(
    "<div id=\"app\"></div>",
    `<script nonce="${nonce}">${probe}</script><div id="app"></div>`,
  );
  server = createServer((request, response) => {
    const file = { "/loadPanel.js": "text/javascript", "/loadPanel.css": "text/css" }[request.url ?? ""];
    response.writeHead(200, { "content-type": file ?? "text/html; charset=utf-8" });
    response.end(file ? readFileSync(join(root, "dist", request.url!.slice(1))) : html);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  await page.waitForFunction(() => window.__posted.some((m) => m.type === "ready"));
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

const send = (message: LoadHostMessage) => page.evaluate((m) => window.postMessage(m, "*"), message);
const posted = () => page.evaluate(() => window.__posted);

const preview: LoadPreview = {
  id: "p1",
  title: "assets.csv → MXAPIASSET (add) on emu",
  columns: [
    { header: "ASSETNUM", path: "assetnum", type: "UPPER(25)" },
    { header: "DESCRIPTION", path: "description", type: "ALN(100)" },
    { header: hostile, problem: "MXAPIASSET has no attribute of that name" },
  ],
  rows: [
    { row: 1, cells: [{ text: "A1" }, { text: hostile }, { text: "x" }], problems: [] },
    { row: 2, cells: [{ text: "A2" }, { text: "d".repeat(101), problem: "longer than 100 characters" }, { text: "" }], problems: ["DESCRIPTION: longer than 100 characters"] },
  ],
  summary: "1 of 2 rows has problems; it will not be sent. 1 column is not loaded.",
  notes: ["Checked against the offline pack's schema."],
  validRows: 1,
};

test("the preview: columns with attribute and type, the bad cell flagged with its message, content as text", async () => {
  await send({ type: "preview", preview });
  await page.locator(".load-summary", { hasText: preview.summary }).waitFor();
  assert.deepEqual(await page.locator("thead .column-path").allTextContents(), ["→ assetnum", "→ description", "→ (no attribute)"]);
  assert.deepEqual(await page.locator("thead .column-type").allTextContents(), ["UPPER(25)", "ALN(100)"]);
  assert.equal(await page.locator("thead .column-problem").textContent(), "MXAPIASSET has no attribute of that name");
  const flagged = page.locator("td.cell-error");
  assert.equal(await flagged.count(), 1);
  assert.equal(await flagged.getAttribute("title"), "longer than 100 characters");
  assert.equal(await page.locator("tr.row-invalid").getAttribute("data-row"), "2");
  assert.equal(await page.locator("tr.row-invalid td.row-problems").textContent(), "DESCRIPTION: longer than 100 characters");
  assert.equal(await page.locator("tr.row-valid td.cell").nth(1).textContent(), hostile);
  assert.equal(await page.locator("img").count(), 0, "file content never becomes markup");
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(await page.evaluate(() => window.__violations), [], "nothing the CSP forbids");
});

test("Load posts the preview's id and waits; progress replaces the buttons; a stop brings them back", async () => {
  await page.locator("button.load-button", { hasText: "Load 1 Row" }).click();
  assert.deepEqual((await posted()).at(-1), { type: "load", previewId: "p1" });
  assert.equal(await page.locator("button.load-button").count(), 0, "no second click while it starts");
  await send({ type: "progress", done: 500, total: 1000, rowsPerSecond: 812.4 });
  await page.locator(".load-status", { hasText: "Loading: 500 of 1000 rows sent, 812 rows/s." }).waitFor();
  await send({ type: "stopped", message: "Nothing was sent: emu is read-only and the load was not confirmed." });
  await page.locator(".load-status", { hasText: "Nothing was sent" }).waitFor();
  await page.locator("button.cancel-button").click();
  assert.deepEqual((await posted()).at(-1), { type: "cancel", previewId: "p1" });
});

test("no valid row: Load is offered but disabled", async () => {
  await send({ type: "preview", preview: { ...preview, id: "p2", validRows: 0 } });
  await page.locator("button.load-button", { hasText: "Load 0 Rows" }).waitFor();
  assert.equal(await page.locator("button.load-button").isDisabled(), true);
});

test("results: the host's order (failed first) with their messages, and the results file to open", async () => {
  await send({
    type: "results",
    results: {
      id: "r1",
      title: "Results",
      summary: "1 of 2 rows loaded, 1 failed.",
      resultsFile: "/w/assets.results.csv",
      columns: ["row", "status", "assetnum", "href", "reasonCode", "message"],
      rows: [
        { status: "failed", cells: ["2", "failed", "A2", "", "", "DESCRIPTION: longer than 100 characters"] },
        { status: "ok", cells: ["1", "ok", "A1", "http://127.0.0.1/x", "", ""] },
      ],
      notes: [],
    },
  });
  await page.locator(".load-results").waitFor();
  assert.deepEqual(await page.locator(".load-results thead th").allTextContents(), ["row", "status", "assetnum", "href", "reasonCode", "message"]);
  assert.deepEqual(await page.locator(".load-results tbody tr").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-status"))), ["failed", "ok"]);
  assert.equal(await page.locator(".load-summary").textContent(), "1 of 2 rows loaded, 1 failed.");
  assert.equal(await page.locator(".results-file").textContent(), "/w/assets.results.csv");
  await page.locator("button.open-results").click();
  assert.deepEqual((await posted()).at(-1), { type: "openResultsFile", resultsId: "r1" });
  assert.equal(await page.locator(".load-preview").count(), 0);
});
