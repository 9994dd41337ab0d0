/**
 * An XLSX workbook read through its zip's central directory (yauzl), each part parsed by exceljs's
 * streaming reader: the parts every sheet needs first (relationships, the workbook's sheet list,
 * shared strings, styles), then only the sheet asked for, streamed row by row. No temporary files.
 *
 * exceljs's own `WorkbookReader.parse` reads the zip in one streaming pass, and that pass loses
 * entries when its consumer is slow (exceljs issues #2790 and #3064: `iterate-stream` pauses an
 * `unzipper.Parse` stream, which ends anyway). The loss is timing-dependent. It can drop whole
 * sheets, the shared strings (whose cells then read `[object Object]`) or the workbook part (a
 * TypeError on `model.sheets`), most often in workbooks with many sheets or exceljs's part order.
 * A central directory reaches every part, in any order, so nothing can be lost.
 *
 * The parts are parsed with the reader's own part parsers (`_parseRels`, `_parseWorkbook`,
 * `_parseSharedStrings`, `_parseStyles`, `_parseWorksheet`), not public API: exceljs is pinned
 * (4.4.0), and test/client/load/ reads workbooks of every shape through them.
 */
import { posix } from "node:path";
import type { Readable } from "node:stream";
import type * as ExcelJs from "exceljs";
import type { Entry, ZipFile } from "yauzl";
import { excelJs, yauzl } from "../libraries/lazy";

export type WorksheetReader = ExcelJs.stream.xlsx.WorksheetReader;

/** A worksheet the workbook part lists, in tab order. */
export interface WorkbookSheet {
  name: string;
  /** `visible` (or absent), `hidden` or `veryHidden`. */
  state: string | undefined;
  /** Its part in the zip, e.g. `xl/worksheets/sheet1.xml`. */
  part: string;
}

export interface WorkbookOptions {
  /** Read cell values (shared strings and the styles that make numbers dates) or names alone. */
  cells: boolean;
}

/** What this module reads of exceljs's WorkbookReader. */
interface ReaderParts {
  model?: { sheets?: { name?: string; state?: string; rId?: string }[] };
  workbookRels?: { Id?: string; Type?: string; Target?: string }[];
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: Readable, sheetNo: string): Generator<{ eventType: string; value: WorksheetReader }>;
}

const WORKBOOK_PART = "xl/workbook.xml";
const WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";
const WORKSHEET_TYPE = /\/worksheet$/;

export class XlsxWorkbook {
  private constructor(
    private readonly zip: ZipFile,
    private readonly entries: Map<string, Entry>,
    private readonly reader: ReaderParts,
    /** The workbook's worksheets, in tab order (chart sheets left out). */
    readonly sheets: readonly WorkbookSheet[],
  ) {}

  /** Opens `file` and reads the parts every sheet needs. Rejects when it is not a zip; `close` it when done. */
  static async open(file: string, options: WorkbookOptions): Promise<XlsxWorkbook> {
    const zip = await yauzl().openPromise(file, { lazyEntries: true, autoClose: false });
    try {
      const entries = await listEntries(zip);
      const reader = new (excelJs().stream.xlsx.WorkbookReader)(file, {
        worksheets: "emit",
        sharedStrings: options.cells ? "cache" : "ignore",
        hyperlinks: "ignore",
        // Dates are numbers with a date format: the styles tell exceljs to read them as dates.
        styles: options.cells ? "cache" : "ignore",
        entries: "ignore",
      }) as unknown as ReaderParts;
      const part = (path: string) => (entries.has(path) ? zip.openReadStreamPromise(entries.get(path)!) : undefined);
      const rels = await part(WORKBOOK_RELS);
      if (rels) await reader._parseRels(rels);
      const workbook = await part(WORKBOOK_PART);
      if (workbook) await reader._parseWorkbook(workbook);
      if (options.cells) {
        const strings = await part("xl/sharedStrings.xml");
        // In "cache" mode the strings are kept on the reader; the generator yields nothing.
        if (strings) for await (const event of reader._parseSharedStrings(strings)) void event;
        const styles = await part("xl/styles.xml");
        if (styles) await reader._parseStyles(styles);
      }
      return new XlsxWorkbook(zip, entries, reader, worksheetsOf(reader, entries));
    } catch (error) {
      zip.close();
      throw error;
    }
  }

  /** The rows of `sheet`, streamed as they are read; `discard` or read it to its end. */
  async worksheet(sheet: WorkbookSheet): Promise<WorksheetReader> {
    const stream = await this.zip.openReadStreamPromise(this.entries.get(sheet.part)!);
    const index = String(this.sheets.indexOf(sheet) + 1);
    for (const { eventType, value } of this.reader._parseWorksheet(stream, index)) {
      if (eventType !== "worksheet") continue;
      Object.assign(value as object, { name: sheet.name, state: sheet.state });
      return value;
    }
    throw new Error(`exceljs gave no reader for ${sheet.part}`);
  }

  close(): void {
    this.zip.close();
  }
}

/** Every entry of the central directory by path (files only). */
function listEntries(zip: ZipFile): Promise<Map<string, Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, Entry>();
    zip.on("entry", (entry: Entry) => {
      if (!entry.fileName.endsWith("/")) entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.once("end", () => resolve(entries));
    zip.once("error", reject);
    zip.readEntry();
  });
}

/** The workbook part's sheets that are worksheets present in the zip, in tab order. */
function worksheetsOf(reader: ReaderParts, entries: Map<string, Entry>): WorkbookSheet[] {
  const rels = new Map((reader.workbookRels ?? []).map((rel) => [rel.Id, rel]));
  const sheets: WorkbookSheet[] = [];
  for (const sheet of reader.model?.sheets ?? []) {
    const rel = rels.get(sheet.rId);
    if (!rel?.Target || !WORKSHEET_TYPE.test(rel.Type ?? "/worksheet")) continue;
    // A target is relative to xl/ (`worksheets/sheet1.xml`) or absolute in the package (`/xl/...`).
    const part = rel.Target.startsWith("/") ? rel.Target.slice(1) : posix.normalize(posix.join("xl", rel.Target));
    if (entries.has(part)) sheets.push({ name: sheet.name ?? `Sheet${sheets.length + 1}`, state: sheet.state, part });
  }
  return sheets;
}
