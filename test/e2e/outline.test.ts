// Document symbols: the outline lists each request by its name (`###` text or `# @name`), or by
// method and path when it has none.
import assert from "node:assert/strict";
import { test } from "node:test";
import { languageLabel, withWorkbench } from "./harness";
import { expectedRequests, fixtureFile } from "./fixtures/requests";

function assertLabels(labels: string[], where: string): void {
  assert.equal(labels.length, expectedRequests.length, `${where}: ${JSON.stringify(labels)}`);
  expectedRequests.forEach((request, i) => {
    for (const part of request.label) assert.ok(labels[i]!.includes(part), `${where} row ${i + 1} '${labels[i]}' lacks '${part}'`);
  });
}

test("outline: one entry per request, named, in document order", { timeout: 180_000 }, (t) =>
  withWorkbench(t, {}, async ({ workbench }) => {
    await workbench.openFile(fixtureFile);
    await workbench.waitForLanguageMode(languageLabel());

    const topLevel = await workbench.outlineView(expectedRequests.length);
    t.diagnostic(`Outline view: ${JSON.stringify(topLevel)}`);
    assertLabels(topLevel, "Outline view");

    // Quick outline (Ctrl+Shift+O) flattens nested symbols; the requests must be there in order.
    const quick = await workbench.quickOutline(expectedRequests.length);
    const requestRows = quick.filter((label) => expectedRequests.some((request) => request.label.every((part) => label.includes(part))));
    assertLabels(requestRows, "quick outline");
  }),
);
