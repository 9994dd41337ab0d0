/**
 * The seams between the load engine's parts, fixed first so they can be built side by side:
 * reading and mapping a file (rows → planned records or row problems), sending planned records
 * in BULK batches exactly once, and reporting per-row results. VS Code-free; the CLI
 * (`maximo load`) and the editor's "Load Data from CSV/Excel…" command both drive these.
 */
import type { ObjectSchema } from "../../../server/src/schema/types";

export type LoadAction = "add" | "update" | "addchange" | "delete";

/** How one file column reaches the object structure. */
export interface ColumnMapping {
  /** The header exactly as the file wrote it. */
  header: string;
  /** 0-based column index in the file. */
  index: number;
  /** Lower-case attribute path in the structure: `description`, or `wplabor.laborcode` for a child. */
  path?: string;
  /** The attribute's schema facts, when the schema knows the path. */
  maximoType?: string;
  jsonType?: string;
  maxLength?: number;
  /** Why the column cannot be loaded (unknown attribute, duplicate column ...). */
  problem?: string;
}

/** One problem with one data row, found before anything is sent. */
export interface RowProblem {
  /** The header of the column at fault, when one is. */
  column?: string;
  message: string;
}

/** A data row ready to send: the JSON record for its BULK item (children nested as arrays). */
export interface PlannedRow {
  /** 1-based data row number; the header row is not counted. */
  row: number;
  record: Record<string, unknown>;
  /** The structure's primary-key attributes → values, for results and for reading back what landed. */
  keys: Record<string, string>;
  /**
   * Every data row merged into this record, when consecutive rows added several children to one
   * parent (README, "Several children"); `row` is the first. Absent when the record is one row.
   * A result is reported for each of them.
   */
  rows?: number[];
}

/** A data row that will not be sent, and why. */
export interface InvalidRow {
  row: number;
  keys: Record<string, string>;
  problems: RowProblem[];
}

export type PlanItem = { kind: "row"; row: PlannedRow } | { kind: "invalid"; row: InvalidRow };

/** What `planLoad` needs: the file, the structure's schema, and the action. */
export interface LoadPlanInput {
  file: string;
  schema: ObjectSchema;
  action: LoadAction;
  /** XLSX: the sheet to read (the first sheet when absent). */
  sheet?: string;
}

/** A file read as a load: the columns as mapped, then its rows one by one (streamed, never all in memory). */
export interface LoadPlan {
  columns: ColumnMapping[];
  /** A hash of the file's bytes: with the batch index it makes each batch's transactionid. */
  contentHash: string;
  items(): AsyncIterable<PlanItem>;
}

/** One data row's outcome, one line of the results CSV: `row,status,<keys...>,href,reasonCode,message`. */
export interface RowResult {
  row: number;
  status: "ok" | "failed" | "skipped";
  keys: Record<string, string>;
  href?: string;
  reasonCode?: string;
  message?: string;
}
