/**
 * Rows parked on disk while a wildcard (`*`, or no oslc.select) is still finding columns: a CSV
 * or XLSX header comes first, but a key may first appear on the last page. Each row is one line
 * of JSON in a file beside the output; once every page is in, the rows are read back one line at
 * a time and written under the complete header. Memory stays one page, whatever the row count.
 */
import { createReadStream, rmSync } from "node:fs";
import { createInterface } from "node:readline";
import { FileSink } from "./rowWriter";
import type { Row } from "./rows";

export class RowSpool {
  private readonly file: FileSink;

  constructor(private readonly path: string) {
    this.file = new FileSink(path);
  }

  add(rows: readonly Row[]): Promise<void> {
    if (rows.length === 0) return Promise.resolve();
    // JSON.stringify escapes line breaks inside strings, so one row is one line.
    return this.file.write(rows.map((row) => `${JSON.stringify(row)}\n`).join(""));
  }

  /** Closes the spool and yields its rows in order, a batch at a time. */
  async *batches(size: number): AsyncGenerator<Row[]> {
    let batch: Row[] = [];
    for await (const row of this.rows()) {
      batch.push(row);
      if (batch.length >= size) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }

  /** Closes the spool and yields its rows in order. */
  private async *rows(): AsyncGenerator<Row> {
    await this.file.close();
    const lines = createInterface({ input: createReadStream(this.path, "utf8"), crlfDelay: Infinity });
    for await (const line of lines) if (line !== "") yield JSON.parse(line) as Row;
  }

  async discard(): Promise<void> {
    await this.file.close().catch(() => undefined);
    rmSync(this.path, { force: true });
  }
}
