/**
 * Maximo: Run Automation Script — asks for the script (the open script's name by default) and
 * its parameters, calls `/oslc/script/{name}` (JSON API reference §14) and shows the answer in
 * the response panel (or, without one, as a document). A script can change data, so a
 * read-only connection asks first.
 */
import * as vscode from "vscode";
import { readDefinition } from "../../scripts/definition";
import { parseParameters, runScript, scriptRequest } from "../../scripts/runScript";
import { codeHints } from "../../serverLog/logLines";
import { toResponseModel } from "../run/responseModel";
import { errorText, type ScriptDeps } from "./scriptDeps";
import { signalOf } from "./scriptWorkspace";

function defaultName(): string | undefined {
  const document = vscode.window.activeTextEditor?.document;
  if (!document || document.uri.scheme !== "file") return undefined;
  return readDefinition(document.uri.fsPath, document.getText()).definition?.name;
}

export async function runScriptCommand(deps: ScriptDeps, nameArgument?: unknown): Promise<void> {
  const name = (typeof nameArgument === "string" ? nameArgument : undefined) ??
    (await vscode.window.showInputBox({
      title: "Run Automation Script",
      prompt: "The script to run through /oslc/script/NAME",
      value: defaultName() ?? "",
      validateInput: (value) => (/^[^\s"/?#]+$/.test(value.trim()) ? undefined : "A script name, without spaces, quotes or slashes."),
    }));
  if (!name) return;
  const text = await vscode.window.showInputBox({
    title: `Run ${name.trim().toUpperCase()}`,
    prompt: "Parameters as name=value, joined by & (empty for none)",
    placeHolder: "site=BEDFORD&status=APPR",
    validateInput: (value) => {
      const parsed = parseParameters(value);
      return typeof parsed === "string" ? parsed : undefined;
    },
  });
  if (text === undefined) return;
  const params = parseParameters(text);
  if (typeof params === "string") return;
  const script = name.trim().toUpperCase();
  try {
    const connection = await deps.connections.choose();
    if (!connection) return;
    if (!(await deps.connections.confirmWrite(connection, `Run automation script ${script} on ${connection.name}; a script can change data.`))) return;
    const executor = deps.connections.executor(connection);
    const { result: response, lines } = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Running ${script} on ${connection.name}`, cancellable: true },
      (_progress, token) => {
        const run = () => runScript(executor, script, params, { signal: signalOf(token) });
        if (!deps.serverLog?.isOn(connection)) return run().then((result) => ({ result, lines: undefined }));
        // The script's log lines are what a Run is for: the result waits for them.
        return deps.serverLog.capture(connection, executor, run).then(async (captured) => ({ result: captured.result, lines: await captured.lines }));
      },
    );
    deps.log.info(`script/${script} on ${connection.name}: HTTP ${response.status} in ${Math.round(response.timings.totalMs)} ms`);
    if (deps.responses) {
      const model = toResponseModel(response, scriptRequest(script, params), { title: `script/${script}`, connection: connection.name, secrets: executor.secrets() });
      if (lines) model.serverLog = { lines, hints: codeHints(lines) };
      deps.responses.show(model);
    } else {
      const body = response.text();
      const document = await vscode.workspace.openTextDocument({ content: body, language: /^\s*[[{]/.test(body) ? "json" : "plaintext" });
      await vscode.window.showTextDocument(document, { preview: true });
    }
    if (response.status >= 400) {
      const error = response.maximoError;
      void vscode.window.showErrorMessage(`${script} answered HTTP ${response.status}${error ? `: ${error.message}` : ""}`);
    } else if (!deps.responses) void vscode.window.showInformationMessage(`${script} on ${connection.name}: HTTP ${response.status}`);
  } catch (error) {
    deps.log.error(`Run ${script}: ${errorText(error)}`);
    void vscode.window.showErrorMessage(`Running ${script} failed: ${errorText(error)}`);
  }
}
