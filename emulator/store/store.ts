/**
 * The emulator's database: one in-memory table per business object, with key lookups,
 * relationship joins and rowstamps. Rows are plain objects; callers change them only through
 * insert/update/remove so that rowstamps and indexes stay right.
 */
import { MaximoError } from "../http/errors";
import type { MboDef, Metadata, RelationshipDef, Row, Scalar } from "../model/types";
import { decodeRestId, encodeRestId, nullKeyValue } from "./restId";

interface Table {
  def: MboDef;
  rows: Row[];
  /** Lazily built indexes: attribute list (`siteid|wonum`) → joined values → rows. */
  indexes: Map<string, Map<string, Row[]>>;
  nextUniqueId: number;
}

const keySeparator = "\u0000";

export class Store {
  private readonly tables = new Map<string, Table>();
  private rowstamp = 1_000_000;

  constructor(readonly metadata: Metadata) {
    for (const def of metadata.mbos.values()) {
      this.tables.set(def.name, { def, rows: [], indexes: new Map(), nextUniqueId: 1 });
    }
  }

  mbo(name: string): MboDef {
    const table = this.tables.get(name);
    if (!table) throw new Error(`emulator metadata has no object ${name}`);
    return table.def;
  }

  /** All rows of an object, in insertion order. Do not mutate. */
  rows(mbo: string): readonly Row[] {
    return this.table(mbo).rows;
  }

  /** Adds a row: assigns the unique id and `_rowstamp`; a duplicate primary key is refused. */
  insert(mbo: string, values: Row): Row {
    const table = this.table(mbo);
    const keyValues = table.def.keys.map((k) => values[k] ?? null);
    if (keyValues.every((v) => v !== null) && this.findByKey(mbo, keyValues.map(String))) {
      throw new MaximoError(
        400,
        "BMXAA4129E",
        `The record for ${table.def.keys.map((k, i) => `${k.toUpperCase()}=${keyValues[i]}`).join(", ")} already exists. Ensure that the key value for the given record is unique.`,
      );
    }
    const row: Row = { ...values };
    if (row[table.def.uniqueId] === undefined || row[table.def.uniqueId] === null) {
      row[table.def.uniqueId] = table.nextUniqueId;
    }
    table.nextUniqueId = Math.max(table.nextUniqueId, Number(row[table.def.uniqueId]) + 1);
    row._rowstamp = this.nextRowstamp();
    table.rows.push(row);
    // Keep built indexes (a seed inserts thousands of rows, each checking its key).
    for (const [indexName, index] of table.indexes) addToIndex(index, indexName.split("|"), row);
    return row;
  }

  /** Applies changes to a row in place and gives it a new `_rowstamp`. */
  update(mbo: string, row: Row, changes: Row): Row {
    const table = this.table(mbo);
    Object.assign(row, changes);
    row._rowstamp = this.nextRowstamp();
    table.indexes.clear();
    return row;
  }

  remove(mbo: string, row: Row): void {
    const table = this.table(mbo);
    const at = table.rows.indexOf(row);
    if (at >= 0) table.rows.splice(at, 1);
    table.indexes.clear();
  }

  /** Rows whose attributes equal the given values (an indexed lookup). */
  lookup(mbo: string, attributes: string[], values: Scalar[]): readonly Row[] {
    const table = this.table(mbo);
    const indexName = attributes.join("|");
    let index = table.indexes.get(indexName);
    if (!index) {
      index = new Map();
      for (const row of table.rows) addToIndex(index, attributes, row);
      table.indexes.set(indexName, index);
    }
    return index.get(values.map(normalise).join(keySeparator)) ?? [];
  }

  findByKey(mbo: string, keyValues: string[]): Row | undefined {
    const def = this.mbo(mbo);
    if (keyValues.length !== def.keys.length) return undefined;
    return this.lookup(mbo, def.keys, keyValues.map((v) => (v === nullKeyValue ? null : v)))[0];
  }

  findByRestId(mbo: string, restId: string): Row | undefined {
    const keyValues = decodeRestId(restId);
    return keyValues ? this.findByKey(mbo, keyValues) : undefined;
  }

  restId(mbo: string, row: Row): string {
    return encodeRestId(this.mbo(mbo).keys.map((k) => row[k] ?? null));
  }

  relationship(mbo: string, name: string): RelationshipDef | undefined {
    return this.mbo(mbo).relationships.find((r) => r.name === name);
  }

  /** The target rows of a relationship from `row`. */
  related(mbo: string, row: Row, relationName: string): readonly Row[] {
    const rel = this.relationship(mbo, relationName);
    if (!rel) throw new Error(`${mbo} has no relationship ${relationName}`);
    return this.follow(rel, row);
  }

  follow(rel: RelationshipDef, row: Row): readonly Row[] {
    const found = this.lookup(rel.target, rel.join.map(([, t]) => t), rel.join.map(([p]) => row[p] ?? null));
    return rel.filter ? found.filter(rel.filter) : found;
  }

  nextRowstamp(): number {
    return ++this.rowstamp;
  }

  private table(mbo: string): Table {
    const table = this.tables.get(mbo);
    if (!table) throw new Error(`emulator metadata has no object ${mbo}`);
    return table;
  }
}

function addToIndex(index: Map<string, Row[]>, attributes: string[], row: Row): void {
  const key = attributes.map((a) => normalise(row[a])).join(keySeparator);
  const bucket = index.get(key);
  if (bucket) bucket.push(row);
  else index.set(key, [row]);
}

/** Maximo compares key values case-sensitively but numbers and their text alike. */
function normalise(value: Scalar | undefined): string {
  return value === null || value === undefined ? "" : String(value);
}
