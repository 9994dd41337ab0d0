/**
 * The JSON tree of a request body, offsets in the document. `{{...}}` placeholders become
 * zeros of the same length (a valid number, or still a string inside quotes) and `#` comment
 * lines blanks, so every offset stays the source's.
 */
import { parseTree, type Node } from "jsonc-parser/lib/esm/main.js";
import type { RequestNode } from "../../language/maximo/api";

export type JsonNode = Node;

export function bodyTree(text: string, request: RequestNode): JsonNode | undefined {
  const body = request.body;
  if (!body || body.parts.some((part) => part.kind === "file")) return undefined;
  const source = text.slice(body.start, body.end);
  const masked = source
    .replace(/\{\{[^\n]*?\}\}/g, (m) => "0".repeat(m.length))
    .replace(/^[ \t]*#[^\n]*/gm, (m) => " ".repeat(m.length));
  const c = masked.trimStart().charCodeAt(0);
  if (c !== 123 /* { */ && c !== 91 /* [ */) return undefined;
  // Blanks in front put every offset where it is in the text, without copying the tree to move it.
  const tree = parseTree(" ".repeat(body.start) + masked, [], { allowTrailingComma: true, disallowComments: false });
  return tree ?? undefined;
}
