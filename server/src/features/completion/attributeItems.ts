/**
 * Attribute completion items of an object schema, built once per schema and pre-sorted: a
 * 1,000-attribute object structure must answer in a few milliseconds on every keystroke.
 */
import { CompletionItemKind, MarkupKind, type CompletionItem } from "vscode-languageserver";
import type { AttributeInfo, ObjectSchema, SchemaStore } from "../../schema";
import type { ItemSource } from "./completionList";

const cache = new WeakMap<ObjectSchema, ItemSource>();

/**
 * Attribute documentation is sent on `completionItem/resolve`, not with the list: with it, a
 * 1,000-attribute answer was 395 KB of JSON. Every item of a schema carries the same `data`, the
 * schema's number here (so it can travel once, in `itemDefaults.data`); resolve finds the
 * attribute by the item's label. Weak references: a reloaded store's schemas may go.
 */
const schemasById = new Map<number, WeakRef<ObjectSchema>>();
const idOfSchema = new WeakMap<ObjectSchema, number>();
let nextSchemaId = 0;

function schemaId(schema: ObjectSchema): number {
  let id = idOfSchema.get(schema);
  if (id === undefined) {
    if (schemasById.size > 10_000) {
      for (const [key, ref] of schemasById) if (!ref.deref()) schemasById.delete(key);
    }
    id = nextSchemaId++;
    idOfSchema.set(schema, id);
    schemasById.set(id, new WeakRef(schema));
  }
  return id;
}

/** Adds the documentation of an attribute item the client asks to resolve. */
export function resolveAttributeItem(item: CompletionItem): CompletionItem {
  const schema = typeof item.data === "number" ? schemasById.get(item.data)?.deref() : undefined;
  const attribute = schema?.attributes.get(item.label.toLowerCase());
  return attribute ? { ...item, documentation: { kind: MarkupKind.Markdown, value: attributeMarkdown(attribute) } } : item;
}

/** The schema at a relationship path (`[]` is the object structure itself). */
export function schemaAtPath(store: SchemaStore, os: string, segments: readonly string[]): ObjectSchema | undefined {
  if (segments.length === 0) return store.objectStructure(os);
  return store.attributeAtPath(os, segments)?.child;
}

/** `UPPER(20)`, `DATETIME`, `child MXAPIWODETAIL.WPLABOR` ... */
export function attributeDetail(attribute: AttributeInfo): string {
  if (attribute.child || attribute.relation) return `child ${attribute.objectName ?? attribute.relation ?? ""}`.trim();
  const type = attribute.subType ?? attribute.type;
  return attribute.maxLength !== undefined ? `${type}(${attribute.maxLength})` : type;
}

/** Title, remarks and flags as markdown, for completion documentation and hover. */
export function attributeMarkdown(attribute: AttributeInfo): string {
  const lines = [`**${attribute.name}**${attribute.title ? ` — ${attribute.title}` : ""}`, ""];
  const facts = [`type \`${attribute.type}\``];
  if (attribute.subType) facts.push(`subType \`${attribute.subType}\``);
  if (attribute.maxLength !== undefined) facts.push(`maxLength ${attribute.maxLength}`);
  if (attribute.required) facts.push("required");
  if (attribute.persistent === false) facts.push("non-persistent");
  if (attribute.hasList) facts.push("has a value list");
  if (attribute.defaultValue !== undefined) facts.push(`default \`${String(attribute.defaultValue)}\``);
  if (attribute.relation) facts.push(`relationship \`${attribute.relation}\``);
  lines.push(facts.join(" · "));
  if (attribute.remarks) lines.push("", attribute.remarks);
  return lines.join("\n");
}

/**
 * The schema's attribute items in sortText order (required attributes, the others, then
 * children), so cutting a long list keeps the best; `data` resolves their documentation.
 */
export function attributeItems(schema: ObjectSchema): ItemSource {
  let source = cache.get(schema);
  if (!source) {
    const sorted = [...schema.attributes.values()].sort((a, b) => group(a) - group(b) || a.name.localeCompare(b.name));
    const items = sorted.map((attribute, index) => ({
      label: attribute.name,
      kind: attribute.child || attribute.relation ? CompletionItemKind.Module : CompletionItemKind.Field,
      detail: attributeDetail(attribute),
      sortText: String(index).padStart(5, "0"),
    }));
    source = { items, data: schemaId(schema) };
    cache.set(schema, source);
  }
  return source;
}

/** Plain attributes before children; required ones first among them. */
function group(attribute: AttributeInfo): number {
  return attribute.child ? 2 : attribute.required ? 0 : 1;
}
