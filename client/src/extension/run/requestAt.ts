/** Which request of a parsed `.maximo` file a line (a CodeLens's request line, or the cursor) belongs to. */
import type { MaximoDocument } from "../../../../server/src/language/maximo/api";

/** The index of the request whose block holds `line` (0-based), or undefined between requests. */
export function requestIndexAt(document: MaximoDocument, line: number): number | undefined {
  const requests = document.requests;
  for (let index = 0; index < requests.length; index++) {
    const block = requests[index]!.block;
    if (line >= block.line && line < block.line + block.lineCount) return index;
  }
  return undefined;
}

/** `# @name`, else `METHOD target` as written. */
export function requestTitle(document: MaximoDocument, index: number): string {
  const request = document.requests[index]!;
  if (request.name) return request.name;
  const text = document.text.slice(request.request.line.start, request.request.line.end).trim();
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
