/**
 * Status changes (practitioner guide "Changing Work Order Status", JSON API reference §13
 * `wsmethod:changeStatus`): the new status must be in the synonym domain, differ from the
 * current one, and be reachable from it (metadata `statusTransitions`). Failures come wrapped in
 * BMXAA4590E "Could not change … status to …" with the cause on a second line, as real servers do.
 */
import type { MboDef, Row } from "../model/types";
import type { WriteContext } from "./context";
import { writeErrors } from "./errors";
import { isoNow } from "./state";
import { coerceValue, internalValue } from "./values";

/** Internal statuses that put a record into history. */
const historyStatuses = ["CLOSE", "CAN", "CLOSED", "CANCELLED"];

/** Status history tables, written when the metadata has them. */
const historyTables: Record<string, string> = { workorder: "wostatus", sr: "tkstatus", asset: "assetstatus", po: "postatus" };

/** The record's identifier as Maximo messages show it: the last key (WONUM, TICKETID). */
export function recordLabel(def: MboDef, row: Row): string {
  return String(row[def.keys[def.keys.length - 1]] ?? "");
}

/** True when the object's status is a synonym-domain status that changeStatus governs. */
export function hasStatusDomain(context: WriteContext, mbo: string): boolean {
  const attribute = context.emulator.store.mbo(mbo).attributes.find((a) => a.name === "status");
  return attribute?.domainId !== undefined && context.emulator.metadata.synonymDomains.has(attribute.domainId);
}

export function changeStatus(context: WriteContext, mbo: string, row: Row, status: unknown, memo?: unknown, date?: unknown): void {
  const { emulator, unit } = context;
  const def = emulator.store.mbo(mbo);
  const attribute = def.attributes.find((a) => a.name === "status");
  if (!attribute?.domainId) throw writeErrors.unknownAction("wsmethod:changeStatus", mbo);
  const label = recordLabel(def, row);
  if (typeof status !== "string" || status === "") throw writeErrors.required(attribute, mbo);
  const value = attribute.maxType === "UPPER" ? status.toUpperCase() : status;
  const target = internalValue(emulator, attribute.domainId, value);
  if (target === undefined) {
    throw writeErrors.statusChange(def, label, value, `BMXAA4190E - ${attribute.title} ${value} is not in the value list.`);
  }
  const current = String(row.status ?? "");
  if (value === current) {
    throw writeErrors.statusChange(def, label, value, "BMXAA0032E - The status that you selected is the same as the current status. Select a different status.");
  }
  const currentInternal = internalValue(emulator, attribute.domainId, current) ?? current;
  const allowed = emulator.metadata.statusTransitions.get(attribute.domainId)?.get(currentInternal);
  // Another synonym of the same internal value (ACTIVE → LIMITEDUSE, both OPERATING) is no change of state.
  if (allowed && target !== currentInternal && !allowed.includes(target)) {
    throw writeErrors.statusChange(def, label, value, `BMXAA4591E - The status cannot be changed from ${current} to ${value}.`);
  }
  const names = new Set(def.attributes.map((a) => a.name));
  const now = isoNow(emulator);
  const statusDate = date === undefined || date === null || date === "" ? now : statusDateOf(context, def, date);
  const changes: Row = { status: value };
  if (names.has("statusdate")) changes.statusdate = statusDate;
  if (names.has("changeby")) changes.changeby = context.request.user;
  if (names.has("changedate")) changes.changedate = now;
  if (names.has("historyflag")) changes.historyflag = historyStatuses.includes(target);
  // An automation script runs only while Active (AUTOSCRIPT.ACTIVE follows the status).
  if (mbo === "autoscript" && names.has("active")) changes.active = target === "ACTIVE";
  unit.update(mbo, row, changes);
  writeHistory(context, def, row, value, statusDate, typeof memo === "string" ? memo : null);
}

function statusDateOf(context: WriteContext, def: MboDef, date: unknown): string {
  const attribute = def.attributes.find((a) => a.name === "statusdate") ?? {
    name: "statusdate", maxType: "DATETIME" as const, length: 10, required: false, persistent: true, title: "Status Date", remarks: "",
  };
  return String(coerceValue(context.emulator, def.name, attribute, date));
}

function writeHistory(context: WriteContext, def: MboDef, row: Row, status: string, date: string, memo: string | null): void {
  const table = historyTables[def.name];
  if (!table || !context.emulator.metadata.mbos.has(table)) return;
  const history = context.emulator.store.mbo(table);
  const candidate: Row = {
    ...Object.fromEntries(def.keys.map((k) => [k, row[k] ?? null])),
    orgid: row.orgid ?? null,
    status,
    changedate: date,
    changeby: context.request.user,
    memo,
  };
  const values: Row = {};
  for (const attribute of history.attributes) if (candidate[attribute.name] !== undefined) values[attribute.name] = candidate[attribute.name];
  context.unit.insert(table, values);
}
