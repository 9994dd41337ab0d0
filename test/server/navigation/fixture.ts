// Fixtures with a `|` cursor marker, and applying the edits a feature returns.
import { TextDocument } from "vscode-languageserver-textdocument";
import type { Position, TextEdit, WorkspaceEdit } from "vscode-languageserver";
import { parseDocument, type MaximoDocument } from "../../../server/src/language/maximo/api";

export const uri = "file:///work/test.maximo";

export function withCursor(marked: string): { document: MaximoDocument; text: string; position: Position } {
  const at = marked.indexOf("|");
  const text = marked.slice(0, at) + marked.slice(at + 1);
  const document = parseDocument(text);
  return { document, text, position: document.positionAt(at) };
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create(uri, "maximo", 1, text), [...edits]);
}

export function applyWorkspaceEdit(text: string, edit: WorkspaceEdit | undefined): string {
  return applyEdits(text, edit?.changes?.[uri] ?? []);
}
