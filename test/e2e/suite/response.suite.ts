// The response panel through the vscode API, inside a real extension host (code-server): the
// extension's exported `responses` opens one "Maximo Response" webview tab and reuses it.
/// <reference types="mocha" />
import assert from "node:assert/strict";
import * as vscode from "vscode";
import type { ResponseModel } from "../../../client/src/extension/contracts";
import { MemoryBody } from "../../../client/src/body/responseBody";
import type { WorkbenchApi } from "../../../client/src/extension";
import { openInEditor, revealRequest } from "../../../client/src/extension/response/responseFiles";
import { fixtureFile } from "../fixtures/requests";

const title = "Maximo Response";

function model(id: string, body: unknown): ResponseModel {
  const bytes = Buffer.from(JSON.stringify(body));
  return {
    id,
    title: "GET os/mxapiwodetail",
    request: { method: "GET", url: "http://127.0.0.1:9/maximo/api/os/mxapiwodetail?lean=1", headers: [], connection: "test" },
    status: 200,
    statusText: "OK",
    headers: [["content-type", "application/json"]],
    timings: { connectMs: 1, firstByteMs: 5, totalMs: 9 },
    size: bytes.length,
    contentType: "application/json",
    body: new MemoryBody(bytes),
    receivedAt: Date.now(),
  };
}

function responseTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.label === title);
}

/** Resolves once `check()` holds, re-checking whenever the tabs change. */
function tabsWhen(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      clearTimeout(timer);
      subscription.dispose();
      if (error) reject(error);
      else resolve();
    };
    const subscription = vscode.window.tabGroups.onDidChangeTabs(() => {
      if (check()) done();
    });
    const timer = setTimeout(() => done(new Error(`${what}: not within ${timeoutMs} ms; tabs: ${JSON.stringify(vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label)))}`)), timeoutMs);
    if (check()) done();
  });
}

/**
 * Opens an untitled document and waits for its tab. The extension host sends its requests to
 * the workbench in order, so once this tab exists every panel asked for before it exists too.
 */
async function barrier(): Promise<void> {
  const document = await vscode.workspace.openTextDocument({ content: "barrier", language: "plaintext" });
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preview: false });
  await tabsWhen(() => vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === document.uri.toString())), "barrier tab");
}

suite("response panel in the extension host", () => {
  const extensionId = process.env.MAXIMO_E2E_EXTENSION_ID ?? "maximo-workbench.maximo-workbench";
  let api: WorkbenchApi;

  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension<WorkbenchApi>(extensionId);
    assert.ok(extension, `extension ${extensionId} is not loaded`);
    api = await extension.activate();
    assert.ok(api.responses, "activate() returns no `responses`");
    await vscode.commands.executeCommand("workbench.action.closeAllEditors");
  });

  test(`show() opens a webview tab titled "${title}" beside the editor`, async () => {
    await barrier();
    api.responses!.show(model("first", { member: [{ wonum: "1001" }] }));
    await tabsWhen(() => responseTabs().length === 1, "a Maximo Response tab");
    const [tab] = responseTabs();
    assert.match((tab!.input as vscode.TabInputWebview).viewType, /maximo\.response$/);
    assert.notEqual(tab!.group.viewColumn, vscode.ViewColumn.One, "the panel opens beside the editor, not over it");
  });

  test("showing another response reuses the one panel", async () => {
    api.responses!.show(model("second", { member: [{ wonum: "1002" }] }));
    api.responses!.show(model("third", { member: [] }));
    await barrier();
    assert.equal(responseTabs().length, 1, "still one Maximo Response tab");
  });

  test("after the user closes the panel, the next response opens a new one", async () => {
    const [tab] = responseTabs();
    assert.ok(tab);
    await vscode.window.tabGroups.close(tab);
    await tabsWhen(() => responseTabs().length === 0, "the panel closed");
    api.responses!.show(model("fourth", { member: [{ wonum: "1004" }] }));
    await tabsWhen(() => responseTabs().length === 1, "a new Maximo Response tab");
  });

  test("Open in editor: the body in an untitled JSON document, indented", async () => {
    const body = { member: [{ wonum: "1001", description: "Pump" }] };
    await openInEditor(model("open", body), vscode.ViewColumn.One);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, "no editor opened");
    assert.equal(editor.document.isUntitled, true);
    assert.equal(editor.document.languageId, "json");
    assert.equal(editor.document.getText(), JSON.stringify(body, null, 2));
  });

  test("Go to request: the request's file opens with the cursor on its request line", async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const uri = vscode.Uri.joinPath(folder.uri, fixtureFile);
    const withSource = model("reveal", { Error: { reasonCode: "BMXAA8744E", message: "or" } });
    withSource.request.source = { uri: uri.toString(), line: 3 };
    await revealRequest(withSource);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, "no editor opened");
    assert.equal(editor.document.uri.toString(), uri.toString());
    assert.equal(editor.selection.active.line, 3);
    assert.equal(editor.selection.active.character, 0);
  });
});
