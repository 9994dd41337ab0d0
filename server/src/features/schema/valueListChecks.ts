/**
 * `schema.unlisted-value` and `schema.internal-value`: literal values in `oslc.where` (`=`, `!=`,
 * `in [...]`, the not-in `!="[A,B]"`, child `<mbo>.<rel>.where`, scoped `rel{...}`) and in JSON
 * bodies (BULK items and nested children too) against the attribute's saved value list, and the
 * internal values of `domaininternalwhere` against the synonym domain's internal values. Only
 * attributes with a list file are checked; variables, bind values, `*`, wildcard patterns and
 * strings-only (numbers are left alone) keep it quiet. A list from the offline pack (built from
 * the emulator, not the user's server) may only hint that it does not list a value, and so may a
 * record's `getlist~status` answer (the states that one record may move to, reference §10).
 */
import type { Span, SyntaxDiagnostic } from "../../language/common";
import type { NamePath } from "../../language/common/queryAst";
import type { EmbeddedQuery } from "../../language/maximo/embeddedQueries";
import type { RequestNode } from "../../language/maximo/api";
import type { WhereClause, WhereStringValue, WhereValue } from "../../language/where/ast";
import type { DomainFilter } from "../../language/domain/ast";
import type { SchemaStore } from "../../schema";
import type { JsonNode } from "./jsonBodyTree";
import { CONNECT_ADVICE, schemaDiagnostic } from "./schemaCodes";
import { CHILD_PARAM, internalValueList, isCheckableValue, isStateList, listTarget, matchValue, type ListTarget } from "./valueListLookup";

type Report = (d: SyntaxDiagnostic) => void;

export function checkValueLists(queries: readonly EmbeddedQuery[], request: RequestNode, os: string, store: SchemaStore, body: JsonNode | undefined): SyntaxDiagnostic[] {
  const out: SyntaxDiagnostic[] = [];
  const report: Report = (d) => out.push(d);
  for (const query of queries) {
    if (query.parse.language !== "where") continue;
    const key = query.param.key.decoded;
    const lower = key.toLowerCase();
    const child = CHILD_PARAM.exec(key);
    // `oslc.where`, or a child collection's `<mbo>.<rel>.where` (paths start at the child).
    const base = lower === "oslc.where" ? [] : child && child[2]!.toLowerCase() === "where" && !lower.startsWith("oslc.") ? child[1]!.toLowerCase().split(".") : undefined;
    if (!base) continue;
    // The shared tree in the value's own offsets: each span is placed as it is reported.
    const local = query.parse.local;
    whereClause(local.tree as WhereClause, base, { place: (span) => local.place(span), os, store, report });
  }
  for (const query of queries) {
    if (query.parse.language !== "domain" || query.param.key.decoded.toLowerCase() !== "domaininternalwhere") continue;
    const local = query.parse.local;
    internalValues(local.tree as DomainFilter, os, store, (d) => report({ ...d, span: local.place(d.span) }));
  }
  const action = request.url.query.some((p) => p.key.decoded.toLowerCase() === "action");
  if (body && !action) bodyValues(body, [], os, store, report);
  return out;
}

interface WhereScope {
  /** Places a span of the value's own offsets in the block (`LocalTree.place`). */
  place: (span: Span) => Span;
  os: string;
  store: SchemaStore;
  report: Report;
}

function whereClause(clause: WhereClause, base: string[], scope: WhereScope): void {
  for (const term of clause.terms) {
    if (term.kind === "template" || term.kind === "incomplete" || !term.name) continue;
    const path = namesOf(term.name);
    if (!path) continue;
    if (term.kind === "scoped") {
      whereClause(term.clause, [...base, ...path], scope);
      continue;
    }
    const target = listTarget(scope.store, scope.os, [...base, ...path]);
    if (!target) continue;
    if (term.kind === "in") {
      for (const value of term.values) whereValue(value, target, scope);
    } else if (term.test.kind === "compare" && (term.operator.operator === "=" || term.operator.operator === "!=")) {
      if (term.value) whereValue(term.value, target, scope);
    } else if (term.test.kind === "notIn" && term.value?.kind === "string") {
      notInValues(term.value, target, scope);
    }
  }
}

function namesOf(path: NamePath): string[] | undefined {
  if (path.incomplete || path.segments.some((s) => s.template || s.name.length === 0)) return undefined;
  return path.segments.map((s) => s.name);
}

function whereValue(value: WhereValue, target: ListTarget, scope: WhereScope): void {
  if (value.kind !== "string" || !value.terminated || value.bind !== undefined) return;
  check(value.value, innerSpan(value, 0, value.value.length, scope.place), target, "where", scope.report);
}

/** `!="[APPR,WAPPR]"`: each item between the brackets on its own. */
function notInValues(value: WhereStringValue, target: ListTarget, scope: WhereScope): void {
  const text = value.value;
  const open = text.indexOf("[");
  const close = text.lastIndexOf("]");
  if (open < 0 || close < open) return;
  let at = open + 1;
  for (const item of text.slice(open + 1, close).split(",")) {
    const lead = item.length - item.trimStart().length;
    const trimmed = item.trim();
    if (trimmed) check(trimmed, innerSpan(value, at + lead, at + lead + trimmed.length, scope.place), target, "where", scope.report);
    at += item.length + 1;
  }
}

