/**
 * Values Maximo fills in on a new record: autonumbered keys (WONUM, TICKETID, ASSETNUM, PONUM
 * when omitted), the synonym domain's default (status WAPPR for a work order), NO for required
 * yes/no flags, the organization of the site, and now/the user for the audit dates and names.
 */
import type { Emulator } from "../emulator";
import type { MboDef, Row } from "../model/types";
import type { WriteContext } from "./context";
import { isoNow } from "./state";

/** Keys Maximo autonumbers (MAXATTRIBUTE.AUTOKEYNAME on the shipped objects). */
const autonumbered: Record<string, string> = { workorder: "wonum", sr: "ticketid", asset: "assetnum", po: "ponum" };

/** Object-specific defaults that come from MBO logic, not from the data dictionary. */
const fixedDefaults: Record<string, Row> = {
  workorder: { woclass: "WORKORDER" },
  sr: { class: "SR" },
  wplabor: { quantity: 1, laborhrs: 0 },
  wpmaterial: { linetype: "ITEM", itemqty: 1 },
  po: { revisionnum: 0, currencycode: "USD" },
  autoscript: { active: false, scriptlanguage: "javascript", userdefined: true },
};

/** Defaults from the data dictionary (MAXATTRIBUTE.DEFAULTVALUE): the schema states them. */
const dictionaryDefaults: Record<string, Row> = {
  autoscript: { loglevel: "ERROR" },
  assetmeter: { linearassetid: 0 },
};

const nowAttributes = ["changedate", "statusdate", "createdate", "createddate", "enterdate", "reportdate", "orderdate", "transdate"];
const userAttributes = ["changeby", "createby", "createdby", "enterby", "reportedby"];

/**
 * The default a real server's JSON schema states for an attribute this file fills in
 * (`"default": "&AUTOKEY&"` on WONUM, `"&SYSDATE&"` on CREATEDATE, as MXAPIWODETAIL's schema
 * shows), so clients can tell a required attribute the server fills from one they must send.
 */
export function schemaDefaultOf(mbo: string, attribute: string): string | number | boolean | undefined {
  if (autonumbered[mbo] === attribute) return "&AUTOKEY&";
  if (nowAttributes.includes(attribute)) return "&SYSDATE&";
  if (userAttributes.includes(attribute)) return "&USERNAME&";
  const stated = dictionaryDefaults[mbo]?.[attribute];
  return typeof stated === "string" || typeof stated === "number" || typeof stated === "boolean" ? stated : undefined;
}

function missing(values: Row, name: string): boolean {
  return values[name] === undefined || values[name] === null;
}

export function applyInsertDefaults(context: WriteContext, def: MboDef, values: Row): void {
  const { emulator, request } = context;
  const now = isoNow(emulator);
  const attributes = new Set(def.attributes.map((a) => a.name));
  for (const [name, value] of Object.entries({ ...dictionaryDefaults[def.name], ...fixedDefaults[def.name] })) {
    if (attributes.has(name) && missing(values, name)) values[name] = value;
  }
  const keyAttr = autonumbered[def.name];
  if (keyAttr && missing(values, keyAttr)) values[keyAttr] = nextAutonumber(emulator, def.name, keyAttr);
  for (const attribute of def.attributes) {
    const name = attribute.name;
    if (!missing(values, name)) continue;
    if (nowAttributes.includes(name)) values[name] = now;
    else if (userAttributes.includes(name)) values[name] = request.user;
    else if (name === "orgid" && typeof values.siteid === "string") {
      values.orgid = emulator.store.findByKey("site", [values.siteid])?.orgid ?? null;
    } else if (attribute.required && attribute.maxType === "YORN") values[name] = false;
    else if (attribute.required && attribute.domainId) {
      const domain = emulator.metadata.synonymDomains.get(attribute.domainId);
      // The domain lists a new record's value first (WAPPR, Draft ...).
      const chosen = domain?.values[0];
      if (chosen) values[name] = chosen.value;
    }
  }
}

/** The next number after the highest numeric key so far (seeded numbers start at 1001). */
function nextAutonumber(emulator: Emulator, mbo: string, attribute: string): string {
  let highest = 1000;
  for (const row of emulator.store.rows(mbo)) {
    const n = Number(row[attribute]);
    if (Number.isInteger(n) && n > highest) highest = n;
  }
  return String(highest + 1);
}
