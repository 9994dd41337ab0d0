/**
 * Create, update and delete of one record (JSON API reference §11, §12, §13; practitioner guide
 * CRUD): each a unit of work guarded by `transactionid` (§29) and, for updates and deletes, by
 * If-Match (a stale ETag → 412).
 */
import { absoluteHref } from "../http/hrefs";
import type { Emulator } from "../emulator";
import { queryValue, type ApiRequest, type Reply } from "../http/types";
import type { ObjectStructureDef, OsChildDef } from "../model/types";
import type { MemberTarget } from "../resources/targets";
import { ifMatchHolds } from "../store/etag";
import { actionOf, headerValue, parseJsonObject } from "./body";
import type { WriteContext } from "./context";
import { writeErrors } from "./errors";
import { checkInteractive } from "./interactive";
import { deleteRecord, insertRecord, updateRecord } from "./record";
import { memberReply, rootTarget } from "./reply";
import { changeStatus, recordLabel } from "./status";
import { withTransaction } from "./transactions";
import { UnitOfWork } from "./unitOfWork";
import { internalValue } from "./values";

export function createMember(request: ApiRequest, emulator: Emulator, os: ObjectStructureDef, collectionHref: string): Reply {
  return withTransaction(request, emulator, () => {
    const body = parseJsonObject(request);
    const row = UnitOfWork.run(emulator.store, (unit) => insertRecord({ request, emulator, unit }, os.mbo, os.children, body, {}));
    const target = rootTarget(emulator, os, collectionHref, row);
    return memberReply(request, emulator, target, 201, { location: absoluteHref(request, target.href) });
  });
}

export function updateMember(request: ApiRequest, emulator: Emulator, target: MemberTarget): Reply {
  return withTransaction(request, emulator, () => {
    checkIfMatch(request, emulator, target);
    const action = queryValue(request, "action");
    if (action !== undefined) return runAction(request, emulator, target, action);
    const body = parseJsonObject(request);
    if (actionOf(body) === "delete") return removeMember(request, emulator, target);
    const merge = headerValue(request, "patchtype")?.toUpperCase() === "MERGE" || request.effectiveMethod.toUpperCase() === "MERGE";
    UnitOfWork.run(emulator.store, (unit) => {
      const context: WriteContext = { request, emulator, unit };
      checkInteractive(context, target, body);
      updateRecord(context, target.mbo, childDefsOf(target), target.row, body, merge);
    });
    return memberReply(request, emulator, target, 204);
  });
}

/**
 * DELETE answers 204 No Content: the practitioner guide's status table and current servers;
 * reference §12's "200 OK" predates them (README.md of this folder).
 */
export function deleteMember(request: ApiRequest, emulator: Emulator, target: MemberTarget): Reply {
  return withTransaction(request, emulator, () => {
    checkIfMatch(request, emulator, target);
    return removeMember(request, emulator, target);
  });
}

/** `GET {member}?action=system:candelete` (reference §12): 200 when the record may be deleted, else the error. */
export function canDelete(_request: ApiRequest, emulator: Emulator, target: MemberTarget): Reply {
  checkDeletable(emulator, target);
  return { status: 200, body: { kind: "json", value: {} } };
}

function removeMember(request: ApiRequest, emulator: Emulator, target: MemberTarget): Reply {
  checkDeletable(emulator, target);
  UnitOfWork.run(emulator.store, (unit) => deleteRecord({ request, emulator, unit }, target.mbo, childDefsOf(target), target.row));
  return { status: 204 };
}

/** Work orders can be deleted only while waiting on approval (Maximo's WO canDelete rule). */
export function checkDeletable(emulator: Emulator, target: MemberTarget): void {
  if (target.mbo !== "workorder") return;
  const status = String(target.row.status ?? "");
  if ((internalValue(emulator, "WOSTATUS", status) ?? status) !== "WAPPR") {
    throw writeErrors.cannotDelete(emulator.store.mbo("workorder"), recordLabel(emulator.store.mbo("workorder"), target.row), status);
  }
}

export function checkIfMatch(request: ApiRequest, emulator: Emulator, target: MemberTarget): void {
  const ifMatch = headerValue(request, "if-match");
  if (ifMatch !== undefined && !ifMatchHolds(ifMatch, target.row)) {
    const def = emulator.store.mbo(target.mbo);
    throw writeErrors.staleEtag(def, recordLabel(def, target.row));
  }
}

/** `?action=wsmethod:changeStatus` (practitioner guide "Action Invocations", reference §13). */
function runAction(request: ApiRequest, emulator: Emulator, target: MemberTarget, action: string): Reply {
  if (action.toLowerCase() !== "wsmethod:changestatus") throw writeErrors.unknownAction(action, target.os.name);
  const body = parseJsonObject(request);
  UnitOfWork.run(emulator.store, (unit) => changeStatus({ request, emulator, unit }, target.mbo, target.row, body.status, body.memo, body.date));
  return memberReply(request, emulator, target, 204);
}

/** The structure's children below the target: the root's, or those of the child it is. */
export function childDefsOf(target: MemberTarget): OsChildDef[] {
  if (!target.parent) return target.os.children;
  const search = (defs: OsChildDef[]): OsChildDef | undefined => {
    for (const def of defs) {
      if (def.mbo === target.mbo) return def;
      const found = search(def.children);
      if (found) return found;
    }
    return undefined;
  };
  return search(target.os.children)?.children ?? [];
}
