/**
 * The collection filters besides oslc.where, each ANDed to it: savedQuery (§21.2),
 * oslc.searchTerms over the structure's search attributes, domaininternalwhere (§5.2) and
 * timeline ranges tlrange/tlattribute (§5.4).
 */
import type { ApiRequest } from "../http/types";
import { queryValue } from "../http/types";
import type { ObjectStructureDef, Row } from "../model/types";
import type { Metadata } from "../model/types";
import { domainFilter, whereClause } from "./clauses";
import { badValue, syntaxError, unknownAttribute } from "./errors";
import { mboInfo } from "./schema";
import { comparable } from "./values";
import { compileWhere, indexableTerm, type RowPredicate, type WhereContext } from "./where";

export interface FilterContext extends Omit<WhereContext, "parameter"> {
  metadata: Metadata;
}

/**
 * The predicates a collection request asks for. The name `savedQuery` is matched exactly, as
 * is the query name; `SAVEDQUERY` or an unknown name is ignored without an error (§21.2).
 */
export function collectionFilters(request: ApiRequest, context: FilterContext, mbo: string, os: ObjectStructureDef | undefined): CollectionFilters {
  const predicates: RowPredicate[] = [];
  let index: CollectionFilters["index"];
  const where = queryValue(request, "oslc.where");
  if (where !== undefined && where.trim() !== "") {
    const or = queryValue(request, "opmodeor") === "1";
    const clause = whereClause("oslc.where", where, request.lean);
    predicates.push(compileWhere(clause, mbo, { ...context, parameter: "oslc.where" }, or));
    const term = or ? undefined : indexableTerm(clause, mbo, context.store);
    if (term) index = { ...term, covers: clause.terms.length === 1 };
  }
  const saved = queryValue(request, "savedQuery");
  const query = saved !== undefined ? os?.savedQueries.find((q) => q.name === saved) : undefined;
  if (query) predicates.push(compileWhere(whereClause("savedQuery", query.where, false), mbo, { ...context, parameter: "savedQuery" }));
  const terms = queryValue(request, "oslc.searchTerms") ?? queryValue(request, "oslc.searchTerm");
  if (terms !== undefined && os) predicates.push(searchTerms(terms, os.searchAttributes));
  const domain = queryValue(request, "domaininternalwhere");
  if (domain !== undefined && domain.trim() !== "") predicates.push(domainInternal(domain, mbo, context));
  const range = queryValue(request, "tlrange");
  const tlattribute = queryValue(request, "tlattribute");
  if (range !== undefined && tlattribute !== undefined) predicates.push(timeline(range, tlattribute, mbo, context));
  if (index?.covers && predicates.length > 1) index.covers = false;
  return index ? { predicates, index } : { predicates };
}

export interface CollectionFilters {
  /** All must hold. */
  predicates: RowPredicate[];
  /** An exact text match among them, answerable by the store's index. */
  index?: { attribute: string; value: string; /** The index match is the whole filter. */ covers: boolean };
}

/**
 * `oslc.searchTerms="pump","motor"`: a record matches when one of the terms appears in one of
 * the search attributes, case-insensitively (OSLC: any term matches; Maximo ranks, we keep order).
 */
function searchTerms(value: string, attributes: string[]): RowPredicate {
  const terms = [...value.matchAll(/"([^"]*)"|([^,\s"]+)/g)].map((m) => (m[1] ?? m[2]).toLowerCase()).filter((t) => t.length > 0);
  if (terms.length === 0) return () => true;
  return (row) =>
    attributes.some((a) => {
      const v = row[a];
      if (v === null || v === undefined) return false;
      const text = String(v).toLowerCase();
      return terms.some((t) => text.includes(t));
    });
}

/** `status!=APPR,INPRG`: in / not in over the external values of those internal synonym values. */
function domainInternal(text: string, mbo: string, context: FilterContext): RowPredicate {
  const filter = domainFilter(text);
  if (!filter.attribute || !filter.operator) throw syntaxError("domaininternalwhere", "write <attribute>=<internal values> or <attribute>!=<internal values>");
  const name = filter.attribute.segments[filter.attribute.segments.length - 1].name.toLowerCase();
  const attribute = mboInfo(context.store, mbo).attributes.get(name);
  const domain = attribute?.domainId ? context.metadata.synonymDomains.get(attribute.domainId) : undefined;
  if (!attribute || !domain) throw unknownAttribute("domaininternalwhere", name, mbo);
  const internal = new Set(filter.values.map((v) => v.value.toUpperCase()));
  const external = new Set(domain.values.filter((v) => internal.has(v.maxvalue)).map((v) => v.value));
  const negated = filter.operator.negated;
  return (row) => {
    const v = row[name];
    if (v === null || v === undefined || v === "") return false; // SQL in / not in never match null
    return external.has(String(v)) !== negated;
  };
}

const dayMs = 86_400_000;

/**
 * `tlrange=-3M` (past), `+3M` (future), `+-3Y` (both sides), around now or the date given in
 * `tlattribute=reportdate=<iso date>`. Units D, W, M, Y.
 */
function timeline(range: string, tlattribute: string, mbo: string, context: FilterContext): RowPredicate {
  const match = /^(\+-|-\+|\+|-)(\d+)([DWMY])$/i.exec(range.trim());
  if (!match) throw badValue("tlrange", range, "timeline range");
  const [name, at] = tlattribute.split("=", 2) as [string, string | undefined];
  const attribute = mboInfo(context.store, mbo).attributes.get(name.trim().toLowerCase());
  if (!attribute) throw unknownAttribute("tlattribute", name, mbo);
  const index = at !== undefined ? Date.parse(at) : context.now;
  if (Number.isNaN(index)) throw badValue(attribute.name, at ?? "", attribute.maxType);
  const amount = Number(match[2]);
  const unit = match[3].toUpperCase();
  const shift = (sign: number): number => {
    if (unit === "D") return index + sign * amount * dayMs;
    if (unit === "W") return index + sign * amount * 7 * dayMs;
    const d = new Date(index);
    if (unit === "M") d.setUTCMonth(d.getUTCMonth() + sign * amount);
    else d.setUTCFullYear(d.getUTCFullYear() + sign * amount);
    return d.getTime();
  };
  const sign = match[1];
  const from = sign === "+" ? index : shift(-1);
  const to = sign === "-" ? index : shift(1);
  return (row: Row) => {
    const v = comparable(attribute, row[attribute.name]);
    return typeof v === "number" && v >= from && v <= to;
  };
}
