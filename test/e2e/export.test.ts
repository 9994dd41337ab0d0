// The response panel's Export as a user does it, in code-server against an emulator this test
// starts: Send a query whose answer has several pages (reference §8), click Export, name a .csv
// in the save dialog, and find every page's rows in the file, columns in oslc.select order.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { parse } from "csv-parse/sync";
import { withWorkbench } from "./harness";
import { emulatorConnectionSettings, startEmulatorProcess } from "./harness/emulatorProcess";
import { sendFromNewFile } from "./harness/sendRequest";
import { answerQuickInput, notification, webviewContent } from "./harness/userActions";

const APIKEY = "emulator-apikey";
const WHERE = 'status="APPR" and siteid="BEDFORD"';
const SELECT = "wonum,status,description,wopriority";

test("export: the panel's Export writes every page of the query to a CSV file", { timeout: 240_000 }, async (t) => {
  const emulator = await startEmulatorProcess();
  try {
    const counted = await fetch(`${emulator.url}/oslc/os/mxapiwodetail?lean=1&count=1&oslc.where=${encodeURIComponent(WHERE)}`, { headers: { apikey: APIKEY } });
    const total = ((await counted.json()) as { totalCount: number }).totalCount;
    assert.ok(total > 40, `the seed has ${total} approved BEDFORD work orders; the test wants several pages of 20`);
    const settings = emulatorConnectionSettings(emulator);
    await withWorkbench(t, { fixture: "workspace", settings }, async (run) => {
      const { workspace, browserPage } = run;
      const page = browserPage.page;
      const request = ["### Approved", `GET os/mxapiwodetail?lean=1&oslc.select=${SELECT}&oslc.where=${WHERE}&oslc.pageSize=20&collectioncount=1`, ""].join("\n");
      await sendFromNewFile(run, "export.maximo", request, "Send", APIKEY);

      const panel = await webviewContent(page, "Maximo Response");
      await panel.getByRole("row").nth(3).waitFor();
      await panel.locator("button[data-action=export]").click();

      // The save dialog (VS Code's own, a quick input holding the path): a file in the workspace.
      const target = join(workspace.folder, "approved.csv");
      await answerQuickInput(page, target);
      await notification(page, /Exported \d+ rows/).waitFor();
      assert.ok(existsSync(target), "the CSV was written");

      const [header, ...rows] = parse(readFileSync(target), { bom: true }) as string[][];
      assert.deepEqual(header, SELECT.split(","));
      assert.equal(rows.length, total, "one row per work order on every page, not only the first page's 20");
      assert.equal(new Set(rows.map((row) => row[0])).size, total);
      assert.ok(rows.every((row) => row[1] === "APPR"));
      assert.match((await notification(page, /Exported/).textContent()) ?? "", new RegExp(`Exported ${total} rows \\(${Math.ceil(total / 20)} pages\\)`));
    });
  } finally {
    await emulator.stop();
  }
});
