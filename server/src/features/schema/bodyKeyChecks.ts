/**
 * Keys of a write body that any Maximo server ignores without a word (PRODUCT.md, real-server
 * facts): the update answers 204 and changes nothing.
 * - `maximo.lean-prefixed-key`: with `lean=1` names are bare, so `spi:status` names nothing.
 * - `maximo.body-key-case`: attribute keys are lower case; `DESCRIPTION` or `spi:SOURCE` is not read.
 * Every object of the body is looked at, whatever the schemas know: the record, each BULK item
 * (its `_data`, or the 7.6.0.8 form with `_action`, reference §15) and nested child objects.
 * An `action=` body holds a method's parameters, not attributes (reference §13): left alone.
 * The quick fixes (codeActions/bodyKeyCase) rewrite the key the way the message says.
 */
import type { SyntaxDiagnostic } from "../../language/common";
import type { RequestNode } from "../../language/maximo/api";
import { isControlKey } from "./bodyChecks";
import type { JsonNode } from "./jsonBodyTree";
import { schemaDiagnostic } from "./schemaCodes";

export function checkBodyKeys(request: RequestNode, tree: JsonNode, lean: boolean): SyntaxDiagnostic[] {
  if (request.url.query.some((p) => p.key.decoded.toLowerCase() === "action")) return [];
  const out: SyntaxDiagnostic[] = [];
  visit(tree, lean, out);
  return out;
}

function visit(node: JsonNode, lean: boolean, out: SyntaxDiagnostic[]): void {
  if (node.type === "array") {
    for (const item of node.children ?? []) visit(item, lean, out);
    return;
  }
  if (node.type !== "object") return;
  for (const property of node.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode || typeof keyNode.value !== "string") continue;
    const key = keyNode.value;
    // `_meta` holds the BULK item's uri and method, not attributes; `_data` holds the record.
    if (key === "_meta") continue;
    if (!isControlKey(key)) checkKey(key, { start: keyNode.offset, end: keyNode.offset + keyNode.length }, lean, out);
    if (valueNode) visit(valueNode, lean, out);
  }
}

function checkKey(key: string, span: { start: number; end: number }, lean: boolean, out: SyntaxDiagnostic[]): void {
  const colon = key.indexOf(":");
  const bare = colon >= 0 ? key.slice(colon + 1) : key;
  if (lean && colon > 0) {
    const fixed = bare.toLowerCase();
    out.push(
      schemaDiagnostic(
        "maximo.lean-prefixed-key",
        span,
        `With \`lean=1\` the server reads bare names and ignores \`${key}\` without a word (it answers as if it had applied it): write \`${fixed}\`.`,
      ),
    );
    return;
  }
  if (key !== key.toLowerCase()) {
    out.push(
      schemaDiagnostic(
        "maximo.body-key-case",
        span,
        `The server reads attribute keys in lower case and ignores \`${key}\` without a word (it answers as if it had applied it): write \`${key.toLowerCase()}\`.`,
      ),
    );
  }
}
