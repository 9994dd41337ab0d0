/**
 * `_format=csv` (reference §26): the selected columns as a flat file in the import format of
 * §25.3 — one header row of upper-case attribute names, then one line per record. Dot paths
 * become `REL.ATTR` columns; child and rel arrays do not fit a flat file and are left out.
 */
import type { Row } from "../model/types";
import type { Projection } from "./projection";
import { renderRecord, type RenderContext } from "./render";
import { mboInfo } from "./schema";

/** Column paths (`assetnum`, `location.status`) in select order. */
function columns(context: RenderContext, projection: Projection, prefix: string[] = []): string[][] {
  const out: string[][] = [];
  if (projection.all) for (const a of mboInfo(context.store, projection.mbo).persistent) out.push([...prefix, a.name]);
  for (const field of projection.fields) {
    if (field.kind === "attribute" && !(projection.all && field.key === field.attribute.name)) out.push([...prefix, field.key]);
    else if (field.kind === "object") out.push(...columns(context, field.projection, [...prefix, field.key]));
  }
  return out;
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Lines of the file, produced lazily so a large export streams. */
export function* csvLines(context: RenderContext, projection: Projection, rows: readonly Row[]): Generator<string> {
  const flat: RenderContext = { ...context, lean: true, dropNulls: false };
  const paths = columns(flat, projection);
  yield paths.map((p) => p.join(".").toUpperCase()).join(",") + "\r\n";
  for (const row of rows) {
    const record = renderRecord(flat, row, projection);
    yield paths
      .map((path) => {
        let value: unknown = record;
        for (const key of path) value = value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
        return cell(value);
      })
      .join(",") + "\r\n";
  }
}
