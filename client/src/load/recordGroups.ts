/**
 * Rows → records. Without child columns every row is one record. With child columns (dotted
 * headers, or a child object's column of JSON cells), consecutive rows make one record with several children (README, "Several children"):
 * a row continues the record above it when all its root columns are empty, or when the file has
 * every key column and the row repeats the record's key values (its other root values must then
 * be empty or equal). Each row adds one child to each child object it has values for. A record is
 * sent whole or not at all: when any of its rows has a problem, every row of it is an InvalidRow.
 * The record's keys (schema.pk) and, on add, its required attributes are checked here.
 */
import type { ObjectSchema } from "../../../server/src/schema/types";
import { requiredOnCreate } from "../../../server/src/schema/requiredOnCreate";
import type { LoadAction, PlanItem, RowProblem } from "./contract";
import type { MappedColumn } from "./headerMapping";
import type { CellValue, RowValues } from "./rowValues";

export interface RecordContext {
  columns: MappedColumn[];
  schema: ObjectSchema;
  action: LoadAction;
}

/** One record's outcome: its plan items (one PlannedRow, or one InvalidRow per row) and its rows. */
export interface RecordOutcome {
  items: PlanItem[];
  rows: RowValues[];
}

interface OpenRecord {
  rows: RowValues[];
  keys: Record<string, string>;
  /** Problems found by grouping, by row number (a continuing row that contradicts the first). */
  extra: Map<number, RowProblem[]>;
}

export async function* recordGroups(rows: AsyncIterable<RowValues>, context: RecordContext): AsyncGenerator<RecordOutcome> {
  const layout = layoutOf(context);
  let open: OpenRecord | undefined;
  for await (const row of rows) {
    if (open && layout.hasChildren && continues(open, row, layout)) {
      addToRecord(open, row, layout);
      continue;
    }
    if (open) yield close(open, layout, context);
    open = { rows: [row], keys: keysOf(row, layout), extra: new Map() };
  }
  if (open) yield close(open, layout, context);
}

interface Layout {
  rootColumns: MappedColumn[];
  hasChildren: boolean;
  /** Lower-case pk attribute → its column, when the file has one. */
  keyColumns: Map<string, MappedColumn | undefined>;
  /** On add: each attribute the record must give, with its column when the file has one. */
  required: { name: string; column: MappedColumn | undefined }[];
  columns: MappedColumn[];
}

function layoutOf({ columns, schema, action }: RecordContext): Layout {
  const mapped = columns.filter((c) => c.attribute);
  const rootColumns = mapped.filter((c) => c.segments.length === 1 && !c.attribute!.child);
  const columnOf = (name: string) => rootColumns.find((c) => c.segments[0] === name);
  const keyColumns = new Map(schema.pk.map((k) => [k.toLowerCase(), columnOf(k.toLowerCase())]));
  const required = action === "add" ? requiredOnCreate(schema).map((a) => ({ name: a.name.toLowerCase(), column: columnOf(a.name.toLowerCase()) })) : [];
  return { rootColumns, hasChildren: mapped.some((c) => c.segments.length > 1 || c.attribute!.child), keyColumns, required, columns };
}

const blank = (text: string | undefined) => text === undefined || text.trim() === "";

function keysOf(row: RowValues, layout: Layout): Record<string, string> {
  const keys: Record<string, string> = {};
  for (const [key, column] of layout.keyColumns) {
    if (!column) continue;
    const value = row.values[column.mapping.index];
    const text = value !== undefined ? String(value) : (row.cells[column.mapping.index] ?? "").trim();
    if (text !== "") keys[key] = text;
  }
  return keys;
}

function continues(open: OpenRecord, row: RowValues, layout: Layout): boolean {
  if (layout.rootColumns.every((c) => blank(row.cells[c.mapping.index]))) return true;
  const keyColumns = [...layout.keyColumns.values()];
  if (keyColumns.length === 0 || keyColumns.some((c) => c === undefined)) return false;
  const keys = keysOf(row, layout);
  return keyColumns.every((c) => {
    const key = c!.segments[0];
    return keys[key] !== undefined && keys[key] === open.keys[key];
  });
}

