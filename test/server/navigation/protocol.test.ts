// Quick fix, lenses and rename as an editor sees them: dist/server.js over stdio, JSON-RPC only.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node";
import type { CodeAction, CodeLens, Diagnostic, WorkspaceEdit } from "vscode-languageserver";
import { applyWorkspaceEdit } from "./fixture";

const root = process.env.MAXIMO_WORKBENCH_ROOT ?? process.cwd();
const uri = "file:///work/test.maximo";
const text = [
  "@site = BEDFORD",
  "",
  "### list",
  "# @name wo",
  'GET os/mxapiwodetail?oslc.where=siteid="{{site}}"&oslc.orderBy=wonum',
  "",
  "### create",
  "POST os/mxapiwodetail?site={{site}}",
  "",
].join("\n");

test("LSP over stdio: an orderBy quick fix, request lenses and a variable rename", async (t) => {
  const child = spawn(process.execPath, [join(root, "dist", "server.js"), "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const diagnostics = new Promise<Diagnostic[]>((resolve) =>
    connection.onNotification("textDocument/publishDiagnostics", (params: { uri: string; diagnostics: Diagnostic[] }) => {
      if (params.uri === uri) resolve(params.diagnostics);
    }),
  );
  connection.listen();
  t.after(() => {
    connection.dispose();
    child.kill();
  });

  const init = (await connection.sendRequest("initialize", { processId: process.pid, rootUri: null, capabilities: {} })) as {
    capabilities: Record<string, unknown>;
  };
  assert.deepEqual(init.capabilities.codeActionProvider, { codeActionKinds: ["quickfix"] });
  assert.deepEqual(init.capabilities.renameProvider, { prepareProvider: true });
  assert.equal(init.capabilities.definitionProvider, true);
  assert.equal(init.capabilities.referencesProvider, true);
  await connection.sendNotification("initialized", {});
  await connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "maximo", version: 1, text } });

  const missingSign = (await diagnostics).find((d) => d.code === "orderby.missing-sign");
  assert.ok(missingSign, "the orderBy diagnostic is published");
  const actions = (await connection.sendRequest("textDocument/codeAction", {
    textDocument: { uri },
    range: missingSign.range,
    context: { diagnostics: [missingSign] },
  })) as CodeAction[];
  assert.equal(actions[0]?.title, "Sort ascending: add `+`");
  assert.match(applyWorkspaceEdit(text, actions[0]!.edit), /oslc\.orderBy=\+wonum$/m);

  const lenses = (await connection.sendRequest("textDocument/codeLens", { textDocument: { uri } })) as CodeLens[];
  assert.deepEqual(
    lenses.map((l) => [l.range.start.line, l.command?.command]),
    [
      [4, "maximo.send"],
      [4, "maximo.sendAllPages"],
      [4, "maximo.copyAsCurl"],
      [7, "maximo.send"],
      [7, "maximo.copyAsCurl"],
    ],
  );
  assert.deepEqual(lenses[0]!.command?.arguments, [{ uri, line: 4 }]);

  const position = { line: 7, character: 30 }; // inside {{site}} of the POST
  const prepared = (await connection.sendRequest("textDocument/prepareRename", { textDocument: { uri }, position })) as { placeholder: string };
  assert.equal(prepared.placeholder, "site");
  const edit = (await connection.sendRequest("textDocument/rename", { textDocument: { uri }, position, newName: "siteid" })) as WorkspaceEdit;
  assert.equal(applyWorkspaceEdit(text, edit), text.replaceAll("@site", "@siteid").replaceAll("{{site}}", "{{siteid}}"));

  await assert.rejects(
    connection.sendRequest("textDocument/prepareRename", { textDocument: { uri }, position: { line: 4, character: 8 } }),
    /can be renamed/,
  );
  await connection.sendRequest("shutdown");
});
