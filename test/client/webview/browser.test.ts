/**
 * The bundled page (dist/webview.js) in real Chromium, outside VS Code: rows appear, sorting and
 * filtering work, the error banner shows reason code, message and hint and links back to the
 * request, response text never becomes markup, 100,000 rows stay virtual, and the page needs
 * nothing its strict CSP forbids. Run `node esbuild.mjs` first.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "../../e2e/harness/browser";
import type { PageDocument, PageWindow } from "./pageGlobals";
import { openWebviewPage, responseMeta, type WebviewPage } from "./pageHarness";
import type { PageMessage } from "../../../client/webview/protocol";

declare const document: PageDocument;
declare const window: PageWindow;

const encode = (value: unknown) => new TextEncoder().encode(typeof value === "string" ? value : JSON.stringify(value));
const hostile = '<img src=x onerror="window.__pwned=1">';

const workOrders = [
  { href: "h/1", wonum: "1003", description: "Replace pump seal", status: "APPR", wopriority: 2, wplabor: [{ laborcode: "AMY", laborhrs: 2 }] },
  { href: "h/2", wonum: "1001", description: hostile, status: "WAPPR", wopriority: 10 },
  { href: "h/3", wonum: "1002", description: "Inspect bearings", status: "APPR", wopriority: 1 },
];
const collection = { member: workOrders, responseInfo: { href: "x", pagenum: 1, totalPages: 3, totalCount: 9 } };

let browser: Browser;
let webview: WebviewPage;
let page: Page;

before(async () => {
  browser = await launchBrowser();
  webview = await openWebviewPage(browser);
  page = webview.page;
});

after(async () => {
  await webview?.close();
  await browser?.close();
});

/** The texts of a column in the rendered rows, top to bottom. */
async function column(name: string): Promise<string[]> {
  return page.evaluate((name) => {
    const keys = [...document.querySelectorAll(".table-header .th[data-column]")].map((th) => th.dataset.column);
    const index = keys.indexOf(name);
    const rows = [...document.querySelectorAll(".table-body .tr:not([hidden])")].sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index));
    return rows.map((row) => row.querySelector(`.td[data-column="${index}"]`)?.textContent ?? "");
  }, name);
}

async function showCollection(meta = {}, actions?: { nextPage: boolean; allPages: boolean }) {
  const body = encode(collection);
  const id = `c-${Math.random().toString(36).slice(2)}`;
  webview.addPayload(id, body);
  const response = responseMeta({
    id,
    size: body.length,
    selectOrder: ["wonum", "description", "status", "wopriority", "wplabor"],
    paging: { page: 1, pageCount: 3, totalCount: 9, hasNext: true },
    ...meta,
  });
  await webview.show(response, id, actions);
  await page.locator(".table-body .tr").first().waitFor();
  return response;
}