function addToRecord(open: OpenRecord, row: RowValues, layout: Layout): void {
  const first = open.rows[0];
  const problems: RowProblem[] = [];
  for (const column of layout.rootColumns) {
    const index = column.mapping.index;
    if (blank(row.cells[index]) || layout.keyColumns.get(column.segments[0]) === column) continue;
    if (row.values[index] === undefined || row.values[index] !== first.values[index]) {
      problems.push({
        column: column.mapping.header,
        message: `differs from row ${first.row}, the first row of the same record; leave it empty or repeat the same value`,
      });
    }
  }
  open.rows.push(row);
  if (problems.length > 0) open.extra.set(row.row, problems);
}

function close(open: OpenRecord, layout: Layout, context: RecordContext): RecordOutcome {
  const [first] = open.rows;
  const recordProblems = requirementProblems(first, layout, context);
  const problemsOf = (row: RowValues): RowProblem[] => [
    ...(row === first ? recordProblems : []),
    ...row.problems,
    ...(open.extra.get(row.row) ?? []),
  ];
  const faulty = open.rows.filter((row) => problemsOf(row).length > 0);
  if (faulty.length === 0) {
    const record = buildRecord(open.rows, layout.columns);
    const planned = { row: first.row, record, keys: open.keys, ...(open.rows.length > 1 ? { rows: open.rows.map((r) => r.row) } : {}) };
    return { items: [{ kind: "row", row: planned }], rows: open.rows };
  }
  const faultyRows = faulty.map((r) => r.row).join(", ");
  const items: PlanItem[] = open.rows.map((row) => {
    const own = problemsOf(row);
    const problems = own.length > 0 ? own : [{ message: `not sent: row ${faultyRows} of the same record has a problem, and a record is sent whole or not at all` }];
    return { kind: "invalid", row: { row: row.row, keys: open.keys, problems } };
  });
  // The problems found here belong with the rows too, so a preview shows them where the file has them.
  open.rows.forEach((row, i) => {
    const item = items[i];
    if (item.kind === "invalid") row.problems = item.row.problems;
  });
  return { items, rows: open.rows };
}

function requirementProblems(first: RowValues, layout: Layout, { schema, action }: RecordContext): RowProblem[] {
  const problems: RowProblem[] = [];
  if (first.cells.length === 0) return problems; // a record that could not be read has that problem already
  // Missing: no cell, or the empty marker; a value its type refused already has its own problem.
  const missing = (column: MappedColumn) => blank(first.cells[column.mapping.index]) || first.values[column.mapping.index] === "";
  if (action !== "add") {
    const keyNames = [...layout.keyColumns.keys()].join(", ");
    for (const [key, column] of layout.keyColumns) {
      if (!column) problems.push({ message: `the file has no column for the key ${key}: ${action} finds each record by its keys (${keyNames})` });
      else if (missing(column)) problems.push({ column: column.mapping.header, message: `the key ${key} is empty: ${action} finds each record by its keys (${keyNames})` });
    }
    return problems;
  }
  for (const { name, column } of layout.required) {
    if (!column) problems.push({ message: `${name} is required to add a ${schema.name} record, and the file has no column for it` });
    else if (missing(column)) problems.push({ column: column.mapping.header, message: `${name} is required to add a ${schema.name} record` });
  }
  return problems;
}

/** The BULK item's data (reference §15): root values, each child object an array with one element per row that has values for it. */
export function buildRecord(rows: RowValues[], columns: MappedColumn[]): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  rows.forEach((row, i) => {
    const part: Record<string, unknown> = {};
    for (const column of columns) {
      const value = row.values[column.mapping.index];
      if (value === undefined || !column.attribute) continue;
      if (i > 0 && column.segments.length === 1 && !column.attribute.child) continue; // the first row holds the record's own values
      setPath(part, column.segments, value);
    }
    for (const [key, value] of Object.entries(part)) {
      if (Array.isArray(value)) ((record[key] ??= []) as unknown[]).push(...value);
      else record[key] = value;
    }
  });
  return record;
}

function setPath(target: Record<string, unknown>, segments: string[], value: CellValue): void {
  if (Array.isArray(value)) {
    // A child object's JSON cell: its children join any the row's dotted columns made.
    target[segments[0]] = [...((target[segments[0]] as unknown[] | undefined) ?? []), ...value];
    return;
  }
  let node = target;
  for (const segment of segments.slice(0, -1)) {
    const children = (node[segment] ??= [{}]) as Record<string, unknown>[];
    node = children[0];
  }
  node[segments[segments.length - 1]] = value;
}
