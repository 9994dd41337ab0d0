/**
 * Completion in `.maximo` files: the context under the cursor picks a source (schemas,
 * Maximo's parameters and headers, variables, directives); every item replaces the word being
 * typed, so names with dots (`oslc.where`) filter as a whole. `completionAnswer` keeps the
 * answer small (see there).
 */
import { CompletionItemKind, MarkupKind, type CompletionItem, type CompletionList, type Range } from "vscode-languageserver";
import { SYSTEM_VARIABLES, type MaximoDocument } from "../../language/maximo/api";
import type { ObjectSchema, SchemaStore } from "../../schema";
import { attributeItems, schemaAtPath } from "./attributeItems";
import { completionAnswer, type CompletionAnswerOptions, type ItemSource } from "./completionList";
import { completionContext, type CompletionContext } from "./completionContext";
import { DIRECTIVES, HEADER_VALUES, HEADERS, QUERY_PARAMS, RELATION_WHERE_PARAM, type NamedDoc } from "./maximoDocs";
import { queryValueItems } from "./queryValueCompletion";
import { valueItems } from "./valueItems";
import { listTarget } from "../schema/valueListLookup";
import { schemaViewFor } from "../schema/getlistTarget";

export type { CompletionAnswerOptions } from "./completionList";

export function getCompletions(doc: MaximoDocument, offset: number, store: SchemaStore | undefined, options: CompletionAnswerOptions = {}): CompletionList {
  const context = completionContext(doc, offset);
  // A `getlist~attr` request queries domain records: its names and values are theirs.
  const request = store && context ? doc.requestAt(offset)?.request : undefined;
  const source = context ? itemsFor(doc, context, request && store ? schemaViewFor(request, store) : store) : undefined;
  if (!context || !source || source.items.length === 0) return { isIncomplete: false, items: [] };
  const to = context.kind === "bodyKey" ? context.to : offset;
  const range: Range = { start: doc.positionAt(context.from), end: doc.positionAt(to) };
  return completionAnswer(source, range, doc.text.slice(context.from, offset), options);
}

function itemsFor(doc: MaximoDocument, context: CompletionContext, store: SchemaStore | undefined): ItemSource | undefined {
  const plain = (items: CompletionItem[]): ItemSource => ({ items });
  switch (context.kind) {
    case "directive":
      return plain(documented(DIRECTIVES, CompletionItemKind.Keyword));
    case "variable":
      return plain(context.system ? systemVariables() : fileVariables(doc));
    case "objectStructure":
      return store ? plain(objectStructures(store)) : undefined;
    case "queryParam":
      return plain(queryParams(store, context.os));
    case "queryValue":
      return store && context.os ? queryValueItems(store, { key: context.key, valuePrefix: context.valuePrefix, os: context.os }) : undefined;
    case "headerName":
      return plain(documented(HEADERS, CompletionItemKind.Property).map((item) => ({ ...item, insertText: `${item.label}: ` })));
    case "headerValue":
      return plain((HEADER_VALUES.get(context.header) ?? []).map((value) => ({ label: value, kind: CompletionItemKind.Value })));
    case "bodyKey": {
      const schema = store && context.os ? schemaAtPath(store, context.os, context.path) : undefined;
      return schema ? bodyKeyItems(schema) : undefined;
    }
    case "bodyValue": {
      const target = store && context.os ? listTarget(store, context.os, [...context.path, context.key]) : undefined;
      return target ? valueItems(target, context.quoted ? "bare" : "quoted", true) : undefined;
    }
  }
}

const bodyKeyCache = new WeakMap<ItemSource, ItemSource>();

/** The attribute items as JSON keys: `"description": `. */
function bodyKeyItems(schema: ObjectSchema): ItemSource {
  const attributes = attributeItems(schema);
  let keys = bodyKeyCache.get(attributes);
  if (!keys) {
    keys = { ...attributes, items: attributes.items.map((item) => ({ ...item, insertText: `"${item.label}": ` })) };
    bodyKeyCache.set(attributes, keys);
  }
  return keys;
}

function documented(list: readonly NamedDoc[], kind: CompletionItemKind): CompletionItem[] {
  return list.map((entry, index) => ({
    label: entry.name,
    kind,
    documentation: { kind: MarkupKind.Markdown, value: entry.doc },
    sortText: String(index).padStart(3, "0"),
  }));
}

function queryParams(store: SchemaStore | undefined, os: string | undefined): CompletionItem[] {
  const items = documented(QUERY_PARAMS, CompletionItemKind.Property).map((item) => ({ ...item, insertText: `${item.label}=` }));
  const root = store && os ? store.objectStructure(os) : undefined;
  if (!root) return items;
  // `<obj>.<rel>.where` for each child collection of the object structure.
  for (const attribute of root.attributes.values()) {
    if (!attribute.child) continue;
    const label = `${os}.${attribute.name}.where`;
    items.push({ label, kind: CompletionItemKind.Property, insertText: `${label}=`, documentation: { kind: MarkupKind.Markdown, value: RELATION_WHERE_PARAM.doc }, sortText: `100${attribute.name}` });
  }
  return items;
}

const structureItems = new WeakMap<SchemaStore, { generation: number; items: CompletionItem[] }>();

/** Built once per store and reload: a real apimeta lists hundreds of object structures. */
function objectStructures(store: SchemaStore): CompletionItem[] {
  let cached = structureItems.get(store);
  if (!cached || cached.generation !== store.generation()) {
    const items = store.objectStructureNames().map((name) => {
      const schema = store.objectStructure(name);
      const title = schema?.description ?? schema?.title;
      return { label: name, kind: CompletionItemKind.Class, ...(title ? { detail: title } : {}) };
    });
    cached = { generation: store.generation(), items };
    structureItems.set(store, cached);
  }
  return cached.items;
}

function systemVariables(): CompletionItem[] {
  return [...SYSTEM_VARIABLES.values()].map((spec) => ({
    label: spec.name,
    kind: CompletionItemKind.Function,
    detail: spec.usage,
    documentation: spec.description,
  }));
}

/** A request name a `{{name.response...}}` expression can hold. */
const REFERABLE_NAME = /^[A-Za-z_][\w-]*$/;

/** `@name = value` variables of the whole file, and named requests for `{{name.response...}}`. */
function fileVariables(doc: MaximoDocument): CompletionItem[] {
  const seen = new Map<string, CompletionItem>();
  for (const block of doc.blocks) {
    for (const variable of block.tree.variables) {
      seen.set(variable.name.text, { label: variable.name.text, kind: CompletionItemKind.Variable, detail: variable.value.text });
    }
    // A title or name of several words names the request for `run #...`, but `{{name.response...}}` cannot hold it.
    if (block.tree.request && block.tree.name && REFERABLE_NAME.test(block.tree.name) && !seen.has(block.tree.name)) {
      seen.set(block.tree.name, { label: block.tree.name, kind: CompletionItemKind.Reference, detail: "named request", insertText: `${block.tree.name}.response.body.` });
    }
  }
  return [...seen.values()];
}
