/**
 * `orderby.missing-sign`: put a sign before the attribute. `+` is written as is: the file is
 * readable and the runner encodes it, so no `%2B` here.
 */
import type { CodeAction, Diagnostic } from "vscode-languageserver";
import { OrderByCode } from "../../language/orderby/diagnosticCodes";
import { quickFix, withCode } from "./quickFix";

export function orderBySignFixes(uri: string, diagnostics: readonly Diagnostic[]): CodeAction[] {
  return withCode(diagnostics, OrderByCode.missingSign).flatMap((diagnostic) => {
    const at = { start: diagnostic.range.start, end: diagnostic.range.start };
    return [
      quickFix("Sort ascending: add `+`", uri, [{ range: at, newText: "+" }], [diagnostic], true),
      quickFix("Sort descending: add `-`", uri, [{ range: at, newText: "-" }], [diagnostic]),
    ];
  });
}
