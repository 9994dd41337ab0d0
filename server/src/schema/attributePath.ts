/**
 * Resolves a dotted attribute path (`wplabor.laborcode`, `showplanlabor.laborcode`) inside one
 * object schema. A step into a child matches the child's property name or its relationship, as
 * `oslc.where` paths and `rel{...}` scopes can use either.
 */
import { bareName } from "./jsonFields";
import type { AttributeInfo, ObjectSchema } from "./types";

export function attributeAtPath(root: ObjectSchema, segments: readonly string[]): AttributeInfo | undefined {
  if (segments.length === 0) return undefined;
  let schema: ObjectSchema | undefined = root;
  let found: AttributeInfo | undefined;
  for (const segment of segments) {
    if (!schema) return undefined;
    found = step(schema, bareName(segment).toLowerCase());
    if (!found) return undefined;
    schema = found.child;
  }
  return found;
}

function step(schema: ObjectSchema, name: string): AttributeInfo | undefined {
  const direct = schema.attributes.get(name);
  if (direct) return direct;
  for (const attribute of schema.attributes.values()) {
    if (attribute.relation?.toLowerCase() === name) return attribute;
  }
  return undefined;
}
