/**
 * The `os/` dispatcher: resolves `os/{name}[/{id}[/{child or relation}[/{id}]]]` into a
 * CollectionTarget or MemberTarget and hands it to the query and write handlers (README
 * "Contracts between the parts"). It knows paths and methods; what a request does is theirs.
 */
import type { Emulator } from "../emulator";
import { MaximoError } from "../http/errors";
import { apiHref } from "../http/hrefs";
import { platformErrors } from "../http/platformErrors";
import { queryValue, type ApiRequest, type Reply } from "../http/types";
import type { ObjectStructureDef, OsChildDef, Row } from "../model/types";
import { requireObjectStructure } from "../meta/index";
import { getMember, queryCollection } from "../query/index";
import { bulk, canDelete, createMember, deleteMember, doclinks, importFile, updateMember } from "../writes/index";
import { getlist, getlistPrefix } from "./getlist";
import type { CollectionTarget, MemberTarget } from "./targets";

type Method = "GET" | "POST" | "DELETE" | "PATCH" | "MERGE" | "BULK";

/** What the request means: GET (HEAD reads too), a plain POST, or an override on POST. */
function methodOf(request: ApiRequest): Method | string {
  if (request.method === "HEAD") return "GET";
  return request.effectiveMethod.toUpperCase();
}

function notAllowed(request: ApiRequest): MaximoError {
  return platformErrors.methodNotAllowed(request.effectiveMethod, request.rawPath);
}

function refuseReadOnly(request: ApiRequest, os: ObjectStructureDef): void {
  if (os.readOnly) {
    throw new MaximoError(405, "BMXAA9552E", `The object structure ${os.name.toUpperCase()} is read-only; ${request.effectiveMethod} is not allowed.`);
  }
}

function recordNotFound(os: string, id: string): MaximoError {
  return new MaximoError(404, "BMXAA8727E", `The record ${id} for the resource ${os.toUpperCase()} could not be found. It may have been deleted.`);
}

function resolveOs(emulator: Emulator, name: string): ObjectStructureDef {
  return requireObjectStructure(emulator, name);
}

export async function osRoute(request: ApiRequest, emulator: Emulator): Promise<Reply> {
  const [, rawName, id, sub, subId, ...rest] = request.segments;
  if (!rawName) throw platformErrors.notFound(request.rawPath);
  const os = resolveOs(emulator, rawName.toLowerCase());
  const collectionHref = `${apiHref(request)}/os/${os.name}`;
  const method = methodOf(request);

  if (id === undefined) return collectionRoute(request, emulator, os, collectionHref, method);

  const row = emulator.store.findByRestId(os.mbo, id);
  if (!row) throw recordNotFound(os.name, id);
  const member: MemberTarget = {
    os,
    mbo: os.mbo,
    row,
    href: `${collectionHref}/${emulator.store.restId(os.mbo, row)}`,
  };
  if (sub === undefined) return memberRoute(request, emulator, member, method);

  const subName = sub.toLowerCase();
  if (subName === "doclinks") {
    if (method !== "GET") refuseReadOnly(request, os);
    return doclinks(request, emulator, member, request.segments.slice(4));
  }
  if (subName.startsWith(getlistPrefix)) {
    if (rest.length > 0) throw platformErrors.notFound(request.rawPath);
    if (method !== "GET") throw notAllowed(request);
    return getlist(request, emulator, member, sub, subId);
  }
  const child = os.children.find((c) => c.name === subName);
  if (child) {
    if (rest.length > 0) throw platformErrors.notFound(request.rawPath);
    return childRoute(request, emulator, member, child, subId, method);
  }
  if (subId !== undefined) throw platformErrors.notFound(request.rawPath);
  return relationRoute(request, emulator, member, sub, method);
}

