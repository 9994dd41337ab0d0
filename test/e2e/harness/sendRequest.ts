// A request sent as a user sends it: a one-request file written into the workspace, opened, and
// its CodeLens clicked, the API-key prompt answered.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { languageLabel } from "./manifest";
import type { WorkbenchRun } from "./session";
import { answerQuickInput, clickCodeLens } from "./userActions";

/** Writes `text` (the request on its line 2) to `name`, opens it and clicks `lens` above that line. */
export async function sendFromNewFile(run: Pick<WorkbenchRun, "workbench" | "workspace" | "browserPage">, name: string, text: string, lens: "Send" | "Send all pages", apikey: string): Promise<void> {
  writeFileSync(join(run.workspace.folder, name), text);
  await run.workbench.openFile(name);
  await run.workbench.waitForLanguageMode(languageLabel());
  await clickCodeLens(run.browserPage.page, 2, lens);
  await answerQuickInput(run.browserPage.page, apikey);
}
