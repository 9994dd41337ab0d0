/**
 * The messages between the load panel's host (client/src/extension/load/) and its page script
 * (this folder), declared once for both sides. DOM-free and vscode-free. Everything the page shows
 * is file content or server text: the page sets it as text only.
 */

/** One file column as the preview heads it. */
export interface PreviewColumn {
  /** The header as the file wrote it. */
  header: string;
  /** The attribute path it maps to (`description`, `wplabor.laborcode`); absent when it maps to none. */
  path?: string;
  /** What the schema says of it: `ALN(100)`, `INTEGER`, `UPPER(25) · key`, `ALN(8) · required` ... */
  type?: string;
  /** The attribute's title in the schema (`Asset`), the heading's tooltip. */
  title?: string;
  /** Why the column cannot be loaded. */
  problem?: string;
}

export interface PreviewCell {
  text: string;
  /** The validation error of this value; the cell is flagged and the message is its tooltip. */
  problem?: string;
}

export interface PreviewRow {
  /** 1-based data row number (the header not counted), as the results file numbers it. */
  row: number;
  cells: PreviewCell[];
  /** Every problem of the row, column ones included, as sentences ("DESCRIPTION: longer than 100"). */
  problems: string[];
}

/** What the preview shows before anything is sent. */
export interface LoadPreview {
  id: string;
  /** `assets.csv → MXAPIASSET (add) on emu`. */
  title: string;
  columns: PreviewColumn[];
  /** The first rows, then rows with problems further down (up to a limit). */
  rows: PreviewRow[];
  /** `2 of 20 rows have problems; they will not be sent.` */
  summary: string;
  /** Said above the table: where the schema came from when it is not the server's, a limit reached. */
  notes: string[];
  /** Rows that would be sent; Load is offered only when there are some. */
  validRows: number;
}

/** The results of a load as a table: failed rows first. */
export interface LoadResultsView {
  id: string;
  title: string;
  /** `18 loaded, 2 failed.` */
  summary: string;
  /** The results CSV's path, shown and openable. */
  resultsFile?: string;
  columns: string[];
  rows: Array<{ status: "ok" | "failed" | "skipped"; cells: string[] }>;
  notes: string[];
}

/** Host → page. */
export type LoadHostMessage =
  | { type: "preview"; preview: LoadPreview }
  /** Rows sent so far (the load is running; Load and Cancel are replaced by the progress). */
  | { type: "progress"; done: number; total: number; rowsPerSecond?: number }
  | { type: "results"; results: LoadResultsView }
  /** The load stopped without results (refused, failed before any row): the preview's buttons again. */
  | { type: "stopped"; message: string };

/** Page → host. */
export type LoadPageMessage =
  | { type: "ready" }
  | { type: "load"; previewId: string }
  | { type: "cancel"; previewId: string }
  | { type: "openResultsFile"; resultsId: string };

const pageMessageTypes = new Set(["ready", "load", "cancel", "openResultsFile"]);

/** Narrows what arrives from the page (untrusted input to the host). */
export function isLoadPageMessage(value: unknown): value is LoadPageMessage {
  if (typeof value !== "object" || value === null) return false;
  const message = value as { type?: unknown; previewId?: unknown; resultsId?: unknown };
  if (typeof message.type !== "string" || !pageMessageTypes.has(message.type)) return false;
  if (message.type === "ready") return true;
  if (message.type === "openResultsFile") return typeof message.resultsId === "string";
  return typeof message.previewId === "string";
}
