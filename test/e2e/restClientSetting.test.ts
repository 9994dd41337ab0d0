// REST Client's environments kept in the *user* settings (github:Huachao/vscode-restclient
// README.md, Environments: "defined directly in Visual Studio Code setting file"): a variable
// only they define gets no undefined-variable warning in the editor, one defined nowhere still
// does, and the setting's value shows nowhere.
import assert from "node:assert/strict";
import { test } from "node:test";
import { languageLabel, withWorkbench } from "./harness";

const PLANTED = "PLANTED-not-a-secret";

test("REST Client's user-level environments: {{restHost}} is defined, {{nowhere}} is warned", { timeout: 180_000 }, (t) =>
  withWorkbench(
    t,
    {
      fixture: "restClientSetting",
      install: "folder",
      // User settings (code-server's user-data dir): no file of the workspace holds them.
      settings: { "rest-client.environmentVariables": { $shared: {}, local: { restHost: `http://127.0.0.1:9/${PLANTED}` } } },
    },
    async ({ workbench }) => {
      await workbench.openFile("assets.maximo");
      await workbench.waitForLanguageMode(languageLabel());
      await workbench.showProblems();
      // Both warnings would come in one publication: once `nowhere`'s row is shown, so would `restHost`'s be.
      const problem = await workbench.waitForProblem({ code: "maximo.undefined-variable" });
      assert.match(problem.message, /`nowhere`/);
      const rows = (await workbench.problems()).filter((row) => row.code.includes("maximo.undefined-variable"));
      assert.deepEqual(
        rows.map((row) => /defines `([^`]+)`/.exec(row.message)?.[1]),
        ["nowhere"],
        JSON.stringify(rows),
      );
      assert.ok(!JSON.stringify(await workbench.problems()).includes(PLANTED));
    },
  ),
);
