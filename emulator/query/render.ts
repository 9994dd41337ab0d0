/**
 * Writes one record as the JSON API shows it: lean keys (`wonum`, `href`) or namespaced ones
 * (`spi:wonum`, `rdf:about`), nulls dropped unless `_dropnulls=0` (reference §4.1), synonym
 * descriptions, `_rowstamp`, child collection refs and doclinks refs (§16.1).
 */
import type { Metadata, Row, Scalar, SynonymDomainDef } from "../model/types";
import type { Store } from "../store/store";
import type { ChildFilters } from "./childFilters";
import type { Field, Projection } from "./projection";
import { mboInfo } from "./schema";

export interface RenderContext {
  store: Store;
  metadata: Metadata;
  lean: boolean;
  dropNulls: boolean;
  childFilters: ChildFilters;
}

export function dataKey(context: RenderContext, name: string): string {
  return context.lean ? name : `spi:${name}`;
}

export function hrefKey(context: RenderContext): string {
  return context.lean ? "href" : "rdf:about";
}

/** A link to another resource: `{href}` lean, `{rdf:resource}` namespaced. */
export function linkTo(context: RenderContext, href: string): Record<string, string> {
  return context.lean ? { href } : { "rdf:resource": href };
}

/**
 * Renders `row` of `projection.mbo`. `href` is the record's own URI (absent for related rows
 * shown through the rel notation or dot paths, which have none).
 */
export function renderRecord(context: RenderContext, row: Row, projection: Projection, href?: string, localref?: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (href) out[hrefKey(context)] = href;
  if (localref) out.localref = localref;
  const info = mboInfo(context.store, projection.mbo);
  const shown = new Set<string>();
  if (projection.all) {
    for (const attribute of info.persistent) {
      shown.add(attribute.name);
      putValue(context, out, attribute.name, row[attribute.name], attribute.domainId);
    }
  }
  for (const field of projection.fields) renderField(context, out, row, field, shown, href, projection.mbo);
  if (projection.all && href) {
    for (const child of projection.node.children) {
      if (projection.fields.some((f) => f.kind === "child" && f.child === child)) continue;
      // Attachments show as a link to the doclinks collection; other children as `<name>_collectionref`.
      if (child.name === "doclinks") out[dataKey(context, "doclinks")] = linkTo(context, `${href}/doclinks`);
      else out[dataKey(context, `${child.name}_collectionref`)] = `${href}/${child.name}`;
    }
  }
  if (projection.all || projection.fields.length > 0) out._rowstamp = String(row._rowstamp ?? "");
  return out;
}

function renderField(
  context: RenderContext,
  out: Record<string, unknown>,
  row: Row,
  field: Field,
  shown: Set<string>,
  href: string | undefined,
  mbo: string,
): void {
  switch (field.kind) {
    case "attribute":
      if (shown.has(field.key)) return;
      shown.add(field.key);
      putValue(context, out, field.key, row[field.attribute.name], field.attribute.domainId);
      return;
    case "object": {
      const related = context.store.follow(field.relation, row)[0];
      const key = dataKey(context, field.key);
      if (related) out[key] = { ...(out[key] as object | undefined), ...renderRecord(context, related, field.projection) };
      else if (!context.dropNulls) out[key] = null;
      return;
    }
    case "array": {
      const rows = context.childFilters.apply(field.relation, context.store.follow(field.relation, row));
      const items = rows.map((r) => renderRecord(context, r, field.projection));
      if (items.length > 0 || !context.dropNulls) out[dataKey(context, field.key)] = items;
      return;
    }
    case "child": {
      const relation = context.store.relationship(mbo, field.child.relation);
      if (!relation) return;
      const rows = context.childFilters.apply(relation, context.store.follow(relation, row));
      out[dataKey(context, field.key)] = rows.map((r) => {
        const ref = href ? `${href}/${field.child.name}/${context.store.restId(field.child.mbo, r)}` : undefined;
        return renderRecord(context, r, field.projection, ref, ref);
      });
      return;
    }
    case "dbAggregate": {
      const key = dataKey(context, field.key);
      const target = (out[key] ?? {}) as Record<string, unknown>;
      out[key] = target;
      const rows = context.store.follow(field.relation, row);
      if (field.fn === "_dbcount") target._dbcount = rows.length;
      else if (field.fn === "_dbexists") target._dbexists = rows.length > 0;
      else if (field.attribute) {
        const name = field.attribute.name;
        const values = rows.map((r) => r[name]).filter((v): v is number | string => v !== null && v !== undefined && v !== "").map(Number);
        const slot = (target[dataKey(context, name)] ?? {}) as Record<string, unknown>;
        target[dataKey(context, name)] = slot;
        slot[field.fn] = aggregateOf(field.fn, values);
      }
      return;
    }
  }
}

function aggregateOf(fn: string, values: number[]): number | null {
  if (values.length === 0) return fn === "_dbsum" ? 0 : null;
  switch (fn) {
    case "_dbsum": return values.reduce((a, b) => a + b, 0);
    case "_dbavg": return values.reduce((a, b) => a + b, 0) / values.length;
    case "_dbmax": return Math.max(...values);
    default: return Math.min(...values);
  }
}

function putValue(context: RenderContext, out: Record<string, unknown>, key: string, value: Scalar | undefined, domainId: string | undefined): void {
  const present = value !== null && value !== undefined && value !== "";
  if (!present) {
    if (!context.dropNulls) out[dataKey(context, key)] = null;
    return;
  }
  out[dataKey(context, key)] = value;
  const domain = domainId ? context.metadata.synonymDomains.get(domainId) : undefined;
  if (domain) {
    const description = synonymDescriptions(domain).get(String(value));
    if (description !== undefined) out[dataKey(context, `${key}_description`)] = description;
  }
}

const descriptions = new WeakMap<SynonymDomainDef, Map<string, string>>();

function synonymDescriptions(domain: SynonymDomainDef): Map<string, string> {
  let map = descriptions.get(domain);
  if (!map) {
    map = new Map(domain.values.map((v) => [v.value, v.description]));
    descriptions.set(domain, map);
  }
  return map;
}
