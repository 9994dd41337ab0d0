/**
 * A warning before an update or addchange that writes child rows without the child's own key
 * (`wplabor.laborcode` but no `wplabor.wplaborid`): the server cannot tell which line a row
 * means, so each row adds a new one, and loading the file again adds them again. An exported
 * file (`maximo export --explode wplabor`) loads back as new lines unless its select had the key.
 */
import type { ObjectSchema } from "../../../server/src/schema/types";
import type { LoadAction } from "./contract";

export function childKeyNotes(columns: ReadonlyArray<{ path?: string; problem?: string }>, schema: ObjectSchema, action: LoadAction): string[] {
  if (action !== "update" && action !== "addchange") return [];
  const byChild = new Map<string, Set<string>>();
  for (const column of columns) {
    if (column.problem || !column.path?.includes(".")) continue;
    const [child, attribute] = column.path.split(".", 2) as [string, string];
    (byChild.get(child) ?? byChild.set(child, new Set()).get(child)!).add(attribute);
  }
  const parentKeys = new Set(schema.pk.map((key) => key.toLowerCase()));
  const notes: string[] = [];
  for (const [child, attributes] of byChild) {
    const childSchema = schema.attributes.get(child)?.child;
    // The child's own keys: those the parent does not hand down (wonum, siteid).
    const own = (childSchema?.pk ?? []).map((key) => key.toLowerCase()).filter((key) => !parentKeys.has(key));
    if (own.length === 0 || own.some((key) => attributes.has(key))) continue;
    notes.push(
      `The ${child} columns have no ${own.join(", ")}: on ${action} each row adds a new ${child} line to its record (the server cannot tell which existing line it means), and loading the file again adds them again. Add the ${own.map((key) => `${child}.${key}`).join(", ")} column to change existing lines.`,
    );
  }
  return notes;
}
