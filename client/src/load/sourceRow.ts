/** What a reader gives for one record of a file: its cells as text, or why it could not be read. */
export interface SourceRow {
  /** The cells, left to right, each as text (see the README for how XLSX cells become text). */
  cells: string[];
  /** The record could not be read as the format says (a CSV quote never closed). */
  problem?: string;
  /** Cells that hold no value a load can use (an XLSX error cell such as `#N/A`), by 0-based column index. */
  cellProblems?: { index: number; message: string }[];
}
