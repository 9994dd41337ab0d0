/**
 * What completion, hover and the checks ask of a value list: the list behind a name path of an
 * object structure, whether a written value is in it, and the nearest listed value when not.
 * Lists are keyed by the attribute's property path through the children the schema inlines
 * (`status`, `wplabor.craft`); a path through a relationship the schema does not inline
 * (`asset.status`) has no list here.
 */
import type { AttributeInfo, ListValue, ObjectSchema, SchemaStore, ValueList } from "../../schema";
import { valueList } from "../../schema/valueListParser";
import { closest } from "./didYouMean";

/** `<obj>.<rel>.where` / `.orderBy`: a child collection's query, its relation path in group 1. */
export const CHILD_PARAM = /^[A-Za-z_]\w*\.([A-Za-z_][\w.]*)\.(where|orderby)$/i;

export interface ListTarget {
  attribute: AttributeInfo;
  list: ValueList;
}

/** The attribute at `segments` (names or relationships) and its list, when a folder has one. */
export function listTarget(store: SchemaStore, os: string, segments: readonly string[]): ListTarget | undefined {
  let schema: ObjectSchema | undefined = store.objectStructure(os);
  const path: string[] = [];
  let attribute: AttributeInfo | undefined;
  for (const segment of segments) {
    if (!schema) return undefined;
    attribute = step(schema, segment.replace(/^\w+:/, "").toLowerCase());
    if (!attribute) return undefined;
    path.push(attribute.name.toLowerCase());
    schema = attribute.child;
  }
  if (!attribute || attribute.child) return undefined;
  const list = store.valueList(os, path.join("."));
  return list ? { attribute, list } : undefined;
}

function step(schema: ObjectSchema, name: string): AttributeInfo | undefined {
  return schema.attributes.get(name) ?? byRelation(schema).get(name);
}

/** Per schema: a name that is no attribute (most JSON body keys are checked here) would scan them all each time. */
const relations = new WeakMap<ObjectSchema, Map<string, AttributeInfo>>();

/** The attributes by lower-case relationship name, the first of each name in the schema's order. */
function byRelation(schema: ObjectSchema): Map<string, AttributeInfo> {
  let found = relations.get(schema);
  if (!found) {
    found = new Map();
    for (const attribute of schema.attributes.values()) {
      const relation = attribute.relation?.toLowerCase();
      if (relation !== undefined && !found.has(relation)) found.set(relation, attribute);
    }
    relations.set(schema, found);
  }
  return found;
}

/**
 * A record's `getlist~status` answer lists the states that record may move to (reference §10),
 * not every status: a value it lacks may still be valid.
 */
export function isStateList(list: ValueList): boolean {
  return list.fromRecord && /(^|\.)status$/.test(list.attribute);
}

/** The server upper-cases what is written to an UPPER attribute, so case does not matter there. */
export function isUpperCaseOnly(attribute: AttributeInfo): boolean {
  return attribute.subType?.toUpperCase() === "UPPER";
}

export type ValueMatch =
  | { kind: "listed"; entry: ListValue }
  /** A synonym domain's internal value (`maxvalue`) that no member writes as its value. */
  | { kind: "internal"; entry: ListValue }
  | { kind: "unknown"; nearest?: ListValue; caseOnly: boolean };

export function matchValue(target: ListTarget, text: string): ValueMatch {
  const { list, attribute } = target;
  const upper = isUpperCaseOnly(attribute);
  const listed = list.byValue.get(text) ?? (upper ? list.byUpperValue.get(text.toUpperCase()) : undefined);
  if (listed) return { kind: "listed", entry: listed };
  const internal = list.byMaxvalue.get(text) ?? (upper ? list.byMaxvalue.get(text.toUpperCase()) : undefined);
  if (internal) return { kind: "internal", entry: internal };
  const sameLetters = list.byUpperValue.get(text.toUpperCase());
  if (sameLetters) return { kind: "unknown", nearest: sameLetters, caseOnly: true };
  return { kind: "unknown", nearest: nearestValue(list, text), caseOnly: false };
}

/**
 * A value for a mistaken one: the one described by it (`APPROVED` → `APPR`, "Approved"), one it
 * starts with or that starts with it, one it abbreviates, then the closest spelling of a value or
 * a description.
 */
