// The TextMate grammar colours a request's method and a {{variable}} in the editor, each differently.
import assert from "node:assert/strict";
import { test } from "node:test";
import { languageLabel, withWorkbench } from "./harness";
import { fixtureFile } from "./fixtures/requests";

test("highlighting: the method and a {{variable}} get distinct, non-default colours", { timeout: 180_000 }, (t) =>
  withWorkbench(t, {}, async ({ workbench }) => {
    await workbench.openFile(fixtureFile);
    await workbench.waitForLanguageMode(languageLabel());

    // Tokenising is asynchronous: wait until each token is rendered with a class other than the default mtk1.
    const coloured = "span[class*='mtk']:not(.mtk1)";
    const requestLine = workbench.editor.locator(".view-line", { hasText: "GET os/mxapiwodetail?lean=1" }).first();
    await requestLine.locator(coloured, { hasText: /^GET$/ }).first().waitFor();
    const variableLine = workbench.editor.locator(".view-line", { hasText: 'siteid="{{site}}"' }).first();
    await variableLine.locator(coloured, { hasText: /^\{*site\}*$/ }).first().waitFor();

    const tokens = await workbench.tokens();
    const method = tokens.find((token) => token.text === "GET" && token.className !== "mtk1");
    const variable = tokens.find((token) => /^\{*site\}*$/.test(token.text) && token.className !== "mtk1");
    const plain = tokens.find((token) => token.className === "mtk1" && token.text.trim() !== "");
    assert.ok(method && variable && plain, `tokens: ${JSON.stringify(tokens.slice(0, 20))}`);
    t.diagnostic(`method ${method.className} ${method.color}; variable ${variable.className} ${variable.color}; default ${plain.color}`);
    assert.notEqual(method.color, plain.color, "the method has the default colour");
    assert.notEqual(variable.color, plain.color, "the {{variable}} has the default colour");
    assert.notEqual(method.color, variable.color, "the method and the {{variable}} share a colour");
  }),
);
