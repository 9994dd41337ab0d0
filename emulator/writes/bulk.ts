/**
 * BULK (JSON API reference §15): `x-method-override: BULK` on a collection with a JSON array.
 * Items are `{_data}` (create), `{_data, _meta:{uri, method:"PATCH", patchtype:"MERGE"}}`,
 * `{_meta:{uri, method:"DELETE"}}`, or the 7608 form with `_action` and `href` in the data;
 * with `?action=wsmethod:changeStatus` each item is `{href, status}`. Each item commits on its
 * own; the answer is 200 unless the JSON itself is malformed. An item's result is
 * `_responsemeta` {status, ETag, Location}; a failed one `_responsedata` {Error} as §15.1 shows,
 * plus `_responsemeta.status` as real servers add (IBM's own bulk mock data).
 */
import type { Emulator } from "../emulator";
import { errorBody, MaximoError } from "../http/errors";
import { platformErrors } from "../http/platformErrors";
import { jsonReply, queryValue, type ApiRequest, type Reply } from "../http/types";
import type { ObjectStructureDef } from "../model/types";
import type { MemberTarget } from "../resources/targets";
import { renderMember } from "../query/index";
import { etagOf } from "../store/etag";
import { actionOf, headerValue, isObject, parseJson, type JsonObject } from "./body";
import type { WriteContext } from "./context";
import { writeErrors } from "./errors";
import { checkDeletable } from "./members";
import { deleteRecord, insertRecord, updateRecord } from "./record";
import { rootTarget } from "./reply";
import { changeStatus } from "./status";
import { withTransaction } from "./transactions";
import { UnitOfWork } from "./unitOfWork";

export function bulk(request: ApiRequest, emulator: Emulator, os: ObjectStructureDef, collectionHref: string): Reply {
  return withTransaction(request, emulator, () => {
    const items = parseJson(request);
    if (!Array.isArray(items)) throw writeErrors.badJson("a JSON array of BULK items was expected");
    const action = queryValue(request, "action");
    return jsonReply(items.map((item) => bulkItem(request, emulator, os, collectionHref, item, action)));
  });
}

function bulkItem(
  request: ApiRequest,
  emulator: Emulator,
  os: ObjectStructureDef,
  collectionHref: string,
  item: unknown,
  action: string | undefined,
): JsonObject {
  const meta = isObject(item) && isObject(item._meta) ? item._meta : undefined;
  const bulkId = meta?._bulkid ?? (isObject(item) ? item._bulkid : undefined);
  const extra: JsonObject = bulkId === undefined ? {} : { _bulkid: String(bulkId) };
  try {
    if (!isObject(item)) throw writeErrors.badRequest("Each BULK item must be a JSON object.");
    const data = isObject(item._data) ? item._data : meta || "_data" in item ? {} : item;
    const uri = typeof meta?.uri === "string" ? meta.uri : typeof data.href === "string" ? data.href : undefined;
    const method = methodOf(meta, data, uri);
    const result = UnitOfWork.run(emulator.store, (unit) => {
      const context: WriteContext = { request, emulator, unit };
      if (action !== undefined) {
        if (action.toLowerCase() !== "wsmethod:changestatus") throw writeErrors.unknownAction(action, os.name);
        const target = resolve(emulator, os, collectionHref, uri);
        changeStatus(context, target.mbo, target.row, data.status, data.memo, data.date);
        return { status: "204", target };
      }
      if (method === "POST") {
        const row = insertRecord(context, os.mbo, os.children, data, {});
        return { status: "201", target: rootTarget(emulator, os, collectionHref, row) };
      }
      const target = resolve(emulator, os, collectionHref, uri);
      if (method === "DELETE") {
        checkDeletable(emulator, target);
        deleteRecord(context, target.mbo, os.children, target.row);
        return { status: "204", target: undefined };
      }
      const patchType = typeof meta?.patchtype === "string" ? meta.patchtype : headerValue(request, "patchtype");
      updateRecord(context, target.mbo, os.children, target.row, data, method === "MERGE" || patchType?.toUpperCase() === "MERGE");
      return { status: "204", target };
    });
    const responseMeta: JsonObject = { ...extra, status: result.status };
    if (result.target) responseMeta.ETag = etagOf(result.target.row);
    if (result.status === "201" && result.target) responseMeta.Location = result.target.href;
    const properties = headerValue(request, "properties");
    if (properties !== undefined && result.target) {
      return { _responsedata: renderMember(request, emulator, result.target, properties), _responsemeta: responseMeta };
    }
    return { _responsemeta: responseMeta };
  } catch (error) {
    const failure = error instanceof MaximoError ? error : platformErrors.internal(error instanceof Error ? error.message : String(error));
    return {
      _responsedata: errorBody(failure, `${request.contextRoot}/oslc`),
      _responsemeta: { ...extra, status: String(failure.statusCode) },
    };
  }
}

function methodOf(meta: JsonObject | undefined, data: JsonObject, uri: string | undefined): string {
  if (typeof meta?.method === "string") return meta.method.toUpperCase();
  const action = actionOf(data);
  if (action === "delete") return "DELETE";
  if (action === "add") return "POST";
  if (action === "update" || action === "addchange" || uri !== undefined) return uri === undefined ? "POST" : "PATCH";
  return "POST";
}

/** The member a `_meta.uri` or `href` names: its last path segment is the rest id. */
function resolve(emulator: Emulator, os: ObjectStructureDef, collectionHref: string, uri: string | undefined): MemberTarget {
  if (uri === undefined) throw writeErrors.badRequest("The BULK item needs a resource uri (_meta.uri or href) to update or delete.");
  const id = uri.split(/[?#]/)[0].replace(/\/+$/, "").split("/").pop() ?? "";
  const row = emulator.store.findByRestId(os.mbo, id);
  if (!row) throw writeErrors.notFound(os.name, id);
  return rootTarget(emulator, os, collectionHref, row);
}
