/**
 * Writing one record of an object structure with its children (JSON API reference §11): insert
 * with defaults and validation; update with PATCH semantics (children named in the body replace
 * the existing ones: those not sent are deleted) or MERGE (matched by key or child `href` are
 * updated, others created, `_action: "Delete"` removes one); delete cascading to OS children.
 * Child collections absent from the body are left alone in both modes.
 */
import type { AttributeDef, OsChildDef, Row } from "../model/types";
import { actionOf, isObject, namedEntries, type JsonObject } from "./body";
import type { WriteContext } from "./context";
import { applyInsertDefaults } from "./defaults";
import { deleteDoclinkFile, insertInlineDoclink } from "./doclinkRows";
import { writeErrors } from "./errors";
import { changeStatus, hasStatusDomain } from "./status";
import { isoNow } from "./state";
import { coerceValue } from "./values";
import { traceLaunchPoints } from "../threadLog/scriptTrace";

export function insertRecord(context: WriteContext, mbo: string, children: OsChildDef[], body: JsonObject, inherited: Row): Row {
  const { emulator, request } = context;
  const def = emulator.store.mbo(mbo);
  const values: Row = { ...inherited };
  const childValues: Array<[OsChildDef, unknown]> = [];
  for (const [name, raw] of namedEntries(body, request.lean)) {
    const child = children.find((c) => c.name === name);
    if (child) {
      childValues.push([child, raw]);
      continue;
    }
    const attribute = def.attributes.find((a) => a.name === name);
    if (!attribute || name === def.uniqueId || name in inherited) continue;
    // Some versions refuse a status on a new automation script (PRODUCT.md): create, then activate.
    if (mbo === "autoscript" && name === "status" && raw !== "Draft") throw writeErrors.notInValueList(attribute, String(raw));
    values[name] = coerceValue(emulator, mbo, attribute, raw);
  }
  applyInsertDefaults(context, def, values);
  for (const attribute of def.attributes) {
    if (isRequired(attribute, def.uniqueId) && (values[attribute.name] === undefined || values[attribute.name] === null)) {
      throw writeErrors.required(attribute, mbo);
    }
  }
  const row = context.unit.insert(mbo, values);
  traceLaunchPoints(request, emulator, mbo, row, "add");
  for (const [child, raw] of childValues) writeChildren(context, mbo, row, child, raw, "create");
  return row;
}

function isRequired(attribute: AttributeDef, uniqueId: string): boolean {
  return attribute.required && attribute.persistent && attribute.name !== uniqueId;
}

export function updateRecord(context: WriteContext, mbo: string, children: OsChildDef[], row: Row, body: JsonObject, merge: boolean): void {
  const { emulator, request } = context;
  const def = emulator.store.mbo(mbo);
  const changes: Row = {};
  const childValues: Array<[OsChildDef, unknown]> = [];
  let newStatus: unknown;
  for (const [name, raw] of namedEntries(body, request.lean)) {
    const child = children.find((c) => c.name === name);
    if (child) {
      childValues.push([child, raw]);
      continue;
    }
    const attribute = def.attributes.find((a) => a.name === name);
    // An `ignoreField` fault: the key is dropped as a real server drops one it does not read.
    if (!attribute || request.ignoredAttributes?.includes(name)) continue;
    const value = coerceValue(emulator, mbo, attribute, raw);
    // Keys and ids may be sent back unchanged (a GET-modify-POST round trip), never changed.
    if (name === def.uniqueId || attribute.readonlyAfterInsert) {
      if (value !== null && String(value) !== String(row[name] ?? "")) throw writeErrors.readonly(attribute, mbo);
      continue;
    }
    if (isRequired(attribute, def.uniqueId) && value === null) throw writeErrors.required(attribute, mbo);
    if (name === "status" && hasStatusDomain(context, mbo)) {
      if (value !== row.status) newStatus = value;
      continue;
    }
    if (value !== row[name]) changes[name] = value;
  }
  if (Object.keys(changes).length > 0) {
    const names = new Set(def.attributes.map((a) => a.name));
    if (names.has("changeby")) changes.changeby = request.user;
    if (names.has("changedate")) changes.changedate = isoNow(emulator);
    if (changes.siteid !== undefined && names.has("orgid") && body.orgid === undefined) {
      changes.orgid = emulator.store.findByKey("site", [String(changes.siteid)])?.orgid ?? null;
    }
    context.unit.update(mbo, row, changes);
  }
  if (Object.keys(changes).length > 0 || newStatus !== undefined) traceLaunchPoints(request, emulator, mbo, row, "update");
  for (const [child, raw] of childValues) writeChildren(context, mbo, row, child, raw, merge ? "merge" : "patch");
  // Maximo applies a status sent in the body after the other attributes, through changeStatus.
  if (newStatus !== undefined) changeStatus(context, mbo, row, newStatus);
}

