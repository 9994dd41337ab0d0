// The hover on {{variables}} through the vscode API, inside a real extension host: VS Code merges
// it with the language server's hover; a secret-named variable shows the mask, never its value.
/// <reference types="mocha" />
import assert from "node:assert/strict";
import * as vscode from "vscode";

async function hoverText(document: vscode.TextDocument, needle: string): Promise<string> {
  const offset = document.getText().indexOf(needle) + 2;
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", document.uri, document.positionAt(offset));
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === "string" ? content : content.value))
    .join("\n")
    .replace(/&nbsp;/g, " ")
    .replace(/\\([\\`*_{}[\]()#+\-.!"])/g, "$1");
}

suite("variable hover", () => {
  test("a file variable's value and line; a secret-named one masked", async () => {
    const document = await vscode.workspace.openTextDocument({
      language: "maximo",
      content: ["@site = BEDFORD", "@apikey = hover-secret-42", "", "### a", "GET os/mxapiwodetail?oslc.where=siteid=\"{{site}}\"", "apikey: {{apikey}}", ""].join("\n"),
    });
    await vscode.window.showTextDocument(document);
    const site = await hoverText(document, "{{site}}");
    assert.match(site, /Value: BEDFORD/);
    assert.match(site, /From: file variable @site \(line 1\)/);
    const apikey = await hoverText(document, "{{apikey}}");
    assert.match(apikey, /Value: \*+ \(secret: not shown\)/);
    assert.ok(!apikey.includes("hover-secret-42"), apikey);
    await vscode.commands.executeCommand("workbench.action.revertAndCloseActiveEditor");
  });
});
