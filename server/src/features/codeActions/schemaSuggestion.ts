/**
 * Schema diagnostics that name the right spelling: `schema.unknown-attribute` and
 * `schema.unknown-object-structure` (did-you-mean, at hint severity from the pack too)
 * and `schema.unknown-saved-query` (the exact-case name), `schema.unknown-body-key` (whose
 * range is the JSON key, quotes included, so the fix keeps them). The replacement comes from the
 * diagnostic's `data.suggestion` when set, else from its message; the
 * diagnostic's range is the misspelt name.
 */
import type { CodeAction, Diagnostic } from "vscode-languageserver";
import { quickFix } from "./quickFix";

const CODES = new Set(["schema.unknown-attribute", "schema.unknown-saved-query", "schema.unknown-object-structure", "schema.unknown-body-key"]);
// "Did you mean `x`?" (did-you-mean) and "... case-sensitive: use `X`." (saved query case).
const DID_YOU_MEAN = /(?:did you mean|: use) `([^`]+)`/i;

export function suggestionOf(diagnostic: Diagnostic): string | undefined {
  const data: unknown = diagnostic.data;
  if (typeof data === "object" && data !== null && "suggestion" in data && typeof data.suggestion === "string") return data.suggestion;
  const message = typeof diagnostic.message === "string" ? diagnostic.message : diagnostic.message.value;
  return DID_YOU_MEAN.exec(message)?.[1];
}

export function schemaSuggestionFixes(uri: string, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (typeof diagnostic.code !== "string" || !CODES.has(diagnostic.code)) continue;
    const suggestion = suggestionOf(diagnostic);
    if (!suggestion) continue;
    const newText = diagnostic.code === "schema.unknown-body-key" ? JSON.stringify(suggestion) : suggestion;
    actions.push(quickFix(`Change to \`${suggestion}\``, uri, [{ range: diagnostic.range, newText }], [diagnostic], true));
  }
  return actions;
}
