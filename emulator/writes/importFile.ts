/**
 * File import (JSON API reference §25): `POST os/{name}?action=importfile` with a flat (CSV)
 * body whose header row names attributes by alias (upper case). Headers: `filetype` (FLAT; XML
 * is refused here), `delimiter` (`,`), `textqualifier` (`"`), `preview` (0/1). Each data row is
 * one document, added or, when its keys match a record, changed (the application import's
 * AddChange), committed on its own. Preview validates every document and saves nothing:
 * `{invaliddoc, totaldoc, validdoc, warningmsg}`; the import answers `{validdoc}` (and the
 * failure counts and messages when some documents failed).
 */
import type { Emulator } from "../emulator";
import { MaximoError } from "../http/errors";
import { jsonReply, type ApiRequest, type Reply } from "../http/types";
import type { ObjectStructureDef, Row } from "../model/types";
import { headerValue, type JsonObject } from "./body";
import { writeErrors } from "./errors";
import { insertRecord, updateRecord } from "./record";
import { withTransaction } from "./transactions";
import { UnitOfWork } from "./unitOfWork";

export function importFile(request: ApiRequest, emulator: Emulator, os: ObjectStructureDef): Reply {
  return withTransaction(request, emulator, () => {
    const fileType = (headerValue(request, "filetype") ?? "FLAT").toUpperCase();
    if (fileType !== "FLAT") throw writeErrors.badRequest(`The file type ${fileType} is not supported by the emulator; send FLAT (CSV) data.`);
    const preview = headerValue(request, "preview") === "1";
    const rows = parseDelimited(request.body.toString("utf8"), headerValue(request, "delimiter") ?? ",", headerValue(request, "textqualifier") ?? '"');
    const [header, ...documents] = rows.filter((r) => r.some((cell) => cell.trim() !== ""));
    if (!header) throw writeErrors.badRequest("The import file is empty: a header row of attribute names is required.");
    // The lean API root takes the bare names; aliases are the upper-case attribute names.
    const names = header.map((h) => h.trim().toLowerCase());
    const lean = { ...request, lean: true };
    const warnings: string[] = [];
    let valid = 0;
    documents.forEach((cells, index) => {
      const body: JsonObject = {};
      names.forEach((name, i) => {
        const cell = cells[i]?.trim() ?? "";
        if (name !== "" && cell !== "") body[name] = cell;
      });
      const unit = new UnitOfWork(emulator.store);
      try {
        const context = { request: lean, emulator, unit };
        const existing = findExisting(emulator, os.mbo, body);
        if (existing) updateRecord(context, os.mbo, os.children, existing, body, true);
        else insertRecord(context, os.mbo, os.children, body, {});
        valid++;
        if (preview) unit.rollback();
      } catch (error) {
        unit.rollback();
        const message = error instanceof MaximoError ? error.message : String(error);
        warnings.push(`\nBMXAA5598E - Processing of an inbound transaction failed. The processing exception is identified in document ${index + 1}.\n\t${message}`);
      }
    });
    const invalid = documents.length - valid;
    if (preview) return jsonReply({ invaliddoc: invalid, totaldoc: documents.length, validdoc: valid, warningmsg: warnings.join("") });
    return jsonReply(invalid === 0 ? { validdoc: valid } : { validdoc: valid, invaliddoc: invalid, totaldoc: documents.length, warningmsg: warnings.join("") });
  });
}

function findExisting(emulator: Emulator, mbo: string, body: JsonObject): Row | undefined {
  const keys = emulator.store.mbo(mbo).keys;
  if (!keys.every((k) => typeof body[k] === "string")) return undefined;
  return emulator.store.findByKey(mbo, keys.map((k) => String(body[k]).toUpperCase())) ?? emulator.store.findByKey(mbo, keys.map((k) => String(body[k])));
}

/** Splits delimited text into rows of cells; a qualified cell may hold delimiters, line breaks and doubled qualifiers. */
export function parseDelimited(text: string, delimiter: string, qualifier: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === qualifier && text[i + 1] === qualifier) {
        cell += qualifier;
        i++;
      } else if (ch === qualifier) quoted = false;
      else cell += ch;
    } else if (ch === qualifier && cell === "") quoted = true;
    else if (text.startsWith(delimiter, i)) {
      row.push(cell);
      cell = "";
      i += delimiter.length - 1;
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
