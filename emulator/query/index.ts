/**
 * Reads: collection queries and member GETs of the os/ API (JSON API reference §4–§9, §17,
 * §18, §21, §26). `resources/osRoutes.ts` resolves the path and calls these; the writes call
 * `renderMember` for the `properties` response header.
 */
import type { Emulator } from "../emulator";
import type { ApiRequest, Reply } from "../http/types";
import { jsonReply, queryValue } from "../http/types";
import type { Row } from "../model/types";
import type { CollectionTarget, MemberTarget } from "../resources/targets";
import { etagOf } from "../store/etag";
import type { Store } from "../store/store";
import { aggregate } from "./aggregation";
import { childFilters } from "./childFilters";
import { orderByClause, selectClause } from "./clauses";
import { csvLines } from "./csv";
import { unknownAttribute } from "./errors";
import { collectionFilters, type FilterContext } from "./filters";
import { compileOrderBy } from "./order";
import { pageLinks, pageOf, responseInfo } from "./paging";
import { allProjection, compileProjection, type Projection } from "./projection";
import { hrefKey, renderRecord, type RenderContext } from "./render";
import { memberNode, mboInfo, rootNode, type OsNode } from "./schema";
import { closeStableSet, openStableSet, readStableSet } from "./stablePaging";
import { comparable } from "./values";
import { traceCollectionSql, traceMemberSql } from "../threadLog/requestTrace";

/** Pages with more members than this are streamed one member per chunk. */
const streamThreshold = 100;

function filterContext(request: ApiRequest, emulator: Emulator): FilterContext {
  return { store: emulator.store, metadata: emulator.metadata, user: request.user, now: emulator.now() };
}

function renderContext(request: ApiRequest, emulator: Emulator): RenderContext {
  return {
    store: emulator.store,
    metadata: emulator.metadata,
    lean: request.lean,
    dropNulls: queryValue(request, "_dropnulls") !== "0",
    childFilters: childFilters(request, emulator.store, filterContext(request, emulator)),
  };
}

// Compiled projections per store (they hold that metadata's definitions), keyed by select text.
const projections = new WeakMap<Store, Map<string, Projection>>();

function projectionFor(store: Store, select: string, lean: boolean, node: OsNode, nodeKey: string): Projection {
  let cache = projections.get(store);
  if (!cache) {
    cache = new Map();
    projections.set(store, cache);
  }
  const key = `${lean ? 1 : 0}${nodeKey}\u0000${select}`;
  let projection = cache.get(key);
  if (!projection) {
    projection = compileProjection(store, selectClause("oslc.select", select, lean), node);
    if (cache.size > 500) cache.clear();
    cache.set(key, projection);
  }
  return projection;
}

function memberProjection(request: ApiRequest, emulator: Emulator, target: MemberTarget, select: string | undefined): Projection {
  const node = memberNode(target);
  if (select === undefined || select.trim() === "") return allProjection(node);
  return projectionFor(emulator.store, select, request.lean, node, `${target.os.name}/${node.mbo}`);
}

export function renderMember(request: ApiRequest, emulator: Emulator, target: MemberTarget, select?: string): Record<string, unknown> {
  const context = renderContext(request, emulator);
  const projection = memberProjection(request, emulator, target, select);
  const localref = target.parent ? target.href : undefined;
  return renderRecord(context, target.row, projection, target.href, localref);
}

/** A member GET: every persistent attribute and the child refs (§16.1), or what oslc.select asks. */
export function getMember(request: ApiRequest, emulator: Emulator, target: MemberTarget): Reply {
  traceMemberSql(request, emulator, target.mbo, target.row);
  const body = renderMember(request, emulator, target, queryValue(request, "oslc.select"));
  return jsonReply(body, 200, { ETag: etagOf(target.row) });
}

