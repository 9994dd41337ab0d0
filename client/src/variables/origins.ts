/** Origins of request-file text: lookups from its offset, lines counted from where it starts. */
import type { MaximoDocument } from "../../../server/src/language/maximo/api";
import type { Origin } from "./evaluation";

/** `text` starts at `offset` of the document; a multi-line text counts its own line breaks. */
export function originOf(document: MaximoDocument, offset: number, text: string): Origin {
  const first = document.positionAt(offset).line + 1;
  return { offset, line: (index) => first + countLineBreaks(text, index) };
}

export function countLineBreaks(text: string, end: number): number {
  let count = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < end; i = text.indexOf("\n", i + 1)) count++;
  return count;
}
