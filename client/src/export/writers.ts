/** The writer of each format. */
import type { ExportFormat } from "./cells";
import { CsvWriter } from "./csvWriter";
import { JsonWriter } from "./jsonWriter";
import type { RowWriter } from "./rowWriter";
import { XlsxWriter } from "./xlsxWriter";

export function createRowWriter(format: ExportFormat, file: string): RowWriter {
  switch (format) {
    case "csv":
      return new CsvWriter(file);
    case "xlsx":
      return new XlsxWriter(file);
    case "json":
      return new JsonWriter(file);
  }
}
