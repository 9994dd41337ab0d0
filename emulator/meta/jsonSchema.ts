/**
 * `GET /oslc/jsonschemas/{os}[/{child}...]` (JSON API reference §10): JSON Schema extended with
 * Maximo metadata. Properties carry the JSON type and Maximo's `subType`, `maxLength`, `title`,
 * `remarks`, `persistent`, `searchType`, `hasList` for domain-bound attributes; children are
 * links (`items.definition.subSchema.$ref`) unless `oslc.select` inlines them.
 */
import type { Emulator } from "../emulator";
import { MaximoError } from "../http/errors";
import { jsonReply, queryValue, type ApiRequest, type Reply } from "../http/types";
import type { AttributeDef, MaxType, MboDef, OsChildDef } from "../model/types";
import { apiBase, requireObjectStructure } from "./objectStructure";
import { parseSchemaSelect, type SchemaSelect } from "./selectTree";
import { schemaDefaultOf } from "../writes/defaults";

export interface AttributeSchema {
  type: "string" | "integer" | "number" | "boolean";
  subType?: MaxType;
  maxLength?: number;
  scale?: number;
  title?: string;
  remarks?: string;
  persistent?: boolean;
  searchType?: "WILDCARD" | "EXACT" | "TEXT" | "NONE";
  hasList?: boolean;
  default?: string | number | boolean;
}

export interface ChildSchema {
  objectName: string;
  type: "array";
  cardinality: "MULTIPLE";
  relation: string;
  items: { type: "object"; definition?: { subSchema: { $ref: string } } } | ObjectSchema;
}

export interface ObjectSchema {
  type: "object";
  title: string;
  description: string;
  pk: string[];
  required: string[];
  $ref: string;
  /** The object structure, upper case (root schemas only). */
  resource?: string;
  objectName?: string;
  properties: Record<string, AttributeSchema | ChildSchema>;
}

const everything: SchemaSelect = { all: true, names: new Set(), nested: new Map() };

export function jsonSchema(request: ApiRequest, emulator: Emulator, osName: string): Reply {
  const os = requireObjectStructure(emulator, osName);
  const selectText = queryValue(request, "oslc.select");
  const select = selectText === undefined ? undefined : parseSchemaSelect(selectText);
  const base = `${apiBase(request)}/jsonschemas/${os.name}`;

  // `jsonschemas/{os}/{child}/{grandchild}`: the `$ref` a root schema links its children with.
  const path = request.segments.slice(2).map((s) => s.toLowerCase());
  if (path.length > 0) {
    let children = os.children;
    let child: OsChildDef | undefined;
    for (const name of path) {
      child = children.find((c) => c.name === name);
      if (!child) throw new MaximoError(404, "BMXAA8727E", `The object ${name.toUpperCase()} is not part of object structure ${os.name.toUpperCase()}.`);
      children = child.children;
    }
    const found = child!;
    return jsonReply(objectSchema(emulator, emulator.metadata.mbos.get(found.mbo)!, found.children, `${base}/${path.join("/")}`, select));
  }

  const root = objectSchema(emulator, emulator.metadata.mbos.get(os.mbo)!, os.children, base, select);
  return jsonReply({ resource: os.name.toUpperCase(), ...root, description: os.description });
}

function objectSchema(
  emulator: Emulator,
  mbo: MboDef,
  children: OsChildDef[],
  ref: string,
  select: SchemaSelect | undefined,
): ObjectSchema {
  const keep = (name: string) => !select || select.all || select.names.has(name);
  const properties: ObjectSchema["properties"] = {};
  for (const attribute of mbo.attributes) {
    if (keep(attribute.name)) properties[attribute.name] = attributeSchema(attribute, mbo.name);
  }
  // The bookkeeping properties every member carries.
  for (const name of ["href", "_rowstamp", "localref"]) properties[name] = { type: "string" };
  for (const child of children) {
    const childMbo = emulator.metadata.mbos.get(child.mbo)!;
    const childRef = `${ref}/${child.name}`;
    const nested = select?.all ? everything : select?.nested.get(child.name);
    if (nested) {
      const inline = objectSchema(emulator, childMbo, child.children, childRef, nested);
      properties[child.name] = childSchema(child, { ...inline, objectName: child.mbo.toUpperCase() });
    } else if (keep(child.name) && !select?.all) {
      properties[child.name] = childSchema(child, { type: "object", definition: { subSchema: { $ref: childRef } } });
    }
  }
  return {
    type: "object",
    title: mbo.name.toUpperCase(),
    description: mbo.description,
    pk: [...mbo.keys],
    required: mbo.attributes.filter((a) => a.required && a.persistent && keep(a.name)).map((a) => a.name),
    $ref: ref,
    properties,
  };
}

function childSchema(child: OsChildDef, items: ChildSchema["items"]): ChildSchema {
  return { objectName: child.mbo.toUpperCase(), type: "array", cardinality: "MULTIPLE", relation: child.relation.toUpperCase(), items };
}

export function attributeSchema(attribute: AttributeDef, mbo: string): AttributeSchema {
  const schema: AttributeSchema = {
    type: jsonTypeOf(attribute.maxType),
    subType: attribute.maxType,
    maxLength: attribute.length,
    title: attribute.title,
    remarks: attribute.remarks,
    persistent: attribute.persistent,
    searchType: searchTypeOf(attribute.maxType),
  };
  if (attribute.scale !== undefined) schema.scale = attribute.scale;
  if (attribute.domainId) schema.hasList = true;
  const fallback = schemaDefaultOf(mbo, attribute.name);
  if (fallback !== undefined) schema.default = fallback;
  return schema;
}

export function jsonTypeOf(maxType: MaxType): AttributeSchema["type"] {
  switch (maxType) {
    case "INTEGER":
    case "SMALLINT":
    case "BIGINT":
      return "integer";
    case "DECIMAL":
    case "FLOAT":
    case "AMOUNT":
    case "DURATION":
      return "number";
    case "YORN":
      return "boolean";
    default:
      return "string";
  }
}

function searchTypeOf(maxType: MaxType): AttributeSchema["searchType"] {
  switch (maxType) {
    case "ALN":
    case "UPPER":
    case "LOWER":
    case "GL":
      return "WILDCARD";
    case "LONGALN":
    case "CLOB":
      return "NONE";
    default:
      return "EXACT";
  }
}
