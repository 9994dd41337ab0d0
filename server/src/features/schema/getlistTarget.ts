/**
 * `GET os/{os}/{id}/getlist~{attr}` (reference §10) answers with "a serialized version of the
 * synonymdomain MBO", not with the object structure: its `oslc.select` and `oslc.where` name the
 * domain record's attributes (`value`, `maxvalue`, `description`, `defaults`, `valueid` ...).
 * `getlistView` is a schema store that says so for one such request: the object structure's
 * schema is the domain record's, `value` has the attribute's list and `maxvalue` its internal
 * values, so completion, hover and the checks need no special case.
 */
import type { RequestNode } from "../../language/maximo/api";
import type { AttributeInfo, ObjectSchema, SchemaStore } from "../../schema";
import { internalValueList } from "./valueListLookup";

const GETLIST = /^getlist~[\w.]+$/i;

/**
 * The list key of a `getlist~` request (lower case): the attribute after `getlist~`, behind the
 * child objects the path walks (`os/mxapiwodetail/{id}/wplabor/{id}/getlist~craft` →
 * `wplabor.craft`, the key of `lists/<os>/wplabor.craft.json`).
 */
export function getlistAttribute(request: RequestNode): string | undefined {
  const segments = request.url.segments;
  const at = segments.findIndex((s) => GETLIST.test(s.decoded));
  if (at < 0) return undefined;
  const os = segments.findIndex((s) => s.decoded.toLowerCase() === "os");
  const children: string[] = [];
  // os/{name}/{id}/{child}/{id}/.../getlist~attr: every other segment after the id is a child.
  if (os >= 0) for (let i = os + 3; i < at; i += 2) children.push(segments[i]!.decoded.toLowerCase());
  return [...children, segments[at]!.decoded.slice("getlist~".length).toLowerCase()].join(".");
}

/** The store as a `getlist~` request sees it; the store itself for any other request. */
export function schemaViewFor(request: RequestNode, store: SchemaStore): SchemaStore {
  const attribute = getlistAttribute(request);
  if (!attribute) return store;
  // One view per store and attribute, so what is derived from its schemas is built once.
  let views = viewsByStore.get(store);
  if (!views || views.generation !== store.generation()) {
    views = { generation: store.generation(), byAttribute: new Map() };
    viewsByStore.set(store, views);
  }
  let view = views.byAttribute.get(attribute);
  if (!view) {
    view = getlistView(store, attribute);
    views.byAttribute.set(attribute, view);
  }
  return view;
}

const viewsByStore = new WeakMap<SchemaStore, { generation: number; byAttribute: Map<string, SchemaStore> }>();

const attribute = (name: string, subType: string, title: string, extra: Partial<AttributeInfo> = {}): [string, AttributeInfo] => [
  name,
  { name, type: subType === "YORN" ? "boolean" : subType === "INTEGER" || subType === "BIGINT" ? "integer" : "string", subType, title, required: false, hasList: false, ...extra },
];

/** SYNONYMDOMAIN, ALNDOMAIN and NUMERICDOMAIN records share these (the union of the three). */
function domainRecordSchema(name: string, source: string): ObjectSchema {
  return {
    name,
    objectName: "SYNONYMDOMAIN",
    title: "Domain value",
    description: "A value of the attribute's domain, as getlist~ serializes it",
    pk: ["valueid"],
    source,
    attributes: new Map([
      attribute("value", "ALN", "Value", { remarks: "What a request writes (the external value of a synonym domain)." }),
      attribute("maxvalue", "UPPER", "Internal value", { remarks: "A synonym domain's internal value, which Maximo's logic tests." }),
      attribute("description", "ALN", "Description"),
      attribute("defaults", "YORN", "Default synonym", { remarks: "Whether this synonym is the default of its internal value." }),
      attribute("valueid", "ALN", "Value id", { remarks: "`DOMAINID|VALUE`." }),
      attribute("domainid", "UPPER", "Domain"),
      attribute("siteid", "UPPER", "Site"),
      attribute("orgid", "UPPER", "Organization"),
      attribute("langcode", "UPPER", "Language"),
      attribute("hasld", "YORN", "Has long description"),
      attribute("synonymdomainid", "BIGINT", "Synonym domain id"),
      attribute("alndomainid", "BIGINT", "ALN domain id"),
      attribute("numericdomainid", "BIGINT", "Numeric domain id"),
      attribute("href", "ALN", "Link"),
      attribute("_rowstamp", "ALN", "Row stamp"),
    ]),
  };
}

export function getlistView(store: SchemaStore, listAttribute: string): SchemaStore {
  const schemas = new Map<string, ObjectSchema>();
  const recordSchema = (os: string) => {
    const key = os.toLowerCase();
    let schema = schemas.get(key);
    if (!schema) {
      schema = domainRecordSchema(`getlist~${listAttribute}`, store.objectStructure(key)?.source ?? "");
      schemas.set(key, schema);
    }
    return schema;
  };
  return {
    ...store,
    objectStructure: (os) => recordSchema(os),
    savedQueries: () => [],
    attributeAtPath: (os, segments) => (segments.length === 1 ? recordSchema(os).attributes.get(segments[0]!.toLowerCase()) : undefined),
    valueList(os, attributeName) {
      const list = store.valueList(os, listAttribute);
      if (!list) return undefined;
      const name = attributeName.toLowerCase();
      if (name === "value") return list;
      return name === "maxvalue" ? internalValueList(list) : undefined;
    },
  };
}
