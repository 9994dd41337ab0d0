/**
 * Send, Send all pages, Send All in file and Copy as curl / fetch / Python: resolve the request, pick its
 * connection, ask before a write on a read-only connection, send with a cancellable progress
 * notification, then show the response, keep it in history and log one redacted line.
 */
import { dirname } from "node:path";
import * as vscode from "vscode";
import { parseDocument, type MaximoDocument, type RunNode } from "../../../../server/src/language/maximo/api";
import { fileSteps, importedFiles, planRun, RunLineError, runLineAt, runLineLabel, type FileSource } from "../../fileRuns/runPlan";
import type { LentVariables } from "../../variables/fileVariables";
import { EditorFiles } from "./editorFiles";
import type { BodyStorage } from "../../body/bodyStorage";
import type { Executor } from "../../http/executor";
import { nextPageRequest, pages } from "../../http/paging";
import { scanBodyPageInfo } from "../../http/responseInfo";
import { buildOutgoing } from "../../http/url";
import type { ExecutedResponse, ResolvedRequest } from "../../http/types";
import { createResolver, type Resolver } from "../../variables/index";
import { verifyUpdate, type VerifyResult } from "../../verify/index";
import type { Connections, Environments, ExtensionConnection, Log, ResponseActions, ResponseModel, ResponsePresenter, ServerLogCaptures } from "../contracts";
import { codeHints } from "../../serverLog/logLines";
import type { HistoryStore } from "../history/historyStore";
import { exportFor, type ExportFormat } from "./curlCommand";
import { EXPORT_COMMANDS } from "./exportCommands";
import { offerAdvice } from "./adviceNotification";
import { adviseError, adviseStatus } from "./failureAdvice";
import { combinePages } from "./pageCombiner";
import { requestIndexAt, requestTitle } from "./requestAt";
import { toResponseModel } from "./responseModel";
import { describeWrite, isWrite } from "./writeDescription";
import { EditorPrompts } from "./editorPrompts";
import { RunSecrets } from "./runSecrets";
import { exportToFile } from "../export/exportToFile";

/** The CodeLens argument: a request line of a document. */
export interface RequestLocator {
  uri: string;
  line: number;
}

export interface RunnerDeps {
  connections: Connections;
  environments: Environments;
  /** Server-log capture; absent in hosts without it. */
  serverLog?: ServerLogCaptures;
  presenter: ResponsePresenter;
  history: HistoryStore;
  log: Log;
  /** Where large bodies (and joined pages) are written; the process's temp folder when absent. */
  bodies?: BodyStorage;
  onHistoryChanged(): void;
}

/** One run over a document: the parse, the resolver shared by chained requests, the cancel signal. */
interface RunContext {
  document: vscode.TextDocument;
  parsed: MaximoDocument;
  resolver: Resolver;
  signal: AbortSignal;
  /** Keeps the run's response bodies on disk (chained requests read them) until the run ends. */
  holds: Array<() => void>;
}

class NotSent extends Error {}

export class RequestRunner {
  /** Asks httpyac's `{{$input}}` / `{{$password}}` / `{{$pick}}` questions. */
  private readonly prompts = new EditorPrompts();

  /** Password answers and secret variables' values, masked wherever the runner shows something. */
  private readonly runSecrets = new RunSecrets(() => this.prompts.secrets());
  /** The output channel, masking also what only this runner knows. */
  private readonly log: Log;

  constructor(private readonly deps: RunnerDeps) {
    this.log = this.runSecrets.maskedLog(deps.log);
  }

  /** What responses and curl commands redact: the connection's secrets, password answers and secret variables' values. */
  private secrets(executor: Executor): string[] {
    return [...executor.secrets(), ...this.runSecrets.values()];
  }

  /** A failure's sentence as a notification shows it: a URL in it may hold a secret variable's value. */
  private masked<T extends { message: string }>(advice: T): T {
    return { ...advice, message: this.runSecrets.mask(advice.message) };
  }