export function nearestValue(list: ValueList, text: string): ListValue | undefined {
  const wanted = text.trim().toLowerCase();
  if (wanted === "") return undefined;
  let prefixed: ListValue | undefined;
  for (const entry of list.values) {
    if (entry.description?.trim().toLowerCase() === wanted) return entry;
    const value = entry.value.toLowerCase();
    if (value.length >= 2 && (wanted.startsWith(value) || value.startsWith(wanted)) && (!prefixed || value.length > prefixed.value.length)) prefixed = entry;
  }
  if (prefixed) return prefixed;
  // Codes abbreviate what they mean: `WAPPR` for WAITAPPR, `COMP` for COMPLETED.
  let abbreviation: ListValue | undefined;
  for (const entry of list.values) {
    const value = entry.value.toLowerCase();
    if (value.length >= 3 && value[0] === wanted[0] && isSubsequence(value, wanted) && (!abbreviation || value.length > abbreviation.value.length)) abbreviation = entry;
  }
  if (abbreviation) return abbreviation;
  const byValue = closest(text, list.values.map((e) => e.value));
  if (byValue !== undefined) return list.byValue.get(byValue);
  const descriptions = new Map(list.values.filter((e) => e.description).map((e) => [e.description!, e]));
  const byDescription = closest(text, descriptions.keys());
  return byDescription !== undefined ? descriptions.get(byDescription) : undefined;
}

function isSubsequence(short: string, long: string): boolean {
  let at = 0;
  for (const c of long) if (c === short[at]) at++;
  return at === short.length;
}

/**
 * Written values never judged: `{{variables}}`, bind values (`&USERNAME&`), `*` (null tests)
 * and wildcard patterns (`%x%`); an empty string means "no value".
 */
export function isCheckableValue(text: string): boolean {
  if (text.trim() === "" || text === "*") return false;
  if (text.includes("{{") || text.includes("%")) return false;
  return !/&\w+&/.test(text);
}

/** "internal value APPR" when a synonym's written and internal values differ. */
export function internalNote(entry: ListValue): string | undefined {
  return entry.maxvalue !== undefined && entry.maxvalue !== entry.value ? `internal value ${entry.maxvalue}` : undefined;
}

/** A value's facts as markdown, for hover and completion documentation. */
export function listValueMarkdown(entry: ListValue, target: ListTarget): string {
  const lines = [`**${entry.value}**${entry.description ? ` — ${entry.description}` : ""}`, ""];
  const facts = [`a value of \`${target.attribute.name}\``];
  if (entry.maxvalue !== undefined) {
    facts.push(entry.maxvalue === entry.value ? "internal value the same" : `internal value \`${entry.maxvalue}\``);
    if (entry.defaults) facts.push("the default synonym");
  }
  lines.push(facts.join(" · "));
  if (entry.maxvalue !== undefined && entry.maxvalue !== entry.value) {
    lines.push(
      "",
      `A synonym: requests write and filter by \`${entry.value}\`; Maximo's logic reads it as \`${entry.maxvalue}\` (\`domaininternalwhere\` filters by internal values).`,
    );
  }
  lines.push("", target.list.fromPack ? "From the offline schemas' value list (the emulator's values)." : "From the connection's saved value list (a `getlist~` answer, reference §10).");
  return lines.join("\n");
}

const internalLists = new WeakMap<ValueList, ValueList>();

/**
 * A synonym domain's internal values as a list of their own (each once, described by its
 * default synonym): what `maxvalue` and `domaininternalwhere` take. Undefined for other domains.
 */
export function internalValueList(list: ValueList): ValueList | undefined {
  if (!list.synonym) return undefined;
  let internal = internalLists.get(list);
  if (!internal) {
    const values: ListValue[] = [...list.byMaxvalue].map(([maxvalue, entry]) => (entry.description === undefined ? { value: maxvalue } : { value: maxvalue, description: entry.description }));
    internal = valueList(values, { os: list.os, attribute: list.attribute, source: list.source, fromPack: list.fromPack, fromRecord: list.fromRecord });
    internalLists.set(list, internal);
  }
  return internal;
}
