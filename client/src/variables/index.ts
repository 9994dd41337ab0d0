/**
 * Variable resolution for the executor: turns request `i` of a parsed `.maximo` file into a
 * ResolvedRequest with every `{{...}}` filled in, or throws a VariableError naming the variable
 * and its line. A literal `{{x}}` is never sent.
 *
 *   const resolver = createResolver({ document, filePath, workspaceDir, envName: "dev", processEnv: process.env, runNamed });
 *   const request = await resolver.resolve(0);
 */
import { promises as fs } from "node:fs";
import { dirname, join, relative } from "node:path";
import { environmentFileNames } from "../environments/variableNames";
import { isGraphqlMarker, requestNotSent, type DocumentRequest, type MaximoDocument } from "../../../server/src/language/maximo/api";
import type { ExecutedResponse, RequestDirectives, ResolvedRequest } from "../http/types";
import { resolveBody } from "./body";
import { RequestGraph } from "./dependencies";
import { ENV_FILE, loadDotenv, loadEnvironment, type Environment, type ReadFile } from "./envSources";
import { Evaluation, type ResolverContext } from "./evaluation";
import { VariableError } from "./errors";
import { FileVariables, type LentVariables } from "./fileVariables";
import { originOf } from "./origins";
import type { PromptProvider } from "./prompts";
import { splitFilledTarget } from "./targetQuery";

export { VariableError } from "./errors";
export type { Environment } from "./envSources";
export { evaluateExpectations, type ExpectationResult } from "./expectations";
export type { PromptProvider } from "./prompts";

export interface ResolverOptions {
  document: MaximoDocument;
  filePath: string;
  workspaceDir: string;
  /** An environment of `maximo.env.json`; without it only `$shared` applies. */
  envName?: string;
  /** The environment to use instead of reading `maximo.env.json` by `envName` (the editor's picker). */
  environment?: () => Promise<Environment>;
  processEnv: Record<string, string | undefined>;
  /** For `< ./file` bodies, `maximo.env.json` and `.env` (default: the file system). */
  readFile?: ReadFile;
  /** Runs the request of that name (resolving it through this resolver) for chained variables. */
  runNamed: (name: string) => Promise<ExecutedResponse>;
  /** The clock of `$timestamp`, `$datetime`, ... (tests fix it). */
  now?: () => Date;
  /** Asks for `{{$input}}`, `{{$password}}`, `{{$pick}}` (VS Code); without it they fail with a sentence (the CLI). */
  prompt?: PromptProvider;
  /** Where `-askonce` answers are kept (default: for this resolver only). */
  answers?: Map<string, string>;
  /** JetBrains `run` overrides and `import`ed files' variables (fileRuns/). */
  lent?: LentVariables;
}

export interface Resolver {
  resolve(requestIndex: number): Promise<ResolvedRequest>;
  /** The file variables by name, values as written (`{{...}}` unresolved); the last definition wins. */
  fileVariables(): Map<string, string>;
  /**
   * Tells the resolver a named request has run (e.g. as the runner went through the file), so
   * chained variables read this response instead of running the request again.
   */
  recordResponse(name: string, response: ExecutedResponse): void;
  /**
   * `text` (standing at `offset` of the file) with its `{{...}}` filled in as a request's would
   * be: a JetBrains `run` line's override values, filled in where the run line stands.
   */
  fillText(text: string, offset: number): Promise<string>;
}

