/**
 * CSV through csv-stringify: RFC 4180 quoting (a field with a comma, quote or line break is
 * quoted, quotes doubled; so is one with a leading or trailing space, which readers may trim),
 * CRLF line ends, UTF-8 with a byte-order mark so Excel reads accents right. Cells are turned to
 * text first (`cellText`), so csv-stringify's own casts (true → "1") never apply.
 */
import type { Options } from "csv-stringify";
import { csvStringify } from "../libraries/lazy";
import { cellText } from "./cells";
import { FileSink, type RowWriter } from "./rowWriter";
import type { Row } from "./rows";

const OPTIONS: Options = { record_delimiter: "\r\n", quoted_match: /^\s|\s$/ };

/** The CSV text of some records. */
function csvText(records: string[][]): Promise<string> {
  return new Promise((resolve, reject) => {
    csvStringify().stringify(records, OPTIONS, (error, text) => (error ? reject(error) : resolve(text ?? "")));
  });
}

/**
 * Text a spreadsheet opening the CSV reads as a formula (OWASP "CSV Injection"): `=`, `+`, `-`, `@`,
 * a tab or a carriage return first. Written as it is, so the file loads back byte for byte; the
 * export says how many there are. A number (`-2`) is no such text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export class CsvWriter implements RowWriter {
  private readonly file: FileSink;
  private formulaLike = 0;

  constructor(path: string) {
    this.file = new FileSink(path);
  }

  async start(columns: readonly string[]): Promise<void> {
    await this.file.write(`\uFEFF${await csvText([[...columns]])}`);
  }

  async write(rows: readonly Row[], columns: readonly string[]): Promise<void> {
    if (rows.length === 0) return;
    for (const row of rows) for (const column of columns) if (typeof row[column] === "string" && FORMULA_START.test(row[column] as string)) this.formulaLike++;
    await this.file.write(await csvText(rows.map((row) => columns.map((column) => cellText(row[column])))));
  }

  notes(): string[] {
    if (this.formulaLike === 0) return [];
    const cells = this.formulaLike === 1 ? "1 text value begins" : `${this.formulaLike} text values begin`;
    return [`${cells} with =, +, - or @, which Excel and other spreadsheets may run as a formula when the CSV is opened: export as xlsx to open it in a spreadsheet, or import the CSV as text (Data > From Text/CSV).`];
  }

  finish(): Promise<void> {
    return this.file.close();
  }

  abort(): Promise<void> {
    return this.file.close();
  }
}
