/**
 * `planLoad`: a CSV or XLSX file read as a load against one object structure's schema. The
 * header is read (and mapped) up front; the rows stream when `items()` is iterated, each call
 * reading the file again from its start, so nothing but the record being assembled is in memory.
 */
import type { ColumnMapping, LoadPlan, LoadPlanInput, PlanItem } from "./contract";
import { contentHash } from "./contentHash";
import { fileFormat, fileRows } from "./fileRows";
import { isInterfaceLine } from "./flatFileHeader";
import { mapColumns, type MappedColumn } from "./headerMapping";
import { recordGroups, type RecordOutcome } from "./recordGroups";
import { rowValues, type RowValues } from "./rowValues";
import type { SourceRow } from "./sourceRow";
import { SheetNotFoundError } from "./xlsxRows";

/** The file cannot be read as a load at all (no header, unreadable header). */
export class LoadFileError extends Error {}

export async function planLoad(input: LoadPlanInput): Promise<LoadPlan> {
  const header = await readHeader(input);
  const hash = await contentHash(input.file);
  return {
    columns: header.columns.map((c) => c.mapping),
    contentHash: hash,
    items: () => planItems(input, header.columns),
  };
}

async function* planItems(input: LoadPlanInput, columns: MappedColumn[]): AsyncGenerator<PlanItem> {
  for await (const outcome of recordOutcomes(input, columns)) yield* outcome.items;
}

/** Each record with its rows' converted values, for the preview; `planLoad`'s items come from the same. */
export async function* recordOutcomes(input: LoadPlanInput, columns: MappedColumn[]): AsyncGenerator<RecordOutcome> {
  yield* recordGroups(dataRows(input, columns), { columns, schema: input.schema, action: input.action });
}

async function* dataRows(input: LoadPlanInput, columns: MappedColumn[]): AsyncGenerator<RowValues> {
  const shape = { columns, shortRowsAreRagged: fileFormat(input.file) === "csv" };
  const rows = fileRows(input.file, { sheet: input.sheet });
  try {
    await skipHeader(rows, input);
    let row = 0;
    for await (const source of rows) yield rowValues(++row, source, shape);
  } finally {
    await rows.return(undefined); // a consumer that stops early closes the file
  }
}

export interface FileHeader {
  columns: MappedColumn[];
}

export async function readHeader(input: LoadPlanInput): Promise<FileHeader> {
  const rows = fileRows(input.file, { sheet: input.sheet });
  try {
    const header = await skipHeader(rows, input);
    return { columns: mapColumns(header.cells, input.schema) };
  } catch (error) {
    // A sheet the workbook does not have is the file's problem, as an empty file is (the CLI's exit 2).
    if (error instanceof SheetNotFoundError) throw new LoadFileError(error.message);
    throw error;
  } finally {
    await rows.return(undefined);
  }
}

/** Reads the header row (after a flat file's interface line, if any) and returns it. */
async function skipHeader(rows: AsyncGenerator<SourceRow>, input: LoadPlanInput): Promise<SourceRow> {
  let first = await rows.next();
  if (!first.done && !first.value.problem && isInterfaceLine(first.value.cells, input.schema)) first = await rows.next();
  if (first.done) throw new LoadFileError(`${input.file} has no header row: its first line must name the attributes (reference §25.3)`);
  if (first.value.problem) throw new LoadFileError(`${input.file}: the header row cannot be read: ${first.value.problem}`);
  return first.value;
}

export type { ColumnMapping };
