/**
 * JSON: one array of row objects, written as rows come (`[`, a row per line, `]`). Keys are the
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

  write(row: Row, columns: readonly string[]): Promise<void> {
    const ordered: Row = {};
    for (const column of columns) if (row[column] !== undefined) ordered[column] = row[column];
    return writeWithBackpressure(this.file, `${this.rows++ === 0 ? "\n" : ",\n"}${JSON.stringify(ordered)}`);
  }

  async finish(): Promise<void> {
    await writeWithBackpressure(this.file, this.rows === 0 ? "]\n" : "\n]\n");
    await endStream(this.file);
  }

  abort(): Promise<void> {
    return endStream(this.file);
  }
}
