/**
 * The SQL a query stands for, as Maximo's sql logger prints it: `select * from workorder where
 * (status = 'APPR' and siteid = 'BEDFORD') order by reportdate desc`. Built from the same parsed
 * where/orderBy trees the emulator evaluates, so the line says what the query did. Literals are
 * single-quoted with quotes doubled, as Maximo writes them; `in` becomes `in (...)`, wildcards
 * `like`, `="*"` `is not null`, related attributes an `exists` subselect on the relationship.
 */
import type { OrderByClause } from "../../server/src/language/orderby/ast";
import type { WhereClause, WhereTerm, WhereValue } from "../../server/src/language/where/ast";
import type { Metadata } from "../model/types";

export interface SqlQuery {
  mbo: string;
  where?: WhereClause;
  /** `opmodeor=1`: the terms are joined by `or`. */
  or?: boolean;
  orderBy?: OrderByClause;
  /** An extra condition already in SQL (a member's key, a relationship's join). */
  extra?: string;
}

export function selectSql(metadata: Metadata, query: SqlQuery): string {
  const conditions = [query.extra, query.where ? whereSql(metadata, query.mbo, query.where, query.or ?? false) : undefined].filter((c): c is string => !!c);
  const where = conditions.length > 0 ? ` where ${conditions.map((c) => `(${c})`).join(" and ")}` : "";
  const order = query.orderBy?.terms
    .filter((term) => term.path)
    .map((term) => `${term.path!.text.toLowerCase()}${term.direction === "descending" ? " desc" : " asc"}`)
    .join(", ");
  return `select * from ${query.mbo}${where}${order ? ` order by ${order}` : ""}`;
}

function whereSql(metadata: Metadata, mbo: string, clause: WhereClause, or: boolean): string {
  const terms = clause.terms.map((term) => termSql(metadata, mbo, term)).filter((t): t is string => !!t);
  return terms.join(or ? " or " : " and ");
}

function termSql(metadata: Metadata, mbo: string, term: WhereTerm): string | undefined {
  if (term.kind === "template" || term.kind === "incomplete" || !term.name) return undefined;
  const segments = term.name.segments.map((s) => s.text.toLowerCase());
  const attribute = segments[segments.length - 1]!;
  let condition: string;
  if (term.kind === "scoped") condition = whereSql(metadata, relatedMbo(metadata, mbo, segments) ?? attribute, term.clause, false);
  else if (term.kind === "in") condition = `${attribute} ${term.negated ? "not in" : "in"} (${term.values.map(literal).join(", ")})`;
  else {
    const value = term.value;
    switch (term.test.kind) {
      case "notNull":
        condition = `${attribute} is not null`;
        break;
      case "null":
        condition = `${attribute} is null`;
        break;
      case "notIn":
        condition = `${attribute} not in (${term.test.values.map((v) => quote(v)).join(", ")})`;
        break;
      case "wildcard":
        condition = `${attribute} ${term.operator.operator === "!=" ? "not like" : "like"} ${value ? literal(value) : "''"}`;
        break;
      default:
        condition = `${attribute} ${term.operator.operator === "!=" ? "!=" : term.operator.operator} ${value ? literal(value) : "null"}`;
    }
  }
  // A path through relationships (`location.status`, or the scope `rel{...}`) asks about related rows.
  const relations = term.kind === "scoped" ? segments : segments.slice(0, -1);
  return relations.length === 0 ? condition : existsSql(metadata, mbo, relations, condition);
}

function existsSql(metadata: Metadata, mbo: string, relations: string[], condition: string): string {
  let owner = mbo;
  const joins: string[] = [];
  for (const name of relations) {
    const relationship = metadata.mbos.get(owner)?.relationships.find((r) => r.name === name);
    if (!relationship) return `${relations.join(".")}: ${condition}`;
    joins.push(relationship.whereText);
    owner = relationship.target;
  }
  return `exists (select 1 from ${owner} where ${joins.map((j) => `(${j})`).join(" and ")} and (${condition}))`;
}

function relatedMbo(metadata: Metadata, mbo: string, relations: string[]): string | undefined {
  let owner = mbo;
  for (const name of relations) {
    const relationship = metadata.mbos.get(owner)?.relationships.find((r) => r.name === name);
    if (!relationship) return undefined;
    owner = relationship.target;
  }
  return owner;
}

function literal(value: WhereValue): string {
  switch (value.kind) {
    case "string":
      return value.bind ? `:${value.bind.replace(/&/g, "").toLowerCase()}` : quote(value.value.replace(/\*/g, "%"));
    case "number":
      return value.raw;
    case "boolean":
      return value.value ? "1" : "0";
    default:
      return quote(value.raw);
  }
}

function quote(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
