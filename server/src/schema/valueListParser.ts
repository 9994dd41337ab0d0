/**
 * Reads a value list as the server answers it: `GET os/{os}/{id}/getlist~{attr}` (reference §10,
 * "a serialized version of the synonymdomain MBO"), lean or namespaced. The same member shape
 * comes from `os/mxapidomain/{id}/synonymdomain` and `os/mxapisynonymdomain?oslc.where=domainid=...`,
 * and an `mxapidomain` record carries it in its `synonymdomain`/`alndomain`/`numericdomain`
 * children: all are accepted. A member's `value` is what a request writes; a synonym domain adds
 * `maxvalue`, the internal value Maximo's logic tests.
 */
import { arrayField, booleanField, field, isRecord, parseJson, stringField, type JsonRecord, type ParseResult } from "./jsonFields";
import type { ListValue, ValueList } from "./types";

const DOMAIN_CHILDREN = ["synonymdomain", "alndomain", "numericdomain"];

export function parseValueList(text: string, at: { os: string; attribute: string; source: string; fromPack: boolean }): ParseResult<ValueList> {
  const json = parseJson(text);
  if (!json.ok) return json;
  const members = membersOf(json.value);
  if (!members) return { ok: false, reason: "not a value list (no `member` array of domain values)" };
  const values: ListValue[] = [];
  for (const member of members) {
    const entry = isRecord(member) ? listValueOf(member) : undefined;
    if (entry) values.push(entry);
  }
  if (members.length > 0 && values.length === 0) return { ok: false, reason: "not a value list (no member has a `value`)" };
  return { ok: true, value: valueList(values, { ...at, fromRecord: isGetlistAnswer(json.value, members) }) };
}

/** The set's own href (or its first member's) names a `getlist~` path. */
function isGetlistAnswer(answer: unknown, members: unknown[]): boolean {
  const hrefs: unknown[] = [];
  if (isRecord(answer)) {
    hrefs.push(field(answer, "href"), field(answer, "about"));
    const info = field(answer, "responseInfo");
    if (isRecord(info)) hrefs.push(field(info, "href"));
  }
  const first = members[0];
  if (isRecord(first)) hrefs.push(field(first, "href"), field(first, "about"));
  return hrefs.some((href) => typeof href === "string" && /\/getlist~/i.test(href));
}

function membersOf(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (!isRecord(value)) return undefined;
  const member = arrayField(value, "member");
  if (!member) return undefined;
  // mxapidomain records: their domain values sit in a child array.
  const nested = member.filter(isRecord).flatMap((record) => DOMAIN_CHILDREN.flatMap((name) => arrayField(record, name) ?? []));
  return nested.length > 0 ? nested : member;
}

function listValueOf(record: JsonRecord): ListValue | undefined {
  const value = scalar(field(record, "value"));
  if (value === undefined) return undefined;
  const entry: ListValue = { value };
  const maxvalue = scalar(field(record, "maxvalue"));
  if (maxvalue !== undefined) entry.maxvalue = maxvalue;
  const description = stringField(record, "description");
  if (description !== undefined) entry.description = description;
  if (booleanField(record, "defaults") === true) entry.defaults = true;
  return entry;
}

/** Numeric domains may answer with numbers. */
function scalar(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}

export function valueList(values: ListValue[], at: { os: string; attribute: string; source: string; fromPack: boolean; fromRecord: boolean }): ValueList {
  const byValue = new Map<string, ListValue>();
  const byUpperValue = new Map<string, ListValue>();
  const byMaxvalue = new Map<string, ListValue>();
  for (const entry of values) {
    if (!byValue.has(entry.value)) byValue.set(entry.value, entry);
    if (!byUpperValue.has(entry.value.toUpperCase())) byUpperValue.set(entry.value.toUpperCase(), entry);
    // The default synonym speaks for its internal value; else the first one met.
    if (entry.maxvalue !== undefined && (entry.defaults || !byMaxvalue.has(entry.maxvalue))) byMaxvalue.set(entry.maxvalue, entry);
  }
  return {
    os: at.os,
    attribute: at.attribute,
    values,
    byValue,
    byUpperValue,
    byMaxvalue,
    synonym: byMaxvalue.size > 0,
    source: at.source,
    fromPack: at.fromPack,
    fromRecord: at.fromRecord,
  };
}
