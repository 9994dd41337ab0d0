/**
 * Attribute completion items of an object schema, built once per schema and pre-sorted: a
 * 1,000-attribute object structure must answer in a few milliseconds on every keystroke.
 */
import { CompletionItemKind, MarkupKind, type CompletionItem } from "vscode-languageserver";
import type { AttributeInfo, ObjectSchema, SchemaStore } from "../../schema";

const cache = new WeakMap<ObjectSchema, CompletionItem[]>();

/**
 * Attribute documentation is sent on `completionItem/resolve`, not with the list: with it, a
 * 1,000-attribute answer was 395 KB of JSON and missed the 10 ms target (bench/lsp). Items carry
 * a number that finds their attribute here.
 */
const documented = new Map<number, AttributeInfo>();
let nextDocId = 0;

function docId(attribute: AttributeInfo): number {
  // Reloaded schemas leave old entries behind; start over long before that matters.
  if (documented.size > 200_000) documented.clear();
  documented.set(nextDocId, attribute);
  return nextDocId++;
}

/** Adds the documentation of an attribute item the client asks to resolve. */
export function resolveAttributeItem(item: CompletionItem): CompletionItem {
  const attribute = typeof item.data === "number" ? documented.get(item.data) : undefined;
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
  if (attribute.relation) facts.push(`relationship \`${attribute.relation}\``);
  lines.push(facts.join(" · "));
  if (attribute.remarks) lines.push("", attribute.remarks);
  return lines.join("\n");
}

export function attributeItems(schema: ObjectSchema): CompletionItem[] {
  let items = cache.get(schema);
  if (!items) {
    const sorted = [...schema.attributes.values()].sort((a, b) => a.name.localeCompare(b.name));
    items = sorted.map((attribute, index) => ({
      label: attribute.name,
      kind: attribute.child || attribute.relation ? CompletionItemKind.Module : CompletionItemKind.Field,
      detail: attributeDetail(attribute),
      data: docId(attribute),
      // Plain attributes before children; required ones first among them.
      sortText: `${attribute.child ? 2 : attribute.required ? 0 : 1}${String(index).padStart(5, "0")}`,
    }));
    cache.set(schema, items);
  }
  return items;
}
