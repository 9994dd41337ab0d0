/**
 * Runs the requests of one `.maximo` file in order. A chained reference to a named request that
 * has not run yet runs it first; each request runs at most once per file. A JetBrains `run`
 * line runs the request(s) it names (fileRuns/runPlan.ts) with its overrides, in its place;
 * an `import` line sends nothing.
 */
import { writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import type { DocumentRequest, ExpectNode, MaximoDocument, RunNode } from "../../../server/src/language/maximo/api";
import { fileSteps, importedFiles, planRun, runLineLabel, type FileSource, type RunFile } from "../fileRuns/runPlan";
import { pages } from "../http/paging";
import { redact, redactHeaders } from "../http/redact";
import type { ExecutedResponse, ResolvedRequest } from "../http/types";
import { createResolver, evaluateExpectations, type Resolver } from "../variables/index";
import type { LentVariables } from "../variables/fileVariables";
import { verifyUpdate } from "../verify/index";
import type { Executor } from "../http/executor";
import type { ExecutorPool } from "./executorPool";
import { readMaximoFileIfAny } from "./readMaximoFile";
import { bodyExtension, headerText, MemberArrayWriter, requestFiles, writeSingleResponse } from "./outputFiles";
import { statusAccepted, verboseLines, type ExpectationResult, type RequestOutcome } from "./runReport";

export interface RunSettings {
  pool: ExecutorPool;
  allPages: boolean;
  outDir?: string;
  verbose: boolean;
  envName?: string;
  env: Readonly<Record<string, string | undefined>>;
  workspaceDir: string;
  /** Prints a finished request's lines (the caller redacts). */
  report(outcome: RequestOutcome): void;
  /** Transient progress (TTY only); "" clears it. */
  progress(text: string): void;
  /** Current secrets, for the files --out writes. */
  secrets(): string[];
  /** A resolved request's secret variables' values, to mask from then on. */
  noteSecrets?(values: readonly string[] | undefined): void;
  /** `--server-log`: every request's thread-log lines (reference §23). */
  serverLog?: boolean;
}

interface Ran {
  outcome: RequestOutcome;
  response?: ExecutedResponse;
}

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export async function runFile(filePath: string, displayPath: string, document: MaximoDocument, onlyName: string | undefined, settings: RunSettings): Promise<RequestOutcome[]> {
  const outcomes: RequestOutcome[] = [];
  const file = { path: filePath, document };
  const top = new FileRunContext(settings, outcomes, file, displayPath).session(file);
  if (onlyName !== undefined) {
    const requests = document.requests;
    for (let index = 0; index < requests.length; index++) if (requests[index]!.name === onlyName) await top.run(index);
  } else {
    await top.runSteps([filePath]);
  }
  return outcomes;
}

/** What the sessions of one `maximo run FILE` share: settings, the outcomes, the files read. */
class FileRunContext {
  private readonly documents = new Map<string, MaximoDocument | undefined>();
  /** Reads each request file once (JetBrains `import` / `run` lines name them). */
  readonly files: FileSource = {
    document: (path) => {
      if (!this.documents.has(path)) this.documents.set(path, readMaximoFileIfAny(path));
      return this.documents.get(path);
    },
  };

  constructor(
    readonly settings: RunSettings,
    readonly outcomes: RequestOutcome[],
    private readonly top: RunFile,
    private readonly topDisplay: string,
  ) {
    this.documents.set(top.path, top.document);
  }

  /** How the report names `path`: as the top file was named, relative to it. */
  display(path: string): string {
    if (path === this.top.path) return this.topDisplay;
    return join(dirname(this.topDisplay), relative(dirname(this.top.path), path));
  }

  session(file: RunFile, lent?: LentVariables): FileSession {
    return new FileSession(this, file, lent);
  }
}

/**
 * One file run with one set of variables: its resolver, and its requests each run at most once
 * (a chained reference to a named request that has not run yet runs it first). A JetBrains run
 * line runs its target in a session of its own, with its overrides.
 */
class FileSession {
  private readonly requests: readonly DocumentRequest[];
  private readonly runs = new Map<number, Promise<Ran>>();
  private readonly active = new Set<number>();
  private readonly resolver: Resolver;
  private readonly displayPath: string;
  private readonly settings: RunSettings;

  constructor(
    private readonly context: FileRunContext,
    private readonly file: RunFile,
    lent?: LentVariables,
  ) {
    const { document, path } = file;
    this.settings = context.settings;
    this.requests = document.requests;
    this.displayPath = context.display(path);
    const imported = importedFiles(file, context.files).map((f) => f.document);
    this.resolver = createResolver({
      document,
      filePath: path,
      workspaceDir: this.settings.workspaceDir,
      ...(this.settings.envName !== undefined ? { envName: this.settings.envName } : {}),
      processEnv: this.settings.env,
      ...(lent || imported.length > 0 ? { lent: { ...lent, imported } } : {}),
      runNamed: async (name: string) => {
        const index = this.requests.findIndex((r) => r.name === name);
        if (index < 0) throw new Error(`no request is named "${name}" in ${this.displayPath}`);
        if (this.active.has(index)) throw new Error(`request "${name}" refers to itself through a chain of {{...response...}} references`);
        const ran = await this.run(index);
        if (!ran.response) throw new Error(`request "${name}" failed, so its response cannot be used`);
        return ran.response;
      },
    });
  }

  /** Every step of the file in order: requests, and run lines (`chain`: the files being run whole). */
  async runSteps(chain: readonly string[]): Promise<void> {
    for (const step of fileSteps(this.file.document)) {
      if (step.kind === "request") await this.run(step.index);
      else await this.runLine(step.run, chain);
    }
  }

  /** A JetBrains run line: its target runs with the overrides filled in here; a line that cannot run is a failed outcome. */
  private async runLine(line: RunNode, chain: readonly string[]): Promise<void> {
    const lineNumber = this.file.document.positionAt(line.start).line + 1;
    try {
      const target = planRun(line, this.file, this.context.files, chain);
      const overrides = new Map<string, string>();
      for (const o of line.overrides) overrides.set(o.name.text, await this.resolver.fillText(o.value.text, o.value.start));
      const session = this.context.session(target.file, { overrides, overridesLine: lineNumber });
      if (target.kind === "request") await session.run(target.index);
      else await session.runSteps([...chain, target.file.path]);
    } catch (error) {
      const text = runLineLabel(this.file.document, line);
      const outcome: RequestOutcome = { label: `${this.displayPath}:${lineNumber} ${text}`, line: lineNumber, method: "run", expectations: [], passed: false, notes: [], error: sentence(error) };
      this.context.outcomes.push(outcome);
      this.settings.report(outcome);
    }
  }

  run(index: number): Promise<Ran> {
    let pending = this.runs.get(index);
    if (!pending) {
      this.active.add(index);
      pending = this.runOne(index).finally(() => this.active.delete(index));
      this.runs.set(index, pending);
    }
    return pending;
  }

  private async runOne(index: number): Promise<Ran> {
    const { settings, displayPath } = this;
    const document = this.file.document;
    const request = this.requests[index]!;
    const line = document.positionAt(request.request.line.start).line;
    const outcome: RequestOutcome = {
      label: `${displayPath}:${line + 1}${request.name ? ` ${request.name}` : ""}`,
      ...(request.name ? { name: request.name } : {}),
      line: line + 1,
      method: request.request.methodName,
      expectations: [],
      passed: false,
      notes: [],
    };
    let response: ExecutedResponse | undefined;
    try {
      const resolved = await this.resolver.resolve(index);
      settings.noteSecrets?.(resolved.secrets);
      outcome.method = resolved.method;
      settings.progress(`running ${outcome.label} …`);
      response = await this.send(resolved, index, request.name, outcome);
      outcome.expectations = expectationsOf(request.node.directives, response);
      outcome.passed = outcome.error === undefined && statusAccepted(response.status, outcome.expectations) && outcome.expectations.every((e) => e.passed);
    } catch (error) {
      outcome.error = sentence(error);
      outcome.passed = false;
    }
    settings.progress("");
    if (response && request.name) this.resolver.recordResponse(request.name, response);
    this.context.outcomes.push(outcome);
    settings.report(outcome);
    return response ? { outcome, response } : { outcome };
  }

  private async send(resolved: ResolvedRequest, index: number, name: string | undefined, outcome: RequestOutcome): Promise<ExecutedResponse> {
    const { settings, displayPath } = this;
    const connection = settings.pool.connection(resolved.directives.connection);
    if (connection.readOnly && !READ_METHODS.has(resolved.method.toUpperCase())) {
      throw new Error(`Refused: connection "${connection.name}" is read-only and ${resolved.method} writes; run it against another connection or remove "readOnly".`);
    }
    const executor = settings.pool.executor(connection);
    const allPages = settings.allPages || resolved.directives.allPages;
    const sendIt = () => (allPages ? this.sendAllPages(executor, resolved, index, name, outcome) : executor.execute(resolved));
    let response: ExecutedResponse;
    if (settings.serverLog || resolved.directives.serverLog) {
      const captured = await settings.pool.capture(connection).capture(sendIt);
      response = captured.result;
      const lines = await captured.lines;
      if (lines) {
        outcome.serverLog = lines;
        if (settings.outDir) {
          const log = requestFiles(settings.outDir, displayPath, index, name, "log").body;
          writeFileSync(log, redact(lines.map((line) => `${line}\n`).join(""), settings.secrets()));
          outcome.notes.push(`→ ${log}`);
        }
      }
    } else response = await sendIt();
    outcome.status = response.status;
    outcome.statusText = response.statusText;
    if (!allPages) {
      outcome.totalMs = response.timings.totalMs;
      outcome.size = response.size;
      if (settings.outDir) {
        const files = requestFiles(settings.outDir, displayPath, index, name, bodyExtension(response));
        writeSingleResponse(files, response, settings.secrets());
        outcome.notes.push(`→ ${files.body}`);
      }
    }
    if (response.maximoError) outcome.maximoError = response.maximoError;
    if (settings.verbose) outcome.notes.push(...verboseLines(response, redactHeaders));
    if (resolved.directives.verify) await verifyInto(outcome, executor, response, allPages);
    return response;
  }

  /** Streams every page's members (to the --out file) and returns the first page for expectations. */
  private async sendAllPages(executor: Executor, resolved: ResolvedRequest, index: number, name: string | undefined, outcome: RequestOutcome): Promise<ExecutedResponse> {
    const { settings, displayPath } = this;
    const started = performance.now();
    const files = settings.outDir ? requestFiles(settings.outDir, displayPath, index, name, "json") : undefined;
    const writer = files ? new MemberArrayWriter(files.body) : undefined;
    let first: ExecutedResponse | undefined;
    let size = 0;
    let members = 0;
    let count = 0;
    try {
      for await (const page of pages(executor, resolved)) {
        count++;
        size += page.size;
        first ??= page;
        if (page.status >= 400) {
          if (page !== first) outcome.error = `Page ${count} failed with HTTP ${page.status}${page.maximoError ? ` (${page.maximoError.reasonCode} ${page.maximoError.message})` : ""}.`;
          break;
        }
        const list = membersOf(page);
        members += list.length;
        await writer?.add(list);
        settings.progress(`running ${outcome.label} … ${members} members, ${count} page(s)`);
      }
    } finally {
      await writer?.close();
    }
    if (!first) throw new Error("The server sent no page.");
    if (files) {
      writeFileSync(files.headers, headerText(first, settings.secrets()));
      outcome.notes.push(`→ ${files.body}`);
    }
    outcome.paging = { members, pages: count };
    outcome.totalMs = performance.now() - started;
    outcome.size = size;
    return first;
  }
}

/** `# @verify`: a value the server did not keep, or an update that cannot be read back, fails the request. */
async function verifyInto(outcome: RequestOutcome, executor: Executor, response: ExecutedResponse, allPages: boolean): Promise<void> {
  if (allPages) {
    outcome.notes.push("@verify: not checked, all pages of a read were asked for; @verify checks a single-record update.");
    return;
  }
  const result = await verifyUpdate(response.request, response, (request, options) => executor.send(request, options));
  if (result.kind === "mismatch" || (result.kind === "not-verified" && result.reason === "read-failed")) outcome.error = result.message;
  else outcome.notes.push(result.message);
}

function membersOf(page: ExecutedResponse): unknown[] {
  const body = page.json();
  if (typeof body === "object" && body !== null && "member" in body && Array.isArray(body.member)) return body.member;
  return [];
}

function expectationsOf(directives: ReadonlyArray<{ name: { text: string }; expect?: ExpectNode; args?: { text: string } }>, response: ExecutedResponse): ExpectationResult[] {
  const expects: ExpectNode[] = [];
  const unreadable: ExpectationResult[] = [];
  for (const directive of directives) {
    if (directive.name.text !== "expect") continue;
    if (directive.expect) expects.push(directive.expect);
    else unreadable.push({ text: directive.args?.text ?? "@expect", passed: false, detail: "this expectation cannot be read; see `maximo check`" });
  }
  return [...evaluateExpectations(expects, response), ...unreadable];
}

function sentence(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
