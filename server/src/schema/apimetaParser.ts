/**
 * Reads an `/oslc/apimeta` response (JSON API reference §3, §21.1). Servers differ in the
 * envelope: a bare array, `{member: [...]}`, `{"rdfs:member": [...]}` with `spi:`/`oslc:` keys,
 * or one object structure's object (`apimeta/{os}`). All are accepted.
 */
import { arrayField, booleanField, isRecord, parseJson, stringField, type JsonRecord, type ParseResult } from "./jsonFields";
import type { ApiMetaEntry, SavedQuery } from "./types";

export function parseApimeta(text: string): ParseResult<ApiMetaEntry[]> {
  const json = parseJson(text);
  if (!json.ok) return json;
  const members = membersOf(json.value);
  if (!members) return { ok: false, reason: "not an apimeta response (no list of object structures)" };
  const entries = members.filter(isRecord).map(entryOf).filter((e): e is ApiMetaEntry => e !== undefined);
  if (members.length > 0 && entries.length === 0) return { ok: false, reason: "no object structure in it has a name" };
  return { ok: true, value: entries };
}

function membersOf(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (!isRecord(value)) return undefined;
  const member = arrayField(value, "member");
  if (member) return member;
  // `apimeta/{os}` answers with the one object itself.
  if (stringField(value, "name") !== undefined || arrayField(value, "queryCapability")) return [value];
  return undefined;
}

function entryOf(record: JsonRecord): ApiMetaEntry | undefined {
  const name = stringField(record, "name") ?? nameFromSchemaLink(stringField(record, "jsonschema"));
  if (!name) return undefined;
  const queries = (arrayField(record, "queryCapability") ?? []).filter(isRecord).map(savedQueryOf);
  return {
    name: name.toLowerCase(),
    description: stringField(record, "description") ?? stringField(record, "title"),
    appName: stringField(record, "appName"),
    savedQueries: queries.filter((q): q is SavedQuery => q !== undefined),
  };
}

/** `.../oslc/jsonschemas/mxapiasset` → `mxapiasset`, for entries that lack `name`. */
function nameFromSchemaLink(link: string | undefined): string | undefined {
  const match = link ? /\/jsonschemas\/([^/?#]+)/.exec(link) : null;
  return match ? decodeURIComponent(match[1]) : undefined;
}

function savedQueryOf(record: JsonRecord): SavedQuery | undefined {
  const name = stringField(record, "name");
  if (!name) return undefined;
  const query: SavedQuery = { name };
  const title = stringField(record, "title");
  if (title !== undefined) query.title = title;
  const isPublic = booleanField(record, "ispublic");
  if (isPublic !== undefined) query.isPublic = isPublic;
  if (booleanField(record, "javaMethod") === true) query.javaMethod = true;
  return query;
}
