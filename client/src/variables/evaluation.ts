/**
 * Resolving the `{{...}}` of one request: each kind of expression to its value. One Evaluation
 * per resolved request, so a file variable holding `{{$guid}}` has one value throughout it.
 * Precedence (REST Client's): file variables, then the chosen environment, then `$shared`.
 */
import type { ExpressionNode, MaximoDocument } from "../../../server/src/language/maximo/api";
import {
  envVariableName,
  globalNotRun,
  hasLoop,
  httpyacScriptVariable,
  INDEX_OUTSIDE_LOOP,
  SYSTEM_VARIABLE_LIST,
  systemVariableSpec,
} from "../../../server/src/language/maximo/api";
import { looksSecret } from "../environments/secretNames";
import type { ExecutedResponse } from "../http/types";
import { chainedValue } from "./chained";
import type { RequestGraph } from "./dependencies";
import { ENV_FILE, type Environment } from "./envSources";
import { VariableError } from "./errors";
import type { FileVariables } from "./fileVariables";
import { namedRead, type NamedRead } from "./namedResponse";
import { askFor, type PromptProvider } from "./prompts";
import { systemValue } from "./systemValues";
import { substitute } from "./template";

/** What every Evaluation of one resolver shares (files are read once, responses cached). */
export interface ResolverContext {
  document: MaximoDocument;
  processEnv: Record<string, string | undefined>;
  now(): Date;
  fileVariables: FileVariables;
  environment(): Promise<Environment>;
  dotenv(): Promise<{ values: Map<string, string>; files: string[] }>;
  graph(): Promise<RequestGraph>;
  hasResponse(name: string): boolean;
  response(name: string): Promise<ExecutedResponse>;
  /** Asks `{{$input ...}}` and its kin; absent where nobody can answer (the CLI). */
  prompt?: PromptProvider;
  /** `-askonce` answers, kept as long as the host keeps the map (without one, for this request). */
  answers?: Map<string, string>;
  /** An environment file the runner does not fill variables from that defines `name` (for the message), if any. */
  definedElsewhere?(name: string): string | undefined;
}

/** Where a text stands, for lookups and messages. */
export interface Origin {
  /** Absolute offset of the text in the request file; absent for text of maximo.env.json. */
  offset?: number;
  /** The 1-based line of the character at `index` of the text. */
  line(index: number): number;
  /** When the text is not the request file (`./body.json`, `maximo.env.json "dev"`). */
  where?: string;
}

type Layer = "selected" | "shared";
type Fail = (variable: string, problem: string) => VariableError;


export class Evaluation {
  private readonly values = new Map<string, string>();
  /** Values being resolved right now: meeting one again is a cycle. */
  private readonly active = new Set<string>();
  private cycleChecked = false;

  constructor(
    private readonly context: ResolverContext,
    private readonly requestIndex: number,
  ) {}

  text(text: string, origin: Origin): Promise<string> {
    return substitute(text, (expression) => this.expression(expression, origin));
  }

  /**
   * The values of secret-looking variables filled in so far (`{{password}}`, `{{$processEnv
   * MAXIMO_TOKEN}}`, `{{login.response.body.access_token}}`, a `{{$password}}` answer), for the
   * host to mask wherever it shows this request: only the connection's own are known otherwise.
   */
  readonly secrets = new Set<string>();

  private async expression(e: ExpressionNode, origin: Origin): Promise<string> {
    const value = await this.value(e, origin);
    if (value.length > 0 && holdsSecret(e)) this.secrets.add(value);
    return value;
  }

  private async value(e: ExpressionNode, origin: Origin): Promise<string> {
    const line = origin.line(e.start);
    const fail: Fail = (variable, problem) => new VariableError(variable, line, problem, origin.where);
    const written = e.inner.text;
    if (!e.terminated) throw fail(written, `"{{${written}" is not closed with "}}"`);
    switch (e.kind) {
      case "empty":
        throw fail("", "An empty {{}} has nothing to fill in");
      case "script":
        throw fail(written, `{{${written}}} is a script; Maximo Workbench does not run scripts: use a variable`);
      case "variable":
        return this.variable(e.name, origin, line, fail);
      case "system":
        return this.system(e, origin, fail);
      case "chained":
        return this.chained(e, fail);
    }
  }

