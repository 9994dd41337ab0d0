/**
 * JSON bodies sent to an object structure: keys the schema does not know (the server drops
 * them without a word), values of the wrong type, strings over maxLength, and required attributes a create leaves out.
 * A BULK body (reference §15) gets the same checks per record: the `_data` of each item, or
 * the item itself in the 7.6.0.8 form with `_action`; an item without `_meta` method, or with
 * `_action: "Add"`, is a create. An `action=` request carries the method's parameters instead
 * (`{"memo": "..."}` for `wsmethod:approve`, §12), which no attribute schema describes.
 */
import type { SyntaxDiagnostic } from "../../language/common";
import type { RequestNode } from "../../language/maximo/api";
import type { AttributeInfo, ObjectSchema } from "../../schema";
import { valueKind } from "./attributeTypes";
import { checkBodyValueType } from "./bodyValueChecks";
import { didYouMean } from "./didYouMean";
import type { JsonNode } from "./jsonBodyTree";
import { headerValue, type OsTarget } from "./requestTarget";
import { schemaDiagnostic } from "./schemaCodes";

/** Keys the API reads besides attributes: `_action`, `href`, `localref`, `rdf:about` ... */
function isControlKey(key: string): boolean {
  return key.startsWith("_") || key === "href" || key === "localref" || key.startsWith("rdf:") || key.includes("{{") || /^0+$/.test(key);
}

export function checkBody(request: RequestNode, target: OsTarget, schema: ObjectSchema, tree: JsonNode, lean: boolean): SyntaxDiagnostic[] {
  if (request.url.query.some((p) => p.key.decoded.toLowerCase() === "action")) return [];
  const out: SyntaxDiagnostic[] = [];
  const bulk = headerValue(request, "x-method-override")?.trim().toUpperCase() === "BULK";
  // A BULK body that is no array is wrong as a whole (`schema.bulk-shape`): nothing to check inside.
  if (bulk && tree.type !== "array") return [];
  const objects = tree.type === "array" ? (tree.children ?? []) : [tree];
  for (const object of objects) {
    if (object.type !== "object") continue;
    if (bulk) {
      checkBulkItem(object, schema, lean, out);
      continue;
    }
    checkObject(object, schema, lean, out);
    if (isCreate(request, target)) checkRequired(object, schema, lean, out);
  }
  return out;
}

/** One item of a BULK array; its shape itself is `schema.bulk-shape`'s business (bulkChecks). */
function checkBulkItem(item: JsonNode, schema: ObjectSchema, lean: boolean, out: SyntaxDiagnostic[]): void {
  const data = property(item, "_data");
  if (data) {
    if (data.type !== "object") return;
    checkObject(data, schema, lean, out);
    const meta = property(item, "_meta");
    const method = meta ? stringValue(property(meta, "method")) : undefined;
    if (method === undefined || method.toUpperCase() === "POST") checkRequired(data, schema, lean, out);
    return;
  }
  if (property(item, "_meta")) return; // a delete: `_meta` only
  checkObject(item, schema, lean, out);
  if (stringValue(property(item, "_action"))?.toLowerCase() === "add") checkRequired(item, schema, lean, out);
}

function property(object: JsonNode, key: string): JsonNode | undefined {
  if (object.type !== "object") return undefined;
  for (const pair of object.children ?? []) {
    const [keyNode, valueNode] = pair.children ?? [];
    if (keyNode?.value === key) return valueNode;
  }
  return undefined;
}

function stringValue(node: JsonNode | undefined): string | undefined {
  return typeof node?.value === "string" ? node.value : undefined;
}

/** A POST to the collection without `x-method-override` creates a record. */
function isCreate(request: RequestNode, target: OsTarget): boolean {
  return request.methodName === "POST" && target.collection && headerValue(request, "x-method-override") === undefined;
}

