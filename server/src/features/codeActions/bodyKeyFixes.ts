/**
 * `maximo.lean-prefixed-key` and `maximo.body-key-case` (bodyKeyChecks): rewrite the JSON key the
 * server would ignore into the one it reads: `"spi:status"` → `"status"` with `lean=1`,
 * `"DESCRIPTION"` → `"description"`, `"spi:SOURCE"` → `"spi:source"`. The diagnostic's range
 * is the key string, quotes included.
 */
import type { CodeAction, Diagnostic } from "vscode-languageserver";
import type { MaximoDocument } from "../../language/maximo/api";
import { quickFix } from "./quickFix";

export function bodyKeyFixes(document: MaximoDocument, uri: string, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.code !== "maximo.lean-prefixed-key" && diagnostic.code !== "maximo.body-key-case") continue;
    const written = document.text.slice(document.offsetAt(diagnostic.range.start), document.offsetAt(diagnostic.range.end));
    const key = /^"([^"\\]*)"$/.exec(written)?.[1];
    if (key === undefined) continue; // the document changed since, or an escaped key: no safe rewrite
    const fixed = diagnostic.code === "maximo.lean-prefixed-key" ? key.slice(key.indexOf(":") + 1).toLowerCase() : key.toLowerCase();
    if (fixed === key || fixed.length === 0) continue;
    const title = diagnostic.code === "maximo.lean-prefixed-key" ? `Remove the prefix: \`${fixed}\`` : `Lower case: \`${fixed}\``;
    actions.push(quickFix(title, uri, [{ range: diagnostic.range, newText: `"${fixed}"` }], [diagnostic], true));
  }
  return actions;
}
