/**
 * The required attributes a create must send itself: the schema's `required` list minus what
 * Maximo fills in on its own — an attribute whose schema states a default (`"default":
 * "&AUTOKEY&"` on WONUM, `"&SYSDATE&"` on CREATEDATE, `"ERROR"` on an automation script's log
 * level: the server applies it on insert), the record's own key when it autonumbers it (WONUM,
 * ASSETNUM, TICKETID, PONUM; never the site or organization), unique ids (BIGINT), YORN flags
 * (they default), and the status, audit and class fields set on every new record. Shared by the editor's
 * `schema.missing-required` check and the data load's row checks, so both say the same.
 */
import type { AttributeInfo, ObjectSchema } from "./types";

// The audit names and dates are filled from the login and the clock (`&USERNAME&`, `&SYSDATE&`) even where a schema leaves the default out.
const SERVER_FILLED = new Set(["status", "statusdate", "changeby", "changedate", "createby", "createdate", "createdby", "createddate", "orgid", "class", "woclass", "hasld", "historyflag"]);

/** Per schema (schemas are not changed once read; a reload reads new ones): `maximo check` asks once per create request. */
const memo = new WeakMap<ObjectSchema, readonly AttributeInfo[]>();

export function requiredOnCreate(schema: ObjectSchema): AttributeInfo[] {
  let found = memo.get(schema);
  if (!found) {
    found = computeRequiredOnCreate(schema);
    memo.set(schema, found);
  }
  return found.slice();
}

function computeRequiredOnCreate(schema: ObjectSchema): AttributeInfo[] {
  const autokeyed = new Set((schema.pk ?? []).map((k) => k.toLowerCase()).filter((k) => k !== "siteid" && k !== "orgid"));
  return [...schema.attributes.values()].filter((a) => {
    const name = a.name.toLowerCase();
    const boolean = a.subType?.toUpperCase() === "YORN" || a.type === "boolean";
    return a.required && a.defaultValue === undefined && !a.child && !a.childRef && !autokeyed.has(name) && !SERVER_FILLED.has(name) && !boolean && a.subType !== "BIGINT";
  });
}
