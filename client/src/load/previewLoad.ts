/**
 * `previewLoad`: what a load would do with a file's first rows, for the CLI's `--preview` and the
 * editor's preview table: each column's attribute and type, and each row's converted values and
 * problems, exactly as `planLoad` would plan them (the same readers, mapping and checks).
 */
import { requiredOnCreate } from "../../../server/src/schema/requiredOnCreate";
import type { ColumnMapping, LoadPlanInput, RowProblem } from "./contract";
import { recordOutcomes, readHeader } from "./planLoad";
import type { CellValue } from "./rowValues";

export interface PreviewColumn extends ColumnMapping {
  /** The attribute's title in the schema (`Work Order`), for a table heading's tooltip. */
  title?: string;
  /** One of the structure's primary keys (schema.pk). */
  key: boolean;
  /** Required when the action is add (see server/src/schema/requiredOnCreate.ts). */
  requiredOnAdd: boolean;
}

export interface PreviewRow {
  /** 1-based data row number, as in the results. */
  row: number;
  /** The cells as read. */
  cells: string[];
  /** The converted value of each column, by column index; undefined for an empty cell or a refused value. */
  values: (CellValue | undefined)[];
  /** Every problem that keeps the row from being sent; empty when it will be sent. */
  problems: RowProblem[];
  keys: Record<string, string>;
  /** The JSON record the row's BULK item carries (children nested as arrays), when it will be sent. */
  record?: Record<string, unknown>;
}

export interface LoadPreview {
  columns: PreviewColumn[];
  rows: PreviewRow[];
  /** More data rows follow the ones shown. */
  more: boolean;
}

export async function previewLoad(input: LoadPlanInput, rows = 20): Promise<LoadPreview> {
  const { columns } = await readHeader(input);
  const pk = new Set(input.schema.pk.map((k) => k.toLowerCase()));
  const required = new Set(requiredOnCreate(input.schema).map((a) => a.name.toLowerCase()));
  const previewColumns: PreviewColumn[] = columns.map((c) => ({
    ...c.mapping,
    title: c.attribute?.title,
    key: c.segments.length === 1 && pk.has(c.segments[0]),
    requiredOnAdd: c.segments.length === 1 && required.has(c.segments[0]),
  }));
  const shown: PreviewRow[] = [];
  let more = false;
  const outcomes = recordOutcomes(input, columns);
  try {
    for await (const outcome of outcomes) {
      const [item] = outcome.items;
      for (const rowValues of outcome.rows) {
        if (shown.length === rows) {
          more = true;
          break;
        }
        const planned = item.kind === "row" && rowValues === outcome.rows[0] ? item.row : undefined;
        shown.push({
          row: rowValues.row,
          cells: rowValues.cells,
          values: rowValues.values,
          problems: rowValues.problems,
          keys: item.row.keys,
          ...(planned ? { record: planned.record } : {}),
        });
      }
      if (more || shown.length === rows) {
        more ||= !(await outcomes.next()).done;
        break;
      }
    }
  } finally {
    await outcomes.return(undefined);
  }
  return { columns: previewColumns, rows: shown, more };
}