/**
 * The span of `value.value.slice(from, to)` in the block. The value's span covers its quotes; in
 * the value's own (decoded) offsets its text starts right after the opening one, and each end is
 * placed on its own, so percent-encoded text (`%22APPR%22`, longer than what it says) lands right.
 */
function innerSpan(value: WhereStringValue, from: number, to: number, place: (span: Span) => Span): Span {
  const text = value.span.start + 1;
  return { start: place({ start: text + from, end: text + from }).start, end: place({ start: text + to, end: text + to }).start };
}

/** `domaininternalwhere=status!=APPR,INPRG` (reference §5.2) takes a synonym domain's internal values. */
function internalValues(filter: DomainFilter, os: string, store: SchemaStore, report: Report): void {
  const path = filter.attribute ? namesOf(filter.attribute) : undefined;
  const target = path ? listTarget(store, os, path) : undefined;
  const internal = target ? internalValueList(target.list) : undefined;
  if (!target || !internal) return;
  for (const value of filter.values) {
    if (value.template || !isCheckableValue(value.value)) continue;
    const inInternal = matchValue({ attribute: target.attribute, list: internal }, value.value);
    if (inInternal.kind === "listed") continue;
    const external = matchValue(target, value.value);
    if (external.kind === "listed" && external.entry.maxvalue !== undefined) {
      report(
        schemaDiagnostic(
          "schema.unlisted-value",
          value.span,
          `\`${value.value}\` is a synonym value of \`${target.attribute.name}\`, not an internal value, which is what \`domaininternalwhere\` takes: use \`${external.entry.maxvalue}\`.`,
        ),
      );
      continue;
    }
    check(value.value, value.span, { attribute: target.attribute, list: internal }, "where", report, `the internal values of \`${target.attribute.name}\``);
  }
}

function bodyValues(node: JsonNode, path: string[], os: string, store: SchemaStore, report: Report): void {
  if (node.type === "array") {
    for (const item of node.children ?? []) bodyValues(item, path, os, store, report);
    return;
  }
  if (node.type !== "object") return;
  for (const property of node.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode || !valueNode || typeof keyNode.value !== "string") continue;
    const key = keyNode.value.slice(keyNode.value.indexOf(":") + 1).toLowerCase();
    // A BULK item's record is in `_data`; the other `_` keys and `href` are no attributes.
    if (key === "_data") bodyValues(valueNode, path, os, store, report);
    if (key.startsWith("_") || key === "href" || key === "localref") continue;
    if (valueNode.type === "object" || valueNode.type === "array") {
      bodyValues(valueNode, [...path, key], os, store, report);
      continue;
    }
    if (valueNode.type !== "string" || typeof valueNode.value !== "string" || /0{5,}/.test(valueNode.value) /* a masked {{...}} */) continue;
    const target = listTarget(store, os, [...path, key]);
    // The string's own offsets, quotes excluded: the body is JSON as written, nothing encoded.
    if (target) check(valueNode.value, { start: valueNode.offset + 1, end: valueNode.offset + valueNode.length - 1 }, target, "body", report);
  }
}

function check(text: string, span: Span, target: ListTarget, where: "where" | "body", report: Report, listName = `the value list of \`${target.attribute.name}\``): void {
  if (target.list.values.length === 0 || !isCheckableValue(text)) return;
  const match = matchValue(target, text);
  const name = `\`${target.attribute.name}\``;
  if (match.kind === "listed") return;
  if (match.kind === "internal") {
    const holds = where === "where" ? "records hold a synonym's own value, so filter by it (or by internal value with `domaininternalwhere`)" : "the server takes a synonym's own value";
    report(schemaDiagnostic("schema.internal-value", span, `\`${text}\` is an internal value (maxvalue) of the synonym domain of ${name}, not a value of its own: ${holds}: use \`${match.entry.value}\`${described(match.entry)}.`));
    return;
  }
  let advice: string;
  if (match.nearest && match.caseOnly) advice = ` ${name} is not upper-case only and listed values are case-sensitive: did you mean \`${match.nearest.value}\`${described(match.nearest)}?`;
  else if (match.nearest) advice = ` Did you mean \`${match.nearest.value}\`${described(match.nearest)}?`;
  else advice = ` It lists ${sample(target)}.`;
  const found = schemaDiagnostic("schema.unlisted-value", span, `\`${text}\` is not in ${listName}.${advice}`);
  if (target.list.fromPack) {
    // The pack knows the emulator's values, not the user's server's: never more than a hint.
    report({ ...found, severity: "hint", message: `${found.message} (The offline schemas list only the emulator's values. ${CONNECT_ADVICE})` });
  } else if (isStateList(target.list)) {
    report({
      ...found,
      severity: "hint",
      message: `\`${text}\` is not among the statuses the saved \`getlist~status\` answer lists.${advice} (That answer holds the states one record may move to, so a valid status can be missing from it; a whole domain read through MXAPISYNONYMDOMAIN is checked strictly.)`,
    });
  } else {
    report(found);
  }
}

function described(entry: { description?: string }): string {
  return entry.description ? ` (${entry.description})` : "";
}

function sample(target: ListTarget): string {
  const values = target.list.values;
  const shown = values.slice(0, 8).map((v) => `\`${v.value}\``).join(", ");
  return values.length > 8 ? `${values.length} values: ${shown} ...` : shown;
}