  async send(locator?: RequestLocator, options: { allPages?: boolean } = {}): Promise<void> {
    const target = await this.locate(locator);
    if (!target) return;
    if ("run" in target) return this.sendRunLine(target.document, target.parsed, target.run);
    const title = requestTitle(target.parsed, target.index);
    await this.withCancel(`Maximo: sending ${title}`, async (signal) => {
      const context = this.context(target.document, target.parsed, signal);
      try {
        await this.runAndShow(context, target.index, options.allPages ?? false);
      } finally {
        releaseAll(context);
      }
    });
  }

  async sendAll(uri?: string): Promise<void> {
    const document = uri ? await vscode.workspace.openTextDocument(vscode.Uri.parse(uri)) : vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== "maximo") {
      void vscode.window.showWarningMessage("Open a .maximo file to send its requests.");
      return;
    }
    const parsed = parseDocument(document.getText());
    // JetBrains run lines run in their place, as `maximo run` runs them (a saved file: their paths are relative to it).
    if (document.uri.scheme === "file" && parsed.blocks.some((b) => b.tree.runs !== undefined)) return this.sendAllSteps(document, parsed);
    const count = parsed.requests.length;
    let failed = 0;
    await this.withCancel(`Maximo: sending ${count} request(s)`, async (signal, progress) => {
      const context = this.context(document, parsed, signal);
      try {
        for (let index = 0; index < count && !signal.aborted; index++) {
          progress.report({ message: `${index + 1} of ${count}: ${requestTitle(parsed, index)}`, increment: 100 / count });
          try {
            if (!(await this.runAndShow(context, index, false))) failed++;
          } catch (error) {
            if (signal.aborted) throw error;
            failed++;
            this.log.error(`${requestTitle(parsed, index)}: ${error instanceof Error ? error.message : String(error)}`);
          }
        }
      } finally {
        releaseAll(context);
      }
    });
    const message = `Sent ${count} request(s): ${count - failed} succeeded, ${failed} failed.`;
    if (failed > 0) void offerAdvice(this.deps, { message, actions: ["showLog"] }, "warning");
    else void vscode.window.showInformationMessage(message);
  }

  /** Send All in a file with run lines: its requests and run lines in order (fileRuns/runPlan.ts `fileSteps`). */
  private async sendAllSteps(document: vscode.TextDocument, parsed: MaximoDocument): Promise<void> {
    const steps = fileSteps(parsed);
    const files = new EditorFiles();
    const tally = { sent: 0, failed: 0 };
    await this.withCancel(`Maximo: sending ${vscode.workspace.asRelativePath(document.uri)}`, async (signal, progress) => {
      const holds: RunContext[] = [];
      const context = this.context(document, parsed, signal, undefined, files);
      holds.push(context);
      try {
        for (let i = 0; i < steps.length && !signal.aborted; i++) {
          const step = steps[i]!;
          progress.report({ message: `${i + 1} of ${steps.length}`, increment: 100 / steps.length });
          if (step.kind === "run") {
            const ran = await this.runLine(context, step.run, [document.uri.fsPath], files, holds);
            tally.sent += ran.sent;
            tally.failed += ran.failed;
            continue;
          }
          tally.sent++;
          try {
            if (!(await this.runAndShow(context, step.index, false))) tally.failed++;
          } catch (error) {
            if (signal.aborted) throw error;
            tally.failed++;
            this.log.error(`${requestTitle(parsed, step.index)}: ${error instanceof Error ? error.message : String(error)}`);
          }
        }
      } finally {
        holds.forEach(releaseAll);
      }
    });
    const message = `Sent ${tally.sent} request(s): ${tally.sent - tally.failed} succeeded, ${tally.failed} failed.`;
    if (tally.failed > 0) void offerAdvice(this.deps, { message, actions: ["showLog"] }, "warning");
    else void vscode.window.showInformationMessage(message);
  }

  /**
   * A JetBrains `run` line: the request(s) it names are sent and shown as any request is, with
   * its overrides (fileRuns/runPlan.ts decides what runs; a file run whole runs its own run lines).
   */
  private async sendRunLine(document: vscode.TextDocument, parsed: MaximoDocument, run: RunNode): Promise<void> {
    if (document.uri.scheme !== "file") {
      void vscode.window.showWarningMessage("Save the file first: the paths of run and import lines are relative to it.");
      return;
    }
    const title = runLineLabel(parsed, run);
    const files = new EditorFiles();
    let failed = 0;
    await this.withCancel(`Maximo: ${title}`, async (signal) => {
      const context = this.context(document, parsed, signal, undefined, files);
      const holds: RunContext[] = [context];
      try {
        failed = (await this.runLine(context, run, [document.uri.fsPath], files, holds)).failed;
      } finally {
        holds.forEach(releaseAll);
      }
    });
    if (failed > 0) void offerAdvice(this.deps, { message: `${title}: ${failed} request(s) failed or were not sent.`, actions: ["showLog"] }, "warning");
  }

  /** Runs what `run` (a run line of `from`) names; how many requests it sent and how many failed. Contexts made are added to `holds` (released by the caller). */
  private async runLine(from: RunContext, run: RunNode, chain: readonly string[], files: FileSource, holds: RunContext[]): Promise<{ sent: number; failed: number }> {
    const line = from.parsed.positionAt(run.start).line + 1;
    const tally = { sent: 0, failed: 0 };
    try {
      const target = planRun(run, { path: from.document.uri.fsPath, document: from.parsed }, files, chain);
      const overrides = new Map<string, string>();
      for (const o of run.overrides) overrides.set(o.name.text, await from.resolver.fillText(o.value.text, o.value.start));
      const document = target.file.path === from.document.uri.fsPath ? from.document : await vscode.workspace.openTextDocument(vscode.Uri.file(target.file.path));
      const context = this.context(document, target.file.document, from.signal, { overrides, overridesLine: line }, files);
      holds.push(context);
      if (target.kind === "request") return { sent: 1, failed: (await this.runAndShow(context, target.index, false)) ? 0 : 1 };
      for (const step of fileSteps(target.file.document)) {
        if (from.signal.aborted) break;
        if (step.kind === "run") {
          const ran = await this.runLine(context, step.run, [...chain, target.file.path], files, holds);
          tally.sent += ran.sent;
          tally.failed += ran.failed;
        } else {
          tally.sent++;
          if (!(await this.runAndShow(context, step.index, false))) tally.failed++;
        }
      }
      return tally;
    } catch (error) {
      if (from.signal.aborted) throw error;
      const message = `${vscode.workspace.asRelativePath(from.document.uri)}:${line}: ${error instanceof Error ? error.message : String(error)}`;
      this.log.error(message);
      // What the line names cannot run (no such request or file, a cycle): said at once, as Send says "not sent".
      if (error instanceof RunLineError) void vscode.window.showErrorMessage(message);
      else tally.failed++;
      return tally;
    }
  }

  async copyAs(format: ExportFormat, locator?: RequestLocator): Promise<void> {
    const target = await this.locate(locator);
    if (!target) return;
    if ("run" in target) {
      void vscode.window.showWarningMessage("A run line is not a request: put the cursor in the request it names to copy that one.");
      return;
    }
    try {
      const context = this.context(target.document, target.parsed, new AbortController().signal);
      const resolved = await context.resolver.resolve(target.index);
      const connection = await this.deps.connections.choose(resolved.directives.connection);
      if (!connection) return;
      const executor = this.deps.connections.executor(connection);
      await vscode.env.clipboard.writeText(exportFor(format, buildOutgoing(connection, resolved), connection, this.secrets(executor)));
      void vscode.window.showInformationMessage(`Copied the request as ${EXPORT_COMMANDS[format].label}; credentials are read from MAXIMO_* environment variables.`);
    } catch (error) {
      void offerAdvice(this.deps, this.masked(adviseError(error, undefined)), "error");
    }
  }

  /** Sends request `index` and shows it; true when it got a 2xx/3xx answer. */
  private async runAndShow(context: RunContext, index: number, allPages: boolean): Promise<boolean> {
    const { parsed, document } = context;
    const source = { uri: document.uri.toString(), line: parsed.positionAt(parsed.requests[index]!.request.line.start).line };
    const title = requestTitle(parsed, index);
    let connection: ExtensionConnection | undefined;
    try {
      const resolved = await context.resolver.resolve(index);
      connection = await this.connectionFor(resolved);
      const executor = this.deps.connections.executor(connection);
      const meta = { title, connection: connection.name, source };
      const send = () => (allPages || resolved.directives.allPages ? this.allPages(executor, resolved, context.signal, meta) : this.one(executor, resolved, context, index, meta));
      const { shown: model, serverLog } = await this.withServerLog(connection, executor, resolved, send, context.signal);
      this.deps.presenter.show(model.model, model.actions);
      // With capture on, the response shows at once and its log lines join it when read; history
      // keeps both, so a body on disk is held until then (the panel may have moved on).
      if (serverLog) {
        const release = model.model.body.hold();
        void serverLog.then(() => this.remember(model.model)).finally(release);
      } else void this.remember(model.model);
      const advice = adviseStatus(model.model.status, connection.name, model.model.maximoError?.reasonCode);
      if (advice) void offerAdvice(this.deps, advice, "warning", connection);
      const verified = model.verification ? this.reportVerification(title, model.verification) : true;
      return model.model.status < 400 && verified;
    } catch (error) {
      if (error instanceof NotSent) {
        void vscode.window.showInformationMessage(error.message);
        return false;
      }
      const advice = this.masked(adviseError(error, connection?.name));
      this.log[advice.cancelled ? "info" : "error"](`${title}: ${advice.message}`);
      void offerAdvice(this.deps, advice, advice.cancelled ? "info" : "error", connection, context.document);
      if (advice.cancelled) throw error;
      return false;
    }
  }

  /**
   * Runs `send` with the connection's server-log capture when it is on (or `# @server-log` asks).
   * The response is ready before its log: its Server log tab says it is reading, and `serverLog`
   * settles once the lines are attached to the model and the panel.
   */
  private async withServerLog(connection: ExtensionConnection, executor: Executor, resolved: ResolvedRequest, send: () => Promise<Shown>, signal: AbortSignal): Promise<{ shown: Shown; serverLog?: Promise<void> }> {
    const capture = this.deps.serverLog;
    if (!capture || !(resolved.directives.serverLog || capture.isOn(connection))) return { shown: await send() };
    const { result, lines } = await capture.capture(connection, executor, send, signal);
    const model = result.model;
    model.serverLog = { lines: [], hints: {}, pending: true };
    const serverLog = lines.then(
      (read) => {
        const lines = read?.map((line) => this.runSecrets.mask(line));
        this.deps.presenter.attachServerLog(model, lines ? { lines, hints: codeHints(lines) } : undefined);
      },
      () => this.deps.presenter.attachServerLog(model, undefined),
    );
    return { shown: result, serverLog };
  }

  private async one(executor: Executor, resolved: ResolvedRequest, context: RunContext, index: number, meta: ModelMeta): Promise<Shown> {
    const response = await executor.execute(this.withTimeout(resolved), { signal: context.signal });
    context.holds.push(response.body.hold());
    const name = context.parsed.requests[index]!.name;
    if (name) context.resolver.recordResponse(name, response);
    this.logResponse(meta.title, response);
    const shown = this.shown(executor, resolved, response, meta, 1);
    if (resolved.directives.verify) shown.verification = await verifyUpdate(response.request, response, (outgoing, options) => executor.send(outgoing, options), { signal: context.signal });
    return shown;
  }

  /** `# @verify`: a value the server did not keep (or no read-back) is an error; false then. */
  private reportVerification(title: string, result: VerifyResult): boolean {
    const failed = result.kind === "mismatch" || (result.kind === "not-verified" && result.reason === "read-failed");
    if (failed) {
      this.log.error(`${title}: ${result.message}`);
      void vscode.window.showErrorMessage(`${title}: ${result.message}`, "Show Log").then((action) => action && this.log.show());
      return false;
    }
    this.log.info(`${title}: ${result.message}`);
    if (result.kind === "verified" || result.reason === "not-an-update") void vscode.window.showInformationMessage(`${title}: ${result.message}`);
    return true;
  }

  /** A response and its Next page / All pages actions, which keep following from it. */
  private shown(executor: Executor, resolved: ResolvedRequest, response: ExecutedResponse, meta: ModelMeta, page: number): Shown {
    const model = toResponseModel(response, resolved, { ...meta, secrets: this.secrets(executor), page });
    const actions: ResponseActions = this.exportAction(executor, resolved, model, meta);
    const nextHref = model.paging?.hasNext ? scanBodyPageInfo(response.body)?.nextHref : undefined;
    if (nextHref !== undefined) {
      actions.nextPage = () =>
        this.withCancel(`Maximo: page ${page + 1} of ${meta.title}`, async (signal) => {
          const template = buildOutgoing(executor.connection, resolved);
          const next = await executor.send(nextPageRequest(nextHref, response, template, executor.connection), { signal, timeoutMs: this.withTimeout(resolved).directives.timeoutMs });
          this.logResponse(meta.title, next);
          const shown = this.shown(executor, resolved, next, meta, page + 1);
          this.deps.presenter.show(shown.model, shown.actions);
          void this.remember(shown.model);
        });
      actions.allPages = () =>
        this.withCancel(`Maximo: all pages of ${meta.title}`, async (signal) => {
          const shown = await this.allPages(executor, resolved, signal, meta);
          this.deps.presenter.show(shown.model, shown.actions);
          void this.remember(shown.model);
        });
    }
    return { model, actions };
  }

  private async allPages(executor: Executor, resolved: ResolvedRequest, signal: AbortSignal, meta: ModelMeta): Promise<Shown> {
    const combined = await combinePages(pages(executor, this.withTimeout(resolved), { signal }), this.deps.bodies);
    this.logResponse(`${meta.title} (${combined.pages} pages)`, combined.response);
    const model = toResponseModel(combined.response, resolved, { ...meta, secrets: this.secrets(executor) });
    if (combined.response.status < 300) model.paging = { page: combined.pages, pageCount: combined.pages, totalCount: combined.members, hasNext: false, allPages: true };
    return { model, actions: this.exportAction(executor, resolved, model, meta) };
  }

  /** Export (every page of the request to a file) for a successful JSON collection answer to a GET. */
  private exportAction(executor: Executor, resolved: ResolvedRequest, model: ResponseModel, meta: ModelMeta): ResponseActions {
    if (resolved.method.toUpperCase() !== "GET" || model.status >= 300 || !model.paging) return {};
    return { export: () => exportToFile({ executor, request: this.withTimeout(resolved), title: meta.title }, this.deps.log) };
  }

  private async connectionFor(resolved: ResolvedRequest): Promise<ExtensionConnection> {
    const connection = await this.deps.connections.choose(resolved.directives.connection);
    if (!connection) throw new NotSent("Not sent: no connection was chosen.");
    if (isWrite(resolved) && !(await this.deps.connections.confirmWrite(connection, describeWrite(resolved)))) {
      throw new NotSent(`Not sent: connection "${connection.name}" is read-only.`);
    }
    return connection;
  }

  private context(document: vscode.TextDocument, parsed: MaximoDocument, signal: AbortSignal, lent?: LentVariables, files: FileSource = new EditorFiles()): RunContext {
    const folder = vscode.workspace.getWorkspaceFolder(document.uri)?.uri.fsPath ?? dirname(document.uri.fsPath);
    const context: RunContext = { document, parsed, signal, resolver: undefined as unknown as Resolver, holds: [] };
    // A JetBrains `import` lends the imported files' variables (a `file:` document only: paths are relative to it).
    const imported = document.uri.scheme === "file" ? importedFiles({ path: document.uri.fsPath, document: parsed }, files).map((f) => f.document) : [];
    const resolver = createResolver({
      ...(lent || imported.length > 0 ? { lent: { ...lent, imported } } : {}),
      document: parsed,
      filePath: document.uri.fsPath,
      workspaceDir: folder,
      processEnv: process.env,
      prompt: this.prompts,
      answers: this.prompts.answers,
      // The environment picked in the status bar (maximo.env.json or REST Client's setting), over $shared.
      environment: () => this.deps.environments.forDocument(document.uri),
      // A chained `{{name.response...}}` runs that request first, through the same checks.
      runNamed: async (name) => {
        const index = parsed.requests.findIndex((request) => request.name === name);
        if (index < 0) throw new Error(`No request in ${vscode.workspace.asRelativePath(document.uri)} is named "${name}".`);
        const resolved = await context.resolver.resolve(index);
        const connection = await this.connectionFor(resolved);
        const response = await this.deps.connections.executor(connection).execute(this.withTimeout(resolved), { signal });
        context.holds.push(response.body.hold());
        this.logResponse(name, response);
        return response;
      },
    });
    // Every request it resolves tells the runner its secret variables' values, before anything shows them.
    context.resolver = this.runSecrets.noting(resolver);
    return context;
  }

  private withTimeout(resolved: ResolvedRequest): ResolvedRequest {
    if (resolved.directives.timeoutMs !== undefined) return resolved;
    const timeoutMs = vscode.workspace.getConfiguration("maximo").get<number>("request.timeoutMs", 120_000);
    return timeoutMs > 0 ? { ...resolved, directives: { ...resolved.directives, timeoutMs } } : resolved;
  }

  /** The document and request line to run: the CodeLens's locator, else the cursor. */
  private async locate(locator?: RequestLocator): Promise<{ document: vscode.TextDocument; parsed: MaximoDocument; index: number } | { document: vscode.TextDocument; parsed: MaximoDocument; run: RunNode } | undefined> {
    const editor = vscode.window.activeTextEditor;
    const document = locator ? await vscode.workspace.openTextDocument(vscode.Uri.parse(locator.uri)) : editor?.document;
    if (!document || document.languageId !== "maximo") {
      void vscode.window.showWarningMessage("Put the cursor in a request of a .maximo file to send it.");
      return undefined;
    }
    const line = locator?.line ?? editor!.selection.active.line;
    const parsed = parseDocument(document.getText());
    const run = runLineAt(parsed, line);
    if (run) return { document, parsed, run };
    const index = requestIndexAt(parsed, line);
    if (index === undefined) {
      void vscode.window.showWarningMessage(`Line ${line + 1} is not inside a request; put the cursor on a request to send it.`);
      return undefined;
    }
    return { document, parsed, index };
  }

  private async withCancel(title: string, work: (signal: AbortSignal, progress: vscode.Progress<{ message?: string; increment?: number }>) => Promise<void>): Promise<void> {
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
      const controller = new AbortController();
      const subscription = token.onCancellationRequested(() => {
        this.log.info(`${title}: cancel requested`);
        controller.abort();
      });
      try {
        await work(controller.signal, progress);
      } catch (error) {
        // A cancel was already reported where it happened; anything else is a bug worth a line.
        if (!controller.signal.aborted) this.log.error(`${title}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      } finally {
        subscription.dispose();
      }
    });
  }

  private logResponse(title: string, response: ExecutedResponse): void {
    const retries = response.attempts > 1 ? `, ${response.attempts} attempts` : "";
    const error = response.maximoError ? ` ${response.maximoError.reasonCode}: ${response.maximoError.message}` : "";
    this.log.info(`${title}: ${response.request.method} ${response.request.url.href} → ${response.status} ${response.statusText} (${Math.round(response.timings.totalMs)} ms, ${response.size} bytes${retries})${error}`);
  }

  private async remember(model: ResponseModel): Promise<void> {
    // Until history has its own link to a body on disk, the temporary file must stay.
    const release = model.body.hold();
    try {
      await this.deps.history.add(model);
      this.deps.onHistoryChanged();
    } catch (error) {
      this.log.warn(`Could not keep the response in history: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      release();
    }
  }

}

function releaseAll(context: RunContext): void {
  for (const release of context.holds.splice(0)) release();
}

interface ModelMeta {
  title: string;
  connection: string;
  source?: { uri: string; line: number };
}

interface Shown {
  model: ResponseModel;
  actions: ResponseActions;
  /** `# @verify`: the read-back of a single-record update. */
  verification?: VerifyResult;
}
