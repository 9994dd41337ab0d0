/**
 * Which attribute each file column loads, by its header (see the README's "Columns"): an
 * attribute name in any case, a dotted path into a child object (`wplabor.laborcode`, or through
 * the relationship, `showplanlabor.laborcode`), an attribute's title (`Work Order`), or, as a
 * flat-file alias, the plain name of an attribute that exactly one child object has and the root
 * does not (`laborhrs` → `wplabor.laborhrs`). A child object's own name (`wplabor`) is a column of
 * JSON cells, as `maximo export` writes children. Unknown, ambiguous and repeated headers get a problem.
 */
import type { AttributeInfo, ObjectSchema } from "../../../server/src/schema/types";
import { closest } from "../../../server/src/features/schema/didYouMean";
import type { ColumnMapping } from "./contract";

/** A column with what the planner needs beyond the contract's ColumnMapping. */
export interface MappedColumn {
  mapping: ColumnMapping;
  /** Lower-case property names from the root: `["wplabor", "laborcode"]`; empty when unmapped. */
  segments: string[];
  attribute?: AttributeInfo;
}

type Found = { segments: string[]; attribute: AttributeInfo } | { problem: string };

export function mapColumns(headers: readonly string[], schema: ObjectSchema): MappedColumn[] {
  const byPath = new Map<string, number>();
  return headers.map((header, index) => {
    const found = resolveHeader(header, schema);
    if ("problem" in found) return { mapping: { header, index, problem: found.problem }, segments: [] };
    const path = found.segments.join(".");
    const { attribute } = found;
    const mapping: ColumnMapping = { header, index, path, maximoType: attribute.child ? undefined : attribute.subType, jsonType: attribute.type, maxLength: attribute.child ? undefined : attribute.maxLength };
    const first = byPath.get(path);
    if (first !== undefined) {
      return { mapping: { ...mapping, problem: `repeats column ${first + 1} ("${headers[first]}"), which already loads ${path}` }, segments: [] };
    }
    byPath.set(path, index);
    return { mapping, segments: found.segments, attribute };
  });
}

export function resolveHeader(header: string, schema: ObjectSchema): Found {
  const name = header.trim();
  if (name === "") return { problem: "the column has no header" };
  const found = resolveName(name, schema);
  if (!("problem" in found)) return found;
  // The guide's flat-file example (reference §25.3) writes its first and last names as `_METERNAME`, `MEASUREUNITID_`.
  const unwrapped = name.replace(/^_(?!_)/, "").replace(/_$/, "");
  if (unwrapped !== name && unwrapped !== "") {
    const again = resolveName(unwrapped, schema);
    if (!("problem" in again)) return again;
  }
  return found;
}

function resolveName(name: string, schema: ObjectSchema): Found {
  const lower = name.toLowerCase();
  if (lower.includes(".")) return byPath(lower.split("."), schema, name);
  const direct = schema.attributes.get(lower);
  if (direct) return direct.childRef && !direct.child ? childObjectProblem(name, direct) : { segments: [lower], attribute: direct };
  return byTitle(name, schema) ?? byChildAlias(lower, schema) ?? { problem: unknownMessage(name, schema) };
}

function byPath(parts: string[], schema: ObjectSchema, header: string): Found {
  const segments: string[] = [];
  let current: ObjectSchema | undefined = schema;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i].trim();
    const entry: [string, AttributeInfo] | undefined = current ? step(current, part) : undefined;
    if (!entry) return { problem: `${current?.name ?? schema.name} has no attribute or child object "${part}" (header "${header}")` };
    const [key, attribute]: [string, AttributeInfo] = entry;
    segments.push(key);
    const last = i === parts.length - 1;
    if (last) return attribute.childRef && !attribute.child ? childObjectProblem(header, attribute) : { segments, attribute };
    if (!attribute.child) {
      return {
        problem: attribute.childRef
          ? `the schema does not include the child object ${key}'s attributes; refresh the schema with oslc.select=* (reference §10)`
          : `${key} is an attribute, not a child object`,
      };
    }
    current = attribute.child;
  }
  return { problem: `"${header}" names no attribute` };
}

/** A child object by its property name or its relationship, as `attributeAtPath` allows. */
function step(schema: ObjectSchema, name: string): [string, AttributeInfo] | undefined {
  const direct = schema.attributes.get(name);
  if (direct) return [name, direct];
  for (const [key, attribute] of schema.attributes) if (attribute.relation?.toLowerCase() === name) return [key, attribute];
  return undefined;
}

function byTitle(name: string, schema: ObjectSchema): Found | undefined {
  const wanted = name.toLowerCase();
  const matches = [...schema.attributes].filter(([, a]) => !a.child && !a.childRef && a.title?.trim().toLowerCase() === wanted);
  if (matches.length === 1) return { segments: [matches[0][0]], attribute: matches[0][1] };
  if (matches.length > 1) return { problem: `the title "${name}" belongs to several attributes (${matches.map(([k]) => k).join(", ")}); name the attribute instead` };
  return undefined;
}

/** A flat structure's alias: a child attribute's own name, when no other child or the root has it (reference §25.1). */
function byChildAlias(lower: string, schema: ObjectSchema): Found | undefined {
  const owners = [...schema.attributes].filter(([, a]) => a.child?.attributes.get(lower) && !a.child.attributes.get(lower)!.child);
  if (owners.length === 1) return { segments: [owners[0][0], lower], attribute: owners[0][1].child!.attributes.get(lower)! };
  if (owners.length > 1) return { problem: `"${lower}" is an attribute of several child objects (${owners.map(([k]) => k).join(", ")}); write ${owners[0][0]}.${lower} or ${owners[1][0]}.${lower}` };
  return undefined;
}

/** A child object whose attributes the schema does not carry: neither its JSON cells nor dotted columns can be checked. */
function childObjectProblem(header: string, attribute: AttributeInfo): Found {
  return { problem: `"${header}" is the child object ${attribute.name}, whose attributes the schema does not include; refresh the schema with oslc.select=* (reference §10)` };
}

function unknownMessage(name: string, schema: ObjectSchema): string {
  const candidates = [...schema.attributes].filter(([, a]) => !a.child && !a.childRef).map(([key]) => key);
  const match = closest(name, candidates);
  return `${schema.name} has no attribute "${name}"${match ? `; did you mean ${match}?` : ""}`;
}
