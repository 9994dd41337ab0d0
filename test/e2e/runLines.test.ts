// A JetBrains HTTP Client `run` line in the editor (jetbrains.com/help "Import and run requests"):
// its Send lens sends the request it names, here in an imported file, with the line's override,
// and the response shows in the panel as any request's does; Send All runs the file's run lines
// in their place, as `maximo run` does. Against an emulator this test starts.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { withWorkbench } from "./harness";
import { emulatorConnectionSettings, startEmulatorProcess } from "./harness/emulatorProcess";
import { sendFromNewFile } from "./harness/sendRequest";
import { notification, runCommand, webviewContent } from "./harness/userActions";

const APIKEY = "emulator-apikey";

test("run lines: Send on `run #Assets (@site=NASHUA)` sends the imported file's request with the override and shows it; Send All runs it in its place", { timeout: 240_000 }, async (t) => {
  const emulator = await startEmulatorProcess();
  try {
    await withWorkbench(t, { fixture: "workspace", settings: emulatorConnectionSettings(emulator) }, async (run) => {
      const page = run.browserPage.page;
      const assets = ["@site = BEDFORD", "", "### Assets", 'GET os/mxapiasset?lean=1&oslc.select=assetnum,siteid&oslc.where=siteid="{{site}}"&oslc.pageSize=5', ""];
      writeFileSync(join(run.workspace.folder, "assets.maximo"), assets.join("\n"));
      // Only the API requests: the editor may also fetch the object structure's schema (jsonschemas/mxapiasset).
      const wheresSent = async () => (await emulator.requests()).filter((r) => /\/os\/mxapiasset$/i.test(r.path)).map((r) => new URLSearchParams(r.query ?? "").get("oslc.where"));

      // The run line is line 2, where sendFromNewFile clicks the lens.
      const main = ["import ./assets.maximo", "run #Assets (@site=NASHUA)", "", "### Mine", 'GET os/mxapiasset?lean=1&oslc.pageSize=1&oslc.where=siteid="TEXAS"', ""];
      await sendFromNewFile(run, "main.maximo", main.join("\n"), "Send", APIKEY);
      const panel = await webviewContent(page, "Maximo Response");
      await panel.getByText(/^200\b/).first().waitFor();
      assert.deepEqual(await wheresSent(), ['siteid="NASHUA"'], "one request, the imported one, with the run line's override");

      await runCommand(page, "Maximo: Send All Requests in File");
      await notification(page, /Sent 2 request\(s\): 2 succeeded, 0 failed\./).waitFor();
      assert.deepEqual(await wheresSent(), ['siteid="NASHUA"', 'siteid="NASHUA"', 'siteid="TEXAS"'], "the run line, then the file's own request");
    });
  } finally {
    await emulator.stop();
  }
});
