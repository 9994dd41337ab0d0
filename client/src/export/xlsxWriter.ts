/**
 * XLSX through exceljs's streaming WorkbookWriter: each row is committed (written into the zip)
 * as it comes, so the workbook is never held in memory. Text stays text (dates as the server's
 * ISO 8601), numbers and booleans are typed cells. A sheet holds 1,048,576 rows; the rows beyond
 * go on the next sheet (`export 2`, ...) under the same header.
 */
import type * as ExcelJS from "exceljs";
import { excelJs } from "../libraries/lazy";
import { XLSX_CELL_CHARS, xlsxValue } from "./cells";
import type { RowWriter } from "./rowWriter";
import type { Row } from "./rows";

export const XLSX_SHEET_ROWS = 1_048_576;

export class XlsxWriter implements RowWriter {
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private sheet: ExcelJS.Worksheet | undefined;
  private sheets = 0;
  private rowsInSheet = 0;
  private header: string[] = [];
  private rowNumber = 0;

  constructor(path: string) {
    const Excel = excelJs();
    // Its zip library calls the deprecated Buffer() once, here; bundled outside node_modules, node
    // would print DEP0005 to the user, who can do nothing about it (node warns about DEP0005 once).
    const quiet = process.noDeprecation;
    process.noDeprecation = true;
    try {
      this.workbook = new Excel.stream.xlsx.WorkbookWriter({ filename: path, useStyles: false, useSharedStrings: false });
    } finally {
      process.noDeprecation = quiet;
    }
  }

  async start(columns: readonly string[]): Promise<void> {
    this.header = [...columns];
    this.newSheet();
  }

  async write(rows: readonly Row[], columns: readonly string[]): Promise<void> {
    for (const row of rows) {
      if (this.rowsInSheet >= XLSX_SHEET_ROWS) this.newSheet();
      this.rowNumber++;
      const values = columns.map((column) => {
        const value = xlsxValue(row[column]);
        if (typeof value === "string" && value.length > XLSX_CELL_CHARS) {
          throw new Error(`Row ${this.rowNumber}, column ${column}: the value has ${value.length} characters and an Excel cell holds at most ${XLSX_CELL_CHARS}; export as CSV or JSON, or explode the child`);
        }
        return value;
      });
      this.sheet!.addRow(values).commit();
      this.rowsInSheet++;
    }
  }

  async finish(): Promise<void> {
    if (!this.sheet) this.newSheet();
    this.sheet!.commit();
    await this.workbook.commit();
  }

  async abort(): Promise<void> {
    // The writer has no cancel: finish the zip so the file is closed, then the caller deletes it.
    try {
      await this.finish();
    } catch {
      // The file is deleted anyway.
    }
  }

  private newSheet(): void {
    this.sheet?.commit();
    this.sheets++;
    this.sheet = this.workbook.addWorksheet(this.sheets === 1 ? "export" : `export ${this.sheets}`);
    this.sheet.addRow(this.header).commit();
    this.rowsInSheet = 1;
  }
}
