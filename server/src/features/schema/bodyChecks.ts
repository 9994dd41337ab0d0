/**
 * JSON bodies sent to an object structure: keys the schema does not know (the server drops
 * them without a word), values of the wrong type, strings over maxLength, and required attributes a create leaves out.
 * A BULK body (reference §15) gets the same checks per record: the `_data` of each item, or
 * the item itself in the 7.6.0.8 form with `_action`; an item without `_meta` method, or with
 * `_action: "Add"`, is a create. An `action=` request carries the method's parameters instead
 * (`{"memo": "..."}` for `wsmethod:approve`, reference §13), which no attribute schema describes.
 * Severities follow the schema's origin (see schemaCodes); how keys are spelled (prefix, case)
 * is bodyKeyChecks' business, which needs no schema.
 */
import type { Span, SyntaxDiagnostic } from "../../language/common";
import type { RequestNode } from "../../language/maximo/api";
import type { AttributeInfo, ObjectSchema, SchemaOrigin } from "../../schema";
import { valueKind } from "./attributeTypes";
import { checkBodyValueType } from "./bodyValueChecks";
import { didYouMean } from "./didYouMean";
import type { JsonNode } from "./jsonBodyTree";
import { headerValue, type OsTarget } from "./requestTarget";
import { CONNECT_ADVICE, packNote, schemaDiagnostic } from "./schemaCodes";
import { requiredOnCreate } from "../../schema/requiredOnCreate";

/** What every check of one body shares. */
interface BodyContext {
  schema: ObjectSchema;
  lean: boolean;
  origin: SchemaOrigin;
  out: SyntaxDiagnostic[];
  /** Attribute keys written without `spi:` in a body without `lean=1`: said once for the body. */
  bareKeys: { name: string; span: Span }[];
}

/** Keys the API reads besides attributes: `_action`, `href`, `localref`, `rdf:about` ... */
export function isControlKey(key: string): boolean {
  return key.startsWith("_") || key === "href" || key === "localref" || key.startsWith("rdf:") || key.includes("{{") || /^0+$/.test(key);
}

export function checkBody(request: RequestNode, target: OsTarget, schema: ObjectSchema, tree: JsonNode, lean: boolean, origin: SchemaOrigin = "server"): SyntaxDiagnostic[] {
  if (request.url.query.some((p) => p.key.decoded.toLowerCase() === "action")) return [];
  const out: SyntaxDiagnostic[] = [];
  const context: BodyContext = { schema, lean, origin, out, bareKeys: [] };
  const bulk = headerValue(request, "x-method-override")?.trim().toUpperCase() === "BULK";
  // A BULK body that is no array is wrong as a whole (`schema.bulk-shape`): nothing to check inside.
  if (bulk && tree.type !== "array") return [];
  const objects = tree.type === "array" ? (tree.children ?? []) : [tree];
  for (const object of objects) {
    if (object.type !== "object") continue;
    if (bulk) {
      checkBulkItem(object, context);
      continue;
    }
    checkObject(object, schema, context);
    if (isCreate(request, target)) checkRequired(object, context);
  }
  if (context.bareKeys.length > 0) out.push(bareKeysDiagnostic(context.bareKeys));
  return out;
}

/** Names listed in the bare-key sentence; the rest are counted. */
const LISTED_BARE_KEYS = 4;

/**
 * One sentence for a body's bare keys, on the first: a body written for a lean connection (the
 * reference's own §11 examples assume lean set at login) has one per attribute, and a note per
 * key would bury the body.
 */
function bareKeysDiagnostic(keys: readonly { name: string; span: Span }[]): SyntaxDiagnostic {
  const names = [...new Set(keys.map((k) => k.name))];
  const others = names.slice(1, LISTED_BARE_KEYS + 1).map((n) => `\`${n}\``);
  const more = names.length > LISTED_BARE_KEYS + 1 ? `, ${names.length - LISTED_BARE_KEYS - 1} more` : "";
  const alike = others.length > 0 ? ` (and alike ${others.join(", ")}${more})` : "";
  return schemaDiagnostic(
    "maximo.bare-key-without-lean",
    keys[0]!.span,
    `Without \`lean=1\` the server reads prefixed names: write \`spi:${names[0]}\`${alike}, or add \`lean=1\` to the URL, unless this connection answers lean by default (\`/maximo/api/\`, or lean set at login).`,
  );
}

