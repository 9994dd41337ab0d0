/**
 * The ETag a member carries (header on GET, `_responsemeta.ETag` in BULK): derived from the
 * row's `_rowstamp`, so any saved change makes an earlier ETag stale (practitioner guide
 * "UPDATE": If-Match → 412 when the record changed).
 */
import type { Row } from "../model/types";

export function etagOf(row: Row): string {
  return `"${String(row._rowstamp ?? 0)}"`;
}

/** True when an If-Match header value (possibly weak, quoted or not, or a list) names the row's ETag. */
export function ifMatchHolds(ifMatch: string, row: Row): boolean {
  const current = String(row._rowstamp ?? 0);
  return ifMatch
    .split(",")
    .map((tag) => tag.trim().replace(/^W\//, "").replace(/^"|"$/g, ""))
    .some((tag) => tag === "*" || tag === current);
}
