/**
 * Replaces each `{{...}}` of a text with what `evaluate` gives for it. Expressions are found
 * and classified by the language's own scanner, so the runner reads them as the editor shows them.
 */
import type { ExpressionNode } from "../../../server/src/language/maximo/api";
import { ExpressionScanner } from "../../../server/src/language/maximo/expressions";
import { ESCAPED_BRACES } from "../../../server/src/language/maximo/jsonBody";

/** The `{{...}}` of `text`, with spans relative to it. */
export function expressionsIn(text: string): ExpressionNode[] {
  const found: ExpressionNode[] = [];
  if (text.includes("{{")) new ExpressionScanner(text).scan(0, text.length, found);
  return found;
}

/**
 * Evaluates one expression at a time, in order, so that a value is cached before it is used again.
 * An escaped `\{\{name\}\}` in the text is sent as a literal `{{name}}`, as httpyac sends it
 * (src/plugins/core/replacer/escapeVariableReplacer.ts); values filled in are left as they are.
 */
export async function substitute(text: string, evaluate: (expression: ExpressionNode) => Promise<string>): Promise<string> {
  const expressions = expressionsIn(text);
  if (expressions.length === 0) return unescapeBraces(text);
  let out = "";
  let at = 0;
  for (const expression of expressions) {
    out += unescapeBraces(text.slice(at, expression.start)) + (await evaluate(expression));
    at = expression.end;
  }
  return out + unescapeBraces(text.slice(at));
}

/** httpyac's escape: `\{\{name\}\}` is the text `{{name}}`. */
export function unescapeBraces(text: string): string {
  return text.includes("\\{") ? text.replace(ESCAPED_BRACES, (_, name: string) => `{{${name}}}`) : text;
}
