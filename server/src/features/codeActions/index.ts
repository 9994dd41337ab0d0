/** Quick fixes, keyed on the diagnostic codes the client sends back with the request. */
import { CodeActionKind, type CodeAction, type Diagnostic, type Range } from "vscode-languageserver";
import type { MaximoDocument } from "../../language/maximo/api";
import { bodyKeyFixes } from "./bodyKeyFixes";
import { actionOverrideFixes, methodOverrideFixes } from "./methodOverride";
import { orderBySignFixes } from "./orderBySign";
import { schemaSuggestionFixes } from "./schemaSuggestion";
import { whereOrFixes } from "./whereOr";

export function getCodeActions(
  document: MaximoDocument,
  uri: string,
  range: Range,
  diagnostics: readonly Diagnostic[],
  only?: readonly string[],
): CodeAction[] {
  // Every action here is a quick fix: answer nothing when the client asks for other kinds.
  if (only && !only.some((kind) => kind === CodeActionKind.QuickFix || kind === CodeActionKind.Empty)) return [];
  return [
    ...orderBySignFixes(uri, diagnostics),
    ...whereOrFixes(document, uri, diagnostics),
    ...methodOverrideFixes(document, uri, range, diagnostics),
    ...actionOverrideFixes(document, uri, diagnostics),
    ...schemaSuggestionFixes(uri, diagnostics),
    ...bodyKeyFixes(document, uri, diagnostics),
  ];
}
