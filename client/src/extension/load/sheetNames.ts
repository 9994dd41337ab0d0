/**
 * The sheet names of an XLSX workbook, in tab order, from its workbook part alone: no sheet's
 * cells are read (load/xlsxWorkbook.ts). VS Code-free.
 */
import { XlsxWorkbook } from "../../load/xlsxWorkbook";

export async function sheetNames(file: string): Promise<string[]> {
  const workbook = await XlsxWorkbook.open(file, { cells: false });
  try {
    return workbook.sheets.map((sheet) => sheet.name);
  } finally {
    workbook.close();
  }
}
