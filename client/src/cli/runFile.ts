/**
 * Runs the requests of one `.maximo` file in order. A chained reference to a named request that
 * has not run yet runs it first; each request runs at most once per file.
 */
import { writeFileSync } from "node:fs";
import type { ExpectNode, MaximoDocument } from "../../../server/src/language/maximo/api";
import { pages } from "../http/paging";
import { redactHeaders } from "../http/redact";
import type { ExecutedResponse, ResolvedRequest } from "../http/types";
import { createResolver, evaluateExpectations } from "../variables/index";
import { verifyUpdate } from "../verify/index";
import type { Executor } from "../http/executor";
import type { ExecutorPool } from "./executorPool";
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
  /** `--server-log`: every request's thread-log lines (reference §23). */
  serverLog?: boolean;
}

interface Ran {
  outcome: RequestOutcome;
  response?: ExecutedResponse;
}

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export async function runFile(filePath: string, displayPath: string, document: MaximoDocument, onlyName: string | undefined, settings: RunSettings): Promise<RequestOutcome[]> {
  const requests = document.requests;
  const outcomes: RequestOutcome[] = [];
  const runs = new Map<number, Promise<Ran>>();
  const active = new Set<number>();

  const resolver = createResolver({
    document,
    filePath,
    workspaceDir: settings.workspaceDir,
    ...(settings.envName !== undefined ? { envName: settings.envName } : {}),
    processEnv: settings.env,
    runNamed: async (name: string) => {
      const index = requests.findIndex((r) => r.name === name);
      if (index < 0) throw new Error(`no request is named "${name}" in ${displayPath}`);
      if (active.has(index)) throw new Error(`request "${name}" refers to itself through a chain of {{...response...}} references`);
      const ran = await run(index);
      if (!ran.response) throw new Error(`request "${name}" failed, so its response cannot be used`);
      return ran.response;
    },
  });

  function run(index: number): Promise<Ran> {
    let pending = runs.get(index);
    if (!pending) {
      active.add(index);
      pending = runOne(index).finally(() => active.delete(index));
      runs.set(index, pending);
    }
    return pending;
  }

  async function runOne(index: number): Promise<Ran> {
    const request = requests[index]!;
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
      const resolved = await resolver.resolve(index);
      outcome.method = resolved.method;
      settings.progress(`running ${outcome.label} …`);
      response = await send(resolved, index, request.name, outcome);
      outcome.expectations = expectationsOf(request.node.directives, response);
      outcome.passed = outcome.error === undefined && statusAccepted(response.status, outcome.expectations) && outcome.expectations.every((e) => e.passed);
    } catch (error) {
      outcome.error = sentence(error);
      outcome.passed = false;
    }
    settings.progress("");
    if (response && request.name) resolver.recordResponse(request.name, response);
    outcomes.push(outcome);
    settings.report(outcome);
    return response ? { outcome, response } : { outcome };
  }

  async function send(resolved: ResolvedRequest, index: number, name: string | undefined, outcome: RequestOutcome): Promise<ExecutedResponse> {
    const connection = settings.pool.connection(resolved.directives.connection);
    if (connection.readOnly && !READ_METHODS.has(resolved.method.toUpperCase())) {
      throw new Error(`Refused: connection "${connection.name}" is read-only and ${resolved.method} writes; run it against another connection or remove "readOnly".`);
    }
    const executor = settings.pool.executor(connection);
    const allPages = settings.allPages || resolved.directives.allPages;
    const sendIt = () => (allPages ? sendAllPages(executor, resolved, index, name, outcome) : executor.execute(resolved));
    let response: ExecutedResponse;
    if (settings.serverLog || resolved.directives.serverLog) {
      const captured = await settings.pool.capture(connection).capture(sendIt);
      response = captured.result;
      const lines = await captured.lines;
      if (lines) {
        outcome.serverLog = lines;
        if (settings.outDir) {
          const log = requestFiles(settings.outDir, displayPath, index, name, "log").body;
          writeFileSync(log, lines.map((line) => `${line}\n`).join(""));
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
  async function sendAllPages(executor: Executor, resolved: ResolvedRequest, index: number, name: string | undefined, outcome: RequestOutcome): Promise<ExecutedResponse> {
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

  const indexes = onlyName === undefined ? requests.map((_, i) => i) : requests.flatMap((r, i) => (r.name === onlyName ? [i] : []));
  for (const index of indexes) await run(index);
  return outcomes;
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
