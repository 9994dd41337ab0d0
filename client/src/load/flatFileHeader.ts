/**
 * Maximo's flat files (the import applications, data export; reference §25) may start with an
 * interface line before the attribute names: `EXTSYS1,MXASSETInterface,AddChange,EN` (external
 * system, enterprise service, optionally action and language). §25's own example starts with
 * the names. A first record of two to four cells naming an `...Interface` (or the structure
 * itself) is such a line and is skipped: the action of a load is the caller's (`--action`).
 */
import type { ObjectSchema } from "../../../server/src/schema/types";

const ACTIONS = new Set(["add", "update", "addchange", "replace", "delete", "sync", "change"]);

export function isInterfaceLine(cells: readonly string[], schema: ObjectSchema): boolean {
  const values = cells.map((c) => c.trim()).filter((c, i, all) => c !== "" || i < all.length - 1);
  if (values.length < 2 || values.length > 4) return false;
  const names = values.slice(0, 2).map((v) => v.toLowerCase());
  const structure = schema.name.toLowerCase();
  const namesInterface = names.some((n) => /interface$/.test(n) || n === structure);
  const action = values[2];
  return namesInterface && (action === undefined || action === "" || ACTIONS.has(action.toLowerCase()));
}