  private async variable(name: string, origin: Origin, line: number, fail: Fail): Promise<string> {
    // Text of maximo.env.json sees only the environment.
    const definition = origin.offset === undefined ? undefined : this.context.fileVariables.pick(name, origin.offset);
    if (definition) {
      return this.cached(`file:${definition.offset}`, name, fail, () =>
        this.text(definition.value, { offset: definition.offset, line: () => definition.line }),
      );
    }
    const environment = await this.context.environment();
    let busy = false;
    for (const layer of ["selected", "shared"] as const) {
      if (!this.layer(environment, layer).has(name)) continue;
      // `"host": "{{host}}"` in an environment reads `$shared`'s host, not itself.
      if (this.active.has(`${layer}:${name}`)) {
        busy = true;
        continue;
      }
      return this.envValue(environment, layer, name, line, fail);
    }
    if (busy) throw fail(name, `Variable "${name}" refers to itself`);
    // httpyac's `{{login.accessToken}}` after `# @name login` (namedResponse.ts).
    const graph = await this.context.graph();
    const read = namedRead(name, (request) => graph.indexOf(request) !== undefined);
    if (read) return this.namedValue(read, name, fail);
    // A REST Client / httpyac / JetBrains environment file may define it: say which, and what is read.
    const elsewhere = origin.offset === undefined ? undefined : this.context.definedElsewhere?.(name);
    if (elsewhere) throw fail(name, `Variable "${name}" is not defined here: ${elsewhere} defines it, but variables are filled from ${ENV_FILE} (and the rest-client.environmentVariables setting in the editor); copy it there`);
    throw fail(name, `Variable "${name}" is not defined`);
  }

  private async namedValue(read: NamedRead, written: string, fail: Fail): Promise<string> {
    if ("problem" in read) throw fail(written, read.problem);
    const response = await this.responseOf(read.request, written, fail);
    if ("status" in read) return String(response.status);
    const result = chainedValue(read.request, response, read.chain);
    if (!result.ok) throw fail(written, `{{${written}}} resolves to nothing: ${result.reason}`);
    return result.value;
  }

  /** The named request's response: run once, after a check that it does not need this request back. */
  private async responseOf(name: string, written: string, fail: Fail): Promise<ExecutedResponse> {
    const graph = await this.context.graph();
    if (!this.context.hasResponse(name) && !this.cycleChecked) {
      this.cycleChecked = true;
      const cycle = graph.findCycle(this.requestIndex);
      if (cycle) throw fail(written, `Requests need each other's responses in a cycle: ${cycle.join(" → ")}`);
    }
    return this.context.response(name);
  }

  private layer(environment: Environment, layer: Layer): ReadonlyMap<string, string> {
    return layer === "selected" ? environment.selected : environment.shared;
  }

  private envValue(environment: Environment, layer: Layer, name: string, line: number, fail: Fail): Promise<string> {
    const where = `${environment.label ?? ENV_FILE} "${layer === "shared" ? "$shared" : environment.name}"`;
    const text = this.layer(environment, layer).get(name)!;
    return this.cached(`${layer}:${name}`, name, fail, () => this.text(text, { line: () => line, where }));
  }

  /** Resolves a value once per request; a value that needs itself is a cycle. */
  private async cached(key: string, name: string, fail: Fail, compute: () => Promise<string>): Promise<string> {
    const known = this.values.get(key);
    if (known !== undefined) return known;
    if (this.active.has(key)) throw fail(name, `Variable "${name}" refers to itself`);
    this.active.add(key);
    try {
      const value = await compute();
      this.values.set(key, value);
      return value;
    } finally {
      this.active.delete(key);
    }
  }

