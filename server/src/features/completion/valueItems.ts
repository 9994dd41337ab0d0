/**
 * Completion of listed values: inside a where string (`status="|"`, `status in ["APPR",|`,
 * `status!="[APPR,|`), after a where operator (quoted), as a JSON body value, and the internal
 * values of a synonym domain in `domaininternalwhere`. Items are
 * built once per list and quoting, in the server's order; the description and a synonym's
 * internal value come on resolve: a 2,000-value list answers within milliseconds.
 */
import { CompletionItemKind, MarkupKind, type CompletionItem } from "vscode-languageserver";
import type { SchemaStore, ValueList } from "../../schema";
import { internalNote, internalValueList, listTarget, listValueMarkdown, type ListTarget } from "../schema/valueListLookup";
import type { ItemSource } from "./completionList";
import { outsideStrings, segmentsOf } from "./queryValueCompletion";

/** How an item is written: bare inside quotes, quoted, or as a one-value `in` list. */
export type Quoting = "bare" | "quoted" | "list";

const cache = new WeakMap<ValueList, Map<string, ItemSource>>();

/**
 * Descriptions go on `completionItem/resolve`, as attribute documentation does: with them a
 * 100-item answer was 2.5 times the bytes, and the answer time grew with it. Every item of a
 * list carries the same `data` (once, in `itemDefaults.data`): `value-list:<n>`.
 */
const targetsById = new Map<number, WeakRef<ListTarget>>();
const dataOfList = new WeakMap<ValueList, string>();
// Keeps each registered target alive exactly as long as its list.
const targetOfList = new WeakMap<ValueList, ListTarget>();
let nextListId = 0;
const DATA_PREFIX = "value-list:";

function listData(target: ListTarget): string {
  let data = dataOfList.get(target.list);
  if (data === undefined) {
    if (targetsById.size > 10_000) {
      for (const [key, ref] of targetsById) if (!ref.deref()) targetsById.delete(key);
    }
    const id = nextListId++;
    data = `${DATA_PREFIX}${id}`;
    dataOfList.set(target.list, data);
    targetOfList.set(target.list, target);
    targetsById.set(id, new WeakRef(target));
  }
  return data;
}

/** Adds the description (detail) and the value's facts (documentation) to a value item. */
export function resolveValueItem(item: CompletionItem): CompletionItem {
  if (typeof item.data !== "string" || !item.data.startsWith(DATA_PREFIX)) return item;
  const target = targetsById.get(Number(item.data.slice(DATA_PREFIX.length)))?.deref();
  const entry = target?.list.byValue.get(item.label);
  if (!target || !entry) return item;
  const detail = [entry.description, internalNote(entry)].filter(Boolean).join(" · ");
  return { ...item, ...(detail ? { detail } : {}), documentation: { kind: MarkupKind.Markdown, value: listValueMarkdown(entry, target) } };
}

export function valueItems(target: ListTarget, quoting: Quoting, json = false): ItemSource {
  let byQuoting = cache.get(target.list);
  if (!byQuoting) {
    byQuoting = new Map();
    cache.set(target.list, byQuoting);
  }
  const key = `${quoting}${json ? "json" : ""}`;
  let source = byQuoting.get(key);
  if (!source) {
    const items = target.list.values.map((entry, index): CompletionItem => {
      const written = json ? JSON.stringify(entry.value).slice(1, -1) : entry.value;
      const item: CompletionItem = {
        label: entry.value,
        kind: CompletionItemKind.EnumMember,
        sortText: String(index).padStart(5, "0"),
      };
      if (quoting === "quoted") item.insertText = `"${written}"`;
      else if (quoting === "list") item.insertText = `["${written}"]`;
      else if (written !== entry.value) item.insertText = written;
      return item;
    });
    source = { items, data: listData(target) };
    byQuoting.set(key, source);
  }
  return source;
}

/** The where term a cursor inside an open string belongs to, from the decoded text before it. */
export interface WhereStringSpot {
  /** Name path from the clause's object (scoped `rel{` paths included). */
  path: string[];
  /** The text typed so far of the value under the cursor. */
  typed: string;
}

const COMPARE = /([\w.:]+)\s*(=|!=)\s*$/;
const IN_LIST = /([\w.:]+)\s+in\s*\[[^[\]]*$/i;

export function whereStringSpot(valuePrefix: string): WhereStringSpot | undefined {
  const quote = valuePrefix.lastIndexOf('"');
  if (quote < 0) return undefined;
  const scan = outsideStrings(valuePrefix.slice(0, quote));
  // Balanced quotes before the last one: the cursor is inside the string that one opens.
  if (!scan) return undefined;
  const inside = valuePrefix.slice(quote + 1);
  const braces = scan.braces.flatMap((b) => b.split("."));
  const compare = COMPARE.exec(scan.text);
  if (compare) {
    if (inside.trimStart().startsWith("[")) {
      // The not-in form `!="[A,B]"`: the item after the last comma.
      if (compare[2] !== "!=" || inside.includes("]")) return undefined;
      return { path: [...braces, ...segmentsOf(compare[1]!)], typed: inside.slice(inside.lastIndexOf(",") + 1).trimStart().replace(/^\[/, "") };
    }
    return { path: [...braces, ...segmentsOf(compare[1]!)], typed: inside };
  }
  const inList = IN_LIST.exec(scan.text);
  return inList ? { path: [...braces, ...segmentsOf(inList[1]!)], typed: inside } : undefined;
}

/** Values for a cursor inside a where string, when the attribute has a list. */
export function whereStringValueItems(store: SchemaStore, os: string, base: string[], valuePrefix: string): ItemSource | undefined {
  const spot = whereStringSpot(valuePrefix);
  const target = spot ? listTarget(store, os, [...base, ...spot.path]) : undefined;
  return target ? valueItems(target, "bare") : undefined;
}

/** `domaininternalwhere=status!=APPR,|` (reference §5.2): the synonym domain's internal values, bare. */
export function internalValueItems(store: SchemaStore, os: string, valuePrefix: string): ItemSource | undefined {
  const match = /^\s*([\w.:]+)\s*!?=[^=]*$/.exec(valuePrefix);
  const target = match ? listTarget(store, os, segmentsOf(match[1]!)) : undefined;
  const internal = target ? internalValueList(target.list) : undefined;
  return target && internal ? valueItems({ attribute: target.attribute, list: internal }, "bare") : undefined;
}
