/**
 * Filters for child sets inlined in their parents (reference §9): `<mbo>.<rel>.where`,
 * `.opmodeor`, `.orderBy`, `.limit`. They shape the inlined rows only, never which parents match.
 */
import type { ApiRequest } from "../http/types";
import type { RelationshipDef, Row } from "../model/types";
import type { Store } from "../store/store";
import { orderByClause, whereClause } from "./clauses";
import { compileOrderBy, type RowComparator } from "./order";
import { compileWhere, type RowPredicate, type WhereContext } from "./where";

export interface ChildFilters {
  apply(relation: RelationshipDef, rows: readonly Row[]): readonly Row[];
}

interface ChildFilter {
  where?: RowPredicate;
  order?: RowComparator;
  limit?: number;
}

const childParam = /^([A-Za-z0-9_]+)\.([A-Za-z0-9_]+)\.(where|orderBy|limit|opmodeor)$/;

export const noChildFilters: ChildFilters = { apply: (_relation, rows) => rows };

export function childFilters(request: ApiRequest, store: Store, context: Omit<WhereContext, "parameter">): ChildFilters {
  const found = request.query.filter((p) => childParam.test(p.name));
  if (found.length === 0) return noChildFilters;
  const byRelation = new Map<RelationshipDef, ChildFilter>();
  const opmodeOr = new Set(found.filter((p) => p.name.endsWith(".opmodeor") && p.value === "1").map((p) => p.name.slice(0, -".opmodeor".length)));
  for (const param of found) {
    const [, parent, relName, op] = childParam.exec(param.name) as RegExpExecArray;
    const parentMbo = parent.toLowerCase();
    let relation: RelationshipDef | undefined;
    try {
      relation = store.relationship(parentMbo, relName.toLowerCase());
    } catch {
      relation = undefined; // not an object name: a real server ignores unknown parameters
    }
    if (!relation) continue;
    const filter = byRelation.get(relation) ?? {};
    byRelation.set(relation, filter);
    if (op === "where") {
      const clause = whereClause(param.name, param.value, request.lean);
      filter.where = compileWhere(clause, relation.target, { ...context, parameter: param.name }, opmodeOr.has(`${parent}.${relName}`));
    } else if (op === "orderBy") {
      filter.order = compileOrderBy(store, orderByClause(param.name, param.value, request.lean), relation.target, param.name);
    } else if (op === "limit") {
      const limit = Number.parseInt(param.value, 10);
      if (Number.isFinite(limit) && limit >= 0) filter.limit = limit;
    }
  }
  return {
    apply(relation, rows) {
      const filter = byRelation.get(relation);
      if (!filter) return rows;
      let result = filter.where ? rows.filter(filter.where) : rows;
      if (filter.order) result = [...result].sort(filter.order);
      if (filter.limit !== undefined) result = result.slice(0, filter.limit);
      return result;
    },
  };
}
