/**
 * Reads records back by their primary keys: one GET per batch with `oslc.where` (reference §5:
 * `attr="v"`, `attr in ["a","b"]`, terms joined by `and` only, numbers bare) and `oslc.select`,
 * following `responseInfo.nextPage` (§8). A structure with several keys (asset: assetnum,
 * siteid) is asked for the cross product of each key's values and the answer filtered to the
 * exact rows, because a real server has no `or` (PRODUCT.md).
 */
import type { PlannedRow } from "./contract";
import { keyAttributes, osRequest, type LoadTarget } from "./loadTarget";
import { nextPageHref, nextPageRequest } from "../http/paging";
import { sameStoredValue } from "../verify/valueComparison";
import type { ExecutedResponse } from "../http/types";

/** A record as the server holds it: its href and the selected values (lean, lower case). */
export interface HeldRecord {
  href: string;
  values: Record<string, unknown>;
}

/** Thrown when the records could not be read (the server answered an error or nothing). */
export class LookupError extends Error {}

const numericTypes = new Set(["integer", "number"]);

function isNumericKey(target: LoadTarget, key: string): boolean {
  return numericTypes.has(target.schema.attributes.get(key)?.type ?? "string");
}

/** Whether every key value of the row can be written in `oslc.where` (no double quote; numbers as numbers). */
export function hasWritableKeys(target: LoadTarget, row: PlannedRow): boolean {
  return keyAttributes(target).every((key) => {
    const value = row.keys[key] ?? "";
    return !value.includes('"') && (!isNumericKey(target, key) || /^[+-]?\d+(\.\d+)?$/.test(value));
  });
}

/** `attr="v"` / `attr in ["a","b"]`, or undefined when a value cannot be written in a where clause. */
export function keyWhere(target: LoadTarget, rows: readonly PlannedRow[]): string | undefined {
  if (!rows.every((row) => hasWritableKeys(target, row))) return undefined;
  const terms: string[] = [];
  for (const key of keyAttributes(target)) {
    const numeric = isNumericKey(target, key);
    const values = [...new Set(rows.map((r) => r.keys[key] ?? ""))];
    const written = values.map((v) => (numeric ? v : `"${v}"`));
    terms.push(written.length === 1 ? `${key}=${written[0]}` : `${key} in [${written.join(",")}]`);
  }
  return terms.join(" and ");
}

function rowKeyText(keys: readonly string[], values: (k: string) => unknown): string {
  return keys.map((k) => String(values(k) ?? "").toUpperCase()).join("\u0000");
}

/**
 * The records holding each row's keys (rows without one are absent from the map). `select`
 * adds attributes to compare; the keys are always selected. Rows must have writable keys
 * (`hasWritableKeys`).
 */
export async function readByKeys(target: LoadTarget, rows: readonly PlannedRow[], select: readonly string[] = []): Promise<Map<PlannedRow, HeldRecord>> {
  const found = new Map<PlannedRow, HeldRecord>();
  const keys = keyAttributes(target);
  if (rows.length === 0 || keys.length === 0) return found;
  const where = keyWhere(target, rows);
  if (where === undefined) throw new LookupError(`A key value of ${target.os.toUpperCase()} cannot be written in oslc.where (a double quote, or a number that is none).`);
  const byKey = new Map<string, PlannedRow[]>();
  for (const row of rows) {
    const text = rowKeyText(keys, (k) => row.keys[k]);
    byKey.set(text, [...(byKey.get(text) ?? []), row]);
  }
  const selected = [...new Set([...keys, ...select])];
  const first = osRequest(target, "GET", [
    { key: "oslc.select", value: selected.join(",") },
    { key: "oslc.where", value: where },
    { key: "oslc.pageSize", value: String(Math.max(100, rows.length)) },
  ]);
  let request = first;
  for (let page = 1; page <= 1000; page++) {
    const response = await target.executor.send(request);
    const body = answerBody(response);
    const members = Array.isArray(body.member) ? body.member : Array.isArray(body["rdfs:member"]) ? body["rdfs:member"] : [];
    for (const member of members as Array<Record<string, unknown>>) {
      const href = typeof member.href === "string" ? member.href : typeof member["rdf:about"] === "string" ? member["rdf:about"] : undefined;
      if (href === undefined) continue;
      for (const row of byKey.get(rowKeyText(keys, (k) => member[k])) ?? []) {
        if (keys.every((k) => sameStoredValue(row.keys[k] ?? "", member[k]))) found.set(row, { href, values: member });
      }
    }
    const next = nextPageHref(body);
    if (next === undefined) return found;
    request = nextPageRequest(next, response, first, target.executor.connection);
  }
  throw new LookupError("Reading records back by key went past 1000 pages; the server keeps answering more.");
}

function answerBody(response: ExecutedResponse): Record<string, unknown> {
  if (response.status !== 200) {
    const error = response.maximoError;
    throw new LookupError(`Reading records back by key failed: HTTP ${response.status}${error ? ` ${error.reasonCode} ${error.message}` : ""}.`);
  }
  const body = response.json();
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new LookupError("Reading records back by key: the answer is not a collection.");
  return body as Record<string, unknown>;
}
