/**
 * `maximo.undefined-variable`: a `{{name}}` that no `@name = value` line of the file defines and,
 * for `{{req.response...}}`, no request named `req`. An environment (maximo.env.json, .env) may
 * still define it, which the server cannot see: hence a warning that says so. Definitions are
 * looked up across the whole file, so this runs once per document, not per request.
 */
import type { SyntaxDiagnostic } from "../../language/common";
import type { MaximoDocument } from "../../language/maximo/api";
import { schemaDiagnostic } from "./schemaCodes";

export function checkUndefinedVariables(document: MaximoDocument): SyntaxDiagnostic[] {
  const variables = new Set<string>();
  const requests = new Set<string>();
  for (const { tree } of document.blocks) {
    // httpyac script blocks can set any variable; the check cannot follow them.
    if (tree.scripts.some((s) => s.kind === "httpyac")) return [];
    // Names can come from an imported file (httpyac `# @import`), which this check does not read.
    if (tree.directives.some((d) => d.name.text === "import")) return [];
    for (const variable of tree.variables) variables.add(variable.name.text);
    for (const directive of tree.directives) {
      const args = directive.args?.text;
      if (!args) continue;
      if (directive.name.text === "name") requests.add(args);
      else if (directive.name.text === "prompt") variables.add(args.split(/\s+/)[0]!);
    }
    if (tree.name) requests.add(tree.name);
  }
  const out: SyntaxDiagnostic[] = [];
  for (const block of document.blocks) {
    for (const expression of block.tree.expressions) {
      const span = block.toAbsolute(expression.inner);
      if (expression.kind === "variable") {
        const name = expression.name;
        if (variables.has(name) || variables.has(name.split(".")[0]!)) continue;
        out.push(
          schemaDiagnostic(
            "maximo.undefined-variable",
            span,
            `No \`@${name} = ...\` line in this file defines \`${name}\`. If the environment (maximo.env.json or .env) defines it, ignore this; otherwise add \`@${name} = value\` at the top of the file.`,
          ),
        );
      } else if (expression.kind === "chained" && !requests.has(expression.name)) {
        out.push(
          schemaDiagnostic(
            "maximo.undefined-variable",
            span,
            `No request in this file is named \`${expression.name}\`: add \`# @name ${expression.name}\` above the request whose response this reads.`,
          ),
        );
      }
    }
  }
  return out;
}
