/** What a reader gives for one record of a file: its cells as text, or why it could not be read. */
export interface SourceRow {
  /** The cells, left to right, each as text (see the README for how XLSX cells become text). */
  cells: string[];
  /** The record could not be read as the format says (a CSV quote never closed, an XLSX error cell). */
  problem?: string;
}
