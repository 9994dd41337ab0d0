/**
 * What the load preview shows, built from a plan's first items (VS Code-free, DOM-free, tested in
 * node): each column headed by its attribute and type, each row's cells with the validation error
 * of the value beside it, and a summary counting every row of the file. Rows past the first
 * screen are kept only when they have problems, up to a limit, so a large file costs the same.
 */
import type { ColumnMapping, PlanItem } from "../../load/contract";
import { problemText } from "../../load/problemText";
import type { PreviewColumnFacts } from "./loadEngine";
import type { LoadPreview, PreviewColumn, PreviewRow } from "../../../webview/load/protocol";

export interface PreviewLimits {
  /** Rows shown from the top of the file. */
  firstRows: number;
  /** Rows with problems shown from further down. */
  laterProblemRows: number;
}

export const defaultPreviewLimits: PreviewLimits = { firstRows: 100, laterProblemRows: 100 };

/** `ALN(100)`, `UPPER(12)`, `INTEGER`, `string`: what the schema says a column holds. */
export function columnType(column: ColumnMapping): string | undefined {
  const type = column.maximoType ?? column.jsonType;
  if (!type) return undefined;
  return column.maxLength !== undefined ? `${type}(${column.maxLength})` : type;
}

export function previewColumn(column: PreviewColumnFacts): PreviewColumn {
  const type = columnType(column);
  const role = column.key ? "key" : column.requiredOnAdd ? "required" : undefined;
  return {
    header: column.header,
    ...(column.path !== undefined ? { path: column.path } : {}),
    ...(type !== undefined ? { type: role ? `${type} · ${role}` : type } : {}),
    ...(column.title !== undefined ? { title: column.title } : {}),
    ...(column.problem !== undefined ? { problem: column.problem } : {}),
  };
}

/**
 * The text a planned record holds at an attribute path: `wplabor.laborcode` reads the first
 * child's value. For a row whose file cells were not kept.
 */
export function valueAtPath(record: Record<string, unknown>, path: string): string {
  let value: unknown = record;
  for (const part of path.split(".")) {
    if (Array.isArray(value)) value = value[0];
    if (typeof value !== "object" || value === null) return "";
    value = (value as Record<string, unknown>)[part];
  }
  if (Array.isArray(value)) value = value[0];
  if (value === undefined || value === null) return "";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export class PreviewBuilder {
  private readonly rows: PreviewRow[] = [];
  private total = 0;
  private invalid = 0;
  private laterProblems = 0;
  private laterProblemsLeftOut = 0;

  constructor(
    private readonly columns: PreviewColumnFacts[],
    private readonly limits: PreviewLimits = defaultPreviewLimits,
  ) {}

  /** Every item of the plan goes through here, in file order; `cells` are the row's file values when known. */
  add(item: PlanItem, cells?: readonly string[]): void {
    this.total++;
    const invalid = item.kind === "invalid";
    if (invalid) this.invalid++;
    const first = this.total <= this.limits.firstRows;
    if (!first && !invalid) return;
    if (!first) {
      if (this.laterProblems >= this.limits.laterProblemRows) {
        this.laterProblemsLeftOut++;
        return;
      }
      this.laterProblems++;
    }
    this.rows.push(this.row(item, cells));
  }

  get rowCount(): number {
    return this.total;
  }

  get validCount(): number {
    return this.total - this.invalid;
  }

  finish(meta: { id: string; title: string; notes?: string[] }): LoadPreview {
    const notes = [...(meta.notes ?? [])];
    if (this.total > this.limits.firstRows) {
      const later = this.laterProblems > 0 ? `, then ${plural(this.laterProblems, "later row", "later rows")} with problems` : "";
      const leftOut = this.laterProblemsLeftOut > 0 ? ` (${plural(this.laterProblemsLeftOut, "more row", "more rows")} with problems not shown)` : "";
      notes.push(`Showing the first ${this.limits.firstRows} of ${this.total} rows${later}${leftOut}.`);
    }
    return {
      id: meta.id,
      title: meta.title,
      columns: this.columns.map(previewColumn),
      rows: this.rows,
      summary: this.summary(),
      notes,
      validRows: this.validCount,
    };
  }

  private summary(): string {
    const columnProblems = this.columns.filter((column) => column.problem !== undefined).length;
    const columns = columnProblems > 0 ? ` ${plural(columnProblems, "column is", "columns are")} not loaded.` : "";
    if (this.total === 0) return `The file has no data rows.${columns}`;
    if (this.invalid === 0) return `${this.total === 1 ? "The one row is" : `All ${this.total} rows are`} valid.${columns}`;
    const verb = this.invalid === 1 ? "has" : "have";
    const sent = this.invalid === this.total ? "nothing will be sent" : `${this.invalid === 1 ? "it" : "they"} will not be sent`;
    return `${this.invalid} of ${plural(this.total, "row", "rows")} ${verb} problems; ${sent}.${columns}`;
  }

  private row(item: PlanItem, cells: readonly string[] | undefined): PreviewRow {
    const texts = this.columns.map((column, index) => {
      if (cells) return cells[index] ?? "";
      return item.kind === "row" && column.path !== undefined ? valueAtPath(item.row.record, column.path) : "";
    });
    const row: PreviewRow = { row: item.row.row, cells: texts.map((text) => ({ text })), problems: [] };
    if (item.kind === "invalid") {
      for (const problem of item.row.problems) {
        row.problems.push(problemText(problem));
        const index = problem.column === undefined ? -1 : this.columns.findIndex((column) => column.header === problem.column);
        const cell = row.cells[index];
        if (cell) cell.problem = cell.problem ? `${cell.problem}; ${problem.message}` : problem.message;
      }
    }
    return row;
  }
}