export function createResolver(options: ResolverOptions): Resolver {
  const { document } = options;
  const readFile: ReadFile = options.readFile ?? ((path) => fs.readFile(path));
  const fileVariables = new FileVariables(document, options.lent);
  const responses = new Map<string, Promise<ExecutedResponse>>();
  let environment: Promise<Environment> | undefined;
  let dotenv: ReturnType<ResolverContext["dotenv"]> | undefined;
  let graph: Promise<RequestGraph> | undefined;
  let elsewhere: ReturnType<typeof environmentFileNames> | undefined;

  const context: ResolverContext = {
    document,
    processEnv: options.processEnv,
    now: options.now ?? (() => new Date()),
    fileVariables,
    environment: () => (environment ??= options.environment ? options.environment() : loadEnvironment(readFile, options.workspaceDir, options.envName)),
    dotenv: () => (dotenv ??= loadDotenv(readFile, [dirname(options.filePath), options.workspaceDir])),
    graph: () =>
      (graph ??= context.environment().then((env) => {
        const texts = (name: string) => [env.selected.get(name), env.shared.get(name)].filter((t): t is string => t !== undefined);
        return new RequestGraph(document, fileVariables, texts);
      })),
    ...(options.prompt ? { prompt: options.prompt } : {}),
    answers: options.answers ?? new Map(),
    definedElsewhere: (name) => {
      // As `maximo check` reads them (up to the .git folder), less the maximo.env.json read already.
      const read = join(options.workspaceDir, ENV_FILE);
      const hit = (elsewhere ??= environmentFileNames(options.filePath)).find((f) => f.file !== read && f.names.includes(name));
      return hit && relative(options.workspaceDir, hit.file);
    },
    hasResponse: (name) => responses.has(name),
    // One run per name: every request that needs `wo` reads the same response.
    response: (name) => {
      let response = responses.get(name);
      if (!response) {
        response = options.runNamed(name);
        responses.set(name, response);
      }
      return response;
    },
  };

  return {
    async resolve(requestIndex) {
      const entry = document.requests[requestIndex];
      if (!entry) throw new RangeError(`There is no request ${requestIndex} in ${options.filePath}: it has ${document.requests.length}.`);
      // A WS/SSE/... or cURL line is read as a request but never sent (its diagnostic says so too).
      const notSent = requestNotSent(entry.request);
      if (notSent) throw new VariableError(document.text.slice(notSent.at.start, notSent.at.end), document.rangeOf(notSent.at).start.line + 1, notSent.reason.replace(/\.$/, ""));
      // The environment is checked first, so a wrong --env fails before anything else.
      await context.environment();
      return resolveRequest(entry, new Evaluation(context, requestIndex), { document, filePath: options.filePath, readFile });
    },
    fileVariables: () => fileVariables.asMap(),
    recordResponse(name, response) {
      responses.set(name, Promise.resolve(response));
    },
    async fillText(text, offset) {
      if (!text.includes("{{")) return text;
      await context.environment();
      // The request a chained reference's cycle check starts from: the next one, else the last.
      const requests = document.requests;
      const next = requests.findIndex((r) => r.request.start >= offset);
      return new Evaluation(context, next >= 0 ? next : Math.max(0, requests.length - 1)).text(text, originOf(document, offset, text));
    },
  };
}

async function resolveRequest(
  entry: DocumentRequest,
  evaluation: Evaluation,
  files: { document: MaximoDocument; filePath: string; readFile: ReadFile },
): Promise<ResolvedRequest> {
  const { document } = files;
  const { request } = entry;
  const fill = (node: { start: number; text: string }, text = node.text) => evaluation.text(text, originOf(document, node.start, text));

  // A `?` only a variable can have brought in: its parameters go first (targetQuery.ts).
  const { path: target, query } = splitFilledTarget(await fill(request.url.path));
  for (const param of request.url.query) {
    const key = await fill(param.key, param.key.decoded);
    if (!param.value) query.push({ key });
    // A value written percent-encoded is sent as written, variables filled in.
    else if (param.encoded) query.push({ key, value: await fill(param.value), encoded: true });
    else query.push({ key, value: await fill(param.value, param.value.decoded) });
  }
  const headers: ResolvedRequest["headers"] = [];
  // REST Client's `X-Request-Type: GraphQL` only marks the body as GraphQL; it does not send it.
  const sent = request.body?.graphql ? request.headers.filter((header) => !isGraphqlMarker(header)) : request.headers;
  for (const header of sent) headers.push([await fill(header.name), await fill(header.value)]);

  const directives: RequestDirectives = { allPages: false, noRedirect: false };
  for (const directive of entry.node.directives) {
    const name = directive.name.text;
    if (name === "connection" && directive.args) directives.connection = await fill(directive.args);
    else if (name === "all-pages") directives.allPages = true;
    else if (name === "no-redirect") directives.noRedirect = true;
    else if (name === "verify") directives.verify = true;
    else if (name === "server-log") directives.serverLog = true;
    else if (name === "timeout" && directive.timeoutMs !== undefined) directives.timeoutMs = directive.timeoutMs;
  }

  const resolved: ResolvedRequest = {
    line: document.positionAt(request.start).line,
    method: request.methodName,
    target,
    query,
    headers,
    directives,
  };
  if (entry.name !== undefined) resolved.name = entry.name;
  if (request.body) {
    const contentType = headers.find(([name]) => name.toLowerCase() === "content-type")?.[1] ?? "";
    resolved.body = await resolveBody(request.body, evaluation, { ...files, multipart: /multipart\//i.test(contentType), form: /application\/x-www-form-urlencoded/i.test(contentType) });
  }
  if (evaluation.secrets.size > 0) resolved.secrets = [...evaluation.secrets];
  return resolved;
}
