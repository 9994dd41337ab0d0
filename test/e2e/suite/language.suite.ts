// The `maximo` language through the vscode API, inside a real extension host (code-server):
// activation, contributions, document symbols, folding ranges and diagnostics as the text changes.
/// <reference types="mocha" />
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as vscode from "vscode";
import { eventually } from "./eventually";
import { expectedRequests, fixtureFile, locateRequests, orRequest, type RequestLines } from "../fixtures/requests";

interface Contributes {
  languages?: { id: string; configuration?: string }[];
  grammars?: { language?: string; scopeName: string; path: string }[];
  commands?: { command: string }[];
  snippets?: { language: string; path: string }[];
}

/** Resolves with the diagnostics of `uri` once `accept` holds, re-checking on every diagnostics change. */
function diagnosticsWhen(uri: vscode.Uri, accept: (diagnostics: vscode.Diagnostic[]) => boolean, timeoutMs = 20_000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (!accept(diagnostics)) return false;
      finish();
      resolve(diagnostics);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`diagnostics of ${uri.path} not as expected within ${timeoutMs} ms: ${JSON.stringify(vscode.languages.getDiagnostics(uri).map(describe))}`));
    }, timeoutMs);
    const finish = () => {
      clearTimeout(timer);
      subscription.dispose();
    };
    check();
  });
}

function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === "object" ? String(code.value) : String(code ?? "");
}

function describe(diagnostic: vscode.Diagnostic) {
  return { line: diagnostic.range.start.line, code: codeOf(diagnostic), severity: diagnostic.severity, message: diagnostic.message };
}

function topLevelSymbols(result: (vscode.DocumentSymbol | vscode.SymbolInformation)[] | undefined) {
  return (result ?? []).map((symbol) => ({ name: symbol.name, range: "range" in symbol ? symbol.range : symbol.location.range }));
}

suite("maximo language in the extension host", () => {
  const extensionId = process.env.MAXIMO_E2E_EXTENSION_ID ?? "maximo-workbench.maximo-workbench";
  let extension: vscode.Extension<unknown>;
  let document: vscode.TextDocument;
  let requests: RequestLines[];
  let activeBeforeOpen: boolean;

  suiteSetup(async () => {
    const found = vscode.extensions.getExtension(extensionId);
    assert.ok(found, `extension ${extensionId} is not loaded`);
    extension = found;
    activeBeforeOpen = extension.isActive;
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, "no workspace folder is open");
    document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, fixtureFile));
    await vscode.window.showTextDocument(document);
    requests = locateRequests(document.getText());
  });

  test("activates when a .maximo file opens", async () => {
    assert.equal(document.languageId, "maximo");
    assert.equal(activeBeforeOpen, false, "active before any .maximo file was opened (activation events too broad?)");
    await eventually("extension active", () => extension.isActive, Boolean);
  });

  test("registers every language, grammar, snippet file and command of package.json", async () => {
    const contributes = (extension.packageJSON as { contributes?: Contributes }).contributes ?? {};
    const languages = await vscode.languages.getLanguages();
    for (const language of contributes.languages ?? []) {
      assert.ok(languages.includes(language.id), `language ${language.id} is not registered`);
      if (language.configuration) assert.ok(existsSync(join(extension.extensionPath, language.configuration)), `${language.configuration} is missing`);
    }
    // No API lists grammars; check each is loadable and bound to a registered language
    // (the UI test sees it colour the text).
    for (const grammar of contributes.grammars ?? []) {
      const path = join(extension.extensionPath, grammar.path);
      assert.ok(existsSync(path), `grammar ${grammar.path} is missing`);
      const parsed = JSON.parse(readFileSync(path, "utf8")) as { scopeName?: string };
      assert.equal(parsed.scopeName, grammar.scopeName, `${grammar.path} declares another scopeName`);
      if (grammar.language) assert.ok(languages.includes(grammar.language), `grammar ${grammar.path}: language ${grammar.language} is not registered`);
    }
    for (const snippets of contributes.snippets ?? []) {
      assert.ok(existsSync(join(extension.extensionPath, snippets.path)), `snippets ${snippets.path} are missing`);
    }
    await eventually("extension active", () => extension.isActive, Boolean);
    const commands = await vscode.commands.getCommands(true);
    const missing = (contributes.commands ?? []).map((entry) => entry.command).filter((command) => !commands.includes(command));
    assert.deepEqual(missing, [], "contributed commands without a registration");
  });

  test("document symbols: one per request, with its name and range", async () => {
    const symbols = await eventually(
      "document symbols",
      async () =>
        topLevelSymbols(
          await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[]>("vscode.executeDocumentSymbolProvider", document.uri),
        ),
      (result) => result.length > 0,
    );
    assert.equal(symbols.length, expectedRequests.length, `symbols: ${JSON.stringify(symbols.map((symbol) => symbol.name))}`);
    requests.forEach((request, i) => {
      const { name, range } = symbols[i]!;
      for (const part of request.request.label) assert.ok(name.includes(part), `symbol ${i + 1} '${name}' lacks '${part}'`);
      const next = requests[i + 1]?.first ?? document.lineCount;
      assert.ok(range.start.line >= request.first && range.start.line <= request.requestLine, `'${name}' starts at line ${range.start.line}`);
      assert.ok(range.end.line >= request.last && range.end.line < next, `'${name}' ends at line ${range.end.line}, request ends at ${request.last}`);
    });
  });

  test("folding ranges: one per request, covering it", async () => {
    const ranges = await eventually(
      "folding ranges",
      async () => (await vscode.commands.executeCommand<vscode.FoldingRange[]>("vscode.executeFoldingRangeProvider", document.uri)) ?? [],
      (result) => result.length > 0,
    );
    // A request's range starts at its `###` line (or up to its request line) and ends at or after its
    // last line, before the next request. Ranges inside a request (a JSON body, say) may come on top.
    requests.forEach((request, i) => {
      const next = requests[i + 1]?.first ?? document.lineCount;
      const covering = ranges.filter(
        (range) => range.start >= request.first && range.start <= request.requestLine && range.end >= request.last && range.end < next,
      );
      assert.equal(covering.length, 1, `request on lines ${request.first}-${request.last}: covering ranges ${JSON.stringify(covering)} (all: ${JSON.stringify(ranges)})`);
    });
  });

  test("diagnostics: where.or-unsupported on the `or` request, gone after the edit", async () => {
    const orLine = requests[1]!.requestLine;
    const diagnostics = await diagnosticsWhen(document.uri, (all) => all.some((d) => codeOf(d) === orRequest.code));
    const errors = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepEqual(errors.map(codeOf), [orRequest.code], `errors: ${JSON.stringify(errors.map(describe))}`);
    const [or] = errors;
    assert.equal(or!.range.start.line, orLine);
    assert.match(or!.message, new RegExp(orRequest.reasonCode));

    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, document.lineAt(orLine).range, orRequest.fixed);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await diagnosticsWhen(document.uri, (all) => !all.some((d) => codeOf(d) === orRequest.code));
    assert.equal(document.isDirty, true, "cleared while unsaved");
  });
});