describe("the response page in Chromium", () => {
  test("the page says it is ready, then shows the summary and the records in oslc.select order", async () => {
    const posted = await webview.posted();
    assert.equal(posted[0]?.type, "ready");
    await showCollection();
    const summary = await page.locator(".summary").innerText();
    for (const part of ["200 OK", "45 ms", "page 1 of 3", "9 records in all"]) assert.ok(summary.includes(part), `summary: ${summary}`);
    const headers = await page.locator(".table-header .th").allInnerTexts();
    assert.deepEqual(headers.map((text) => text.trim()), ["#", "wonum", "description", "status", "wopriority", "wplabor", "href"]);
    assert.deepEqual(await column("wonum"), ["1003", "1001", "1002"]);
    assert.deepEqual(await column("wplabor"), ["[1] {laborcode: AMY, laborhrs: 2}", "", ""]);
    assert.equal(await page.locator(".table-count").innerText(), "3 records");
  });

  test("clicking a header sorts ascending, then descending; numbers by value", async () => {
    await showCollection();
    const header = page.locator(".table-header .th[data-column=wopriority]");
    await header.click();
    assert.deepEqual(await column("wonum"), ["1002", "1003", "1001"]);
    assert.equal(await header.getAttribute("aria-sort"), "ascending");
    await page.locator(".table-header .th[data-column=wopriority]").click();
    assert.deepEqual(await column("wonum"), ["1001", "1003", "1002"]);
    await page.locator(".table-header .th[data-column=wonum]").click();
    assert.deepEqual(await column("wonum"), ["1001", "1002", "1003"]);
  });

  test("dragging a header's edge resizes its column, header and cells alike", async () => {
    await showCollection();
    const header = page.locator(".table-header .th[data-column=description]");
    const before = (await header.boundingBox())!;
    const handle = (await header.locator(".resize-handle").boundingBox())!;
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(handle.x + handle.width / 2 + 120, handle.y + handle.height / 2, { steps: 4 });
    await page.mouse.up();
    const after = (await header.boundingBox())!;
    assert.ok(Math.abs(after.width - before.width - 120) <= 2, `width ${before.width} → ${after.width}`);
    const cell = (await page.locator(".table-body .tr[data-index='0'] .td[data-column='1']").boundingBox())!;
    assert.ok(Math.abs(cell.width - after.width) <= 1 && Math.abs(cell.x - after.x) <= 1, "the cells follow the header");
    assert.equal(await page.locator(".table-header .th[data-column=description]").getAttribute("aria-sort"), "none", "resizing did not sort");
  });

  test("Headers and Timing tabs show the response's metadata", async () => {
    await showCollection();
    await page.locator("[data-tab=headers]").click();
    const headers = page.locator(".details-view").first();
    await headers.getByText("content-type").first().waitFor();
    assert.match(await headers.innerText(), /GET http:\/\/127\.0\.0\.1:1\/maximo\/api\/os\/mxapiwodetail\?lean=1/);
    await page.locator("[data-tab=timing]").click();
    assert.match(await page.locator(".timing-table").innerText(), /Waiting \(first byte\)\s+28 ms/);
    await page.locator("[data-tab=table]").click();
  });

  test("the filter box keeps the rows containing its text", async () => {
    await showCollection();
    await page.locator(".filter-input").fill("WAPPR");
    await page.waitForFunction(() => document.querySelector(".table-count")?.textContent === "1 of 3 records");
    assert.deepEqual(await column("wonum"), ["1001"]);
    await page.locator(".filter-input").fill("");
    await page.waitForFunction(() => document.querySelector(".table-count")?.textContent === "3 records");
    await page.locator(".filter-input").fill("bearings");
    await page.waitForFunction(() => document.querySelector(".table-count")?.textContent === "1 of 3 records");
    assert.deepEqual(await column("wonum"), ["1002"]);
  });

  test("response text is shown as text: an <img onerror> value stays characters in the table, the tree and the banner", async () => {
    await showCollection();
    assert.ok((await column("description")).includes(hostile));
    const errorBody = encode({ Error: { reasonCode: "BMXAA4153E", message: hostile, statusCode: "400" } });
    webview.addPayload("hostile-error", errorBody);
    await webview.show(
      responseMeta({ id: "hostile-error", status: 400, statusText: "Bad Request", size: errorBody.length, maximoError: { reasonCode: "BMXAA4153E", message: hostile, statusCode: "400" } }),
      "hostile-error",
    );
    await page.locator(".error-banner").waitFor();
    assert.equal(await page.locator(".error-message").textContent(), hostile);
    await page.locator(".jrow").first().waitFor();
    await page.locator(".json-view").getByText("Error").first().waitFor();
    await page.locator("[data-tab=json]").click();
    await page.locator(".jrow").nth(1).click();
    await page.locator(".jrow .twisty").nth(1).click();
    await page.locator(".jrow", { hasText: "message" }).waitFor();
    assert.equal(await page.locator(".jrow", { hasText: "message" }).locator(".jvalue").textContent(), JSON.stringify(hostile));
    assert.equal(await page.locator("img").count(), 0, "no <img> element was created");
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
  });

  test("a Maximo error: banner with reason code, message and hint; Go to request posts revealRequest", async () => {
    const body = encode({ Error: { reasonCode: "BMXAA8744E", message: "BMXAA8744E - The where clause is not valid.", statusCode: "400" } });
    webview.addPayload("or-error", body);
    const meta = responseMeta({
      id: "or-error",
      status: 400,
      statusText: "Bad Request",
      size: body.length,
      request: { method: "GET", url: "http://127.0.0.1:1/maximo/api/os/mxapiwodetail", headers: [], connection: "emulator", source: { uri: "file:///w/test.maximo", line: 4 } },
      maximoError: {
        reasonCode: "BMXAA8744E",
        message: "BMXAA8744E - The where clause is not valid.",
        statusCode: "400",
        explanation: "oslc.where does not support `or` on a real server; split the query or add opmodeor=1 to turn every `and` into `or`.",
      },
    });
    await webview.show(meta, "or-error");
    const banner = page.locator(".error-banner");
    await banner.waitFor();
    assert.equal(await banner.getAttribute("role"), "alert");
    assert.equal(await banner.locator(".reason-code").textContent(), "BMXAA8744E");
    assert.equal(await banner.locator(".error-message").textContent(), "BMXAA8744E - The where clause is not valid.");
    assert.match((await banner.locator(".error-hint").textContent()) ?? "", /opmodeor=1/);
    assert.match(await page.locator(".status").innerText(), /^400 Bad Request$/);
    assert.equal(await page.locator(".tab[aria-selected=true]").innerText(), "JSON", "an error opens on its JSON");
    await banner.getByText("Go to request").click();
    const posted = await webview.posted();
    assert.deepEqual(posted.at(-1), { type: "revealRequest", responseId: "or-error" });
  });

  test("copy: the context menu copies a cell, a row and CSV through the host", async () => {
    await showCollection();
    const cell = page.locator(".table-body .tr[data-index='0'] .td[data-column='0']");
    await cell.click({ button: "right" });
    await page.locator(".context-menu-item", { hasText: "Copy cell" }).click();
    assert.deepEqual((await webview.posted()).at(-1), { type: "copy", text: "1003", what: "cell" });
    await cell.click({ button: "right" });
    await page.locator(".context-menu-item", { hasText: "Copy table as CSV" }).click();
    const csv = (await webview.posted()).at(-1) as { type: string; text: string };
    assert.equal(csv.type, "copy");
    assert.equal(csv.text.split("\r\n")[0], "wonum,description,status,wopriority,wplabor,href");
    assert.equal(csv.text.split("\r\n")[1], '1003,Replace pump seal,APPR,2,"[{""laborcode"":""AMY"",""laborhrs"":2}]",h/1');
  });

  test("Next page and All pages post their action and wait for the host", async () => {
    const meta = await showCollection({}, { nextPage: true, allPages: true });
    const next = page.locator("button[data-action=nextPage]");
    await next.click();
    assert.deepEqual((await webview.posted()).at(-1), { type: "nextPage", responseId: meta.id });
    assert.equal(await next.isDisabled(), true);
    assert.equal(await page.locator("button[data-action=allPages]").isDisabled(), true);
    await page.evaluate(() => window.postMessage({ type: "actionDone", action: "nextPage" }, "*"));
    await page.waitForFunction(() => !document.querySelector("button[data-action=nextPage]")?.disabled);
    await page.getByRole("button", { name: "Save" }).click();
    assert.deepEqual((await webview.posted()).at(-1), { type: "save", responseId: meta.id });
  });

  test("JSON tab: search reveals a match inside a closed record; copy path", async () => {
    await showCollection();
    await page.locator("[data-tab=json]").click();
    await page.locator(".search-input").fill("inspect");
    await page.locator(".search-input").press("Enter");
    await page.locator(".jrow.selected", { hasText: "Inspect bearings" }).waitFor();
    assert.equal(await page.locator(".match-label").innerText(), "1 of 1");
    await page.getByRole("button", { name: "Copy path" }).click();
    assert.deepEqual((await webview.posted()).at(-1), { type: "copy", text: "member[2].description", what: "path" });
    await page.locator("[data-tab=table]").click();
  });

  test("a body in parts: rows show from the first part, the rest fills in as it arrives", async () => {
    const records: Array<Record<string, unknown>> = Array.from({ length: 2000 }, (_, i) => ({ wonum: `P${i}`, description: `Part ${i} ✓ ünïcödé`, wopriority: i % 5, href: `h/${i}` }));
    // A data column first seen in the last record goes before href: every cell must stay under its header.
    records[1999]!.late = "last one";
    const body = encode({ member: records, responseInfo: { pagenum: 1 } });
    webview.addPayload("parts", body);
    await webview.show(responseMeta({ id: "parts", size: body.length }), "parts", undefined, { firstPart: 80 * 1024, partSize: 7 * 1024 + 3, withholdRest: true });
    await page.locator(".table-body .tr").first().waitFor();
    const early = await page.locator(".table-count").innerText();
    assert.match(early, /^[\d,]+ records \(loading…\)$/);
    assert.ok(Number(early.split(" ")[0]!.replace(/,/g, "")) < 2000, early);
    await webview.sendRest();
    await page.waitForFunction(() => document.querySelector(".table-count")?.textContent === "2,000 records");
    await page.locator(".table-body").evaluate((scroller) => (scroller.scrollTop = scroller.scrollHeight));
    await page.locator(".table-body .tr", { hasText: "P1999" }).waitFor();
    const headers = await page.locator(".table-header .th[data-column]").evaluateAll((cells) => cells.map((cell) => cell.getAttribute("data-column")));
    assert.deepEqual(headers, ["wonum", "description", "wopriority", "late", "href"]);
    const last = page.locator(".table-body .tr", { hasText: "P1999" });
    for (const [index, key, text] of [[3, "late", "last one"], [4, "href", "h/1999"]] as const) {
      const cell = last.locator(`.td[data-column="${index}"]`);
      assert.equal(await cell.textContent(), text);
      const cellBox = (await cell.boundingBox())!;
      const headerBox = (await page.locator(`.table-header .th[data-column="${key}"]`).boundingBox())!;
      assert.ok(Math.abs(cellBox.x - headerBox.x) <= 1 && Math.abs(cellBox.width - headerBox.width) <= 1, `${key}: cell ${JSON.stringify(cellBox)} header ${JSON.stringify(headerBox)}`);
    }
    await page.locator("[data-tab=raw]").click();
    await page.locator(".raw-body").evaluate((scroller) => (scroller.scrollTop = scroller.scrollHeight));
    await page.locator(".raw-line", { hasText: "Part 1999 ✓ ünïcödé" }).first().waitFor();
    await page.locator("[data-tab=table]").click();
  });

  test("the page acknowledges every part it takes, the first one (with show) included", async () => {
    const body = encode({ member: Array.from({ length: 300 }, (_, i) => ({ wonum: `A${i}`, description: `Acknowledged ${i}` })) });
    webview.addPayload("acks", body);
    const size = 4096;
    await webview.show(responseMeta({ id: "acks", size: body.length }), "acks", undefined, { firstPart: size, partSize: size });
    await page.waitForFunction(() => document.querySelector(".table-count")?.textContent === "300 records");
    const acks = (await webview.posted()).filter((message): message is Extract<PageMessage, { type: "bodyAck" }> => message.type === "bodyAck" && message.responseId === "acks");
    const expected = Array.from({ length: Math.ceil(body.length / size) }, (_, i) => i * size);
    assert.deepEqual(acks.map((ack) => ack.offset).sort((a, b) => a - b), expected);
  });

  test("100,000 rows: only a screenful of row elements exists, and the last record scrolls into view", async () => {
    const many = { member: Array.from({ length: 100_000 }, (_, i) => ({ wonum: `W${i}`, description: `Work order ${i}`, wopriority: i % 5 })) };
    const body = encode(many);
    webview.addPayload("many", body);
    await webview.show(responseMeta({ id: "many", size: body.length }), "many");
    await page.waitForFunction(() => document.querySelector(".table-count")?.textContent === "100,000 records", undefined, { timeout: 60_000 });
    const rowElements = await page.locator(".table-body .tr").count();
    assert.ok(rowElements > 10 && rowElements < 200, `${rowElements} row elements`);
    await page.locator(".table-body").evaluate((scroller) => (scroller.scrollTop = scroller.scrollHeight));
    await page.locator(".table-body .tr", { hasText: "W99999" }).waitFor();
    await page.locator("[data-tab=raw]").click();
    // The Raw view lays its lines out first and fills their text on the next frame: wait for the text.
    await page.waitForFunction(() => (document.querySelector(".raw-line .raw-text")?.textContent ?? "") !== "", undefined, { timeout: 30_000 });
    assert.match((await page.locator(".raw-line .raw-text").first().textContent()) ?? "", /^\{"member":\[\{"wonum":"W0"/);
  });

  test("a body past 4 MB is windowed: rows and lines come from the host by range; sort, filter, copy and Raw work", async () => {
    const records = Array.from({ length: 40_000 }, (_, i) => ({ wonum: `L${i}`, description: `Large ${i} ✓ ünïcödé`, wopriority: (i * 7919) % 1000, href: `h/${i}` }));
    const text = JSON.stringify({ member: records, responseInfo: { totalCount: records.length } }, null, 1);
    const body = encode(text);
    assert.ok(body.length > 4 * 1024 * 1024, `${body.length} bytes`);
    webview.addPayload("large", body);
    await webview.show(responseMeta({ id: "large", size: body.length, selectOrder: ["wonum", "description", "wopriority"] }), "large");
    await page.waitForFunction(() => document.querySelector(".table-count")?.textContent === "40,000 records", undefined, { timeout: 60_000 });
    assert.equal(await page.evaluate(() => document.documentElement.dataset.windowed), "true");
    await page.locator("[data-tab=table]").click();
    // The last record: fetched from the host when scrolled to.
    await page.locator(".table-body").evaluate((scroller) => (scroller.scrollTop = scroller.scrollHeight));
    await page.locator(".table-body .tr", { hasText: "L39999" }).waitFor();
    const ranges = (await webview.posted()).filter((message) => message.type === "bodyRange");
    assert.ok(ranges.length > 0);
    for (const range of ranges) if (range.type === "bodyRange") assert.ok(range.end - range.start <= 1024 * 1024);

    // Sort by wopriority, descending: the body is read again; the order is the in-memory one.
    await page.locator('.table-header .th[data-column="wopriority"]').click();
    await page.waitForFunction(() => document.querySelector(".table-count")?.textContent === "40,000 records");
    await page.locator('.table-header .th[data-column="wopriority"]').click();
    await page.waitForFunction(() => document.querySelector(".table-count")?.textContent === "40,000 records");
    const expected = records.map((record, i) => ({ record, i })).sort((a, b) => b.record.wopriority - a.record.wopriority || a.i - b.i).slice(0, 5).map(({ record }) => record.wonum);
    await page.locator(".table-body").evaluate((scroller) => (scroller.scrollTop = 0));
    await page.locator(".table-body .tr", { hasText: expected[0]! }).waitFor();
    assert.deepEqual((await column("wonum")).slice(0, 5), expected);

    // Filter, then clear it.
    await page.locator(".filter-input").fill("Large 12345 ");
    await page.waitForFunction(() => document.querySelector(".table-count")?.textContent === "1 of 40,000 records");
    await page.locator(".table-body .tr", { hasText: "L12345" }).waitFor();
    assert.deepEqual(await column("wonum"), ["L12345"]);
    await page.locator(".filter-input").fill("");
    await page.waitForFunction(() => document.querySelector(".table-count")?.textContent === "40,000 records");

    // Copy CSV stops at 10,000 rows and says so.
    const before = (await webview.posted()).length;
    await page.getByRole("button", { name: "Copy CSV" }).click();
    await page.waitForFunction((from) => window.__posted.slice(from).some((message) => message.type === "copy"), before);
    const copy = (await webview.posted()).slice(before).find((message) => message.type === "copy");
    assert.ok(copy?.type === "copy");
    assert.equal(copy.what, "CSV (10,000 rows of 40,000; Export writes them all)");
    assert.equal(copy.text.split("\r\n").length, 10_002, "a header, 10,000 rows and the final line break");

    // The JSON tab lists the 40,000 records closed, under the top level kept from the frame;
    // opening the last one fetches its range only and shows its values.
    await page.locator("[data-tab=json]").click();
    await page.locator(".json-body .jrow", { hasText: "[40000 items]" }).waitFor();
    assert.equal(await page.locator(".json-body .jrow", { hasText: "{…}" }).first().locator(".jkey").textContent(), "0");
    await page.locator(".json-body").evaluate((scroller) => (scroller.scrollTop = scroller.scrollHeight));
    await page.locator(".json-body .jrow", { hasText: "responseInfo" }).waitFor();
    const lastEntry = page.locator(".json-body .jrow:not([hidden])").filter({ has: page.locator(".jkey", { hasText: /^39999$/ }) });
    const rangesBefore = (await webview.posted()).filter((message) => message.type === "bodyRange").length;
    await lastEntry.locator(".twisty").click();
    await page.locator(".json-body").evaluate((scroller) => (scroller.scrollTop = scroller.scrollHeight));
    const wonum = page.locator(".json-body .jrow:not([hidden])").filter({ has: page.locator(".jkey", { hasText: /^wonum$/ }) });
    await wonum.waitFor();
    assert.equal(await wonum.locator(".jvalue").textContent(), '"L39999"');
    const description = page.locator(".json-body .jrow:not([hidden])").filter({ has: page.locator(".jkey", { hasText: /^description$/ }) });
    assert.equal(await description.locator(".jvalue").textContent(), '"Large 39999 ✓ ünïcödé"');
    const opened = (await webview.posted()).filter((message) => message.type === "bodyRange").slice(rangesBefore);
    assert.equal(opened.length, 1, "one range for the opened record");
    assert.ok(opened[0]?.type === "bodyRange" && opened[0].end - opened[0].start < 200, JSON.stringify(opened[0]));
    // Copy path gives the path a request chain reads.
    await wonum.click();
    const copiesBefore = (await webview.posted()).length;
    await page.getByRole("button", { name: "Copy path" }).click();
    await page.waitForFunction((from) => window.__posted.slice(from).some((message) => message.type === "copy"), copiesBefore);
    const copiedPath = (await webview.posted()).slice(copiesBefore).find((message) => message.type === "copy");
    assert.ok(copiedPath?.type === "copy");
    assert.equal(copiedPath.text, "member[39999].wonum");
    // Search reads every record again (not only the opened one): a match in a closed record
    // opens it and is selected; the count covers every record.
    await page.locator(".search-input").fill("l31415");
    await page.locator(".search-input").press("Enter");
    await page.locator(".match-label", { hasText: /^1 of 1$/ }).waitFor({ timeout: 60_000 });
    const found = page.locator(".json-body .jrow.selected:not([hidden])");
    assert.equal(await found.locator(".jkey").textContent(), "wonum");
    assert.equal(await found.locator(".jvalue").textContent(), '"L31415"');
    await page.locator(".search-input").fill("Large 3999");
    await page.locator(".search-input").press("Enter");
    await page.locator(".match-label", { hasText: /^1 of 11$/ }).waitFor({ timeout: 60_000 });
    await page.locator(".search-input").press("Enter");
    await page.locator(".match-label", { hasText: /^2 of 11$/ }).waitFor();
    assert.equal(await page.locator(".json-body .jrow.selected:not([hidden]) .jvalue").textContent(), '"Large 39990 ✓ ünïcödé"');

    // Raw shows the body's last line, fetched when scrolled to.
    await page.locator("[data-tab=raw]").click();
    await page.locator(".raw-body").evaluate((scroller) => (scroller.scrollTop = scroller.scrollHeight));
    const lastLines = text.split("\n").slice(-3);
    await page.locator(".raw-line .raw-text", { hasText: lastLines[1]!.trim() }).first().waitFor();
    const shown = await page.evaluate(() =>
      [...document.querySelectorAll(".raw-line:not([hidden])")].sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index)).map((row) => row.querySelector(".raw-text")?.textContent),
    );
    assert.deepEqual(shown.slice(-3), lastLines);
  });

  test("a body that is not JSON opens on Raw; a malformed JSON body says where it breaks", async () => {
    const html = encode("<html><body>Proxy error</body></html>");
    webview.addPayload("html", html);
    await webview.show(responseMeta({ id: "html", status: 502, statusText: "Bad Gateway", contentType: "text/html", size: html.length }), "html");
    await page.locator(".raw-line", { hasText: "Proxy error" }).waitFor();
    assert.equal(await page.locator("img, body > div img").count(), 0);
    const broken = encode('{"member":[{"wonum":"1001"},{"wonum":');
    webview.addPayload("broken", broken);
    await webview.show(responseMeta({ id: "broken", size: broken.length }), "broken");
    await page.locator("[data-tab=json]").click();
    await page.locator(".json-view .empty-note", { hasText: "not valid JSON near byte" }).waitFor();
  });

  test("nothing the page did broke its Content-Security-Policy", async () => {
    assert.deepEqual(await webview.violations(), []);
  });
});
