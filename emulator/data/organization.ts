/** SITE and ORGANIZATION. */
import type { MboDef } from "../model/types";
import { attr, changeAttrs, rel, uniqueIdAttr } from "./attributes";

export function siteMbo(): MboDef {
  return {
    name: "site",
    description: "Sites",
    keys: ["siteid"],
    uniqueId: "siteuid",
    attributes: [
      uniqueIdAttr("siteuid"),
      attr("siteid", "UPPER", 8, "Site", "Site identifier.", { required: true, readonlyAfterInsert: true }),
      attr("description", "ALN", 100, "Description", "Describes the site."),
      attr("orgid", "UPPER", 8, "Organization", "Organization the site belongs to.", { required: true }),
      attr("active", "YORN", 1, "Active", "Indicates whether the site is active.", { required: true }),
      attr("enterby", "UPPER", 30, "Entered By", "Person who created the site.", { required: true }),
      attr("enterdate", "DATETIME", 10, "Entered Date", "Date and time the site was created.", { required: true }),
      ...changeAttrs(),
    ],
    relationships: [rel("organization", "organization", [["orgid", "orgid"]])],
  };
}

export function organizationMbo(): MboDef {
  return {
    name: "organization",
    description: "Organizations",
    keys: ["orgid"],
    uniqueId: "organizationid",
    attributes: [
      uniqueIdAttr("organizationid"),
      attr("orgid", "UPPER", 8, "Organization", "Organization identifier.", { required: true, readonlyAfterInsert: true }),
      attr("description", "ALN", 100, "Description", "Describes the organization."),
      attr("basecurrency1", "UPPER", 8, "Base Currency", "Base currency of the organization.", { required: true }),
      attr("itemsetid", "UPPER", 8, "Item Set", "Item set the organization uses.", { required: true }),
      attr("companysetid", "UPPER", 8, "Company Set", "Company set the organization uses.", { required: true }),
      attr("clearingacct", "GL", 20, "Clearing Account", "General ledger clearing account.", { required: true }),
      attr("active", "YORN", 1, "Active", "Indicates whether the organization is active.", { required: true }),
      attr("enterby", "UPPER", 30, "Entered By", "Person who created the organization.", { required: true }),
      attr("enterdate", "DATETIME", 10, "Entered Date", "Date and time the organization was created.", { required: true }),
      ...changeAttrs(),
    ],
    relationships: [rel("site", "site", [["orgid", "orgid"]])],
  };
}
