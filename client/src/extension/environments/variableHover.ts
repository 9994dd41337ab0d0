/**
 * Hover on `{{variable}}` in a `.maximo` file: its value as Send would fill it in now, and where
 * it comes from. Lives in the extension host, not the language server, so secrets and the
 * process environment never reach the server; VS Code shows it together with the server's hover.
 */
import { promises as fs } from "node:fs";
import * as vscode from "vscode";
import type { Connections, Log } from "../contracts";
import type { EnvironmentManager } from "./environmentManager";

export function registerVariableHover(environments: EnvironmentManager, connections: Connections, log: Log): vscode.Disposable {
  return vscode.languages.registerHoverProvider(
    { language: "maximo" },
    {
      async provideHover(document, position) {
        // Most hovers are elsewhere: only a line with `{{` loads the parser.
        if (!document.lineAt(position.line).text.includes("{{")) return undefined;
        try {
          return await variableHover(document, position, environments, connections);
        } catch (error) {
          log.warn(`Variable hover: ${error instanceof Error ? error.message : String(error)}`);
          return undefined;
        }
      },
    },
  );
}

async function variableHover(document: vscode.TextDocument, position: vscode.Position, environments: EnvironmentManager, connections: Connections): Promise<vscode.Hover | undefined> {
  const [{ parseDocument }, { explainExpression, expressionAt }, { describeSource, describeValue }] = await Promise.all([
    import("../../../../server/src/language/maximo/api"),
    import("../../environments/provenance"),
    import("../../environments/describe"),
  ]);
  const parsed = parseDocument(document.getText());
  const expression = expressionAt(parsed, document.offsetAt(position));
  if (!expression || expression.kind === "empty" || expression.kind === "script") return undefined;
  const folder = environments.folderOf(document.uri);
  const markdown = new vscode.MarkdownString();
  markdown.appendMarkdown("**").appendText(`{{${expression.inner.text}}}`).appendMarkdown("**\n\n");
  let set;
  try {
    set = folder === undefined ? undefined : await environments.setOf(folder);
  } catch (error) {
    markdown.appendText(error instanceof Error ? error.message : String(error));
  }
  if (set && folder !== undefined) {
    const explanation = await explainExpression({
      document: parsed,
      filePath: document.uri.fsPath,
      workspaceDir: folder,
      environments: set,
      activeEnvironment: environments.active(),
      processEnv: process.env,
      readFile: (path) => fs.readFile(path),
      secrets: await connections.secretValues(),
    }, expression);
    markdown.appendMarkdown("Value: ").appendText(describeValue(explanation)).appendMarkdown("  \nFrom: ").appendText(describeSource(explanation.source));
    const active = environments.active();
    if (active !== undefined && set.environments.has(active)) markdown.appendMarkdown("  \nEnvironment: ").appendText(active);
  }
  const range = new vscode.Range(document.positionAt(expression.start), document.positionAt(expression.end));
  return new vscode.Hover(markdown, range);
}