export function deleteRecord(context: WriteContext, mbo: string, children: OsChildDef[], row: Row): void {
  const { store } = context.emulator;
  traceLaunchPoints(context.request, context.emulator, mbo, row, "delete");
  for (const child of children) {
    const relation = store.relationship(mbo, child.relation);
    if (!relation) continue;
    for (const childRow of [...store.follow(relation, row)]) deleteRecord(context, child.mbo, child.children, childRow);
  }
  // Attachments go with their owner even when the structure does not show them.
  const doclinks = store.relationship(mbo, "doclinks");
  if (doclinks && !children.some((c) => c.mbo === "doclinks")) {
    for (const link of [...store.follow(doclinks, row)]) deleteRecord(context, "doclinks", [], link);
  }
  if (mbo === "doclinks") deleteDoclinkFile(context, row);
  context.unit.remove(mbo, row);
}

type ChildMode = "create" | "patch" | "merge";

function writeChildren(context: WriteContext, parentMbo: string, parent: Row, child: OsChildDef, raw: unknown, mode: ChildMode): void {
  const { store } = context.emulator;
  const relation = store.relationship(parentMbo, child.relation);
  if (!relation) return;
  const items = raw === null ? [] : Array.isArray(raw) ? raw : [raw];
  const existing = [...store.follow(relation, parent)];
  const kept = new Set<Row>();
  for (const item of items) {
    if (!isObject(item)) throw writeErrors.badRequest(`Each ${child.name} entry must be a JSON object.`);
    const match = mode === "create" ? undefined : findChild(context, child.mbo, existing, item, inheritedValues(parent, relation.join));
    if (actionOf(item) === "delete") {
      if (match) {
        deleteRecord(context, child.mbo, child.children, match);
        existing.splice(existing.indexOf(match), 1);
      }
      continue;
    }
    if (match) {
      updateRecord(context, child.mbo, child.children, match, item, mode === "merge");
      kept.add(match);
      continue;
    }
    const inherited = inheritedValues(parent, relation.join);
    const created = child.mbo === "doclinks"
      ? insertInlineDoclink(context, parentMbo, parent, item)
      : insertRecord(context, child.mbo, child.children, item, inherited);
    kept.add(created);
  }
  if (mode === "patch") {
    for (const row of existing) if (!kept.has(row)) deleteRecord(context, child.mbo, child.children, row);
  }
}

/** The child's join attributes come from the parent (WPLABOR.WONUM/SITEID from the work order). */
function inheritedValues(parent: Row, join: Array<[string, string]>): Row {
  const values: Row = {};
  for (const [parentAttr, childAttr] of join) values[childAttr] = parent[parentAttr] ?? null;
  return values;
}

/**
 * A child named by its `href`/`localref` (the rest id in it) or by its key values; keys the
 * parent supplies (ASSETMETER.ASSETNUM/SITEID) need not be repeated, as in reference §11.
 */
function findChild(context: WriteContext, mbo: string, existing: Row[], item: JsonObject, inherited: Row): Row | undefined {
  const { store } = context.emulator;
  const link = typeof item.href === "string" ? item.href : typeof item.localref === "string" ? item.localref : undefined;
  if (link) {
    const ids = new Set(link.split(/[/#?]/));
    return existing.find((row) => ids.has(store.restId(mbo, row)));
  }
  const def = store.mbo(mbo);
  const given = new Map([...Object.entries(inherited), ...namedEntries(item, context.request.lean)]);
  if (!def.keys.every((k) => given.has(k) && given.get(k) !== null)) return undefined;
  return existing.find((row) =>
    def.keys.every((k) => {
      const attribute = def.attributes.find((a) => a.name === k);
      const value = attribute ? coerceValue(context.emulator, mbo, attribute, given.get(k)) : given.get(k);
      return String(value) === String(row[k] ?? "");
    }),
  );
}
