/**
 * Rename of a file variable or a request name: the definition and every use change together.
 * System variables (`{{$guid}}`) belong to the runner and are refused with a reason.
 */
import { ErrorCodes, ResponseError, type Position, type Range, type WorkspaceEdit } from "vscode-languageserver";
import type { MaximoDocument } from "../../language/maximo/api";
import { occurrencesOf, symbolAt, type SymbolOccurrence } from "./symbolIndex";

/** What `{{name}}` and `# @name` accept: one word, so the new name still parses. */
const NAME = /^[A-Za-z_][\w-]*$/;

function refuse(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidRequest, message);
}

/** The symbol to rename at `position`, or the reason it cannot be renamed. */
function target(document: MaximoDocument, position: Position): SymbolOccurrence | ResponseError<void> {
  const at = symbolAt(document, document.offsetAt(position));
  if (!at) return refuse("Only a file variable (`@name = value`, `{{name}}`) or a request name (`# @name`) can be renamed here.");
  if ("system" in at) return refuse(`\`${at.system}\` is a system variable of the runner; it cannot be renamed.`);
  return at.occurrence;
}

export function prepareRename(document: MaximoDocument, position: Position): { range: Range; placeholder: string } | ResponseError<void> {
  const symbol = target(document, position);
  if (symbol instanceof ResponseError) return symbol;
  return { range: document.rangeOf(symbol.span), placeholder: symbol.name };
}

export function rename(document: MaximoDocument, uri: string, position: Position, newName: string): WorkspaceEdit | ResponseError<void> {
  const symbol = target(document, position);
  if (symbol instanceof ResponseError) return symbol;
  if (!NAME.test(newName)) {
    return refuse(`\`${newName}\` cannot be used in \`{{...}}\`: write one word of letters, digits, \`_\` and \`-\`, starting with a letter.`);
  }
  const edits = occurrencesOf(document, symbol).map((o) => ({ range: document.rangeOf(o.span), newText: newName }));
  return { changes: { [uri]: edits } };
}
