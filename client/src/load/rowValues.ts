/**
 * One data row's cells → its converted values and the problems of its own cells: a value in a
 * column that cannot be loaded, a value its attribute's type refuses, a row longer (or, in a CSV,
 * shorter) than the header. Whether the row has its keys and required values depends on the
 * record it belongs to, and is `recordGroups`' business.
 */
import type { RowProblem } from "./contract";
import type { MappedColumn } from "./headerMapping";
import type { SourceRow } from "./sourceRow";
import { convertChildCell, type ChildRecord } from "./childCells";
import { convertValue, type LoadValue } from "./valueConversion";

/** A converted cell: one attribute's value, or a child object column's children. */
export type CellValue = LoadValue | ChildRecord[];

export interface RowValues {
  /** 1-based data row number; the header (and a flat file's interface line) not counted. */
  row: number;
  /** The cells as read. */
  cells: string[];
  /** Converted values by column index; undefined for an empty cell or a value refused. */
  values: (CellValue | undefined)[];
  problems: RowProblem[];
}

export interface RowShape {
  columns: MappedColumn[];
  /** CSV: a row with fewer cells than the header is ragged. XLSX leaves trailing empty cells out. */
  shortRowsAreRagged: boolean;
}

export function rowValues(row: number, source: SourceRow, shape: RowShape): RowValues {
  const { columns } = shape;
  const problems: RowProblem[] = [];
  if (source.problem) problems.push({ message: source.problem });
  const cells = source.cells;
  const extra = cells.slice(columns.length).filter((cell) => cell.trim() !== "").length;
  if (extra > 0 || (shape.shortRowsAreRagged && !source.problem && cells.length < columns.length)) {
    problems.push({ message: `the row has ${cells.length} cells; the header has ${columns.length}` });
  }
  const values: (CellValue | undefined)[] = [];
  const unusable = new Map((source.cellProblems ?? []).map((p) => [p.index, p.message]));
  for (const column of columns) {
    const text = cells[column.mapping.index] ?? "";
    values.push(undefined);
    const cellProblem = unusable.get(column.mapping.index);
    if (cellProblem) {
      problems.push({ column: column.mapping.header, message: cellProblem });
      continue;
    }
    if (text.trim() === "") continue;
    if (column.mapping.problem || !column.attribute) {
      problems.push({ column: column.mapping.header, message: `this column cannot be loaded: ${column.mapping.problem ?? "no attribute"}` });
      continue;
    }
    const { attribute } = column;
    const converted = attribute.child ? convertChildCell(text, { ...attribute, child: attribute.child }) : convertValue(text, attribute);
    if (converted.ok) values[column.mapping.index] = converted.value;
    else problems.push({ column: column.mapping.header, message: attribute.child ? converted.message : `${column.mapping.path}: ${converted.message}` });
  }
  return { row, cells, values, problems };
}
