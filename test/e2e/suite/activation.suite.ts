// Activation cost, as the extension measures it (bundle load + activate()), printed for the
// closing notes and bench comparisons; and the commands a user reaches from the palette.
/// <reference types="mocha" />
import assert from "node:assert/strict";
import * as vscode from "vscode";
import { reporterMark } from "./reporterMark";

suite("activation", () => {
  const extensionId = process.env.MAXIMO_E2E_EXTENSION_ID ?? "maximo-workbench.maximo-workbench";

  test("activate() reports its cost and registers every contributed command", async () => {
    const extension = vscode.extensions.getExtension<{ activationMs?: number }>(extensionId);
    assert.ok(extension, `extension ${extensionId} is installed`);
    const api = await extension.activate();
    assert.equal(typeof api.activationMs, "number");
    assert.ok(api.activationMs! > 0 && Number.isFinite(api.activationMs), `activationMs ${api.activationMs}`);
    console.log(`${reporterMark}activation cost: ${api.activationMs!.toFixed(1)} ms (bundle load + activate)`);
    const contributed = (extension.packageJSON as { contributes: { commands: { command: string }[] } }).contributes.commands.map((entry) => entry.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(contributed.filter((command) => !registered.has(command)), [], "every contributed command has a handler");
  });
});
