// The Object Structures view's actions through the vscode API, inside a real extension host
// (code-server), on nodes of the offline pack: Insert at Cursor into a .maximo editor, Open JSON
// Schema (read-only, indented), New Request for a connection that is not the active one, Copy Name.
/// <reference types="mocha" />
import assert from "node:assert/strict";
import * as vscode from "vscode";
import { EXPLORER_COMMANDS } from "../../../client/src/extension/explorer/commandIds";
import type { SavedQueryNode, StructureNode } from "../../../client/src/explorer/nodes";

/** Nodes as the view hands them to its commands (the engine's plain data). */
const asset: StructureNode = { kind: "structure", id: "pack/mxapiasset", scope: { active: true }, name: "mxapiasset", savedQueries: [], provenance: "pack" };

suite("Object Structures view actions in the extension host", () => {
  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension(process.env.MAXIMO_E2E_EXTENSION_ID ?? "maximo-workbench.maximo-workbench");
    assert.ok(extension, "the extension is installed");
    await extension.activate();
  });

  teardown(() => vscode.commands.executeCommand("workbench.action.closeAllEditors"));

  test("Insert at Cursor writes os/NAME where the request line wants its URL, the bare name elsewhere", async () => {
    const document = await vscode.workspace.openTextDocument({ language: "maximo", content: "GET \n    &oslc.select=\n" });
    const editor = await vscode.window.showTextDocument(document);
    editor.selections = [new vscode.Selection(0, 4, 0, 4), new vscode.Selection(1, 17, 1, 17)];
    await vscode.commands.executeCommand(EXPLORER_COMMANDS.insertAtCursor, asset);
    assert.equal(document.getText(), "GET os/mxapiasset\n    &oslc.select=mxapiasset\n");
  });

  test("Open JSON Schema shows the pack's schema, indented, in a read-only document", async () => {
    await vscode.commands.executeCommand(EXPLORER_COMMANDS.openSchema, asset);
    const document = vscode.window.activeTextEditor?.document;
    assert.ok(document, "an editor opened");
    assert.equal(document.uri.scheme, "maximo-schema");
    assert.equal(document.uri.path, "/offline pack/mxapiasset.json");
    const text = document.getText();
    assert.match(text, /^\{\n {2}"resource": "MXAPIASSET",\n/);
    assert.deepEqual((JSON.parse(text) as { pk: string[] }).pk, ["assetnum", "siteid"]);
    // A content provider's document (not a file: one) is read-only: nothing writes it back to the cache.
    assert.equal(vscode.workspace.fs.isWritableFileSystem(document.uri.scheme), undefined);
  });

  test("New Request for a connection that is not the active one names it, selecting the key, description and status", async () => {
    await vscode.commands.executeCommand(EXPLORER_COMMANDS.newRequest, { ...asset, id: "c:elsewhere/mxapiasset", scope: { connection: "elsewhere", active: false } });
    const document = vscode.window.activeTextEditor?.document;
    assert.ok(document?.isUntitled, "an untitled editor");
    assert.equal(document.languageId, "maximo");
    assert.equal(
      document.getText(),
      "### mxapiasset\n# @connection elsewhere\nGET os/mxapiasset?lean=1\n    &oslc.select=assetnum,siteid,description,status\n    &oslc.pageSize=20\n",
    );
  });

  test("Copy Name copies a saved query's name exactly as apimeta spells it", async () => {
    const query: SavedQueryNode = { kind: "savedQuery", id: "pack/mxapiwodetail/?q=x", scope: { active: true }, structure: "mxapiwodetail", query: { name: "WOTRACK:All Work Orders" } };
    await vscode.commands.executeCommand(EXPLORER_COMMANDS.copyName, query);
    assert.equal(await vscode.env.clipboard.readText(), "WOTRACK:All Work Orders");
  });
});
