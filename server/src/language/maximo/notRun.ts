/**
 * What httpyac (and REST Client) files may hold that Maximo Workbench reads but does not run:
 * script blocks, response handlers, `??` assertions, `>>` output files and some directives.
 * Each is said once, as information, so a file written for httpyac opens without errors and
 * its author knows what will not happen here.
 */
import type { SyntaxDiagnostic } from "../common";
import type { BlockTree, DirectiveNode } from "./ast";
import { diagnostic } from "./diagnosticCodes";
import { handlerKind, handlerSets } from "./handlerScripts";

/** Directives that change what httpyac sends or when; the others are notes, titles, options. */
const DIRECTIVES: Record<string, (args: string) => string> = {
  ref: (name) =>
    `httpyac runs \`${name || "the named request"}\` before this one; Maximo Workbench runs a named request only when a \`{{${name || "name"}.response...}}\` reference needs it.`,
  forceRef: (name) =>
    `httpyac always runs \`${name || "the named request"}\` before this one; Maximo Workbench runs a named request only when a \`{{${name || "name"}.response...}}\` reference needs it.`,
  import: (file) =>
    `httpyac reads the requests and variables of \`${file || "another file"}\`; Maximo Workbench does not import files: define the variables here or in maximo.env.json.`,
  loop: () => "httpyac sends this request once per loop turn; Maximo Workbench sends it once.",
  sleep: () => "httpyac waits before sending this request; Maximo Workbench sends it right away.",
  disabled: () => "httpyac skips this request; Maximo Workbench sends it when you ask.",
};

export function notRunDiagnostics(tree: BlockTree, out: SyntaxDiagnostic[]): void {
  for (const script of tree.scripts) {
    if (!script.terminated) continue; // maximo.script-unterminated says more
    const lineEnd = firstLineEnd(tree.text, script.start, script.end);
    const span = trimmed(tree.text, script.start, lineEnd);
    if (script.kind === "handler") {
      out.push(diagnostic("maximo.script-not-run", span, handlerNotRun(tree.text.slice(script.start, script.end))));
      continue;
    }
    out.push(
      diagnostic(
        "maximo.script-not-run",
        span,
        "httpyac runs this script block; Maximo Workbench does not run scripts, so the request is sent without it. Use `@name = value` variables and `# @expect` lines instead.",
      ),
    );
  }
  for (const line of tree.toolLines) {
    const span = trimmed(tree.text, line.start, line.end);
    const text = tree.text.slice(span.start, span.end);
    if (text.startsWith("??")) {
      out.push(
        diagnostic(
          "maximo.assertion-not-run",
          span,
          "httpyac checks `??` assertions; Maximo Workbench does not: write `# @expect status 200` or `# @expect body.member.length > 0` above the request to have it checked.",
        ),
      );
    } else if (text.startsWith("fragment")) {
      const name = /^fragment\s+(\S+)/.exec(text)?.[1] ?? "";
      out.push(
        diagnostic(
          "maximo.graphql-not-run",
          trimmed(tree.text, line.start, firstLineEnd(tree.text, line.start, line.end)),
          `httpyac adds this GraphQL fragment to the queries that use \`...${name}\`; Maximo Workbench does not: write its fields into the query.`,
        ),
      );
    } else if (text.startsWith("proto")) {
      out.push(
        diagnostic(
          "maximo.request-not-run",
          trimmed(tree.text, line.start, firstLineEnd(tree.text, line.start, line.end)),
          "httpyac loads this gRPC service definition (with the loader options below it) for its GRPC requests; Maximo Workbench sends HTTP requests only, so it does not read it.",
        ),
      );
    } else if (text.startsWith("gql")) {
      out.push(diagnostic("maximo.graphql-not-run", span, "httpyac sends the GraphQL query in this file as the body; Maximo Workbench does not read it: write the query in the body (`query ...`)."));
    } else if (text.startsWith("...")) {
      out.push(
        diagnostic(
          "maximo.script-not-run",
          span,
          `httpyac adds the headers that a script put in \`${text.slice(3).replace(/,$/, "")}\`; Maximo Workbench does not run scripts, so they are not sent. Write the headers out.`,
        ),
      );
    } else if (text.startsWith(">>") || text.startsWith("<>")) {
      out.push(
        diagnostic(
          "maximo.output-not-written",
          span,
          text.startsWith("<>")
            ? "A link to a response an earlier run saved (JetBrains writes these after each run and can compare with it; httpyac keeps the name); Maximo Workbench does not read it."
            : "httpyac writes the response to this file; Maximo Workbench does not here (the CLI's `maximo run --out DIR` writes responses).",
        ),
      );
    } else {
      out.push(diagnostic("maximo.script-not-run", span, handlerNotRun(text)));
    }
  }
  for (const directive of tree.directives) directiveNotRun(directive, out);
  const response = tree.request?.response;
  if (response) {
    out.push(
      diagnostic(
        "maximo.response-example",
        { start: response.start, end: firstLineEnd(tree.text, response.start, response.end) },
        "httpyac reads this and the lines after it as an example response of the request above: they are not sent (nor compared with the real response).",
      ),
    );
  }
}

/**
 * A JetBrains handler (httpyac runs them too): `< {% %}` before the request is sent, `> {% %}`
 * after its response. What it would set is named, with the way to get it here.
 */
function handlerNotRun(text: string): string {
  const kind = handlerKind(text);
  const what = kind === "pre-request" ? "this pre-request script before sending the request" : "this response handler after the response comes back";
  const names = [...new Set(handlerSets(text).names)];
  const sets =
    names.length === 0
      ? ""
      : ` It sets ${names.map((n) => `\`${n}\``).join(", ")}, which stays undefined here${kind === "response" ? `: name the request (\`# @name login\`) and write \`@${names[0]} = {{login.response.body.FIELD}}\` instead` : ": define it with an `@name = value` line instead"}.`;
  const without = kind === "pre-request" ? "the request is sent without it" : "the response is not handled (check it with `# @expect` lines)";
  return `JetBrains' HTTP Client and httpyac run ${what}; Maximo Workbench does not run scripts, so ${without}.${sets}`;
}

function directiveNotRun(directive: DirectiveNode, out: SyntaxDiagnostic[]): void {
  // httpyac reads `@force-ref` as `forceRef`.
  const explain = DIRECTIVES[directive.name.text.replace(/-(.)/g, (_, c: string) => c.toUpperCase())];
  if (explain) out.push(diagnostic("maximo.directive-not-run", directive.name, explain(directive.args?.text ?? "")));
}

function firstLineEnd(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
  return i;
}

function trimmed(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && (text.charCodeAt(start) === 32 || text.charCodeAt(start) === 9)) start++;
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  return { start, end };
}
