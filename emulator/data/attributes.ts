/**
 * Compact builders for attribute definitions, so each object file reads like Maximo's
 * Database Configuration: name, type, length, title, remarks. Lengths follow MAXATTRIBUTE
 * defaults (dates 10, YORN 1, AMOUNT 10.2, DURATION 8.2, unique ids BIGINT 19).
 */
import type { AttributeDef, MaxType, RelationshipDef, Row } from "../model/types";

export interface AttrOptions {
  required?: boolean;
  persistent?: boolean;
  domainId?: string;
  readonlyAfterInsert?: boolean;
  scale?: number;
}

export function attr(
  name: string,
  maxType: MaxType,
  length: number,
  title: string,
  remarks: string,
  options: AttrOptions = {},
): AttributeDef {
  const def: AttributeDef = {
    name,
    maxType,
    length,
    required: options.required ?? false,
    persistent: options.persistent ?? true,
    title,
    remarks,
  };
  if (options.scale !== undefined) def.scale = options.scale;
  if (options.domainId) def.domainId = options.domainId;
  if (options.readonlyAfterInsert) def.readonlyAfterInsert = true;
  return def;
}

/** The unique id column every Maximo table carries (`workorderid`). */
export function uniqueIdAttr(name: string): AttributeDef {
  return attr(name, "BIGINT", 19, name.toUpperCase(), "Unique Identifier", { required: true, readonlyAfterInsert: true });
}

export function siteAttr(required = true): AttributeDef {
  return attr("siteid", "UPPER", 8, "Site", "Site Identifier", { required, readonlyAfterInsert: required });
}

export function orgAttr(required = true): AttributeDef {
  return attr("orgid", "UPPER", 8, "Organization", "Organization Identifier", { required });
}

export function changeAttrs(): AttributeDef[] {
  return [
    attr("changeby", "UPPER", 30, "Changed By", "Person who made the last change to the record.", { required: true }),
    attr("changedate", "DATETIME", 10, "Changed Date", "Date and time of the last change to the record.", { required: true }),
  ];
}

/** `hasld` plus the non-persistent `<attribute>_longdescription` Maximo exposes for long descriptions. */
export function longDescriptionAttrs(base = "description"): AttributeDef[] {
  return [
    attr("hasld", "YORN", 1, "Has Long Description", "Indicates whether the record has a long description.", { required: true }),
    attr(`${base}_longdescription`, "LONGALN", 32000, "Details", "Long description.", { persistent: false }),
  ];
}

export function descriptionAttr(length = 100, title = "Description"): AttributeDef {
  return attr("description", "ALN", length, title, "Describes the record.");
}

/** A relationship joined on attribute pairs; the where text is derived the way Maximo writes it. */
export function rel(
  name: string,
  target: string,
  join: Array<[string, string]>,
  extra?: { filter: (row: Row) => boolean; whereText: string },
): RelationshipDef {
  const base = join.map(([p, t]) => `${t}=:${p}`).join(" and ");
  const def: RelationshipDef = { name, target, join, whereText: extra ? `${base} and ${extra.whereText}` : base };
  if (extra) def.filter = extra.filter;
  return def;
}

/** The DOCLINKS relationship: ownertable is the object name, ownerid its unique id. */
export function doclinksRel(mbo: string, uniqueId: string): RelationshipDef {
  const table = mbo.toUpperCase();
  return rel("doclinks", "doclinks", [[uniqueId, "ownerid"]], {
    filter: (row) => row.ownertable === table,
    whereText: `ownertable='${table}'`,
  });
}
