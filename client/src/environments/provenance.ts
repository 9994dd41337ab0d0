/**
 * Where a `{{...}}` of a request file gets its value, and that value as Send would fill it in now:
 * a file variable's `@x = …` line, an environment (of `maximo.env.json` or REST Client's
 * setting), `$shared`, `.env`, the process environment, a chained request, or a system value.
 * Values are computed by the runner's own Evaluation, so the hover and Send never disagree; a
 * value that is, or is built from, a secret is never returned.
 */
import { dirname } from "node:path";
import type { ExpressionNode, MaximoDocument } from "../../../server/src/language/maximo/api";
import { envVariableName } from "../../../server/src/language/maximo/api";
import { RequestGraph } from "../variables/dependencies";
import { loadDotenv, type ReadFile } from "../variables/envSources";
import { VariableError } from "../variables/errors";
import { Evaluation, type ResolverContext } from "../variables/evaluation";
import { FileVariables } from "../variables/fileVariables";
import { expressionsIn } from "../variables/template";
import { environmentOf, type EnvironmentOrigin, type EnvironmentSet } from "./environmentSet";
import { containsKnownSecret, looksSecret } from "./secretNames";

export type VariableSource =
  | { kind: "fileVariable"; name: string; line: number }
  | { kind: "environment"; name: string; environment: string; origin: EnvironmentOrigin }
  | { kind: "shared"; name: string; origin: EnvironmentOrigin }
  | { kind: "dotenv"; name: string; file?: string }
  | { kind: "processEnv"; name: string }
  | { kind: "chained"; request: string; line?: number }
  | { kind: "system"; name: string }
  | { kind: "undefined"; name: string };

export interface VariableExplanation {
  /** Between the braces, as written. */
  written: string;
  source: VariableSource;
  /** The value Send would use now; absent when masked, unknown before sending, or failing. */
  value?: string;
  /** The value is hidden: the variable, or one it is built from, holds a secret. */
  masked: boolean;
  /** The value is computed anew at each send (`$guid`, `$timestamp`, ... inside it). */
  changesPerSend: boolean;
  /** Why there is no value, as a sentence. */
  problem?: string;
}

export interface ExplainContext {
  document: MaximoDocument;
  filePath: string;
  workspaceDir: string;
  environments: EnvironmentSet;
  /** The active environment's name; without it only `$shared` applies. */
  activeEnvironment?: string;
  processEnv: Record<string, string | undefined>;
  readFile: ReadFile;
  /** Secret values (SecretStorage, tokens) that must never be shown, whatever the variable's name. */
  secrets: readonly string[];
  now?: () => Date;
}

/** The `{{...}}` under `offset` of the document, with absolute spans; undefined elsewhere. */
export function expressionAt(document: MaximoDocument, offset: number): ExpressionNode | undefined {
  const { text } = document;
  const start = text.lastIndexOf("\n", offset - 1) + 1;
  const newline = text.indexOf("\n", offset);
  const end = newline < 0 ? text.length : newline;
  const found = expressionsIn(text.slice(start, end)).find((e) => offset >= start + e.start && offset <= start + e.end);
  if (!found) return undefined;
  return { ...found, start: start + found.start, end: start + found.end, inner: { ...found.inner, start: start + found.inner.start, end: start + found.inner.end } };
}

/** A chained reference runs its request: the hover never sends anything. */
class NeedsResponse extends Error {
  constructor(readonly request: string) {
    super(`Known once request "${request}" has been sent.`);
  }
}

export async function explainExpression(context: ExplainContext, expression: ExpressionNode): Promise<VariableExplanation> {
  const written = expression.inner.text;
  const environment = environmentOf(context.environments, context.activeEnvironment);
  const fileVariables = new FileVariables(context.document);
  const source = sourceOf(context, fileVariables, expression);
  if (source.kind === "dotenv") {
    const file = await dotenvFileOf(context, source.name);
    if (file !== undefined) source.file = file;
  }
  const walk = new DependencyWalk(context, fileVariables).text(context.document.text.slice(expression.start, expression.end), expression.start);
  const explanation: VariableExplanation = { written, source, masked: walk.secret, changesPerSend: walk.changesPerSend };
  if (source.kind === "chained") {
    explanation.problem = `Known once request "${source.request}" has been sent.`;
    return explanation;
  }
  if (source.kind === "system" && walk.changesPerSend) {
    explanation.problem = "Computed when the request is sent.";
    return explanation;
  }
  const resolverContext: ResolverContext = {
    document: context.document,
    processEnv: context.processEnv,
    now: context.now ?? (() => new Date()),
    fileVariables,
    environment: async () => environment,
    dotenv: () => loadDotenv(context.readFile, [dirname(context.filePath), context.workspaceDir]),
    graph: async () => new RequestGraph(context.document, fileVariables, (name) => [environment.selected.get(name), environment.shared.get(name)].filter((t): t is string => t !== undefined)),
    hasResponse: () => true,
    response: (name) => Promise.reject(new NeedsResponse(name)),
  };
  const line = context.document.positionAt(expression.start).line + 1;
  try {
    // Request 0: the index only serves the cycle check of chained references, which never run here.
    const value = await new Evaluation(resolverContext, 0).text(context.document.text.slice(expression.start, expression.end), {
      offset: expression.start,
      line: () => line,
    });
    if (containsKnownSecret(value, context.secrets)) explanation.masked = true;
    if (!explanation.masked) explanation.value = value;
  } catch (error) {
    if (error instanceof NeedsResponse || error instanceof VariableError) explanation.problem = error.message;
    else throw error;
  }
  return explanation;
}