export function queryCollection(request: ApiRequest, emulator: Emulator, target: CollectionTarget): Reply {
  const lean = request.lean;
  const stableId = queryValue(request, "stableId");
  let rows: readonly Row[];
  let stable: string | undefined;
  const page0 = queryValue(request, "pageno");
  if (stableId !== undefined) {
    rows = readStableSet(emulator, stableId, page0 === undefined ? 1 : Number.parseInt(page0, 10));
    stable = stableId;
  } else {
    traceCollectionSql(request, emulator, target.mbo);
    const { predicates, index } = collectionFilters(request, filterContext(request, emulator), target.mbo, target.os);
    let base = target.base();
    // The whole table (not a relation's subset): start from the index's matches, in table order.
    let covered = false;
    if (index && base === emulator.store.rows(target.mbo)) {
      base = emulator.store.lookup(target.mbo, [index.attribute], [index.value]);
      covered = index.covers;
    }
    rows = predicates.length === 0 || covered ? base : base.filter((row) => predicates.every((p) => p(row)));
    if (queryValue(request, "count") === "1") return jsonReply(lean ? { totalCount: rows.length } : { "oslc:totalCount": rows.length });
    if (queryValue(request, "gbcols") !== undefined) return jsonReply(aggregate(request, emulator.store, target.mbo, rows, target.href));
    const order = queryValue(request, "oslc.orderBy");
    if (order !== undefined && order.trim() !== "") {
      const comparator = compileOrderBy(emulator.store, orderByClause("oslc.orderBy", order, lean), target.mbo, "oslc.orderBy");
      if (comparator) rows = [...rows].sort(comparator);
    }
    const distinct = queryValue(request, "distinct");
    if (distinct !== undefined) return jsonReply(distinctValues(emulator.store, target.mbo, rows, distinct));
    if (queryValue(request, "stablepaging") === "true" && queryValue(request, "oslc.pageSize") !== undefined) {
      stable = openStableSet(emulator, rows);
    }
  }

  const page = pageOf(request, emulator.options, rows.length);
  const links = pageLinks(request, target.href, page, stable ? { stableId: stable } : {});
  if (stable && page.end >= page.total) closeStableSet(emulator, stable);
  const pageRows = rows.slice(page.start, page.end);
  const context = renderContext(request, emulator);
  const select = queryValue(request, "oslc.select");
  const node = rootNode(target.os, target.mbo);
  const projection =
    select !== undefined && select.trim() !== "" ? projectionFor(emulator.store, select, lean, node, `${target.os?.name ?? ""}/${target.mbo}`) : undefined;

  if (queryValue(request, "_format") === "csv") {
    const lines = csvLines(context, projection ?? allProjection(node), pageRows);
    return { status: 200, body: { kind: "stream", chunks: lines, contentType: "text/csv; charset=utf-8" } };
  }

  // Without oslc.select the members are links only (reference §4.1).
  const member = (row: Row, index: number): Record<string, unknown> => {
    const href = target.memberHref(row, page.start + index);
    return projection ? renderRecord(context, row, projection, href) : { [hrefKey(context)]: href };
  };
  const info = responseInfo(lean, links, page, queryValue(request, "collectioncount") === "1");
  const memberKey = lean ? "member" : "rdfs:member";
  const selfKey = lean ? "href" : "rdf:about";
  const infoKey = lean ? "responseInfo" : "oslc:responseInfo";
  if (pageRows.length <= streamThreshold) {
    return jsonReply({ [memberKey]: pageRows.map(member), [selfKey]: target.href, [infoKey]: info });
  }
  return { status: 200, body: { kind: "stream", chunks: streamMembers(memberKey, pageRows, member, { [selfKey]: target.href, [infoKey]: info }), contentType: "application/json" } };
}

/** `{"member":[` one member per chunk `],...}`: a large page is never one string. */
function* streamMembers(memberKey: string, rows: readonly Row[], member: (row: Row, index: number) => Record<string, unknown>, tail: Record<string, unknown>): Generator<string> {
  yield `{${JSON.stringify(memberKey)}:[`;
  for (let i = 0; i < rows.length; i++) yield (i === 0 ? "" : ",") + JSON.stringify(member(rows[i], i));
  yield `],${JSON.stringify(tail).slice(1)}`;
}

/** `distinct=<attribute>` (reference §18): the distinct values, as a JSON array. */
function distinctValues(store: Store, mbo: string, rows: readonly Row[], name: string): unknown[] {
  const attribute = mboInfo(store, mbo).attributes.get(name.trim().toLowerCase());
  if (!attribute) throw unknownAttribute("distinct", name, mbo);
  const seen = new Set<string | number>();
  const values: unknown[] = [];
  for (const row of rows) {
    const key = comparable(attribute, row[attribute.name]);
    if (key === null || seen.has(key)) continue;
    seen.add(key);
    values.push(row[attribute.name]);
  }
  return values;
}
