/**
 * Which columns an export writes, from the request's `oslc.select` (reference §4.1): one slot per
 * select item, in select order. A `*` (or no select at all) is a wildcard slot whose columns are
 * the keys the records carry, in first-seen order, so its columns are known only once every page
 * has arrived. `--explode CHILD` replaces the child's one JSON column by its attributes as
 * `child.attr` columns, one row per child.
 */
import { parseSelect } from "../../../server/src/language/select/api";
import type { SelectItem } from "../../../server/src/language/select/ast";

/** One column read along `path` (keys of the record, then of nested objects). */
export interface FixedSlot {
  kind: "fixed";
  name: string;
  path: string[];
}

/** `*`: the record's other keys, each a column named `prefix + key`. */
export interface WildcardSlot {
  kind: "wildcard";
  prefix: string;
}

/** Where the exploded child's columns go among the parent's. */
export interface ExplodedSlot {
  kind: "exploded";
}

export type Slot = FixedSlot | WildcardSlot | ExplodedSlot;

export interface ColumnPlan {
  slots: Slot[];
  /** `--explode CHILD`: the child's key in the record and its own slots (names `child.attr`). */
  explode?: { key: string; slots: Slot[] };
}

export class ExportPlanError extends Error {}

/** The plan for a select value (undefined: no `oslc.select`) and an optional child to explode. */
export function planColumns(select: string | undefined, explode?: string): ColumnPlan {
  const wanted = explode?.trim().toLowerCase();
  if (select === undefined || select.trim() === "") {
    if (wanted !== undefined) throw new ExportPlanError(`--explode ${explode}: the request has no oslc.select; add ${wanted}{attr,...} to its oslc.select.`);
    return { slots: [{ kind: "wildcard", prefix: "" }] };
  }
  const plan: ColumnPlan = { slots: [] };
  for (const item of parseSelect({ text: select }).ast.items) {
    const key = childKey(item);
    if (key !== undefined && wanted !== undefined && key.toLowerCase() === wanted && !plan.explode && (item.kind === "child" || item.kind === "relation")) {
      plan.explode = { key, slots: itemSlots(item.items, `${key}.`) };
      plan.slots.push({ kind: "exploded" });
      continue;
    }
    plan.slots.push(...itemSlots([item], ""));
  }
  if (wanted !== undefined && !plan.explode) {
    throw new ExportPlanError(`--explode ${explode}: the request's oslc.select has no child ${wanted}{...}; add ${wanted}{attr,...} to it (reference §4.1).`);
  }
  return plan;
}

/** The record key a child or relation item fills: `wplabor` for `wplabor{...}`, `openwo` for `rel.openwo{...}`. */
function childKey(item: SelectItem): string | undefined {
  if (item.kind === "child") return item.alias?.name?.name ?? item.name?.segments.at(-1)?.name;
  if (item.kind === "relation") return item.alias?.name?.name ?? item.relation.name;
  return undefined;
}

function itemSlots(items: readonly SelectItem[], prefix: string): Slot[] {
  const slots: Slot[] = [];
  for (const item of items) {
    switch (item.kind) {
      case "all":
        slots.push({ kind: "wildcard", prefix });
        break;
      case "attribute": {
        const alias = item.alias?.name?.name;
        const path = alias ? [alias] : item.path.segments.map((segment) => segment.name);
        slots.push({ kind: "fixed", name: prefix + path.join("."), path });
        break;
      }
      case "child":
      case "relation": {
        const key = childKey(item);
        if (key !== undefined) slots.push({ kind: "fixed", name: prefix + key, path: [key] });
        break;
      }
      case "aggregate": {
        // `openwo.actlabhrs._dbsum` arrives as {openwo: {actlabhrs: {_dbsum: n}}}.
        const path = item.path.segments.map((segment) => segment.name);
        slots.push({ kind: "fixed", name: prefix + path.join("."), path });
        break;
      }
      case "formula":
        // `exp.myreplacecost` arrives as `myreplacecost` (reference §4.1, formula properties).
        slots.push({ kind: "fixed", name: prefix + item.name.name, path: [item.name.name] });
        break;
      case "groupAggregate":
      case "cacheProperty":
        // No source says which key the server answers a cache property with (export README).
        break;
    }
  }
  return dedupe(slots);
}

/** A name selected twice is one column. */
function dedupe(slots: Slot[]): Slot[] {
  const seen = new Set<string>();
  return slots.filter((slot) => {
    if (slot.kind !== "fixed") return true;
    if (seen.has(slot.name)) return false;
    seen.add(slot.name);
    return true;
  });
}

/** True when the plan names every column up front (no wildcard anywhere). */
export function isFixed(plan: ColumnPlan): boolean {
  const noWildcard = (slots: readonly Slot[]) => slots.every((slot) => slot.kind !== "wildcard");
  return noWildcard(plan.slots) && (!plan.explode || noWildcard(plan.explode.slots));
}