/** The place the expression's own value comes from (not those of the variables inside it). */
function sourceOf(context: ExplainContext, fileVariables: FileVariables, e: ExpressionNode): VariableSource {
  const { environments } = context;
  const active = context.activeEnvironment === undefined ? undefined : environments.environments.get(context.activeEnvironment);
  switch (e.kind) {
    case "variable": {
      const definition = fileVariables.pick(e.name, e.start);
      if (definition) return { kind: "fileVariable", name: e.name, line: definition.line };
      if (active?.has(e.name)) return { kind: "environment", name: e.name, environment: context.activeEnvironment!, origin: environments.origin };
      if (environments.shared.has(e.name)) return { kind: "shared", name: e.name, origin: environments.origin };
      return { kind: "undefined", name: e.name };
    }
    case "chained": {
      const request = context.document.requests.find((r) => r.name === e.name);
      return { kind: "chained", request: e.name, ...(request ? { line: context.document.positionAt(request.request.start).line + 1 } : {}) };
    }
    case "system": {
      const args = e.args.map((arg) => arg.text);
      const shared = e.name === "$shared" ? args[0] : e.name.startsWith("$shared.") ? e.name.slice("$shared.".length) : undefined;
      if (shared !== undefined) return environments.shared.has(shared) ? { kind: "shared", name: shared, origin: environments.origin } : { kind: "undefined", name: shared };
      if (e.name === "$processEnv") return { kind: "processEnv", name: args[0] ?? "" };
      const envName = envVariableName(e.name);
      if (envName !== undefined) return { kind: "processEnv", name: envName };
      if (e.name === "$dotenv") return { kind: "dotenv", name: args[0] ?? "" };
      return { kind: "system", name: e.name };
    }
    default:
      return { kind: "undefined", name: e.inner.text };
  }
}

/**
 * Follows the variables a text is built from, by the runner's precedence, to tell whether any of
 * them is secret-named (then the value is never shown) or computed anew at each send.
 */
class DependencyWalk {
  private readonly seen = new Set<string>();
  private secret = false;
  private changesPerSend = false;

  constructor(
    private readonly context: ExplainContext,
    private readonly fileVariables: FileVariables,
  ) {}

  text(text: string, offset: number | undefined): { secret: boolean; changesPerSend: boolean } {
    this.visit(text, offset);
    return { secret: this.secret, changesPerSend: this.changesPerSend };
  }

  /** `offset` is where the text stands in the request file; undefined for environment values, which see no file variables. */
  private visit(text: string, offset: number | undefined): void {
    for (const e of expressionsIn(text)) {
      if (e.kind === "variable") this.variable(e.name, offset === undefined ? undefined : offset + e.start);
      else if (e.kind === "chained") {
        if (looksSecret(e.inner.text)) this.secret = true;
      } else if (e.kind === "system") this.system(e, offset === undefined ? undefined : offset + e.start);
    }
  }

  private variable(name: string, offset: number | undefined): void {
    if (looksSecret(name)) this.secret = true;
    if (offset !== undefined) {
      const definition = this.fileVariables.pick(name, offset);
      if (definition) return this.once(`file:${definition.offset}`, () => this.visit(definition.value, definition.offset));
    }
    const { environments, activeEnvironment } = this.context;
    const active = activeEnvironment === undefined ? undefined : environments.environments.get(activeEnvironment);
    // An environment value naming itself reads `$shared`'s, as the runner does.
    if (active?.has(name) && !this.seen.has(`env:${name}`)) return this.once(`env:${name}`, () => this.visit(active.get(name)!, undefined));
    if (environments.shared.has(name)) this.once(`shared:${name}`, () => this.visit(environments.shared.get(name)!, undefined));
  }

  private system(e: ExpressionNode, offset: number | undefined): void {
    const arg = e.args[0]?.text;
    if (e.name === "$shared" || e.name.startsWith("$shared.")) {
      const name = e.name === "$shared" ? (arg ?? "") : e.name.slice("$shared.".length);
      if (looksSecret(name)) this.secret = true;
      const value = this.context.environments.shared.get(name);
      if (value !== undefined) this.once(`shared:${name}`, () => this.visit(value, undefined));
    } else if (envVariableName(e.name) !== undefined) {
      // JetBrains' `{{$env.NAME}}` reads the process environment as `$processEnv NAME` does.
      if (looksSecret(envVariableName(e.name)!)) this.secret = true;
    } else if (e.name === "$processEnv" || e.name === "$dotenv") {
      if (arg === undefined) return;
      // `%NAME` reads the name from the variable NAME: both it and the name it gives count.
      if (arg.startsWith("%")) {
        this.variable(arg.slice(1), offset);
        if (looksSecret(this.writtenValue(arg.slice(1), offset) ?? "")) this.secret = true;
      } else if (looksSecret(arg)) this.secret = true;
    } else {
      this.changesPerSend = true;
    }
  }

  /** A variable's value as written, by the runner's precedence. */
  private writtenValue(name: string, offset: number | undefined): string | undefined {
    const definition = offset === undefined ? undefined : this.fileVariables.pick(name, offset);
    if (definition) return definition.value;
    const { environments, activeEnvironment } = this.context;
    return (activeEnvironment === undefined ? undefined : environments.environments.get(activeEnvironment)?.get(name)) ?? environments.shared.get(name);
  }

  private once(key: string, visit: () => void): void {
    if (this.seen.has(key)) return;
    this.seen.add(key);
    visit();
  }
}

/** The `.env` file a `$dotenv` name is read from: the request file's folder first, then the workspace's. */
export async function dotenvFileOf(context: Pick<ExplainContext, "readFile" | "filePath" | "workspaceDir">, name: string): Promise<string | undefined> {
  for (const dir of [...new Set([dirname(context.filePath), context.workspaceDir])]) {
    const { values, files } = await loadDotenv(context.readFile, [dir]);
    if (values.has(name)) return files[0];
  }
  return undefined;
}
