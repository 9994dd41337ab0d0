/**
 * An XLSX sheet's rows (the named sheet, else the first visible tab), streamed from the workbook
 * read by its central directory (`xlsxWorkbook.ts`), each cell turned into text by `cellText`.
 * Rows with no value are skipped, as blank CSV lines are.
 */
import { cellText } from "./xlsxCellText";
import { XlsxWorkbook, type WorkbookSheet, type WorksheetReader } from "./xlsxWorkbook";
import type { SourceRow } from "./sourceRow";

export class SheetNotFoundError extends Error {}

export async function* xlsxRows(file: string, sheet?: string): AsyncGenerator<SourceRow> {
  const workbook = await XlsxWorkbook.open(file, { cells: true });
  try {
    const sheets = workbook.sheets;
    const chosen = sheet === undefined ? firstTab(sheets) : sheets.find((s) => s.name.toLowerCase() === sheet.toLowerCase());
    if (!chosen) {
      throw new SheetNotFoundError(
        sheet === undefined ? `${file} has no worksheet` : `${file} has no sheet named "${sheet}"; its sheets: ${sheets.map((s) => `"${s.name}"`).join(", ") || "none"}`,
      );
    }
    const worksheet = await workbook.worksheet(chosen);
    try {
      yield* sheetRows(worksheet);
    } finally {
      discard(worksheet); // a read stopped early (the header, a preview)
    }
  } finally {
    workbook.close();
  }
}

/** The first visible tab (tab order; the sheet files' numbers need not follow it once tabs are moved), else the first. */
function firstTab(sheets: readonly WorkbookSheet[]): WorkbookSheet | undefined {
  return sheets.find((s) => s.state !== "hidden" && s.state !== "veryHidden") ?? sheets[0];
}

async function* sheetRows(worksheet: WorksheetReader): AsyncGenerator<SourceRow> {
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
}

/** Closes a sheet's part stream if it was not read to its end. */
function discard(sheet: WorksheetReader): void {
  const stream = (sheet as unknown as { iterator?: { destroy?: () => void; on?: (event: "error", listener: () => void) => void } }).iterator;
  if (typeof stream?.destroy !== "function") return;
  stream.on?.("error", () => undefined);
  stream.destroy();
}
