/**
 * A cache folder with value lists as a server answers `getlist~attr` (reference §10: a serialized
 * synonymdomain MBO set, lean): WOSTATUS for `status` with two synonyms of APPR and one internal
 * value (WSCH) written only through a synonym; crafts for the child attribute `wplabor.craft`;
 * and `cxshift`, a mixed-case ALN attribute the cached schema adds, with its own list.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createSchemaStore, type SchemaStore } from "../../../server/src/schema/index";
import { cacheFolder, packDir } from "./fixtures";

const href = "http://127.0.0.1:7001/maximo/oslc/os/mxapiwodetail/_QkVERk9SRC8xMDAx/getlist~status";

/** A member as the lean answer carries it. */
function member(value: string, description: string, maxvalue?: string, defaults = true) {
  return {
    value,
    ...(maxvalue !== undefined ? { maxvalue, defaults } : {}),
    description,
    valueid: `WOSTATUS|${value}`,
    _rowstamp: String(1000 + value.length),
    href: `${href}/${encodeURIComponent(value)}`,
  };
}

export const statusList = {
  member: [
    member("WAPPR", "Waiting on Approval", "WAPPR"),
    member("APPR", "Approved", "APPR"),
    member("FLDAPPR", "Approved in the field", "APPR", false),
    member("AWSCHED", "Awaiting scheduling", "WSCH"),
    member("INPRG", "In Progress", "INPRG"),
    member("COMP", "Completed", "COMP"),
    member("CLOSE", "Closed", "CLOSE"),
    member("CAN", "Canceled", "CAN"),
  ],
  href,
  responseInfo: { href },
};

export const craftList = { member: ["ELECT", "MECH", "PIPEFIT"].map((v) => ({ value: v, description: `${v[0]}${v.slice(1).toLowerCase()} craft` })), href };
export const shiftList = { member: [{ value: "Day", description: "Day shift" }, { value: "Night", description: "Night shift" }], href };

/** The pack's mxapiwodetail with `cxshift`, an ALN (mixed-case) attribute with a list. */
export function customWoSchema(): string {
  const schema = JSON.parse(readFileSync(join(packDir, "jsonschemas", "mxapiwodetail.json"), "utf8"));
  schema.properties.cxshift = { type: "string", subType: "ALN", maxLength: 10, title: "Shift", hasList: true };
  return JSON.stringify(schema);
}

export function listsFolder(extra: Record<string, string> = {}): { dir: string; remove(): void; store: SchemaStore } {
  const folder = cacheFolder({
    "jsonschemas/mxapiwodetail.json": customWoSchema(),
    "lists/mxapiwodetail/status.json": JSON.stringify(statusList),
    "lists/mxapiwodetail/wplabor.craft.json": JSON.stringify(craftList),
    "lists/mxapiwodetail/cxshift.json": JSON.stringify(shiftList),
    ...extra,
  });
  return { ...folder, store: createSchemaStore({ cacheDirs: [folder.dir], packDir }) };
}
