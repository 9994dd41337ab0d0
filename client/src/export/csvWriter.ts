/**
 * CSV through csv-stringify: RFC 4180 quoting (a field with a comma, quote or line break is
 * quoted, quotes doubled), CRLF line ends, UTF-8 with a byte-order mark so Excel reads accents
 * right. Cells are turned to text first (`cellText`), so csv-stringify's own casts never apply.
 */
import { createWriteStream, type WriteStream } from "node:fs";
import type { Stringifier } from "csv-stringify";
import { csvStringify } from "../libraries/lazy";
import { cellText } from "./cells";
import { endStream, writeWithBackpressure, type RowWriter } from "./rowWriter";
import type { Row } from "./rows";

export class CsvWriter implements RowWriter {
  private readonly file: WriteStream;
  private readonly csv: Stringifier;

  constructor(path: string) {
    this.file = createWriteStream(path);
    this.csv = csvStringify().stringify({ bom: true, record_delimiter: "\r\n", quoted_match: /^\s|\s$/ });
    this.csv.pipe(this.file);
  }

  start(columns: readonly string[]): Promise<void> {
    return writeWithBackpressure(this.csv, [...columns]);
  }

  write(row: Row, columns: readonly string[]): Promise<void> {
    return writeWithBackpressure(
      this.csv,
      columns.map((column) => cellText(row[column])),
    );
  }

  async finish(): Promise<void> {
    const closed = new Promise<void>((resolve, reject) => {
      this.file.once("close", resolve);
      this.file.once("error", reject);
      this.csv.once("error", reject);
    });
    this.csv.end();
    await closed;
  }

  async abort(): Promise<void> {
    this.csv.unpipe(this.file);
    this.csv.destroy();
    await endStream(this.file);
  }
}
