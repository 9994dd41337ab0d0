/** Shared helpers of the export tests: reading each format back, and a scratch folder. */
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";

export function scratchDir(): string {
  return mkdtempSync(join(tmpdir(), "maximo-export-"));
}

/** The CSV's rows (header first) as text, BOM and CRLF handled as any CSV reader does. */
export function readCsv(path: string): string[][] {
  return parse(readFileSync(path), { bom: true, relax_column_count: false }) as string[][];
}

/** The first sheet's rows (header first); empty cells as null. */
export async function readXlsx(path: string): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  const width = sheet.getRow(1).cellCount;
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: unknown[] = [];
    for (let column = 1; column <= width; column++) {
      const value = row.getCell(column).value;
      cells.push(value === undefined ? null : value);
    }
    rows.push(cells);
  });
  return rows;
}

export function readJson(path: string): Array<Record<string, unknown>> {
  return JSON.parse(readFileSync(path, "utf8")) as Array<Record<string, unknown>>;
}

/** Every file in `dir`, hidden ones included (a left-over partial file would show here). */
export function filesIn(dir: string): string[] {
  return readdirSync(dir).sort();
}
