/**
 * Records to rows: each `member` record becomes one row (or one per child with `--explode`),
 * keyed by column name, with the server's bookkeeping left out. The column list grows as
 * wildcard slots meet new keys; its order is always the plan's slot order.
 */
import type { ColumnPlan, Slot } from "./columns";

/** A row: column name → value as the server sent it (children cleaned, see `cleanValue`). */
export type Row = Record<string, unknown>;

/**
 * Keys that are links or bookkeeping, not data (reference §4.1: `href`, `_rowstamp`,
 * `xxx_collectionref`, `_imagelibref`; `localref` on child records): never a column, and left
 * out of children written as JSON. They cannot be loaded back.
 */
const NOISE_KEY = /^(href|localref|about|_rowstamp|_imagelibref|rdf:about|rdf:type|rdf:resource)$|_collectionref$/;
const ALIAS_PREFIX = "$alias_this_attr$";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The column name a record key gives, or undefined for keys that are not data: noise, aliases,
 * namespaced keys other than `spi:` (whose prefix is dropped), and `x_description` beside `x`
 * (the synonym description the server adds to a domain-bound attribute, reference §4.1).
 */
export function dataKey(key: string, record: Record<string, unknown>): string | undefined {
  if (NOISE_KEY.test(key) || key.startsWith(ALIAS_PREFIX)) return undefined;
  let name = key;
  const colon = key.indexOf(":");
  if (colon >= 0) {
    if (key.slice(0, colon) !== "spi") return undefined;
    name = key.slice(colon + 1);
  }
  if (name.endsWith("_description") && name.length > 12) {
    const base = name.slice(0, -12);
    if (base in record || `spi:${base}` in record) return undefined;
  }
  return name;
}

/** A record's value for a bare name: the aliased attribute when a relation took its name (reference §4.1.2), else `name` or `spi:name`. */
function valueOf(record: Record<string, unknown>, name: string): unknown {
  if (`${ALIAS_PREFIX}${name}` in record) return record[`${ALIAS_PREFIX}${name}`];
  return name in record ? record[name] : record[`spi:${name}`];
}

/** The value along a dot path; only a one-name path reads an aliased attribute, a longer one goes through the relation's object. */
function valueAt(record: Record<string, unknown>, path: readonly string[]): unknown {
  if (path.length === 1) return valueOf(record, path[0]!);
  let value: unknown = record;
  for (const segment of path) {
    if (!isRecord(value)) return undefined;
    value = segment in value ? value[segment] : value[`spi:${segment}`];
  }
  return value;
}

/** A nested value with noise keys dropped and `spi:` prefixes removed, at every depth. */
export function cleanValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(cleanValue);
  if (!isRecord(value)) return value;
  const clean: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const name = dataKey(key, value);
    if (name !== undefined && !(name in clean)) clean[name] = cleanValue(value[key]);
  }
  return clean;
}

/** The ordered column names; wildcard slots add names as records show them. */
export class ColumnSet {
  /** Per slot (parent slots, with the exploded child's slots in place of its marker): the names it owns. */
  private readonly owned: string[][];
  private readonly flat: Slot[];
  private readonly known = new Set<string>();
  private cached: string[] | undefined;

  constructor(private readonly plan: ColumnPlan) {
    this.flat = plan.slots.flatMap((slot) => (slot.kind === "exploded" ? plan.explode!.slots : [slot]));
    this.owned = this.flat.map((slot) => (slot.kind === "fixed" ? [slot.name] : []));
    for (const slot of this.flat) if (slot.kind === "fixed") this.known.add(slot.name);
  }

  names(): string[] {
    this.cached ??= this.owned.flat();
    return this.cached;
  }

  /** Records a wildcard column (no-op when known). */
  discover(slot: Slot, name: string): void {
    if (this.known.has(name)) return;
    this.known.add(name);
    this.owned[this.flat.indexOf(slot)]!.push(name);
    this.cached = undefined;
  }

  /** The rows of one record: one, or one per child of the exploded child (one with empty child cells when it has none). */
  rows(record: unknown): Row[] {
    if (!isRecord(record)) return [];
    const parent: Row = {};
    this.fill(parent, record, this.plan.slots, "");
    const explode = this.plan.explode;
    if (!explode) return [parent];
    const children = valueOf(record, explode.key);
    const list = Array.isArray(children) ? children.filter(isRecord) : isRecord(children) ? [children] : [];
    if (list.length === 0) return [parent];
    return list.map((child) => {
      const row: Row = { ...parent };
      this.fill(row, child, explode.slots, `${explode.key}.`);
      return row;
    });
  }

  private fill(row: Row, record: Record<string, unknown>, slots: readonly Slot[], prefix: string): void {
    // Keys a fixed slot or the exploded child already reads are not wildcard columns too.
    const claimed = new Set<string>();
    for (const slot of slots) if (slot.kind === "fixed") claimed.add(slot.path[0]!);
    if (prefix === "" && this.plan.explode) claimed.add(this.plan.explode.key);
    for (const slot of slots) {
      if (slot.kind === "fixed") {
        const value = valueAt(record, slot.path);
        if (value !== undefined && value !== null) row[slot.name] = cleanValue(value);
      } else if (slot.kind === "wildcard") {
        for (const key of Object.keys(record)) {
          const name = dataKey(key, record);
          if (name === undefined || claimed.has(name)) continue;
          const value = record[key];
          if (value === undefined || value === null) continue;
          const clean = cleanValue(value);
          // A reference that is only a link (`"doclinks": {"href": ...}`) is no data.
          if (isRecord(clean) && Object.keys(clean).length === 0) continue;
          const column = prefix + name;
          this.discover(slot, column);
          row[column] = clean;
        }
      }
    }
  }
}
