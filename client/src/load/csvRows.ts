/**
 * A CSV file's records, streamed through csv-parse: a UTF-8 byte-order mark is dropped, CRLF and
 * LF both end a record, quoted fields may hold the delimiter, quotes ("") and newlines. Blank
 * lines are skipped. A record csv-parse cannot read (a quote that never closes) becomes a row
 * with a problem instead of ending the whole read; rows of another length than the header are
 * the mapper's business (it knows the header).
 */
import { createReadStream } from "node:fs";
import { csvParse } from "../libraries/lazy";
import type { SourceRow } from "./sourceRow";

export interface CsvOptions {
  /** The field delimiter; `,` when absent. */
  delimiter?: string;
}

export async function* csvRows(file: string, options: CsvOptions = {}): AsyncGenerator<SourceRow> {
  // Records csv-parse skipped, in file order, each with the line it was detected at.
  const skipped: { line: number; message: string }[] = [];
  const parser = createReadStream(file).pipe(
    csvParse().parse({
      bom: true,
      delimiter: options.delimiter ?? ",",
      relax_column_count: true,
      // `5" pipe` in an unquoted field is a value, not an error.
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      info: true,
      on_skip: (error) => {
        skipped.push({ line: typeof error?.lines === "number" ? error.lines : Number.MAX_SAFE_INTEGER, message: skipMessage(error) });
        return undefined;
      },
    }),
  );
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    // A skipped record was detected before this one was pushed when its line comes first.
    while (skipped.length > 0 && skipped[0].line < info.lines) yield { cells: [], problem: skipped.shift()!.message };
    if (record.every((cell) => cell.trim() === "")) continue; // a line of only delimiters
    yield { cells: record };
  }
  for (const rest of skipped) yield { cells: [], problem: rest.message };
}

function skipMessage(error: { code?: string; message?: string } | undefined): string {
  if (error?.code === "CSV_QUOTE_NOT_CLOSED") return "a quoted field never closes: the file ends inside quotes";
  return `the record is not valid CSV: ${error?.message ?? "unknown error"}`;
}
