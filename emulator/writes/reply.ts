/**
 * Replies to a successful write: the record's ETag always; with a `properties` header (same
 * syntax as oslc.select, reference §11) the record itself, rendered by the query part, so the
 * client needs no extra GET; without it an empty body (201 for a create, 204 for an update).
 */
import type { Emulator } from "../emulator";
import type { ApiRequest, Reply } from "../http/types";
import type { ObjectStructureDef, Row } from "../model/types";
import { renderMember } from "../query/index";
import type { MemberTarget } from "../resources/targets";
import { etagOf } from "../store/etag";
import { headerValue } from "./body";

export function rootTarget(emulator: Emulator, os: ObjectStructureDef, collectionHref: string, row: Row): MemberTarget {
  return { os, mbo: os.mbo, row, href: `${collectionHref}/${emulator.store.restId(os.mbo, row)}` };
}

export function memberReply(
  request: ApiRequest,
  emulator: Emulator,
  target: MemberTarget,
  status: 201 | 204,
  headers: Record<string, string> = {},
): Reply {
  const allHeaders = { etag: etagOf(target.row), ...headers };
  const properties = headerValue(request, "properties");
  if (properties === undefined) return { status, headers: allHeaders };
  const value = renderMember(request, emulator, target, properties);
  return { status: status === 204 ? 200 : status, headers: allHeaders, body: { kind: "json", value } };
}
