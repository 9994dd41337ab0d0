/**
 * Completion in `.maximo` files: the context under the cursor picks a source (schemas,
 * Maximo's parameters and headers, variables, directives); every item replaces the word being
 * typed, so names with dots (`oslc.where`) filter as a whole.
 */
import { CompletionItemKind, MarkupKind, type CompletionItem, type CompletionList, type Range } from "vscode-languageserver";
import { SYSTEM_VARIABLES, type MaximoDocument } from "../../language/maximo/api";
import type { SchemaStore } from "../../schema";
import { attributeItems, schemaAtPath } from "./attributeItems";
import { completionContext, type CompletionContext } from "./completionContext";
import { DIRECTIVES, HEADER_VALUES, HEADERS, QUERY_PARAMS, RELATION_WHERE_PARAM, type NamedDoc } from "./maximoDocs";
import { queryValueItems } from "./queryValueCompletion";

export function getCompletions(doc: MaximoDocument, offset: number, store: SchemaStore | undefined): CompletionList {
  const context = completionContext(doc, offset);
  const items = context ? itemsFor(doc, context, store) : [];
  if (items.length === 0 || !context) return { isIncomplete: false, items: [] };
  const to = context.kind === "bodyKey" ? context.to : offset;
  const range: Range = { start: doc.positionAt(context.from), end: doc.positionAt(to) };
  return {
    isIncomplete: false,
    // Items are shared (cached per schema); the edit is per request.
    items: items.map((item) => ({ ...item, textEdit: { range, newText: item.insertText ?? item.label }, insertText: undefined })),
  };
}

function itemsFor(doc: MaximoDocument, context: CompletionContext, store: SchemaStore | undefined): CompletionItem[] {
  switch (context.kind) {
    case "directive":
      return documented(DIRECTIVES, CompletionItemKind.Keyword);
    case "variable":
      return context.system ? systemVariables() : fileVariables(doc);
    case "objectStructure":
      return store ? objectStructures(store) : [];
    case "queryParam":
      return queryParams(store, context.os);
    case "queryValue":
      return store && context.os ? queryValueItems(store, { key: context.key, valuePrefix: context.valuePrefix, os: context.os }) : [];
    case "headerName":
      return documented(HEADERS, CompletionItemKind.Property).map((item) => ({ ...item, insertText: `${item.label}: ` }));
    case "headerValue":
      return (HEADER_VALUES.get(context.header) ?? []).map((value) => ({ label: value, kind: CompletionItemKind.Value }));
    case "bodyKey": {
      const schema = store && context.os ? schemaAtPath(store, context.os, context.path) : undefined;
      return schema ? attributeItems(schema).map((item) => ({ ...item, insertText: `"${item.label}": ` })) : [];
    }
  }
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

const structureItems = new WeakMap<SchemaStore, CompletionItem[]>();

function objectStructures(store: SchemaStore): CompletionItem[] {
  let items = structureItems.get(store);
  if (!items) {
    items = store.objectStructureNames().map((name) => {
      const schema = store.objectStructure(name);
      const title = schema?.description ?? schema?.title;
      return { label: name, kind: CompletionItemKind.Class, ...(title ? { detail: title } : {}) };
    });
    structureItems.set(store, items);
  }
  return items;
}

function systemVariables(): CompletionItem[] {
  return [...SYSTEM_VARIABLES.values()].map((spec) => ({
    label: spec.name,
    kind: CompletionItemKind.Function,
    detail: spec.usage,
    documentation: spec.description,
  }));
}

/** `@name = value` variables of the whole file, and named requests for `{{name.response...}}`. */
function fileVariables(doc: MaximoDocument): CompletionItem[] {
  const seen = new Map<string, CompletionItem>();
  for (const block of doc.blocks) {
    for (const variable of block.tree.variables) {
      seen.set(variable.name.text, { label: variable.name.text, kind: CompletionItemKind.Variable, detail: variable.value.text });
    }
    if (block.tree.request && block.tree.name && !seen.has(block.tree.name)) {
      seen.set(block.tree.name, { label: block.tree.name, kind: CompletionItemKind.Reference, detail: "named request", insertText: `${block.tree.name}.response.body.` });
    }
  }
  return [...seen.values()];
}
