/**
 * `maximo.undefined-variable`: a `{{name}}` that no `@name = value` line of the file defines and,
 * for `{{req.response...}}` (and httpyac's `{{req.field}}`, `{{reqResponse.statusCode}}`), no
 * request named `req`. The environments around the file are read by the callers that know where
 * it is (`withoutEnvironmentVariables`; the language server adds the names of REST Client's setting
 * its client answers, user and workspace settings included; the CLI cannot). Definitions are
 * looked up across the whole file: each block contributes its facts (`variableFacts`, a pure
 * function of its tree, which the language server keeps per tree) and one pass over the
 * blocks' facts decides.
 */
import type { Span, SyntaxDiagnostic } from "../../language/common";
import type { BlockTree, DocumentBlock, ExpressionNode, MaximoDocument } from "../../language/maximo/api";
import { handlerSets, isHandlerFile } from "../../language/maximo/handlerScripts";
import { namedResponseRequest } from "../../language/maximo/namedResponses";
import { closest } from "./didYouMean";
import { schemaDiagnostic } from "./schemaCodes";

/** How the message on an undefined variable (not on a chained reference) begins. */
const NO_VARIABLE = "No `@";
/** Where environment files are read from (client/src/environments/variableNames.ts); the message is the same in the editor and the CLI. */
const ENVIRONMENT_SOURCES = "maximo.env.json, http-client.env.json, .httpyac.json, .env, or rest-client.environmentVariables in .vscode/settings.json, beside the file or above it; or a JetBrains handler's client.global.set in a request file there";

/**
 * The undefined-variable diagnostics of `found` that an environment defines taken out: `names`
 * are the variables some environment around the file defines (a `{{config.host}}` counts when
 * `config` is one). `spanned` gives the text a diagnostic covers (the variable's name). The check
 * itself stays a function of the text alone, so its caches hold; this runs after them.
 */
export function withoutEnvironmentVariables<D extends { code?: unknown; message: unknown }>(found: D[], names: ReadonlySet<string>, spanned: (d: D) => string): D[] {
  if (names.size === 0) return found;
  return found.filter((d) => {
    if (d.code !== "maximo.undefined-variable" || typeof d.message !== "string" || !d.message.startsWith(NO_VARIABLE)) return true;
    const name = spanned(d).trim();
    return !(names.has(name) || names.has(name.split(".")[0]!));
  });
}

/** What one block defines and uses, as far as variables and request names go. */
export interface VariableFacts {
  /**
   * The block makes the check impossible: an httpyac script block can set any variable, as can a
   * JetBrains handler kept in a file or setting a computed name, and names can come from an
   * imported file (httpyac `# @import`, JetBrains `import`), which this check does not read
   * (`features/imports/` reads JetBrains imports where the file system is at hand).
   */
  readonly stopsCheck: boolean;
  readonly variables: readonly string[];
  readonly requests: readonly string[];
  /** `{{name...}}` and `{{req.response...}}` expressions and JetBrains `run #name` lines, block-relative. */
  readonly uses: readonly VariableUse[];
}

/** What the check reads of a `{{name...}}` or `{{req.response...}}` expression, or of a `run #name` line. */
export interface VariableUse {
  readonly kind: "variable" | "chained" | "run";
  /** The variable's name, or the request's. */
  readonly name: string;
  /** Between the braces (the name after `#` of a run line): where a diagnostic goes. */
  readonly inner: Span;
}

export function variableFacts(tree: BlockTree): VariableFacts {
  let stopsCheck = tree.scripts.some((s) => s.kind === "httpyac") || tree.directives.some((d) => d.name.text === "import") || tree.imports !== undefined;
  const variables: string[] = [];
  const requests: string[] = [];
  for (const variable of tree.variables) variables.push(variable.name.text);
  // JetBrains handlers: `client.global.set("token", ...)` defines `{{token}}` for the requests after it.
  const handlers = [...tree.scripts.filter((s) => s.kind === "handler").map((s) => tree.text.slice(s.start, s.end)), ...tree.toolLines.map((l) => l.text).filter(isHandlerLine)];
  for (const text of handlers) {
    const sets = handlerSets(text);
    variables.push(...sets.names);
    // A computed name or a script in another file can set any variable.
    if (sets.dynamic || isHandlerFile(text)) stopsCheck = true;
  }
  let loop: string | undefined;
  let named: string | undefined;
  for (const directive of tree.directives) {
    const args = directive.args?.text;
    if (!args) continue;
    if (directive.name.text === "name") requests.push((named = args));
    else if (directive.name.text === "prompt") variables.push(args.split(/\s+/)[0]!);
    else if (directive.name.text === "loop") loop = args;
  }
  if (tree.name) requests.push(tree.name);
  if (loop !== undefined) variables.push(...loopVariables(loop, named ?? tree.name));
  // httpyac keeps the last response as `response` for the requests after it (src/plugins/core/response/setLastResponseInVariables.ts).
  if (tree.request) variables.push("response");
  // httpyac's `Authorization: oauth2 ...` / `openid ...` signs in and keeps the tokens as `oauth2Session` (src/plugins/oauth2/oauth2VariableReplacer.ts).
  if (tree.request?.headers.some((h) => h.name.text.toLowerCase() === "authorization" && /^\s*(?:oauth2|openid)\b/i.test(h.value.text))) variables.push("oauth2Session");
  const uses: VariableUse[] = tree.expressions.filter((e): e is ExpressionNode & VariableUse => e.kind === "variable" || e.kind === "chained");
  // `run #Login` (no file): a request of this file, or of an imported one (then the check stops).
  for (const run of tree.runs ?? []) if (run.request && !run.path) uses.push({ kind: "run", name: run.request.text, inner: run.request });
  if (tree.runs) uses.sort((a, b) => a.inner.start - b.inner.start);
  return { stopsCheck, variables, requests, uses };
}

