/**
 * `{member}/doclinks[/…]` (JSON API reference §16, practitioner guide "Attachments"):
 *   GET  doclinks            the list, each member with `describedBy` metadata (§16.1)
 *   POST doclinks            upload: slug/encslug, x-document-meta `FILE/Attachments` or
 *                            `URL/…` with content-location, x-document-description/encdescription,
 *                            custom-encoding base64; 201 with Location and Link (§16.2)
 *   GET  doclinks/{id}       the file bytes, with a Link header to its metadata
 *   GET  doclinks/meta/{id}  the metadata JSON
 *   DELETE (or POST + x-method-override DELETE) doclinks/{id} → 204 (§16.4)
 * There is no update of an attachment (§16.3): delete and upload again.
 */
import { absoluteHref } from "../http/hrefs";
import type { Emulator } from "../emulator";
import { jsonReply, type ApiRequest, type Reply } from "../http/types";
import type { Row } from "../model/types";
import type { MemberTarget } from "../resources/targets";
import { headerValue } from "./body";
import { contentTypeFor, deleteDoclinkFile, describeDoclink, insertDoclink } from "./doclinkRows";
import { writeErrors } from "./errors";
import { writesState } from "./state";
import { withTransaction } from "./transactions";
import { UnitOfWork } from "./unitOfWork";

export function doclinks(request: ApiRequest, emulator: Emulator, target: MemberTarget, rest: string[]): Reply {
  const method = request.method === "HEAD" ? "GET" : request.effectiveMethod.toUpperCase();
  const listHref = `${target.href}/doclinks`;
  if (rest.length === 0) {
    if (method === "GET") return listDoclinks(emulator, target, listHref);
    if (method === "POST") return withTransaction(request, emulator, () => upload(request, emulator, target, listHref));
    throw writeErrors.badRequest(`The method ${method} is not supported on ${listHref}.`);
  }
  if (rest.length === 2 && rest[0].toLowerCase() === "meta" && method === "GET") {
    return jsonReply(describeDoclink(emulator, target.href, findLink(emulator, target, rest[1])));
  }
  if (rest.length !== 1) throw writeErrors.notFound("doclinks", rest.join("/"));
  const link = findLink(emulator, target, rest[0]);
  if (method === "GET") return download(emulator, link, `${listHref}/meta/${rest[0]}`);
  if (method === "DELETE") {
    return withTransaction(request, emulator, () => {
      UnitOfWork.run(emulator.store, (unit) => {
        deleteDoclinkFile({ request, emulator, unit }, link);
        unit.remove("doclinks", link);
      });
      return { status: 204 };
    });
  }
  throw writeErrors.badRequest(`The method ${method} is not supported on ${listHref}/${rest[0]}; attachments cannot be updated.`);
}

function linksOf(emulator: Emulator, target: MemberTarget): readonly Row[] {
  const relation = emulator.store.relationship(target.mbo, "doclinks");
  if (!relation) throw writeErrors.notFound("doclinks", target.mbo);
  return emulator.store.follow(relation, target.row);
}

function findLink(emulator: Emulator, target: MemberTarget, id: string): Row {
  const link = linksOf(emulator, target).find((row) => String(row.doclinksid) === id);
  if (!link) throw writeErrors.notFound("doclinks", id);
  return link;
}

function listDoclinks(emulator: Emulator, target: MemberTarget, listHref: string): Reply {
  const member = linksOf(emulator, target).map((row) => ({
    href: `${listHref}/${String(row.doclinksid)}`,
    describedBy: describeDoclink(emulator, target.href, row),
  }));
  return jsonReply({ href: listHref, member, responseInfo: { href: listHref } });
}

function download(emulator: Emulator, link: Row, metaHref: string): Reply {
  const file = writesState(emulator).files.get(Number(link.doclinksid));
  const urlname = String(link.urlname ?? "");
  const contentType = file?.contentType ?? contentTypeFor(urlname);
  // Seeded attachments have no bytes behind them; they download as empty files.
  return { status: 200, headers: { link: metaHref }, body: { kind: "bytes", bytes: file?.bytes ?? Buffer.alloc(0), contentType } };
}

function decoded(request: ApiRequest, plain: string, encoded: string): string | undefined {
  const base64 = headerValue(request, encoded);
  if (base64 !== undefined) return Buffer.from(base64, "base64").toString("utf8");
  return headerValue(request, plain);
}

function upload(request: ApiRequest, emulator: Emulator, target: MemberTarget, listHref: string): Reply {
  const [urlTypeWord, doctypeWord] = splitDocumentMeta(headerValue(request, "x-document-meta"));
  const url = headerValue(request, "content-location");
  // Without a URL type the framework picks one from the request: content-location means WWW (§16.2).
  const urlType = urlTypeWord ? (/^(URL|WWW)$/i.test(urlTypeWord) ? "WWW" : "FILE") : url ? "WWW" : "FILE";
  const fileName = decoded(request, "slug", "encslug") ?? "";
  const base64 = headerValue(request, "custom-encoding")?.toLowerCase() === "base64";
  const bytes = base64 ? Buffer.from(request.body.toString("utf8"), "base64") : request.body;
  const sentType = headerValue(request, "content-type")?.split(";")[0].trim();
  const contentType = sentType && !base64 && sentType !== "application/x-www-form-urlencoded" ? sentType : contentTypeFor(fileName);
  const link = UnitOfWork.run(emulator.store, (unit) =>
    insertDoclink({ request, emulator, unit }, target.mbo, target.row, {
      fileName,
      urlType,
      url,
      doctype: doctypeWord ?? "Attachments",
      description: decoded(request, "x-document-description", "x-document-encdescription") ?? null,
      bytes: urlType === "WWW" ? Buffer.alloc(0) : bytes,
      contentType,
    }),
  );
  const id = String(link.doclinksid);
  return { status: 201, headers: { location: absoluteHref(request, `${listHref}/${id}`), link: absoluteHref(request, `${listHref}/meta/${id}`) } };
}

/** `FILE/Attachments` → ["FILE", "Attachments"]; `Attachments` alone → [undefined, "Attachments"]. */
function splitDocumentMeta(value: string | undefined): [string | undefined, string | undefined] {
  if (!value) return [undefined, undefined];
  const at = value.indexOf("/");
  if (at < 0) return /^(FILE|URL|WWW)$/i.test(value) ? [value, undefined] : [undefined, value.trim()];
  return [value.slice(0, at).trim() || undefined, value.slice(at + 1).trim() || undefined];
}
