/** Builds a quick-fix code action over one document. */
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from "vscode-languageserver";

export function quickFix(title: string, uri: string, edits: TextEdit[], diagnostics: Diagnostic[], isPreferred = false): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics, isPreferred, edit: { changes: { [uri]: edits } } };
}

/** The diagnostics of `code` among those the client sent. */
export function withCode(diagnostics: readonly Diagnostic[], code: string): Diagnostic[] {
  return diagnostics.filter((d) => d.code === code);
}
