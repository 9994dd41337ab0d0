/**
 * Turning a JSON value into what the attribute stores, with the checks Maximo's field
 * validation makes: type (numbers sent as text are accepted, as the MBO layer parses them),
 * maximum length, UPPER/LOWER casing, synonym-domain membership, and a known site.
 */
import type { Emulator } from "../emulator";
import type { AttributeDef, Scalar } from "../model/types";
import { writeErrors } from "./errors";

export function coerceValue(emulator: Emulator, mbo: string, attribute: AttributeDef, raw: unknown): Scalar {
  if (raw === null || raw === undefined || raw === "") return null;
  if (typeof raw !== "string" && typeof raw !== "number" && typeof raw !== "boolean") {
    throw writeErrors.wrongType(attribute, mbo, JSON.stringify(raw) ?? String(raw));
  }
  const value = coerceType(mbo, attribute, raw);
  if (typeof value === "string") {
    // The site lookup comes first: §15.1's 11-letter BEDFORDXXYY is answered BMXAA4153E, not a length error.
    if (attribute.name === "siteid" && mbo !== "site" && !emulator.store.findByKey("site", [value])) {
      throw writeErrors.invalidSite(value);
    }
    // A date's length in the metadata is its storage size, not a count of characters.
    if (!DATE_TYPES.has(attribute.maxType) && value.length > attribute.length) throw writeErrors.tooLong(attribute, mbo, attribute.length);
    checkDomain(emulator, attribute, value);
  } else if (typeof value === "number") checkDomain(emulator, attribute, value);
  return value;
}

const DATE_TYPES = new Set(["DATE", "DATETIME", "TIME"]);

/**
 * A date as the server keeps and answers it: in its own time zone (UTC here) with the offset,
 * `2027-03-01T08:30:00+00:00`. A date-time without a zone is read in the server's zone; one with
 * a zone is converted; a date alone is that day at midnight.
 */
function serverDate(raw: string): string {
  const text = raw.trim();
  const local = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/.test(text);
  const instant = local ? Date.parse(`${text.replace(" ", "T")}${text.length === 10 ? "T00:00:00" : ""}Z`) : Date.parse(text);
  return new Date(instant).toISOString().replace(/\.\d{3}Z$/, "+00:00");
}

function coerceType(mbo: string, attribute: AttributeDef, raw: string | number | boolean): Scalar {
  switch (attribute.maxType) {
    case "INTEGER": case "SMALLINT": case "BIGINT": {
      const n = toNumber(raw);
      if (n === undefined || !Number.isInteger(n)) throw writeErrors.wrongType(attribute, mbo, String(raw));
      return n;
    }
    case "DECIMAL": case "FLOAT": case "AMOUNT": case "DURATION": {
      const n = toNumber(raw);
      if (n === undefined) throw writeErrors.wrongType(attribute, mbo, String(raw));
      return attribute.scale === undefined ? n : Number(n.toFixed(attribute.scale));
    }
    case "YORN": {
      const yorn = toBoolean(raw);
      if (yorn === undefined) throw writeErrors.wrongType(attribute, mbo, String(raw));
      return yorn;
    }
    case "DATE": case "DATETIME": case "TIME": {
      if (typeof raw !== "string") throw writeErrors.wrongType(attribute, mbo, String(raw));
      const isTime = attribute.maxType === "TIME" && /^\d{2}:\d{2}(:\d{2})?$/.test(raw);
      if (!isTime && Number.isNaN(Date.parse(raw))) throw writeErrors.wrongType(attribute, mbo, raw);
      return isTime ? raw : serverDate(raw);
    }
    case "UPPER":
      return String(raw).toUpperCase();
    case "LOWER":
      return String(raw).toLowerCase();
    default:
      return String(raw);
  }
}

function toNumber(raw: string | number | boolean): number | undefined {
  if (typeof raw === "number") return raw;
  if (typeof raw === "boolean") return undefined;
  const text = raw.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return undefined;
  return Number(text);
}

function toBoolean(raw: string | number | boolean): boolean | undefined {
  if (typeof raw === "boolean") return raw;
  const text = String(raw).trim().toLowerCase();
  if (["1", "y", "true"].includes(text)) return true;
  if (["0", "n", "false"].includes(text)) return false;
  return undefined;
}

/** A value outside the attribute's synonym, ALN or numeric domain is refused, as Maximo refuses it. */
function checkDomain(emulator: Emulator, attribute: AttributeDef, value: string | number): void {
  if (!attribute.domainId) return;
  const { synonymDomains, alnDomains, numericDomains } = emulator.metadata;
  const domain = synonymDomains.get(attribute.domainId) ?? alnDomains.get(attribute.domainId) ?? numericDomains.get(attribute.domainId);
  if (domain && !domain.values.some((v: { value: string | number }) => v.value === value)) throw writeErrors.notInValueList(attribute, String(value));
}

/** The internal (MAXVALUE) of a synonym's external value, or undefined when not in the domain. */
export function internalValue(emulator: Emulator, domainId: string, value: string): string | undefined {
  return emulator.metadata.synonymDomains.get(domainId)?.values.find((v) => v.value === value)?.maxvalue;
}
