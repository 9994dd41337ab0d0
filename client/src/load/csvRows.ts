/**
 * A CSV file's records, streamed through csv-parse: a UTF-8 byte-order mark is dropped, CRLF and
 * LF both end a record, quoted fields may hold the delimiter, quotes ("") and newlines. Blank
 * lines are skipped. The delimiter is a comma, unless the header line has none and has
 * semicolons or tabs (Excel's CSV in locales whose decimal mark is a comma; tab-separated text),
 * or a first line `sep=;` names it. A record csv-parse cannot read (a quote that never closes) becomes a row
 * with a problem instead of ending the whole read; rows of another length than the header are
 * the mapper's business (it knows the header).
 */
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { csvParse } from "../libraries/lazy";
import type { SourceRow } from "./sourceRow";

export interface CsvOptions {
  /** The field delimiter; found from the header line when absent. */
  delimiter?: string;
}

/** Text that was not UTF-8 decodes to U+FFFD: the file was saved in another encoding. */
const NOT_UTF8 = "the row is not UTF-8 text (characters came out as \uFFFD): save the file as \"CSV UTF-8\"";

export async function* csvRows(file: string, options: CsvOptions = {}): AsyncGenerator<SourceRow> {
  // Records csv-parse skipped, in file order, each with the line it was detected at.
  const skipped: { line: number; message: string }[] = [];
  const found = await headerDelimiter(file);
  const delimiter = options.delimiter ?? found.delimiter;
  const source = createReadStream(file);
  const parser = source.pipe(
    csvParse().parse({
      bom: true,
      delimiter,
      // Excel's `sep=;` line names the delimiter and is no record.
      ...(found.sepLine ? { from_line: 2 } : {}),
      relax_column_count: true,
      // `PIPE 6" STEEL` in an unquoted field is a value, not an error; so is `"two"x`, read as written.
      // (No `trim`: with it csv-parse 7 drops the record after such a field along with it.)
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
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      // A skipped record was detected before this one was pushed when its line comes first.
      while (skipped.length > 0 && skipped[0].line < info.lines) yield { cells: [], problem: skipped.shift()!.message };
      if (record.every((cell) => cell.trim() === "")) continue; // a line of only delimiters
      yield record.some((cell) => cell.includes("\uFFFD")) ? { cells: record, problem: NOT_UTF8 } : { cells: record };
    }
    for (const rest of skipped) yield { cells: [], problem: rest.message };
  } finally {
    // A reader stopped early (the header only, a preview) must not keep the file open.
    source.destroy();
  }
}

function skipMessage(error: { code?: string; message?: string } | undefined): string {
  if (error?.code === "CSV_QUOTE_NOT_CLOSED") return "a quoted field never closes: the file ends inside quotes";
  return `the record is not valid CSV: ${error?.message ?? "unknown error"}`;
}

/**
 * `,` unless the first line has no comma but semicolons or tabs; or what a first line `sep=;`
 * names (the delimiter hint Excel reads and some exports write), which is then no record.
 */
async function headerDelimiter(file: string): Promise<{ delimiter: string; sepLine: boolean }> {
  const handle = await open(file, "r");
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const firstLine = (buffer.toString("utf8", 0, bytesRead).split(/\r?\n/, 1)[0] ?? "").replace(/^\uFEFF/, "");
    const hint = /^sep=(.)$/i.exec(firstLine);
    if (hint) return { delimiter: hint[1]!, sepLine: true };
    if (firstLine.includes(",")) return { delimiter: ",", sepLine: false };
    const semicolons = firstLine.split(";").length - 1;
    const tabs = firstLine.split("\t").length - 1;
    return { delimiter: semicolons === 0 && tabs === 0 ? "," : semicolons >= tabs ? ";" : "\t", sepLine: false };
  } finally {
    await handle.close();
  }
}
