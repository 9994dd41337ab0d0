/**
 * `os/{os}/{id}/getlist~{attr}` (JSON API reference §10): "the possible list of status values for
 * that work order state … a serialized version of the synonymdomain MBO and is not an object
 * structure". The answer is a collection of domain rows (SYNONYMDOMAIN, ALNDOMAIN or
 * NUMERICDOMAIN), so oslc.select / oslc.where / oslc.orderBy / paging apply to the domain
 * record (`value`, `maxvalue`, `description` ...), never to the object structure.
 *
 * For a status attribute the list is the states the record can move to from its current one
 * (metadata `statusTransitions`, the rule changeStatus enforces): the current status and the
 * unreachable ones are left out; other synonyms of the current internal value stay. Every
 * other domain-bound attribute lists its whole domain.
 */
import type { Emulator } from "../emulator";
import { MaximoError } from "../http/errors";
import type { ApiRequest, Reply } from "../http/types";
import type { Row } from "../model/types";
import { getMember, queryCollection } from "../query/index";
import type { MemberTarget } from "./targets";

export const getlistPrefix = "getlist~";

/**
 * The attribute has no value list. Maximo's own code for this is not in the guides or public
 * output we found; BMXAA9560E continues the emulator's numbering (README "Reason codes").
 */
function noList(mbo: string, attribute: string): MaximoError {
  return new MaximoError(400, "BMXAA9560E", `The attribute ${attribute.toUpperCase()} of the ${mbo.toUpperCase()} object has no value list.`);
}

function unknownAttribute(mbo: string, attribute: string): MaximoError {
  return new MaximoError(400, "BMXAA8727E", `The attribute ${attribute.toUpperCase()} is not a valid attribute of the ${mbo.toUpperCase()} object.`);
}

/** Which value table holds the domain's rows. */
function valueTable(emulator: Emulator, domainId: string): "synonymdomain" | "alndomain" | "numericdomain" | undefined {
  const { synonymDomains, alnDomains, numericDomains } = emulator.metadata;
  if (synonymDomains.has(domainId)) return "synonymdomain";
  if (alnDomains.has(domainId)) return "alndomain";
  if (numericDomains.has(domainId)) return "numericdomain";
  return undefined;
}

/** `sub` is `getlist~{attr}`; `valueId` the `{position}-{unique id}` of one listed value. */
export function getlist(request: ApiRequest, emulator: Emulator, member: MemberTarget, sub: string, valueId: string | undefined): Reply {
  const name = sub.slice(getlistPrefix.length).toLowerCase();
  const def = emulator.store.mbo(member.mbo);
  const attribute = def.attributes.find((a) => a.name === name);
  if (!attribute) throw unknownAttribute(member.mbo, name);
  const domainId = attribute.domainId;
  const table = domainId ? valueTable(emulator, domainId) : undefined;
  if (!domainId || !table) throw noList(member.mbo, name);

  const { store } = emulator;
  const domainRows = (): readonly Row[] => store.lookup(table, ["domainid"], [domainId]);
  const transitions = emulator.metadata.statusTransitions.get(domainId);
  const base = (): readonly Row[] => {
    const rows = domainRows();
    if (!transitions || table !== "synonymdomain") return rows;
    const current = String(member.row[name] ?? "");
    const currentInternal = rows.find((r) => r.value === current)?.maxvalue ?? current;
    const allowed = transitions.get(String(currentInternal));
    if (!allowed) return rows;
    // The rule changeStatus enforces: a reachable state, or another synonym of the current one.
    return rows.filter((r) => r.value !== current && (r.maxvalue === currentInternal || allowed.includes(String(r.maxvalue))));
  };

  // Recorded answers name each value `{list href}/{position}-{unique id}` (`getlist~craft/0-123`).
  const uniqueId = store.mbo(table).uniqueId;
  const href = `${member.href}/${sub}`;
  if (valueId !== undefined) {
    const match = /^\d+-(\d+)$/.exec(valueId);
    const row = match ? base().find((r) => String(r[uniqueId]) === match[1]) : undefined;
    if (!row) throw new MaximoError(404, "BMXAA8727E", `The value ${valueId} is not in the list ${sub} of this record.`);
    return getMember(request, emulator, { os: member.os, mbo: table, row, href: `${href}/${valueId}` });
  }
  return queryCollection(request, emulator, {
    mbo: table,
    base,
    href,
    memberHref: (row: Row, position: number) => `${href}/${position}-${String(row[uniqueId])}`,
  });
}