/** Most turns of a counted `@loop for N` whose names (`name0`, `name1`, ...) are listed. */
const MAX_LOOP_NAMES = 1000;

/**
 * What an httpyac `# @loop` defines (src/plugins/core/metaData/loopMetaDataHandler.ts): `for X of
 * list` the variable X; with a request name, `nameList` (every turn's response) and, for a
 * counted `for N`, each turn's request `name0` ... `name{N-1}`.
 */
function loopVariables(loop: string, name: string | undefined): string[] {
  const out: string[] = [];
  const forOf = /^\s*for\s+(.*)\s+of\s+\S/u.exec(loop);
  if (forOf) out.push(forOf[1]!.trim());
  if (name === undefined) return out;
  out.push(`${name}List`);
  const counted = /^\s*for\s*(\d+)\s*$/u.exec(loop);
  if (counted) for (let i = 0; i < Math.min(Number(counted[1]), MAX_LOOP_NAMES); i++) out.push(`${name}${i}`);
  return out;
}

/** A one-line `> {% ... %}` / `< {% ... %}` handler or a `> ./handler.js` line (not `>>`, `<>`, `??`). */
function isHandlerLine(text: string): boolean {
  return /^\s*[<>]\s/.test(text);
}

export function checkUndefinedVariables(document: MaximoDocument): SyntaxDiagnostic[] {
  return undefinedVariables(document.blocks, (block) => variableFacts(block.tree));
}

/** The check over `blocks`, each block's facts from `factsOf`; absolute spans, in block order. */
export function undefinedVariables<B extends BlockPlace>(blocks: readonly B[], factsOf: (block: B, index: number) => VariableFacts): SyntaxDiagnostic[] {
  const variables = new Set<string>();
  const requests = new Set<string>();
  const facts: VariableFacts[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const found = factsOf(blocks[i]!, i);
    if (found.stopsCheck) return [];
    for (const name of found.variables) variables.add(name);
    for (const name of found.requests) requests.add(name);
    facts.push(found);
  }
  const out: SyntaxDiagnostic[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const uses = facts[i]!.uses;
    if (uses.length > 0) undefinedUses(uses, { variables, requests }, blocks[i]!, out);
  }
  return out;
}

/** Where a block stands: how its block-relative spans become absolute (a `DocumentBlock` is one). */
type BlockPlace = Pick<DocumentBlock, "toAbsolute">;

/** The names a file defines: `@name = value` lines and prompts; request names. */
export interface Definitions {
  variables: { has(name: string): boolean };
  /** Names listed (a Set or a Map of counts) for the "did you mean" of `run #name`. */
  requests: { has(name: string): boolean; keys(): Iterable<string> };
}

/** Adds to `out` a diagnostic for each of `uses` (of `block`) that `defined` does not define; absolute spans. */
export function undefinedUses(uses: readonly VariableUse[], defined: Definitions, block: BlockPlace, out: SyntaxDiagnostic[]): void {
  for (const expression of uses) {
    if (expression.kind === "variable") {
      const name = expression.name;
      if (defined.variables.has(name) || defined.variables.has(name.split(".")[0]!)) continue;
      // httpyac's `{{login.accessToken}}` / `{{loginResponse.statusCode}}` after `# @name login`.
      if (namedResponseRequest(name, (request) => defined.requests.has(request)) !== undefined) continue;
      out.push(
        schemaDiagnostic(
          "maximo.undefined-variable",
          block.toAbsolute(expression.inner),
          `${NO_VARIABLE}${name} = ...\` line in this file, request name or environment file defines \`${name}\`: add \`@${name} = value\` at the top of the file, or define it in an environment (${ENVIRONMENT_SOURCES}).`,
        ),
      );
    } else if (expression.kind === "run") {
      if (!defined.requests.has(expression.name)) out.push(unknownRunTarget(expression.name, block.toAbsolute(expression.inner), defined.requests.keys()));
    } else if (!defined.requests.has(expression.name)) {
      out.push(
        schemaDiagnostic(
          "maximo.undefined-variable",
          block.toAbsolute(expression.inner),
          `No request in this file is named \`${expression.name}\`: add \`# @name ${expression.name}\` above the request whose response this reads.`,
        ),
      );
    }
  }
}

/** `maximo.run-unknown-request` at `span` (the name of `run #name`): no request of the file has that name. */
export function unknownRunTarget(name: string, span: Span, names: Iterable<string>, where = "this file"): SyntaxDiagnostic {
  // Sorted: the incremental analysis lists the names in another order, and a tie must break alike.
  const near = closest(name, [...names].sort());
  return schemaDiagnostic(
    "maximo.run-unknown-request",
    span,
    `No request in ${where} is named \`${name}\`${near ? `: did you mean \`${near}\`?` : "."} A request is named by its \`### name\` line or \`# @name name\`; \`import ./other.http\` makes another file's named requests available.`,
  );
}
