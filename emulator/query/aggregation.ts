/**
 * Aggregation (reference §17): `gbcols` groups on attributes and computes count.* / max. /
 * min. / avg. / sum. (shown as `count`, `max_x` ...), each group with a `collectionref` to its
 * records; `gbfilter(s)` is the SQL-style having clause, `gbsortby` sorts the groups.
 */
import type { SelectGroupAggregate } from "../../server/src/language/select/ast";
import type { WhereClause, WhereTerm, WhereValue } from "../../server/src/language/where/ast";
import type { ApiRequest } from "../http/types";
import { queryValue } from "../http/types";
import type { AttributeDef, Row } from "../model/types";
import type { Store } from "../store/store";
import { havingClause, orderByClause, selectClause } from "./clauses";
import { syntaxError, unknownAttribute } from "./errors";
import { mboInfo } from "./schema";
import { compareComparable, typeClass } from "./values";
import { holds } from "./where";

type GroupValue = string | number | null;
type Group = Record<string, GroupValue | string>;

export function aggregate(request: ApiRequest, store: Store, mbo: string, rows: readonly Row[], collectionHref: string): Group[] {
  const clause = selectClause("gbcols", queryValue(request, "gbcols") ?? "", request.lean, "gbcols");
  const info = mboInfo(store, mbo);
  const groupBy: AttributeDef[] = [];
  const functions: SelectGroupAggregate[] = [];
  for (const item of clause.items) {
    if (item.kind === "attribute") {
      const name = item.path.segments[item.path.segments.length - 1].name.toLowerCase();
      const attribute = info.attributes.get(name);
      if (!attribute || item.path.segments.length !== 1) throw unknownAttribute("gbcols", item.path.text, mbo);
      groupBy.push(attribute);
    } else if (item.kind === "groupAggregate") {
      if (item.attribute && !info.attributes.has(item.attribute.name.toLowerCase())) throw unknownAttribute("gbcols", item.attribute.name, mbo);
      functions.push(item);
    }
  }
  const buckets = new Map<string, Row[]>();
  for (const row of rows) {
    const key = JSON.stringify(groupBy.map((a) => row[a.name] ?? null));
    const bucket = buckets.get(key);
    if (bucket) bucket.push(row);
    else buckets.set(key, [row]);
  }
  let groups: Group[] = [];
  for (const bucket of buckets.values()) {
    const group: Group = {};
    for (const a of groupBy) group[a.name] = (bucket[0][a.name] ?? null) as GroupValue;
    for (const fn of functions) group[aggregateKey(fn)] = compute(fn, bucket);
    group.collectionref = `${collectionHref}?oslc.where=${encodeURIComponent(groupBy.map((a) => groupTerm(a, bucket[0][a.name] ?? null)).join(" and "))}`;
    groups.push(group);
  }
  const having = queryValue(request, "gbfilters") ?? queryValue(request, "gbfilter");
  if (having !== undefined && having.trim() !== "") {
    const filter = havingClause("gbfilter", having, request.lean);
    groups = groups.filter((g) => holdsAll(filter, g));
  }
  const sortBy = queryValue(request, "gbsortby");
  if (sortBy !== undefined && sortBy.trim() !== "") {
    const terms = orderByClause("gbsortby", sortBy, request.lean, "gbsortby").terms.map((t) => ({
      key: groupKey(t.path?.text ?? ""),
      sign: t.direction === "descending" ? -1 : 1,
    }));
    groups.sort((a, b) => {
      for (const { key, sign } of terms) {
        const order = compareComparable((a[key] ?? null) as GroupValue, (b[key] ?? null) as GroupValue);
        if (order !== 0) return sign * order;
      }
      return 0;
    });
  }
  return groups;
}

function aggregateKey(fn: SelectGroupAggregate): string {
  return fn.function === "count" ? "count" : `${fn.function}_${fn.attribute?.name.toLowerCase() ?? ""}`;
}

/** `max.budgetcost` in gbfilter/gbsortby names the `max_budgetcost` column; `count.*` is `count`. */
function groupKey(text: string): string {
  const lower = text.toLowerCase();
  if (lower.startsWith("count")) return "count";
  return lower.replace(/^(max|min|avg|sum)\./, "$1_");
}

function compute(fn: SelectGroupAggregate, rows: Row[]): number | null {
  if (fn.function === "count") {
    if (!fn.attribute) return rows.length;
    const name = fn.attribute.name.toLowerCase();
    return rows.filter((r) => r[name] !== null && r[name] !== undefined && r[name] !== "").length;
  }
  const name = (fn.attribute?.name ?? "").toLowerCase();
  const values = rows.map((r) => r[name]).filter((v) => v !== null && v !== undefined && v !== "").map(Number);
  if (values.length === 0) return null;
  switch (fn.function) {
    case "max": return Math.max(...values);
    case "min": return Math.min(...values);
    case "sum": return values.reduce((a, b) => a + b, 0);
    default: return values.reduce((a, b) => a + b, 0) / values.length;
  }
}

/** The oslc.where term that selects one group's records (reference §17.1 collectionref). */
function groupTerm(attribute: AttributeDef, value: GroupValue | boolean): string {
  if (value === null) return `${attribute.name}!="*"`;
  const kind = typeClass(attribute.maxType);
  if (kind === "number" || kind === "boolean") return `${attribute.name}=${String(value)}`;
  return `${attribute.name}="${String(value)}"`;
}

function holdsAll(clause: WhereClause, group: Group): boolean {
  return clause.terms.every((term) => termHolds(term, group));
}

function literal(value: WhereValue): GroupValue {
  if (value.kind === "number") return value.value;
  if (value.kind === "boolean") return value.value ? 1 : 0;
  if (value.kind === "string") return value.value;
  throw syntaxError("gbfilter", `the value ${value.raw} is not a literal`);
}

function termHolds(term: WhereTerm, group: Group): boolean {
  if (term.kind === "in") {
    if (!term.name) return true;
    const have = group[groupKey(term.name.text)] ?? null;
    const found = term.values.some((v) => compareValues(have, literal(v)) === 0);
    return term.negated ? !found : found;
  }
  if (term.kind !== "comparison" || !term.name || !term.value) throw syntaxError("gbfilter", "each term compares a grouped column with a value");
  const have = group[groupKey(term.name.text)] ?? null;
  if (term.test.kind === "notNull") return have !== null;
  if (term.test.kind === "null") return have === null;
  if (have === null) return false;
  return holds(term.operator.operator, compareValues(have, literal(term.value)));
}

function compareValues(a: GroupValue, b: GroupValue): number {
  if (typeof a === "number" && typeof b === "string" && b.trim() !== "" && !Number.isNaN(Number(b))) return a - Number(b);
  if (typeof a === "string" && typeof b === "number") return compareComparable(a, String(b));
  return compareComparable(a, b);
}
