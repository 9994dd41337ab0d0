/**
 * The server's own check of a load, saving nothing: `POST os/{name}?action=importfile` with the
 * header `preview: 1` and a flat (CSV) body whose header names the attributes by alias (JSON
 * API reference §25.3-25.4). The answer counts valid and invalid documents and explains each
 * invalid one in `warningmsg`. Only structures that support flat files answer it (§25.1), and
 * only flat columns fit in it, so a load with child columns is previewed locally only.
 */
import { csvStringify } from "../libraries/lazy";
import type { ColumnMapping, PlannedRow } from "./contract";
import { osRequest, type LoadTarget } from "./loadTarget";

/** Rows sent for the server's preview at most; the local check covers every row. */
export const serverPreviewRows = 1000;

export type ServerPreview =
  | { kind: "checked"; totaldoc: number; validdoc: number; invaliddoc: number; warnings: string[] }
  | { kind: "not-checked"; reason: string };

function text(rows: string[][]): Promise<string> {
  return new Promise((resolve, reject) => csvStringify().stringify(rows, { record_delimiter: "unix" }, (error, output) => (error ? reject(error) : resolve(output))));
}

function cell(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "boolean") return value ? "1" : "0";
  return String(value);
}

export async function previewOnServer(target: LoadTarget, columns: readonly ColumnMapping[], rows: readonly PlannedRow[]): Promise<ServerPreview> {
  const paths = columns.filter((c) => c.path !== undefined && !c.problem).map((c) => c.path!);
  if (paths.some((p) => p.includes("."))) return { kind: "not-checked", reason: "the file has child-object columns, which a flat import file cannot carry (reference §25.1)" };
  if (rows.length === 0) return { kind: "not-checked", reason: "no valid row to send" };
  const body = await text([paths.map((p) => p.toUpperCase()), ...rows.map((row) => paths.map((p) => cell(row.record[p])))]);
  const request = osRequest(target, "POST", [{ key: "action", value: "importfile" }], [["preview", "1"], ["filetype", "FLAT"], ["content-type", "text/plain"]], body);
  let response;
  try {
    response = await target.executor.send(request);
  } catch (error) {
    return { kind: "not-checked", reason: `no answer from the server (${error instanceof Error ? error.message : String(error)})` };
  }
  const error = response.maximoError;
  if (response.status !== 200 || error) {
    return { kind: "not-checked", reason: `the server did not preview it (HTTP ${response.status}${error ? `, ${error.reasonCode} ${error.message}` : ""}); the structure may not support flat files (reference §25.1)` };
  }
  let answer: Record<string, unknown>;
  try {
    answer = response.json() as Record<string, unknown>;
  } catch {
    return { kind: "not-checked", reason: "the server's preview answer is not JSON" };
  }
  const count = (name: string) => Number(answer[name] ?? 0) || 0;
  const warnings = String(answer.warningmsg ?? "")
    .split(/\n(?=BMXAA)/)
    .map((w) => w.replace(/\s+/g, " ").trim())
    .filter((w) => w !== "");
  return { kind: "checked", totaldoc: count("totaldoc"), validdoc: count("validdoc"), invaliddoc: count("invaliddoc"), warnings };
}
