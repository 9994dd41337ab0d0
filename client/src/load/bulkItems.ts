/**
 * One BULK item per row (JSON API reference §15): a create is `{"_data": record}` (§15.1); an
 * update `{"_data": changes, "_meta": {"uri", "method": "PATCH", "patchtype": "MERGE"}}` (§15
 * table, §15.2), MERGE so children named in the row are matched and the others kept (§11);
 * a delete `{"_meta": {"uri", "method": "DELETE"}}`. Each `_responsemeta` / `_responsedata`
 * of the answer is read back to its row, in order.
 */
import type { LoadAction, PlannedRow, RowResult } from "./contract";
import type { HeldRecord } from "./keyLookup";

export type BulkItem = Record<string, unknown>;

export function createItem(row: PlannedRow): BulkItem {
  return { _data: row.record };
}

/** The update of an existing record: its keys leave the body (the uri names the record). */
export function updateItem(row: PlannedRow, held: HeldRecord, keys: readonly string[]): BulkItem {
  const data: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(row.record)) if (!keys.includes(name.toLowerCase())) data[name] = value;
  return { _data: data, _meta: { uri: held.href, method: "PATCH", patchtype: "MERGE" } };
}

export function deleteItem(held: HeldRecord): BulkItem {
  return { _meta: { uri: held.href, method: "DELETE" } };
}

/** The item for a row, given what a read by key found (undefined: no record has the keys). */
export function itemFor(action: LoadAction, row: PlannedRow, held: HeldRecord | undefined, keys: readonly string[]): BulkItem | undefined {
  switch (action) {
    case "add":
      return createItem(row);
    case "addchange":
      return held ? updateItem(row, held, keys) : createItem(row);
    case "update":
      return held ? updateItem(row, held, keys) : undefined;
    case "delete":
      return held ? deleteItem(held) : undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * One row's result from its element of the BULK answer: an `Error` in `_responsedata` (§15.1)
 * fails it; anything else landed, with the `Location` of a create or the uri it addressed.
 */
export function resultOfItem(row: PlannedRow, element: unknown, uri: string | undefined): RowResult {
  const meta = isObject(element) && isObject(element._responsemeta) ? element._responsemeta : {};
  const data = isObject(element) && isObject(element._responsedata) ? element._responsedata : {};
  const error = isObject(data.Error) ? data.Error : isObject(data["oslc:Error"]) ? data["oslc:Error"] : isObject(element) && isObject(element.Error) ? element.Error : undefined;
  const status = typeof meta.status === "string" || typeof meta.status === "number" ? Number(meta.status) : undefined;
  if (error || (status !== undefined && status >= 400)) {
    const message = typeof error?.message === "string" ? error.message : `The server refused the row (status ${status ?? "unknown"}).`;
    const reasonCode = typeof error?.reasonCode === "string" ? error.reasonCode : /\b(BMXAA\d{4}[EWI])\b/.exec(message)?.[1];
    return { row: row.row, status: "failed", keys: row.keys, ...(reasonCode ? { reasonCode } : {}), message };
  }
  const location = typeof meta.Location === "string" ? meta.Location : typeof meta.location === "string" ? meta.location : undefined;
  const href = location ?? uri ?? (typeof data.href === "string" ? data.href : undefined);
  return { row: row.row, status: "ok", keys: row.keys, ...(href ? { href } : {}) };
}

/** The scalar attributes of the rows' records at the root (what a read-back can compare). */
export function scalarAttributes(rows: readonly PlannedRow[]): string[] {
  const names = new Set<string>();
  for (const row of rows) for (const [name, value] of Object.entries(row.record)) if (value === null || typeof value !== "object") names.add(name.toLowerCase());
  return [...names];
}
