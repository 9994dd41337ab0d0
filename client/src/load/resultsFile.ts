/**
 * The results CSV (csv-stringify, streamed with backpressure so a million rows never sit in
 * memory): a header `row,status,<key columns>,href,reasonCode,message`, then one line per data
 * row, row 1 being the first row after the header.
 */
import { createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";
import type { Stringifier } from "csv-stringify";
import { csvStringify } from "../libraries/lazy";
import type { RowResult } from "./contract";

export function resultsHeader(keyColumns: readonly string[]): string[] {
  return ["row", "status", ...keyColumns, "href", "reasonCode", "message"];
}

export function resultCells(result: RowResult, keyColumns: readonly string[]): string[] {
  return [String(result.row), result.status, ...keyColumns.map((k) => result.keys[k] ?? ""), result.href ?? "", result.reasonCode ?? "", result.message ?? ""];
}

export class ResultsFile {
  private readonly stringifier: Stringifier;
  private readonly file: WriteStream;

  constructor(
    readonly path: string,
    private readonly keyColumns: readonly string[],
  ) {
    this.file = createWriteStream(path);
    this.stringifier = csvStringify().stringify({ record_delimiter: "unix" });
    this.stringifier.pipe(this.file);
    this.stringifier.write(resultsHeader(keyColumns));
  }

  async add(result: RowResult): Promise<void> {
    if (!this.stringifier.write(resultCells(result, this.keyColumns))) await once(this.stringifier, "drain");
  }

  /** Flushes and closes the file. */
  async close(): Promise<void> {
    const finished = once(this.file, "finish");
    this.stringifier.end();
    await finished;
  }
}
