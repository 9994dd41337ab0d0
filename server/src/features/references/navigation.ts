/** Go to definition and find references for file variables and request names. */
import type { Location, Position } from "vscode-languageserver";
import type { MaximoDocument } from "../../language/maximo/api";
import { occurrencesOf, symbolAt } from "./symbolIndex";

export function getDefinition(document: MaximoDocument, uri: string, position: Position): Location[] {
  const at = symbolAt(document, document.offsetAt(position));
  if (!at || !("occurrence" in at)) return [];
  return occurrencesOf(document, at.occurrence)
    .filter((o) => o.definition)
    .map((o) => ({ uri, range: document.rangeOf(o.span) }));
}

export function getReferences(document: MaximoDocument, uri: string, position: Position, includeDeclaration: boolean): Location[] {
  const at = symbolAt(document, document.offsetAt(position));
  if (!at || !("occurrence" in at)) return [];
  return occurrencesOf(document, at.occurrence)
    .filter((o) => includeDeclaration || !o.definition)
    .map((o) => ({ uri, range: document.rangeOf(o.span) }));
}