  private async system(e: ExpressionNode, origin: Origin, fail: Fail): Promise<string> {
    const args = e.args.map((arg) => arg.text);
    const shared = e.name === "$shared" ? args[0] : e.name.startsWith("$shared.") ? e.name.slice("$shared.".length) : undefined;
    if (shared !== undefined) {
      const environment = await this.context.environment();
      if (!environment.shared.has(shared)) throw fail(e.inner.text, `Variable "${shared}" is not defined in "$shared" of ${ENV_FILE}`);
      return this.envValue(environment, "shared", shared, origin.line(e.start), fail);
    }
    const spec = systemVariableSpec(e.name);
    const script = spec ? undefined : httpyacScriptVariable(e.name);
    if (script === "global") throw fail(e.name, globalNotRun(e.name).replace(/\.$/, ""));
    if (script === "index") {
      // httpyac's `# @loop` turn: the one send here is the first turn.
      const entry = this.context.document.requests[this.requestIndex];
      if (entry && hasLoop(entry.node)) return "0";
      throw fail(e.name, INDEX_OUTSIDE_LOOP.replace(/\.$/, ""));
    }
    if (!spec) throw fail(e.name, `"${e.name}" is not a system variable (use ${SYSTEM_VARIABLE_LIST})`);
    const problem = spec.checkArgs(e.args);
    if (problem) throw fail(e.inner.text, problem.replace(/\.$/, ""));
    if (spec.notRun) throw fail(e.inner.text, spec.notRun.replace(/\.$/, ""));
    if (spec.asks) {
      try {
        return await askFor(e.inner.text, spec.asks, this.context.prompt, (this.context.answers ??= new Map()));
      } catch (error) {
        throw fail(e.inner.text, error instanceof Error ? error.message : String(error));
      }
    }
    const envName = envVariableName(e.name);
    if (envName !== undefined) return this.processEnv(envName, e.inner.text, fail);
    if (e.name === "$processEnv" || e.name === "$dotenv") {
      // `%NAME`: the name to read is the value of the variable NAME (REST Client).
      const key = args[0]!.startsWith("%") ? await this.variable(args[0]!.slice(1), origin, origin.line(e.start), fail) : args[0]!;
      let value: string | undefined;
      if (e.name === "$processEnv") value = this.processEnv(key, e.inner.text, fail);
      else {
        const dotenv = await this.context.dotenv();
        value = dotenv.values.get(key);
        if (value === undefined) throw fail(e.inner.text, `Variable "${key}" is not in .env (looked in ${dotenv.files.join(", ")})`);
      }
      // `%envKey` names the variable read: its name is the one that tells a secret (MAXIMO_TOKEN), as the hover judges it.
      if (value.length > 0 && looksSecret(key)) this.secrets.add(value);
      return value;
    }
    return systemValue(e.name, args, this.context.now())!;
  }

  private processEnv(key: string, written: string, fail: Fail): string {
    const value = this.context.processEnv[key];
    if (value === undefined) throw fail(written, `Environment variable "${key}" is not set`);
    return value;
  }

  private async chained(e: ExpressionNode, fail: Fail): Promise<string> {
    const graph = await this.context.graph();
    if (graph.indexOf(e.name) === undefined) {
      throw fail(e.inner.text, `Request "${e.name}" is not defined: name a request with "# @name ${e.name}"`);
    }
    const result = chainedValue(e.name, await this.responseOf(e.name, e.inner.text, fail), e.chain!);
    if (!result.ok) throw fail(e.inner.text, `{{${e.inner.text}}} resolves to nothing: ${result.reason}`);
    return result.value;
  }
}

/** Whether what `e` fills in is a secret, judged by the names it reads (secretNames.ts), as the hover judges it. */
function holdsSecret(e: ExpressionNode): boolean {
  if (e.kind === "variable") return looksSecret(e.name);
  if (e.kind === "chained") return looksSecret(e.inner.text);
  if (e.kind !== "system") return false;
  if (e.name.startsWith("$password")) return true;
  // `{{$input Your password}}`: the question says what the answer is (prompts.ts asks it masked).
  if (e.name.startsWith("$input")) return looksSecret(e.inner.text.slice(e.name.length));
  const env = envVariableName(e.name);
  if (env !== undefined) return looksSecret(env);
  const arg = e.args[0]?.text ?? "";
  if (e.name === "$shared" || e.name === "$processEnv" || e.name === "$dotenv") return looksSecret(arg.replace(/^%/, ""));
  if (e.name.startsWith("$shared.")) return looksSecret(e.name);
  return false;
}
