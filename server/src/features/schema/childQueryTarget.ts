/**
 * `<mbo>.<relationship>.where` / `.orderBy` (reference section 9): the child collection whose
 * schema such a parameter is checked against. The MBO token names the parent MBO; the child is
 * found by relationship (or property) name among the children the schema inlines.
 */
import type { ObjectSchema } from "../../schema";

const CHILD_PARAM = /^([A-Za-z_]\w*)\.([A-Za-z_]\w*)\.(where|orderby)$/i;

export interface ChildQueryKey {
  mbo: string;
  relation: string;
  operator: "where" | "orderby";
}

export function childQueryKey(key: string): ChildQueryKey | undefined {
  const match = CHILD_PARAM.exec(key.trim());
  if (!match) return undefined;
  return { mbo: match[1]!.toLowerCase(), relation: match[2]!.toLowerCase(), operator: match[3]!.toLowerCase() === "where" ? "where" : "orderby" };
}

/** The child's schema; undefined when the object structure does not inline that child. */
export function childSchemaFor(root: ObjectSchema, key: ChildQueryKey): ObjectSchema | undefined {
  return search(root, key, root.objectName === undefined || root.objectName.toLowerCase() === key.mbo, 0);
}

function search(parent: ObjectSchema, key: ChildQueryKey, parentMatches: boolean, depth: number): ObjectSchema | undefined {
  if (depth > 6) return undefined;
  if (parentMatches) {
    for (const attribute of parent.attributes.values()) {
      if (!attribute.child) continue;
      if (attribute.relation?.toLowerCase() === key.relation || attribute.name.toLowerCase() === key.relation) return attribute.child;
    }
  }
  for (const attribute of parent.attributes.values()) {
    const child = attribute.child;
    if (!child) continue;
    const mbo = (attribute.objectName ?? child.objectName)?.toLowerCase();
    const found = search(child, key, mbo === key.mbo, depth + 1);
    if (found) return found;
  }
  return undefined;
}
