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
  const tree = parseTree(masked, [], { allowTrailingComma: true, disallowComments: false });
  return tree ? shift(tree, body.start) : undefined;
}

function shift(node: Node, by: number): Node {
  const children = node.children?.map((child) => shift(child, by));
  return { ...node, offset: node.offset + by, ...(children ? { children } : {}) };
}
