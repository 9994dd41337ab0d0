/**
 * JSON: one array of row objects, written as pages come (`[`, a row per line, `]`). Keys are the
 * column names in column order; values keep their JSON types (children not exploded stay arrays);
 * a missing value is left out, as lean JSON leaves out nulls.
 */
import { FileSink, type RowWriter } from "./rowWriter";
import type { Row } from "./rows";

export class JsonWriter implements RowWriter {
  private readonly file: FileSink;
  private rows = 0;

  constructor(path: string) {
    this.file = new FileSink(path);
  }

  start(): Promise<void> {
    return this.file.write("[");
  }

  write(rows: readonly Row[], columns: readonly string[]): Promise<void> {
    if (rows.length === 0) return Promise.resolve();
    const lines = rows.map((row) => {
      const ordered: Row = {};
      for (const column of columns) if (row[column] !== undefined) ordered[column] = row[column];
      return JSON.stringify(ordered);
    });
    const text = `${this.rows === 0 ? "\n" : ",\n"}${lines.join(",\n")}`;
    this.rows += rows.length;
    return this.file.write(text);
  }

  async finish(): Promise<void> {
    await this.file.write(this.rows === 0 ? "]\n" : "\n]\n");
    await this.file.close();
  }

  abort(): Promise<void> {
    return this.file.close();
  }
}
