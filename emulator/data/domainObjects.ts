/**
 * The domain tables as business objects: MAXDOMAIN and its value tables SYNONYMDOMAIN,
 * ALNDOMAIN and NUMERICDOMAIN. `getlist~attr` (reference §10) serializes SYNONYMDOMAIN /
 * ALNDOMAIN / NUMERICDOMAIN rows; MXAPIDOMAIN and MXAPISYNONYMDOMAIN expose them as structures
 * (PRODUCT.md: IBM's MAS mobile apps read value lists through them).
 */
import type { AttributeDef, MboDef } from "../model/types";
import { attr, orgAttr, rel, siteAttr, uniqueIdAttr } from "./attributes";

function domainIdAttr(): AttributeDef {
  return attr("domainid", "UPPER", 18, "Domain", "Identifies the domain.", { required: true, readonlyAfterInsert: true });
}

/** `valueid` is `DOMAINID|VALUE` on every value table (PRODUCT.md). */
function valueIdAttr(): AttributeDef {
  return attr("valueid", "ALN", 256, "Value ID", "Unique identifier of the value: the domain and the value joined by |.", { required: true });
}

export function maxdomainMbo(): MboDef {
  const byDomain: Array<[string, string]> = [["domainid", "domainid"]];
  return {
    name: "maxdomain",
    description: "Domain Definition",
    keys: ["domainid"],
    uniqueId: "maxdomainid",
    attributes: [
      uniqueIdAttr("maxdomainid"),
      domainIdAttr(),
      attr("description", "ALN", 256, "Description", "Describes the domain."),
      attr("domaintype", "UPPER", 16, "Domain Type", "ALN, NUMERIC, NUMRANGE, SYNONYM, TABLE or CROSSOVER.", { required: true }),
      attr("maxtype", "UPPER", 8, "Data Type", "Data type of the domain's values.", { required: true }),
      attr("length", "INTEGER", 12, "Length", "Length of the domain's values."),
      attr("scale", "SMALLINT", 5, "Scale", "Decimal places of a numeric domain's values.", { required: true }),
      attr("internal", "INTEGER", 12, "Internal", "1 for a domain Maximo itself relies on (its values cannot be removed).", { required: true }),
    ],
    relationships: [
      rel("synonymdomain", "synonymdomain", byDomain),
      rel("alndomain", "alndomain", byDomain),
      rel("numericdomain", "numericdomain", byDomain),
    ],
  };
}

export function synonymdomainMbo(): MboDef {
  return {
    name: "synonymdomain",
    description: "Synonym Domain Values",
    // MXAPISYNONYMDOMAIN's pk, in the order real rest ids encode it (recorded answers).
    keys: ["domainid", "maxvalue", "orgid", "siteid", "value"],
    uniqueId: "synonymdomainid",
    attributes: [
      uniqueIdAttr("synonymdomainid"),
      domainIdAttr(),
      attr("maxvalue", "UPPER", 50, "Internal Value", "The internal value Maximo's logic uses.", { required: true }),
      attr("value", "ALN", 50, "Value", "The value users see and send.", { required: true }),
      attr("description", "ALN", 256, "Description", "Describes the value."),
      attr("defaults", "YORN", 1, "Default", "Indicates whether this is the default value for its internal value.", { required: true }),
      valueIdAttr(),
      siteAttr(false),
      orgAttr(false),
    ],
    relationships: [rel("maxdomain", "maxdomain", [["domainid", "domainid"]])],
  };
}

export function alndomainMbo(): MboDef {
  return {
    name: "alndomain",
    description: "ALN Domain Values",
    keys: ["domainid", "orgid", "siteid", "value"],
    uniqueId: "alndomainid",
    attributes: [
      uniqueIdAttr("alndomainid"),
      domainIdAttr(),
      attr("value", "ALN", 254, "Value", "The value.", { required: true }),
      attr("description", "ALN", 256, "Description", "Describes the value."),
      valueIdAttr(),
      siteAttr(false),
      orgAttr(false),
    ],
    relationships: [rel("maxdomain", "maxdomain", [["domainid", "domainid"]])],
  };
}

export function numericdomainMbo(): MboDef {
  return {
    name: "numericdomain",
    description: "Numeric Domain Values",
    keys: ["domainid", "orgid", "siteid", "value"],
    uniqueId: "numericdomainid",
    attributes: [
      uniqueIdAttr("numericdomainid"),
      domainIdAttr(),
      attr("value", "DECIMAL", 15, "Value", "The value.", { required: true, scale: 2 }),
      attr("description", "ALN", 256, "Description", "Describes the value."),
      valueIdAttr(),
      siteAttr(false),
      orgAttr(false),
    ],
    relationships: [rel("maxdomain", "maxdomain", [["domainid", "domainid"]])],
  };
}
