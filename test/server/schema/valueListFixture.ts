/**
 * A cache folder with value lists, each a server's lean answer (reference §10: a serialized
 * synonymdomain MBO set): the whole WOSTATUS domain for `status`, with two synonyms of APPR and
 * one internal value (WSCH) written only through a synonym; `getlist~craft` for the child
 * attribute `wplabor.craft`; and `cxshift`, a mixed-case ALN attribute the cached schema adds.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createSchemaStore, type SchemaStore } from "../../../server/src/schema/index";
import { cacheFolder, packDir } from "./fixtures";

const base = "http://127.0.0.1:7001/maximo/oslc/os";

/**
 * WOSTATUS read whole, as IBM's mobile apps read it (PRODUCT.md):
 * `os/mxapisynonymdomain?oslc.where=domainid="WOSTATUS"&internalvalues=1`, lean.
 */
function member(value: string, description: string, maxvalue: string, defaults = true) {
  return {
    value,
    maxvalue,
    defaults,
    description,
    domainid: "WOSTATUS",
    valueid: `WOSTATUS|${value}`,
    _rowstamp: String(1000 + value.length),
    href: `${base}/mxapisynonymdomain/_V09TVEFUVVN8${value}`,
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
  href: `${base}/mxapisynonymdomain`,
  responseInfo: { href: `${base}/mxapisynonymdomain?oslc.where=domainid%3D%22WOSTATUS%22&internalvalues=1&lean=1` },
};

/** What `getlist~status` of one WAPPR work order answers (reference §10): the states it may move to. */
const recordHref = `${base}/mxapiwodetail/_QkVERk9SRC8xMDAx/getlist~status`;
export const recordStatusList = {
  member: ["APPR", "INPRG", "COMP", "CLOSE", "CAN"].map((value, i) => ({ value, maxvalue: value, defaults: true, description: statusList.member.find((m) => m.value === value)!.description, href: `${recordHref}/${i}-${100 + i}` })),
  href: recordHref,
  responseInfo: { href: `${recordHref}?lean=1` },
};

const href = `${base}/mxapiwodetail/_QkVERk9SRC8xMDAx/wplabor/0-1/getlist~craft`;
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
