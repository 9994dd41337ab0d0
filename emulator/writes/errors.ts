/**
 * The Maximo errors the writes raise. Codes confirmed in public material: BMXAA4195E (required,
 * quoted by a MAS doclinks guide), BMXAA4153E (invalid site, reference §15.1), BMXAA4190E ("…
 * is not in the value list", quoted from real import logs), BMXAA4049E (field length), BMXAA4590E
 * wrapping BMXAA0032E (changeStatus, from IBM's own bulk mock). The rest are plausible choices,
 * listed as uncertain in README.md of this folder.
 */
import { MaximoError } from "../http/errors";
import type { AttributeDef, MboDef } from "../model/types";

export const writeErrors = {
  badJson: (detail: string) =>
    new MaximoError(400, "BMXAA9396E", `The request body is not valid JSON and could not be parsed: ${detail}`),
  required: (attribute: AttributeDef, mbo: string) =>
    new MaximoError(400, "BMXAA4195E", `A value is required for the ${attribute.title} field on the ${mbo.toUpperCase()} object.`),
  invalidSite: (siteid: string) =>
    new MaximoError(400, "BMXAA4153E", `[${siteid} is not a valid site. Enter a valid Site value as defined in the Organization Application.]`),
  notInValueList: (attribute: AttributeDef, value: string) =>
    new MaximoError(400, "BMXAA4190E", `${attribute.title} ${value} is not in the value list.`),
  tooLong: (attribute: AttributeDef, mbo: string, length: number) =>
    new MaximoError(
      400,
      "BMXAA4049E",
      `The value for the ${attribute.title} field on the ${mbo.toUpperCase()} object is longer than the maximum length of ${length} characters.`,
    ),
  wrongType: (attribute: AttributeDef, mbo: string, value: string) =>
    new MaximoError(400, "BMXAA4144E", `${value} is not a valid ${typeWord(attribute)} value for the ${attribute.title} field on the ${mbo.toUpperCase()} object.`),
  readonly: (attribute: AttributeDef, mbo: string) =>
    new MaximoError(400, "BMXAA4176E", `The ${attribute.title} field on the ${mbo.toUpperCase()} object is read-only and cannot be changed.`),
  staleEtag: (mbo: MboDef, id: string) =>
    new MaximoError(
      412,
      "BMXAA8229W",
      `Record ${mbo.name.toUpperCase()} : ${id} has been updated by another user. Your changes have not been saved. Refresh the record and try again.`,
    ),
  duplicateTransaction: (id: string) =>
    new MaximoError(409, "BMXAA9552E", `The transaction ${id} was already processed. The request is a duplicate and was not applied again.`),
  statusChange: (mbo: MboDef, id: string, status: string, inner: string) =>
    new MaximoError(400, "BMXAA4590E", `Could not change ${mbo.description} ${id} status to ${status}.\n\t${inner}`),
  unknownAction: (action: string, os: string) =>
    new MaximoError(400, "BMXAA9547E", `The action ${action} is not defined for the object structure ${os.toUpperCase()}.`),
  cannotDelete: (mbo: MboDef, id: string, status: string) =>
    new MaximoError(400, "BMXAA4172E", `${mbo.description} ${id} cannot be deleted because its status is ${status}. Only records waiting on approval can be deleted.`),
  notFound: (what: string, id: string) =>
    new MaximoError(404, "BMXAA8727E", `The record ${id} for the resource ${what.toUpperCase()} could not be found. It may have been deleted.`),
  badRequest: (detail: string) => new MaximoError(400, "BMXAA9556E", detail),
  unknownScript: (name: string) =>
    new MaximoError(400, "BMXAA9260E", `The automation script ${name.toUpperCase()} was not found. Verify that the script exists.`),
  yncInputNeeded: (key: string, question: string) =>
    new MaximoError(400, "BMXAA9551E", `${question} Provide the answer in the yncuserinput header as ${key}:<value> (8 = yes, 16 = no).`),
};

function typeWord(attribute: AttributeDef): string {
  switch (attribute.maxType) {
    case "INTEGER": case "SMALLINT": case "BIGINT": return "integer";
    case "DATE": case "DATETIME": case "TIME": return "date";
    case "YORN": return "yes/no";
    default: return "numeric";
  }
}
