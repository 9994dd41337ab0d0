/**
 * Reads a `/oslc/jsonschemas/{os}?oslc.select=*` response (JSON API reference §10): JSON Schema
 * with Maximo's extras per property. Children are arrays (or single objects) whose `items`
 * either inline the child schema or link to it with `definition.subSchema.$ref`.
 */
import {
  arrayField,
  bareName,
  booleanField,
  field,
  isRecord,
  numberField,
  parseJson,
  stringField,
  type JsonRecord,
  type ParseResult,
} from "./jsonFields";
import type { AttributeInfo, ObjectSchema } from "./types";

export function parseJsonSchema(text: string, name: string, source: string): ParseResult<ObjectSchema> {
  const json = parseJson(text);
  if (!json.ok) return json;
  if (!isRecord(json.value)) return { ok: false, reason: "not a JSON schema (expected an object)" };
  // A schema without properties is what a cut-off save or an error page looks like.
  if (!isRecord(field(json.value, "properties"))) return { ok: false, reason: "not a JSON schema (no properties)" };
  return { ok: true, value: objectSchemaOf(json.value, name.toLowerCase(), source) };
}

function objectSchemaOf(record: JsonRecord, name: string, source: string): ObjectSchema {
  const required = new Set(stringList(record, "required").map((n) => bareName(n).toLowerCase()));
  const properties = field(record, "properties");
  const attributes = new Map<string, AttributeInfo>();
  if (isRecord(properties)) {
    for (const [key, value] of Object.entries(properties)) {
      if (!isRecord(value)) continue;
      const lower = bareName(key).toLowerCase();
      attributes.set(lower, attributeOf(key, value, required.has(lower), source));
    }
  }
  return {
    name,
    objectName: stringField(record, "objectName"),
    title: stringField(record, "title"),
    description: stringField(record, "description"),
    pk: stringList(record, "pk"),
    attributes,
    source,
  };
}

function attributeOf(key: string, record: JsonRecord, required: boolean, source: string): AttributeInfo {
  const name = bareName(key);
  const info: AttributeInfo = {
    name,
    type: stringField(record, "type") ?? "string",
    subType: stringField(record, "subType"),
    maxLength: numberField(record, "maxLength"),
    scale: numberField(record, "scale"),
    title: stringField(record, "title"),
    remarks: stringField(record, "remarks"),
    required,
    persistent: booleanField(record, "persistent"),
    hasList: booleanField(record, "hasList") === true,
    defaultValue: scalarField(record, "default"),
    searchType: stringField(record, "searchType"),
    relation: stringField(record, "relation"),
    objectName: stringField(record, "objectName"),
  };
  // An array's element schema is in `items`; a single related object may carry it directly.
  const items = field(record, "items");
  const body = isRecord(items) ? items : info.type === "object" ? record : undefined;
  if (body) {
    if (isRecord(field(body, "properties"))) {
      info.child = objectSchemaOf(body, name.toLowerCase(), source);
      info.child.objectName ??= info.objectName;
    } else {
      info.childRef = childRefOf(body);
    }
  }
  return info;
}

function childRefOf(items: JsonRecord): string | undefined {
  const definition = field(items, "definition");
  const subSchema = isRecord(definition) ? field(definition, "subSchema") : undefined;
  return (isRecord(subSchema) ? stringField(subSchema, "$ref") : undefined) ?? stringField(items, "$ref");
}

function scalarField(record: JsonRecord, key: string): string | number | boolean | undefined {
  const value = field(record, key);
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? value : undefined;
}

function stringList(record: JsonRecord, key: string): string[] {
  return (arrayField(record, key) ?? []).filter((v): v is string => typeof v === "string");
}
