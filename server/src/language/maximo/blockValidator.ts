/**
 * Diagnostics of one block beyond its structure: `{{...}}` expressions, JSON bodies, the
 * embedded query languages, and what httpyac would run that Maximo Workbench does not. Computed on first use and kept per block tree (trees are
 * immutable), so an edit re-checks only the blocks it touched.
 */
import type { SyntaxDiagnostic } from "../common";
import type { BlockTree, ExpressionNode } from "./ast";
import { diagnostic } from "./diagnosticCodes";
import { hasLoop } from "./directives";
import { embeddedQueries } from "./embeddedQueries";
import { checkJsonBody, isJsonBody } from "./jsonBody";
import { notRunDiagnostics } from "./notRun";
import { globalNotRun, httpyacScriptVariable, INDEX_IN_LOOP, INDEX_OUTSIDE_LOOP, SYSTEM_VARIABLE_LIST, systemVariableSpec } from "./systemVariables";
import { checkVerifyDirective } from "./verifyDirective";

const cache = new WeakMap<BlockTree, readonly SyntaxDiagnostic[]>();

/** All diagnostics of a block, block-relative, in source order. */
export function blockDiagnostics(tree: BlockTree): readonly SyntaxDiagnostic[] {
  let result = cache.get(tree);
  if (!result) {
    result = validate(tree);
    cache.set(tree, result);
  }
  return result;
}

/** The same, not kept: for a caller that analyses each tree once (`maximo check`). */
export function validateBlock(tree: BlockTree): SyntaxDiagnostic[] {
  return validate(tree);
}

function validate(tree: BlockTree): SyntaxDiagnostic[] {
  const out = tree.diagnostics.slice();
  const loop = hasLoop(tree);
  for (const expression of tree.expressions) checkExpression(expression, loop, out);
  notRunDiagnostics(tree, out);
  const request = tree.request;
  // An unclosed `{{` already explains why the body cannot be read; a JSON error would repeat it.
  if (request && isJsonBody(request) && !hasUnterminatedIn(tree, request.body!)) {
    const json = checkJsonBody(tree, request);
    if (json) out.push(json);
  }
  for (const query of embeddedQueries(tree)) for (const d of query.parse.diagnostics) out.push(d);
  checkVerifyDirective(tree, out);
  return out.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

function hasUnterminatedIn(tree: BlockTree, span: { start: number; end: number }): boolean {
  return tree.expressions.some((e) => !e.terminated && e.start >= span.start && e.start < span.end);
}

function checkExpression(expression: ExpressionNode, loop: boolean, out: SyntaxDiagnostic[]): void {
  if (!expression.terminated) {
    out.push(
      diagnostic("maximo.expression-unterminated", expression, "This `{{` is not closed: end the expression with `}}` on the same line."),
    );
    return;
  }
  if (expression.kind === "empty") {
    out.push(diagnostic("maximo.expression-empty", expression, "`{{}}` names nothing: put a variable between the braces, e.g. `{{site}}`, or remove it."));
    return;
  }
  if (expression.kind !== "system") return;
  const spec = systemVariableSpec(expression.name);
  const nameSpan = { start: expression.inner.start, end: expression.inner.start + expression.name.length };
  const script = spec ? undefined : httpyacScriptVariable(expression.name);
  if (script === "global" || (script === "index" && loop)) {
    out.push(diagnostic("maximo.system-variable-not-run", nameSpan, script === "global" ? globalNotRun(expression.name) : INDEX_IN_LOOP));
    return;
  }
  if (script === "index") {
    out.push(diagnostic("maximo.unknown-system-variable", nameSpan, INDEX_OUTSIDE_LOOP));
    return;
  }
  if (!spec) {
    out.push(
      diagnostic(
        "maximo.unknown-system-variable",
        nameSpan,
        `\`${expression.name || "$"}\` is not a system variable. Use one of ${SYSTEM_VARIABLE_LIST}.`,
      ),
    );
    return;
  }
  const problem = spec.checkArgs(expression.args);
  const caution = problem ? undefined : spec.caution?.(expression.args);
  if (problem) out.push(diagnostic("maximo.system-variable-arguments", expression.inner, problem));
  else if (caution) out.push(diagnostic("maximo.system-variable-range", expression.inner, caution));
  else if (spec.notRun) out.push(diagnostic("maximo.system-variable-not-run", nameSpan, spec.notRun));
}
