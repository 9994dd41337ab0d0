/**
 * The sheet names of an XLSX workbook, in workbook order, read with exceljs's streaming reader
 * (loaded on first use) without reading any sheet's cells into memory. VS Code-free.
 */
import { excelJs } from "../../libraries/lazy";

export async function sheetNames(file: string): Promise<string[]> {
  const reader = new (excelJs().stream.xlsx.WorkbookReader)(file, { worksheets: "emit", sharedStrings: "ignore", hyperlinks: "ignore", styles: "ignore", entries: "ignore" });
  const names: string[] = [];
  for await (const worksheet of reader) names.push((worksheet as unknown as { name?: string }).name ?? `Sheet${names.length + 1}`);
  return names;
}
