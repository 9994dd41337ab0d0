/**
 * The results CSV of a load (issue 14): a header, then one line per data row as its result is
 * known — `row,status,<keys...>,href,reasonCode,message` — quoted by csv-stringify (loaded on first
 * use), written as it goes so a cancelled load keeps what it learnt. VS Code-free.
 */
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import type { RowResult } from "../../load/contract";
import { csvStringify } from "../../libraries/lazy";

export interface ResultsWriter {
  write(result: RowResult): Promise<void>;
  close(): Promise<void>;
}

export function resultsHeader(keyNames: readonly string[]): string[] {
  return ["row", "status", ...keyNames, "href", "reasonCode", "message"];
}

export function resultsLine(result: RowResult, keyNames: readonly string[]): string[] {
  return [String(result.row), result.status, ...keyNames.map((key) => result.keys[key] ?? ""), result.href ?? "", result.reasonCode ?? "", result.message ?? ""];
}

/** Opens (replacing) `file`; `keyNames` are the structure's key attributes, lower case. */
export async function openResultsWriter(file: string, keyNames: readonly string[]): Promise<ResultsWriter> {
  const out = createWriteStream(file);
  await once(out, "open");
  const stringifier = csvStringify().stringify({ record_delimiter: "unix" });
  stringifier.pipe(out);
  const put = async (cells: string[]) => {
    if (!stringifier.write(cells)) await once(stringifier, "drain");
  };
  await put(resultsHeader(keyNames));
  return {
    write: (result) => put(resultsLine(result, keyNames)),
    close: async () => {
      const finished = once(out, "finish");
      stringifier.end();
      await finished;
    },
  };
}
