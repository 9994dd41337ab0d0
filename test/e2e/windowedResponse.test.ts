// A large All pages result as a user meets it, in code-server against an emulator this test
// starts: "Send all pages" on a request of 5,000 work orders (oslc.select=*, about 1.7 KB each) in
// pages of 1,000 joins them into one body of about 8 MB (past 4 MB: a temporary file on the extension host, and a windowed table
// in the panel, which keeps only an index and fetches the rows on screen from the host by byte
// range). Scrolled to the end, the table shows the last record; sorted, its first row is the
// highest work order; the JSON tab's search finds the last record's work order; Raw shows the
// body's last line.
import assert from "node:assert/strict";
import { test } from "node:test";
import { JsonTree } from "../../client/webview/model/jsonTree";
import { withWorkbench } from "./harness";
import { emulatorConnectionSettings, startEmulatorProcess } from "./harness/emulatorProcess";
import { sendFromNewFile } from "./harness/sendRequest";
import { webviewContent } from "./harness/userActions";

const APIKEY = "emulator-apikey";
const PANEL = "Maximo Response";
const RECORDS = 5_000;
const QUERY = `os/mxapiwodetail?lean=1&oslc.select=*&oslc.orderBy=%2Bworkorderid&oslc.pageSize=1000`;

test("All pages of 5,000 work orders (8 MB): a windowed table scrolls to the last record, sorts, and Raw shows the last line", { timeout: 330_000 }, async (t) => {
  const emulator = await startEmulatorProcess(["--work-orders", String(RECORDS)]);
  try {
    // What the server holds, fetched directly in one page: the records in order.
    const direct = await fetch(`${emulator.url}/oslc/${QUERY.replace("oslc.pageSize=1000", "oslc.pageSize=100000")}`, { headers: { apikey: APIKEY, accept: "application/json" } });
    const served = Buffer.from(await direct.arrayBuffer());
    const members = (JSON.parse(served.toString("utf8")) as { member: Array<{ wonum: string; description?: string }> }).member;
    // The emulator's seeded work orders come on top of the generated ones.
    assert.ok(members.length >= RECORDS, `${members.length} work orders`);
    const count = new RegExp(`^${members.length.toLocaleString("en-US")} records$`);
    assert.ok(served.length > 4 * 1024 * 1024, `the joined body passes the 4 MB threshold: ${served.length} bytes`);
    const last = members.at(-1)!;
    const highest = [...members].sort((a, b) => b.wonum.localeCompare(a.wonum, undefined, { numeric: true, sensitivity: "base" }))[0]!;

    await withWorkbench(
      t,
      {
        fixture: "workspace",
        settings: emulatorConnectionSettings(emulator),
        waitTimeoutMs: 120_000,
      },
      async (run) => {
        const page = run.browserPage.page;
        await sendFromNewFile(run, "allpages.maximo", `### Every work order\nGET ${QUERY}\n`, "Send all pages", APIKEY);

        const panel = await webviewContent(page, PANEL);
        await panel.locator(".table-count", { hasText: count }).waitFor({ timeout: 180_000 });
        assert.equal(await panel.locator("html").getAttribute("data-windowed"), "true", "the panel keeps an index, not the body");

        // Scroll to the end: the last record's row is fetched from the host and drawn.
        const body = panel.locator(".table-body");
        await body.evaluate((element) => (element.scrollTop = element.scrollHeight));
        await panel.getByRole("gridcell", { name: last.wonum, exact: true }).first().waitFor();
        const lastRow = panel.locator(".table-body .tr", { has: panel.getByRole("gridcell", { name: last.wonum, exact: true }) }).first();
        assert.equal(await lastRow.locator(".row-number").textContent(), String(members.length));
        if (last.description) assert.ok(((await lastRow.textContent()) ?? "").includes(last.description), "the last record's description");

        // Sort by wonum, descending (two clicks): the body is read again; the highest comes first.
        const header = panel.locator('.table-header .th[data-column="wonum"]');
        await header.click();
        await panel.locator(".table-count", { hasText: count }).waitFor({ timeout: 120_000 });
        await header.click();
        await panel.locator(".table-count", { hasText: count }).waitFor({ timeout: 120_000 });
        await body.evaluate((element) => (element.scrollTop = 0));
        const firstRow = panel.locator('.table-body .tr[data-index="0"]');
        await firstRow.locator(".td", { hasText: highest.wonum }).first().waitFor();
        t.diagnostic(`sorted first row: ${await firstRow.textContent()}`);

        // JSON: search reads every record from the host again; the last record's work order is
        // found though its record was never opened, and opened to show it.
        await panel.locator("[data-tab=json]").click();
        // The same search over the whole parsed body (the page's model, held to it by
        // test/client/webview/lazyJsonTree.test.ts) says which match comes first and how many.
        const expected = new JsonTree(JSON.parse(served.toString("utf8"))).search(last.wonum);
        const firstMatch = expected.matches[0]!;
        await panel.locator(".search-input").fill(last.wonum);
        await panel.locator(".search-input").press("Enter");
        await panel.locator(".match-label", { hasText: `1 of ${expected.total.toLocaleString("en-US")}` }).waitFor({ timeout: 120_000 });
        const selected = panel.locator(".json-body .jrow.selected:not([hidden])").first();
        assert.equal(await selected.locator(".jkey").textContent(), String(firstMatch.at(-1)));
        assert.ok(((await selected.locator(".jvalue").textContent()) ?? "").toLowerCase().includes(last.wonum.toLowerCase()) || String(firstMatch.at(-1)).toLowerCase().includes(last.wonum.toLowerCase()));

        // Raw: the body is one line (compact JSON) cut into segments; its end is drawn when scrolled to.
        await panel.locator("[data-tab=raw]").click();
        const raw = panel.locator(".raw-body");
        await raw.evaluate((element) => (element.scrollTop = element.scrollHeight));
        await panel.locator(".raw-line .raw-text", { hasText: `],"responseInfo":{"totalCount":${members.length}}}` }).first().waitFor();
      },
    );
  } finally {
    await emulator.stop();
  }
});