/** One item of a BULK array; its shape itself is `schema.bulk-shape`'s business (bulkChecks). */
function checkBulkItem(item: JsonNode, context: BodyContext): void {
  const data = property(item, "_data");
  if (data) {
    if (data.type !== "object") return;
    checkObject(data, context.schema, context);
    const meta = property(item, "_meta");
    const method = meta ? stringValue(property(meta, "method")) : undefined;
    if (method === undefined || method.toUpperCase() === "POST") checkRequired(data, context);
    return;
  }
  if (property(item, "_meta")) return; // a delete: `_meta` only
  checkObject(item, context.schema, context);
  if (stringValue(property(item, "_action"))?.toLowerCase() === "add") checkRequired(item, context);
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

function checkObject(object: JsonNode, schema: ObjectSchema, context: BodyContext): void {
  const { lean, origin, out } = context;
  for (const property of object.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode || typeof keyNode.value !== "string") continue;
    const key = keyNode.value;
    if (isControlKey(key)) continue;
    const span = { start: keyNode.offset, end: keyNode.offset + keyNode.length };
    const colon = key.indexOf(":");
    const prefix = colon >= 0 ? key.slice(0, colon) : undefined;
    const bare = colon >= 0 ? key.slice(colon + 1) : key;
    // Another namespace (`dcterms:title`) is an OSLC property, not an attribute the schema lists.
    if (prefix !== undefined && prefix.toLowerCase() !== "spi") continue;
    const attribute = schema.attributes.get(bare.toLowerCase());
    if (!attribute) {
      const suggestion = attributeSuggestion(schema, lean, bare);
      const message =
        origin === "server"
          ? `\`${schema.name}\` has no attribute \`${bare}\`; the server ignores this key.${suggestion}`
          : `The offline schemas do not list an attribute \`${bare}\` of \`${schema.name}\`; if your server has none either, it ignores this key.${suggestion} ${CONNECT_ADVICE}`;
      out.push(schemaDiagnostic("schema.unknown-body-key", span, message, origin));
      continue;
    }
    if (!lean && prefix === undefined) context.bareKeys.push({ name: bare, span });
    if (valueNode) checkValue(valueNode, attribute, context);
  }
}

/**
 * ` Did you mean ...?` for an unknown body key, kept per schema: a file repeats the same key in
 * request after request, and each suggestion compares it with every attribute of the structure.
 */
const suggestions = new WeakMap<ObjectSchema, Map<string, string>>();

function attributeSuggestion(schema: ObjectSchema, lean: boolean, bare: string): string {
  let known = suggestions.get(schema);
  if (!known) suggestions.set(schema, (known = new Map()));
  const key = `${lean ? "lean" : "spi"}:${bare}`;
  let suggestion = known.get(key);
  if (suggestion === undefined) {
    const names = [...schema.attributes.values()].map((a) => (lean ? a.name : `spi:${a.name}`));
    suggestion = didYouMean(lean ? bare : `spi:${bare}`, names);
    known.set(key, suggestion);
  }
  return suggestion;
}

function checkValue(value: JsonNode, attribute: AttributeInfo, context: BodyContext): void {
  const { origin, out } = context;
  if (attribute.child) {
    const items = value.type === "array" ? (value.children ?? []) : [value];
    for (const item of items) if (item.type === "object") checkObject(item, attribute.child, context);
    return;
  }
  const wrongType = checkBodyValueType(value, attribute);
  if (wrongType) {
    out.push(origin === "server" ? wrongType : { ...wrongType, severity: "warning", message: `${wrongType.message}${packNote(origin)}` });
    return;
  }
  if (value.type !== "string" || typeof value.value !== "string" || valueKind(attribute) !== "string") return;
  const max = attribute.maxLength;
  if (max === undefined || value.value.length <= max || /0{5,}/.test(value.value) /* a masked {{...}} */) return;
  out.push(
    schemaDiagnostic(
      "schema.max-length",
      { start: value.offset, end: value.offset + value.length },
      `\`${attribute.name}\` holds at most ${max} characters; this value has ${value.value.length}.${packNote(origin)}`,
      origin,
    ),
  );
}

function checkRequired(object: JsonNode, context: BodyContext): void {
  const { schema, lean, origin, out } = context;
  const present = new Set<string>();
  for (const property of object.children ?? []) {
    const key = property.children?.[0]?.value;
    if (typeof key === "string") present.add(key.slice(key.indexOf(":") + 1).toLowerCase());
  }
  const missing = requiredOnCreate(schema).filter((a) => !present.has(a.name.toLowerCase()));
  if (missing.length === 0) return;
  const names = missing.map((a) => (lean ? a.name : `spi:${a.name}`)).join(", ");
  out.push(
    schemaDiagnostic(
      "schema.missing-required",
      { start: object.offset, end: object.offset + 1 },
      `This create leaves out required ${missing.length === 1 ? "attribute" : "attributes"} of \`${schema.name}\`: ${names}. The server rejects it unless it fills them in itself (autokey, default).${packNote(origin)}`,
      origin,
    ),
  );
}
