/**
 * A child object's column of JSON cells (`wplabor`: `[{"laborcode":"KING","laborhrs":1.5}]`), as
 * `maximo export` writes children by default: each child's attributes are checked and converted
 * like cells of dotted columns (the child schema's names, types and maxLength), so such a file
 * loads back unchanged. One object is one child; an array is several.
 */
import { closest } from "../../../server/src/features/schema/didYouMean";
import type { AttributeInfo, ObjectSchema } from "../../../server/src/schema/types";
import { convertValue, type LoadValue } from "./valueConversion";

export type ChildRecord = { [attribute: string]: LoadValue | ChildRecord[] };
/** The message names the paths at fault itself (`wplabor.laborhrs: ...`). */
export type ChildConversion = { ok: true; value: ChildRecord[] } | { ok: false; message: string };

/** Links and bookkeeping a server (or an export) may write inside a child; they are not loaded. */
const NOT_LOADED = /^(href|localref|_rowstamp|_imagelibref|rdf:about)$|_collectionref$/;

export function convertChildCell(text: string, attribute: AttributeInfo & { child: ObjectSchema }): ChildConversion {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: `${attribute.name.toLowerCase()}: not JSON; a child object's cell holds its children as JSON, such as [{"${firstName(attribute.child)}":"..."}]` };
  }
  const problems: string[] = [];
  const value = children(json, attribute.child, attribute.name.toLowerCase(), problems);
  return problems.length > 0 ? { ok: false, message: problems.join("; ") } : { ok: true, value };
}

function children(json: unknown, schema: ObjectSchema, path: string, problems: string[]): ChildRecord[] {
  const list = Array.isArray(json) ? json : [json];
  return list.flatMap((item) => {
    if (item === null || typeof item !== "object" || Array.isArray(item)) {
      problems.push(`${path}: each child is a JSON object, not ${JSON.stringify(item)}`);
      return [];
    }
    return [child(item as Record<string, unknown>, schema, path, problems)];
  });
}

function child(item: Record<string, unknown>, schema: ObjectSchema, path: string, problems: string[]): ChildRecord {
  const record: ChildRecord = {};
  for (const [rawKey, value] of Object.entries(item)) {
    const key = rawKey.slice(rawKey.indexOf(":") + 1).toLowerCase(); // `spi:laborcode` → laborcode
    if (NOT_LOADED.test(rawKey) || NOT_LOADED.test(key) || value === null || value === undefined) continue;
    const attribute = schema.attributes.get(key);
    const at = `${path}.${key}`;
    if (!attribute || (attribute.childRef && !attribute.child)) {
      const match = closest(key, [...schema.attributes].filter(([, a]) => !a.childRef || a.child).map(([name]) => name));
      problems.push(`${path} has no attribute "${rawKey}"${match ? `; did you mean ${match}?` : ""}`);
      continue;
    }
    if (attribute.child) {
      record[key] = children(value, attribute.child, at, problems);
      continue;
    }
    if (typeof value === "object") {
      problems.push(`${at}: ${JSON.stringify(value)} is not a single value`);
      continue;
    }
    const converted = convertValue(String(value), attribute);
    if (converted.ok) record[key] = converted.value;
    else problems.push(`${at}: ${converted.message}`);
  }
  return record;
}

function firstName(schema: ObjectSchema): string {
  return [...schema.attributes.values()].find((a) => !a.child && !a.childRef)?.name ?? "attribute";
}
