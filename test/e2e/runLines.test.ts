// A JetBrains HTTP Client `run` line in the editor (jetbrains.com/help "Import and run requests"):
// its Send lens sends the request it names, here in an imported file, with the line's override,
// and the response shows in the panel as any request's does. Against an emulator this test starts.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { withWorkbench } from "./harness";
import { emulatorConnectionSettings, startEmulatorProcess } from "./harness/emulatorProcess";
import { sendFromNewFile } from "./harness/sendRequest";
import { webviewContent } from "./harness/userActions";

const APIKEY = "emulator-apikey";

test("run lines: Send on `run #Assets (@site=NASHUA)` sends the imported file's request with the override and shows it", { timeout: 240_000 }, async (t) => {
  const emulator = await startEmulatorProcess();
  try {
    await withWorkbench(t, { fixture: "workspace", settings: emulatorConnectionSettings(emulator) }, async (run) => {
      const assets = ["@site = BEDFORD", "", "### Assets", 'GET os/mxapiasset?lean=1&oslc.select=assetnum,siteid&oslc.where=siteid="{{site}}"&oslc.pageSize=5', ""];
      writeFileSync(join(run.workspace.folder, "assets.maximo"), assets.join("\n"));
      // The run line is line 2, where sendFromNewFile clicks the lens.
      await sendFromNewFile(run, "main.maximo", ["import ./assets.maximo", "run #Assets (@site=NASHUA)", ""].join("\n"), "Send", APIKEY);
      const panel = await webviewContent(run.browserPage.page, "Maximo Response");
      await panel.getByText(/^200\b/).first().waitFor();
      // Only the API request: the editor may also fetch the object structure's schema (jsonschemas/mxapiasset).
      const sent = (await emulator.requests()).filter((r) => /\/os\/mxapiasset$/i.test(r.path));
      assert.deepEqual(
        sent.map((r) => new URLSearchParams(r.query ?? "").get("oslc.where")),
        ['siteid="NASHUA"'],
        "one request, the imported one, with the run line's override",
      );
    });
  } finally {
    await emulator.stop();
  }
});