async function collectionRoute(
  request: ApiRequest,
  emulator: Emulator,
  os: ObjectStructureDef,
  collectionHref: string,
  method: string,
): Promise<Reply> {
  if (method === "GET") {
    const target: CollectionTarget = {
      os,
      mbo: os.mbo,
      base: () => emulator.store.rows(os.mbo),
      href: collectionHref,
      memberHref: (row: Row) => `${collectionHref}/${emulator.store.restId(os.mbo, row)}`,
    };
    return queryCollection(request, emulator, target);
  }
  if (request.method !== "POST") throw notAllowed(request);
  refuseReadOnly(request, os);
  if (method === "BULK") return bulk(request, emulator, os, collectionHref);
  if (queryValue(request, "action")?.toLowerCase() === "importfile") return importFile(request, emulator, os);
  if (method === "POST") return createMember(request, emulator, os, collectionHref);
  throw notAllowed(request);
}

async function memberRoute(request: ApiRequest, emulator: Emulator, member: MemberTarget, method: string): Promise<Reply> {
  if (method === "GET") {
    // Reference §12: `?action=system:candelete` asks the object whether it may be deleted.
    if (queryValue(request, "action")?.toLowerCase() === "system:candelete") return canDelete(request, emulator, member);
    return getMember(request, emulator, member);
  }
  if (method === "DELETE") {
    refuseReadOnly(request, member.os);
    return deleteMember(request, emulator, member);
  }
  if (request.method !== "POST") throw notAllowed(request);
  if (method === "PATCH" || method === "MERGE" || queryValue(request, "action") !== undefined) {
    refuseReadOnly(request, member.os);
    return updateMember(request, emulator, member);
  }
  throw notAllowed(request);
}

/** `{member}/{child}` lists the child rows; `{member}/{child}/{id}` is one child (its localuri). */
async function childRoute(
  request: ApiRequest,
  emulator: Emulator,
  parent: MemberTarget,
  child: OsChildDef,
  childId: string | undefined,
  method: string,
): Promise<Reply> {
  const { store } = emulator;
  const href = `${parent.href}/${child.name}`;
  const rows = () => store.related(parent.mbo, parent.row, child.relation);
  if (childId === undefined) {
    if (method !== "GET") throw notAllowed(request);
    return queryCollection(request, emulator, {
      mbo: child.mbo,
      base: rows,
      href,
      memberHref: (row: Row) => `${href}/${store.restId(child.mbo, row)}`,
    });
  }
  const row = rows().find((r) => store.restId(child.mbo, r) === childId);
  if (!row) throw recordNotFound(child.name, childId);
  const member: MemberTarget = { os: parent.os, mbo: child.mbo, row, href: `${href}/${childId}`, parent };
  return memberRoute(request, emulator, member, method);
}

/**
 * `{member}/{relationship}`: the related MboSet (JSON API reference §4.1.2 "Traversing to
 * related MboSets"), bare MBO JSON unless `{rel}.{osname}` or `responseos=` names a structure.
 */
async function relationRoute(
  request: ApiRequest,
  emulator: Emulator,
  parent: MemberTarget,
  sub: string,
  method: string,
): Promise<Reply> {
  const [relName, osName] = sub.toLowerCase().split(".", 2) as [string, string | undefined];
  const rel = emulator.store.relationship(parent.mbo, relName);
  if (!rel) throw platformErrors.notFound(request.rawPath);
  if (method !== "GET") throw notAllowed(request);
  const responseOs = osName ?? queryValue(request, "responseos")?.toLowerCase();
  const renderOs = responseOs ? resolveOs(emulator, responseOs) : undefined;
  const href = `${parent.href}/${sub}`;
  const osHref = renderOs ? `${apiHref(request)}/os/${renderOs.name}` : href;
  return queryCollection(request, emulator, {
    os: renderOs,
    mbo: rel.target,
    base: () => emulator.store.follow(rel, parent.row),
    href,
    memberHref: (row: Row) => `${osHref}/${emulator.store.restId(rel.target, row)}`,
  });
}
