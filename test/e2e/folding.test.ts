// Folding ranges: each request has a fold control at its start, and folding it hides its lines.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { fixturesDir, languageLabel, withWorkbench } from "./harness";
import { fixtureFile, locateRequests } from "./fixtures/requests";

test("folding: a fold control per request; folding hides the request's lines", { timeout: 180_000 }, (t) =>
  withWorkbench(t, {}, async ({ workbench }) => {
    const text = readFileSync(join(fixturesDir, "workspace", fixtureFile), "utf8");
    const requests = locateRequests(text);
    await workbench.openFile(fixtureFile);
    await workbench.waitForLanguageMode(languageLabel());

    const controls = await workbench.waitForFoldControls(requests.length);
    t.diagnostic(`fold controls on lines ${controls.map((control) => control.line).join(", ")}`);
    // 1-based lines: the control sits on the separator or on a line up to the request line.
    const foldLines = requests.map((request) => {
      const control = controls.find((c) => c.line >= request.first + 1 && c.line <= request.requestLine + 1);
      assert.ok(control, `no fold control for the request at line ${request.first + 1} (controls: ${JSON.stringify(controls)})`);
      return control.line;
    });

    for (const line of [...foldLines].reverse()) await workbench.fold(line);

    const visible = new Set((await workbench.visibleLines()).map((entry) => entry.line));
    requests.forEach((request, i) => {
      assert.ok(visible.has(foldLines[i]!), `the folded request's first line ${foldLines[i]} stays visible`);
      for (let line = foldLines[i]! + 1; line <= request.last + 1; line++) {
        assert.ok(!visible.has(line), `line ${line} of the request folded at line ${foldLines[i]} is still visible`);
      }
    });
    assert.ok(visible.has(1), "the variable line above the first request stays visible");
  }),
);