function checkObject(object: JsonNode, schema: ObjectSchema, lean: boolean, out: SyntaxDiagnostic[]): void {
  for (const property of object.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode || typeof keyNode.value !== "string") continue;
    const key = keyNode.value;
    if (isControlKey(key)) continue;
    const span = { start: keyNode.offset, end: keyNode.offset + keyNode.length };
    const colon = key.indexOf(":");
    const prefix = colon >= 0 ? key.slice(0, colon) : undefined;
    const bare = colon >= 0 ? key.slice(colon + 1) : key;
    const attribute = schema.attributes.get(bare.toLowerCase());
    if (!attribute) {
      const names = [...schema.attributes.values()].map((a) => (lean ? a.name : `spi:${a.name}`));
      out.push(schemaDiagnostic("schema.unknown-body-key", span, `\`${schema.name}\` has no attribute \`${bare}\`; the server ignores this key.${didYouMean(lean ? bare : `spi:${bare}`, names)}`));
      continue;
    }
    if (lean && prefix !== undefined) {
      out.push(schemaDiagnostic("schema.unknown-body-key", span, `With \`lean=1\` the server reads bare names: write \`${bare}\`, not \`${key}\`.`));
    } else if (!lean && prefix === undefined) {
      out.push(schemaDiagnostic("schema.unknown-body-key", span, `Without \`lean=1\` the server reads prefixed names: write \`spi:${bare}\` (or add \`lean=1\` to the URL).`));
    }
    if (valueNode) checkValue(valueNode, attribute, lean, out);
  }
}

function checkValue(value: JsonNode, attribute: AttributeInfo, lean: boolean, out: SyntaxDiagnostic[]): void {
  if (attribute.child) {
    const items = value.type === "array" ? (value.children ?? []) : [value];
    for (const item of items) if (item.type === "object") checkObject(item, attribute.child, lean, out);
    return;
  }
  const wrongType = checkBodyValueType(value, attribute);
  if (wrongType) {
    out.push(wrongType);
    return;
  }
  if (value.type !== "string" || typeof value.value !== "string" || valueKind(attribute) !== "string") return;
  const max = attribute.maxLength;
  if (max === undefined || value.value.length <= max || /0{5,}/.test(value.value) /* a masked {{...}} */) return;
  out.push(
    schemaDiagnostic(
      "schema.max-length",
      { start: value.offset, end: value.offset + value.length },
      `\`${attribute.name}\` holds at most ${max} characters; this value has ${value.value.length}.`,
    ),
  );
}

/** Filled in by the server on create: keys, flags with defaults, status and audit fields. */
const SERVER_FILLED = new Set(["status", "statusdate", "changeby", "changedate", "orgid", "class", "woclass", "hasld", "historyflag"]);

function checkRequired(object: JsonNode, schema: ObjectSchema, lean: boolean, out: SyntaxDiagnostic[]): void {
  const present = new Set<string>();
  for (const property of object.children ?? []) {
    const key = property.children?.[0]?.value;
    if (typeof key === "string") present.add(key.slice(key.indexOf(":") + 1).toLowerCase());
  }
  // Maximo autonumbers the record's own key (WONUM, ASSETNUM, TICKETID, PONUM); site and org it cannot guess.
  const autokeyed = new Set((schema.pk ?? []).map((k) => k.toLowerCase()).filter((k) => k !== "siteid" && k !== "orgid"));
  const missing = [...schema.attributes.values()].filter(
    (a) => a.required && !a.child && !autokeyed.has(a.name.toLowerCase()) && !present.has(a.name.toLowerCase()) && !SERVER_FILLED.has(a.name.toLowerCase()) && valueKind(a) !== "boolean" && a.subType !== "BIGINT",
  );
  if (missing.length === 0) return;
  const names = missing.map((a) => (lean ? a.name : `spi:${a.name}`)).join(", ");
  out.push(
    schemaDiagnostic(
      "schema.missing-required",
      { start: object.offset, end: object.offset + 1 },
      `This create leaves out required ${missing.length === 1 ? "attribute" : "attributes"} of \`${schema.name}\`: ${names}. The server rejects it unless it fills them in itself (autokey, default).`,
    ),
  );
}
