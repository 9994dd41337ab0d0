/** The reader for a file, by its extension: `.xlsx` (and `.xlsm`) through exceljs, anything else as CSV. */
import { extname } from "node:path";
import { csvRows } from "./csvRows";
import type { SourceRow } from "./sourceRow";
import { xlsxRows } from "./xlsxRows";

export type FileFormat = "csv" | "xlsx";

export function fileFormat(file: string): FileFormat {
  const ext = extname(file).toLowerCase();
  return ext === ".xlsx" || ext === ".xlsm" ? "xlsx" : "csv";
}

export function fileRows(file: string, options: { sheet?: string } = {}): AsyncGenerator<SourceRow> {
  return fileFormat(file) === "xlsx" ? xlsxRows(file, options.sheet) : csvRows(file);
}
