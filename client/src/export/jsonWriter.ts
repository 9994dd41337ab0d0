/**
 * JSON: one array of row objects, written as pages come (`[`, a row per line, `]`). Keys are the
 * column names in column order; values keep their JSON types (children not exploded stay arrays);
 * a missing value is left out, as lean JSON leaves out nulls.
 */
import { createWriteStream, type WriteStream } from "node:fs";
import { endStream, writeWithBackpressure, type RowWriter } from "./rowWriter";
import type { Row } from "./rows";

export class JsonWriter implements RowWriter {
  private readonly file: WriteStream;
  private rows = 0;

  constructor(path: string) {
    this.file = createWriteStream(path);
  }

  start(): Promise<void> {
    return writeWithBackpressure(this.file, "[");
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
    return writeWithBackpressure(this.file, text);
  }

  async finish(): Promise<void> {
    await writeWithBackpressure(this.file, this.rows === 0 ? "]\n" : "\n]\n");
    await endStream(this.file);
  }

  abort(): Promise<void> {
    return endStream(this.file);
  }
}
