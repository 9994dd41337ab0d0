/**
 * `schema.bulk-shape` (reference section 15): a POST with `x-method-override: BULK` takes a JSON
 * array; each item is `{_data, _meta}` (`_meta.uri` for an update or delete) or, since 7.6.0.8,
 * the record itself with `_action` (and `href` for Update/Delete). With `action=wsmethod:...`
 * items carry just `href` and the method's fields. A malformed item fails on its own while the
 * response is still 200, so the mistake is easy to miss.
 */
import type { Span, SyntaxDiagnostic } from "../../language/common";
import type { RequestNode } from "../../language/maximo/api";
import { bodyTree, type JsonNode } from "./jsonBodyTree";
import { headerValue } from "./requestTarget";
import { schemaDiagnostic } from "./schemaCodes";

export function checkBulkBody(text: string, request: RequestNode): SyntaxDiagnostic[] {
  if (request.methodName !== "POST" || headerValue(request, "x-method-override")?.trim().toUpperCase() !== "BULK") return [];
  const tree = bodyTree(text, request);
  if (!tree) return [];
  if (tree.type !== "array") {
    return [bulk(spanOf(tree), "A BULK body is a JSON array of items: wrap this object in `[...]`, one item per record.")];
  }
  const wsmethod = request.url.query.some((p) => p.key.decoded.toLowerCase() === "action" && /^wsmethod:/i.test(p.value?.decoded ?? ""));
  const out: SyntaxDiagnostic[] = [];
  for (const item of tree.children ?? []) {
    const problem = itemProblem(item, wsmethod);
    if (problem) out.push(bulk(problem.span, problem.message));
  }
  return out;
}

interface Problem {
  span: Span;
  message: string;
}

function itemProblem(item: JsonNode, wsmethod: boolean): Problem | undefined {
  if (item.type === "number" && item.length >= 5 && item.value === 0) return undefined; // a `{{...}}` item
  if (item.type !== "object") return { span: spanOf(item), message: "Each item of a BULK array is a JSON object (`{\"_data\": {...}}`, `{\"_meta\": {...}}` or a record with `_action`)." };
  const data = property(item, "_data");
  const meta = property(item, "_meta");
  const action = property(item, "_action");
  if (data && data.type !== "object") return { span: spanOf(data), message: "`_data` holds the record's attributes: it must be a JSON object." };
  if (meta) return metaProblem(meta, data);
  if (action) {
    const name = typeof action.value === "string" ? action.value : undefined;
    if (name === undefined) return { span: spanOf(action), message: "`_action` names the operation as a string: \"Add\", \"Update\" or \"Delete\"." };
    if (/^(update|delete)$/i.test(name) && !property(item, "href")) {
      return { span: { start: item.offset, end: item.offset + 1 }, message: `An \`_action\`: "${name}" item needs \`href\`, the URI of the record to ${name.toLowerCase()}.` };
    }
    return undefined;
  }
  if (data) return undefined;
  if (wsmethod && property(item, "href")) return undefined;
  return {
    span: { start: item.offset, end: item.offset + 1 },
    message: wsmethod
      ? "With `action=wsmethod:...` each BULK item needs `href`, the record the method runs on."
      : "This BULK item has neither `_data`/`_meta` nor `_action`: wrap a new record in `{\"_data\": {...}}`, or add `\"_action\": \"Add\"` (with `href` for Update/Delete).",
  };
}

function metaProblem(meta: JsonNode, data: JsonNode | undefined): Problem | undefined {
  if (meta.type !== "object") return { span: spanOf(meta), message: "`_meta` must be a JSON object such as `{\"uri\": \"...\", \"method\": \"PATCH\", \"patchtype\": \"MERGE\"}`." };
  const methodNode = property(meta, "method");
  const method = typeof methodNode?.value === "string" ? methodNode.value.toUpperCase() : undefined;
  if (methodNode && method !== undefined && !["PATCH", "DELETE", "POST", "MERGE"].includes(method)) {
    return { span: spanOf(methodNode), message: `\`_meta.method\` "${String(methodNode.value)}" is not one Maximo knows: use "PATCH" to update or "DELETE" to delete (none to create).` };
  }
  if ((method === "PATCH" || method === "MERGE" || method === "DELETE") && !property(meta, "uri")) {
    return { span: spanOf(meta), message: `\`_meta\` with method ${method} needs \`uri\`, the URI of the record to ${method === "DELETE" ? "delete" : "update"}.` };
  }
  if (method === undefined && !data) return { span: spanOf(meta), message: "`_meta` without `_data` only makes sense for a delete: add `\"method\": \"DELETE\"` and `uri`, or give the record in `_data`." };
  return undefined;
}

function property(object: JsonNode, key: string): JsonNode | undefined {
  for (const pair of object.children ?? []) {
    const [keyNode, valueNode] = pair.children ?? [];
    if (keyNode?.value === key) return valueNode;
  }
  return undefined;
}

function spanOf(node: JsonNode): Span {
  return { start: node.offset, end: node.offset + node.length };
}

function bulk(span: Span, message: string): SyntaxDiagnostic {
  return schemaDiagnostic("schema.bulk-shape", span, message);
}
