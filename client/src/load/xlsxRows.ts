/**
 * An XLSX sheet's rows, streamed through exceljs's WorkbookReader (the named sheet, else the
 * first visible tab), each cell turned into text by `cellText`. Rows with no value are skipped, as blank CSV
 * lines are.
 */
import type * as ExcelJs from "exceljs";
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
  const worksheets = reader[Symbol.asyncIterator]();
  let current: ExcelJs.stream.xlsx.WorksheetReader | undefined;
  let found = false;
  try {
    for (let next = await worksheets.next(); !next.done; next = await worksheets.next()) {
      current = next.value;
      const name = (current as unknown as { name?: string }).name ?? "";
      seen.push(name);
      const wanted = sheet ?? firstTab(reader);
      if (wanted !== undefined && name.toLowerCase() !== wanted.toLowerCase()) {
        discard(current);
        continue;
      }
      found = true;
      yield* sheetRows(current);
      break; // only one sheet is read
    }
  } finally {
    await release(worksheets, current);
  }
  if (found) return;
  throw new SheetNotFoundError(
    sheet === undefined ? `${file} has no worksheet` : `${file} has no sheet named "${sheet}"; its sheets: ${seen.map((s) => `"${s}"`).join(", ") || "none"}`,
  );
}

/**
 * The first visible tab, from the workbook part's sheet list (tab order; the sheet files' numbers
 * need not follow it once tabs are moved). Unknown until that part is read: then the first sheet file.
 */
function firstTab(reader: unknown): string | undefined {
  const sheets = (reader as { model?: { sheets?: { name?: string; state?: string }[] } }).model?.sheets ?? [];
  return (sheets.find((s) => s.state !== "hidden" && s.state !== "veryHidden") ?? sheets[0])?.name;
}

async function* sheetRows(worksheet: ExcelJs.stream.xlsx.WorksheetReader): AsyncGenerator<SourceRow> {
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

/**
 * exceljs copies a sheet that comes before the shared strings in the zip (as Excel and exceljs
 * write them) to a temporary file, and removes it (closing its descriptor) only once the
 * workbook's iteration moves past it. A reader stopped early (the header, a preview, one sheet of
 * several) would leave those files open: the rest is walked without reading any sheet's rows.
 */
async function release(worksheets: AsyncGenerator<ExcelJs.stream.xlsx.WorksheetReader>, current: ExcelJs.stream.xlsx.WorksheetReader | undefined): Promise<void> {
  let sheet = current;
  for (;;) {
    if (sheet) discard(sheet);
    const next = await worksheets.next();
    if (next.done) return;
    sheet = next.value;
  }
}

/** Closes a sheet's unread stream: a temporary file's (a zip entry's stream exceljs drains itself). */
function discard(sheet: ExcelJs.stream.xlsx.WorksheetReader): void {
  const stream = (sheet as unknown as { iterator?: { destroy?: () => void; on?: (event: "error", listener: () => void) => void } }).iterator;
  if (typeof stream?.destroy !== "function") return;
  // Still opening when exceljs removes the file: that open's ENOENT is expected, not an error.
  stream.on?.("error", () => undefined);
  stream.destroy();
}
