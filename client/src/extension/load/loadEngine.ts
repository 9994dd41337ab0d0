/**
 * What the load command needs of the VS Code-free load engine (client/src/load/): the sheets of a
 * workbook, the plan's items with each row's file cells for the preview, and the sender. The one
 * place the editor side meets the engine's functions, so the command reads as the user's steps.
 */
import type { Executor } from "../../http/executor";
import type { LoadAction, LoadPlanInput, PlanItem, RowResult } from "../../load/contract";
import type { ColumnMapping } from "../../load/contract";

/** A column as the preview heads it: the mapping, and what the schema says of its attribute. */
export interface PreviewColumnFacts extends ColumnMapping {
  title?: string;
  /** One of the structure's primary keys. */
  key?: boolean;
  /** Required when a record is added (the action is add). */
  requiredOnAdd?: boolean;
}

export interface PreviewRead {
  columns: PreviewColumnFacts[];
  /** Every item in file order, with the row's cells as the file holds them. */
  items: AsyncIterable<{ item: PlanItem; cells?: string[] }>;
}

export interface SendOptions {
  executor: Pick<Executor, "connection" | "send">;
  /** The object structure, lower case. */
  os: string;
  action: LoadAction;
  /** The results CSV to write (a state file beside it lets a later load of the same file resume). */
  resultsFile: string;
  /** Skip what an earlier, interrupted load of the same file with the same results file landed. */
  resume: boolean;
  signal: AbortSignal;
  /** After each batch: data rows with a result so far (sent, failed before sending or skipped). */
  onProgress(done: number): void;
  /** Every row's result, in the order they are known. */
  onResult(result: RowResult): void;
}

export interface SendOutcome {
  /** Stopped by the signal after the batch in flight. */
  cancelled: boolean;
}

export interface LoadEngine {
  sheets(file: string): Promise<string[]>;
  read(input: LoadPlanInput): Promise<PreviewRead>;
  send(input: LoadPlanInput, options: SendOptions): Promise<SendOutcome>;
  /**
   * True when the state file beside `resultsFile` belongs to an earlier load of this very file
   * (same content, structure and action) that stopped part way; a finished load removes it.
   */
  canResume(input: LoadPlanInput, os: string, resultsFile: string): Promise<boolean>;
}
