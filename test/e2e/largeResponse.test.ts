// A large response as a user meets it, in code-server against an emulator this test starts: Send
// on a request answered with about 20 MB of work orders (so the body crosses the 4 MB threshold,
// goes to a temporary file on the extension host and reaches the panel in parts); the first rows
// show, every record reaches the table, and it scrolls to the last one.
import assert from "node:assert/strict";
import { test } from "node:test";
import { withWorkbench } from "./harness";
import { emulatorConnectionSettings, startEmulatorProcess } from "./harness/emulatorProcess";
import { sendFromNewFile } from "./harness/sendRequest";
import { webviewContent } from "./harness/userActions";

const APIKEY = "emulator-apikey";
const PANEL = "Maximo Response";
/** About 1.7 KB per MXAPIWODETAIL record with oslc.select=*: 12,000 records are about 20 MB. */
const RECORDS = 12_000;
const QUERY = `os/mxapiwodetail?lean=1&oslc.select=*&oslc.orderBy=%2Bworkorderid&oslc.pageSize=${RECORDS}`;

test("a 20 MB response: first rows show, the table scrolls to its last record", { timeout: 330_000 }, async (t) => {
  const emulator = await startEmulatorProcess(["--work-orders", String(RECORDS + 500)]);
  try {
    // What the server sends, fetched directly: its size and its last record's wonum.
    const direct = await fetch(`${emulator.url}/oslc/${QUERY}`, { headers: { apikey: APIKEY, accept: "application/json" } });
    const served = Buffer.from(await direct.arrayBuffer());
    assert.ok(served.length > 15 * 1024 * 1024, `the response is large: ${served.length} bytes`);
    const members = (JSON.parse(served.toString("utf8")) as { member: Array<{ wonum: string }> }).member;
    assert.equal(members.length, RECORDS);
    const lastWonum = members.at(-1)!.wonum;

    await withWorkbench(
      t,
      {
        fixture: "workspace",
        settings: emulatorConnectionSettings(emulator),
        waitTimeoutMs: 120_000,
      },
      async (run) => {
        const page = run.browserPage.page;
        await sendFromNewFile(run, "large.maximo", `### 20 MB of work orders\nGET ${QUERY}\n`, "Send", APIKEY);

        const panel = await webviewContent(page, PANEL);
        await panel.getByRole("row").nth(3).waitFor();
        const rowCount = panel.locator(".table-count");
        // Every record reaches the table (it fills as the parts arrive).
        await panel.locator(".table-count", { hasText: /^12,000 records$/ }).waitFor();
        t.diagnostic(`table count: ${await rowCount.textContent()}`);

        // Scroll to the end: the last record's row is drawn.
        const body = panel.locator(".table-body");
        await body.evaluate((element) => (element.scrollTop = element.scrollHeight));
        await panel.getByRole("gridcell", { name: lastWonum, exact: true }).first().waitFor();
        const firstRows = await panel.getByRole("gridcell", { name: members[0]!.wonum, exact: true }).count();
        assert.equal(firstRows, 0, "the first record's row is no longer drawn: the table is virtual");
      },
    );
  } finally {
    await emulator.stop();
  }
});
