/**
 * An XLSX sheet's rows, streamed through exceljs's WorkbookReader (the named sheet, else the
 * first), each cell turned into text by `cellText`. Rows with no value are skipped, as blank CSV
 * lines are.
 */
import { excelJs } from "../libraries/lazy";
import { cellText } from "./xlsxCellText";
import type { SourceRow } from "./sourceRow";

export class SheetNotFoundError extends Error {}

export async function* xlsxRows(file: string, sheet?: string): AsyncGenerator<SourceRow> {
  const reader = new (excelJs().stream.xlsx.WorkbookReader)(file, {
    worksheets: "emit",
    sharedStrings: "cache",
    hyperlinks: "ignore",
    // Dates are numbers with a date format: the styles tell exceljs to read them as dates.
    styles: "cache",
    entries: "ignore",
  });
  const seen: string[] = [];
  for await (const worksheet of reader) {
    const name = (worksheet as unknown as { name?: string }).name ?? "";
    seen.push(name);
    if (sheet !== undefined && name.toLowerCase() !== sheet.toLowerCase()) continue;
    for await (const row of worksheet) {
      const values = Array.isArray(row.values) ? row.values.slice(1) : []; // exceljs counts columns from 1
      const cells: string[] = [];
      const cellProblems: { index: number; message: string }[] = [];
      for (let i = 0; i < values.length; i++) {
        const text = cellText(values[i]);
        cells.push(text.text);
        if (text.problem) cellProblems.push({ index: i, message: text.problem });
      }
      if (cells.every((cell) => cell.trim() === "") && cellProblems.length === 0) continue;
      yield cellProblems.length > 0 ? { cells, cellProblems } : { cells };
    }
    return; // only one sheet is read
  }
  throw new SheetNotFoundError(
    sheet === undefined ? `${file} has no worksheet` : `${file} has no sheet named "${sheet}"; its sheets: ${seen.map((s) => `"${s}"`).join(", ") || "none"}`,
  );
}
