/**
 * DOCLINKS rows and the files behind them (JSON API reference §16): one row per attachment,
 * owned through OWNERTABLE + OWNERID, the bytes kept in `emulator.writes.files`. Used by the
 * doclinks routes (upload, list, meta, download, delete) and by §16.5 inline `documentdata`.
 */
import type { Emulator } from "../emulator";
import type { Row } from "../model/types";
import type { JsonObject } from "./body";
import type { WriteContext } from "./context";
import { writeErrors } from "./errors";
import { isoNow, writesState } from "./state";

export interface NewAttachment {
  /** File name (slug) or, for a URL attachment, its name. */
  fileName: string;
  urlType: "FILE" | "WWW";
  /** The URL of a WWW attachment. */
  url?: string;
  doctype: string;
  description: string | null;
  bytes: Buffer;
  contentType: string;
}

const mimeTypes: Record<string, string> = {
  txt: "text/plain", csv: "text/csv", pdf: "application/pdf", png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg",
  gif: "image/gif", json: "application/json", xml: "application/xml", html: "text/html", ppt: "application/vnd.ms-powerpoint",
  doc: "application/msword", xls: "application/vnd.ms-excel", zip: "application/zip",
};

export function contentTypeFor(fileName: string): string {
  const extension = fileName.includes(".") ? fileName.slice(fileName.lastIndexOf(".") + 1).toLowerCase() : "";
  return mimeTypes[extension] ?? "application/octet-stream";
}

export function insertDoclink(context: WriteContext, ownerMbo: string, owner: Row, attachment: NewAttachment): Row {
  const { emulator, unit, request } = context;
  if (attachment.fileName === "") {
    const urlname = emulator.store.mbo("doclinks").attributes.find((a) => a.name === "urlname");
    if (urlname) throw writeErrors.required(urlname, "doclinks");
  }
  const ownerDef = emulator.store.mbo(ownerMbo);
  const state = writesState(emulator);
  const now = isoNow(emulator);
  const title = attachment.fileName.replace(/\.[^.]*$/, "").toUpperCase().slice(0, 20);
  const row = unit.insert("doclinks", {
    document: title,
    doctype: attachment.doctype,
    ownertable: ownerMbo.toUpperCase(),
    ownerid: owner[ownerDef.uniqueId] ?? null,
    description: attachment.description,
    urltype: attachment.urlType,
    urlname: attachment.urlType === "WWW" ? attachment.url ?? attachment.fileName : attachment.fileName,
    weburl: attachment.urlType === "WWW" ? attachment.url ?? null : `${attachment.doctype.toUpperCase()}/${attachment.fileName}`,
    docinfoid: state.nextDocinfoId++,
    getlatestversion: true,
    printthrulink: false,
    copylinktowo: false,
    createby: request.user,
    createdate: now,
    changeby: request.user,
    changedate: now,
  });
  const id = Number(row.doclinksid);
  state.files.set(id, { bytes: attachment.bytes, contentType: attachment.contentType });
  unit.onRollback(() => state.files.delete(id));
  return row;
}

/** §16.5: `{"urltype":"FILE","documentdata":"<base64>","doctype":"Attachments","urlname":"a.txt"}` inside a create or update. */
export function insertInlineDoclink(context: WriteContext, ownerMbo: string, owner: Row, item: JsonObject): Row {
  const text = (key: string): string | undefined => (typeof item[key] === "string" ? (item[key] as string) : undefined);
  const urlType = (text("urltype") ?? "FILE").toUpperCase() === "WWW" || text("urltype")?.toUpperCase() === "URL" ? "WWW" : "FILE";
  const fileName = text("urlname") ?? text("fileName") ?? "";
  return insertDoclink(context, ownerMbo, owner, {
    fileName,
    urlType,
    url: urlType === "WWW" ? fileName : undefined,
    doctype: text("doctype") ?? "Attachments",
    description: text("description") ?? null,
    bytes: Buffer.from(text("documentdata") ?? "", "base64"),
    contentType: contentTypeFor(fileName),
  });
}

export function deleteDoclinkFile(context: WriteContext, row: Row): void {
  const state = writesState(context.emulator);
  const id = Number(row.doclinksid);
  const file = state.files.get(id);
  if (!file) return;
  state.files.delete(id);
  context.unit.onRollback(() => state.files.set(id, file));
}

/** The `describedBy` metadata of §16.1 (also the body of `doclinks/meta/{id}`). */
export function describeDoclink(emulator: Emulator, ownerHref: string, row: Row): Record<string, unknown> {
  const id = String(row.doclinksid);
  const file = writesState(emulator).files.get(Number(row.doclinksid));
  const urlname = String(row.urlname ?? "");
  const fileName = row.urltype === "WWW" ? urlname : urlname.slice(urlname.lastIndexOf("/") + 1);
  const contentType = file?.contentType ?? contentTypeFor(fileName);
  return {
    docinfoid: row.docinfoid,
    addinfo: false,
    weburl: row.weburl ?? urlname,
    docType: row.doctype,
    changeby: row.changeby,
    createby: row.createby,
    copylinktowo: row.copylinktowo ?? false,
    show: false,
    format: { label: contentType, href: `http://purl.org/NET/mediatypes/${contentType}` },
    getlatestversion: row.getlatestversion ?? true,
    ownerid: row.ownerid,
    printthrulink: row.printthrulink ?? false,
    urlType: row.urltype === "WWW" ? "URL" : "FILE",
    upload: false,
    attachmentSize: file?.bytes.length ?? 0,
    modified: row.changedate,
    title: row.document,
    created: row.createdate,
    description: row.description ?? "",
    fileName,
    ownertable: row.ownertable,
    href: `${ownerHref}/doclinks/meta/${id}`,
    identifier: id,
  };
}
