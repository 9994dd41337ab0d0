// A syntax diagnostic as the user meets it: a squiggle and a Problems row for `or` in oslc.where
// (BMXAA8744E), gone once the text is retyped as `in [...]`, without saving.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { fixturesDir, languageLabel, withWorkbench } from "./harness";
import { fixtureFile, locateRequests, orRequest } from "./fixtures/requests";

test("diagnostics: `or` in oslc.where is an error (squiggle + Problems row) until retyped as `in [...]`", { timeout: 180_000 }, (t) =>
  withWorkbench(t, {}, async ({ workbench, browserPage }) => {
    const text = readFileSync(join(fixturesDir, "workspace", fixtureFile), "utf8");
    const orLine = locateRequests(text)[1]!.requestLine + 1; // 1-based, as the gutter shows it
    await workbench.openFile(fixtureFile);
    await workbench.waitForLanguageMode(languageLabel());

    assert.deepEqual(await workbench.waitForSquiggle("error"), [orLine], "error squiggles only on the `or` request line");

    await workbench.showProblems();
    const problem = await workbench.waitForProblem({ code: orRequest.code });
    const problems = await workbench.problems();
    t.diagnostic(`Problems row: ${problem.ariaLabel} [${problem.code}]`);
    assert.match(problem.ariaLabel, /^Error:/);
    assert.match(problem.message, new RegExp(orRequest.reasonCode));
    assert.match(problem.position, new RegExp(`Ln ${orLine},`));
    assert.deepEqual(
      problems.filter((row) => row.ariaLabel.startsWith("Error")).map((row) => row.code),
      [problem.code],
      "no other error in the fixture",
    );

    await workbench.retypeLine(orRequest.line, orRequest.fixed);
    await workbench.waitForNoSquiggle("error");
    await workbench.waitForNoProblem({ code: orRequest.code });
    assert.equal(await workbench.lineText(orLine), orRequest.fixed, "the editor holds exactly the typed text");
    // Still unsaved: the diagnostics followed the typing, not a save.
    await browserPage.page.locator(".part.editor .tab.active.dirty").waitFor();
  }),
);
