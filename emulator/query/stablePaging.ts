/**
 * Stable paging (reference §8.3): the first request keeps the matching set; its nextPage link
 * carries `stableId`. Pages only move forward and expire once delivered, so re-reading a page
 * or going back fails; the set expires after five idle minutes or when paged to the end.
 */
import type { Emulator } from "../emulator";
import type { Row } from "../model/types";
import { stableSetExpired } from "./errors";

interface StableSet {
  rows: readonly Row[];
  /** The page the next request must ask for. */
  nextPage: number;
  lastUsed: number;
}

/** mxe.oslc.idleexiry default: five minutes. */
const idleMs = 5 * 60 * 1000;

// Held per emulator so two emulators in one process (parallel tests) never share sets.
const sets = new WeakMap<Emulator, { counter: number; byId: Map<string, StableSet> }>();

function state(emulator: Emulator): { counter: number; byId: Map<string, StableSet> } {
  let s = sets.get(emulator);
  if (!s) {
    s = { counter: 0, byId: new Map() };
    sets.set(emulator, s);
  }
  return s;
}

export function openStableSet(emulator: Emulator, rows: readonly Row[]): string {
  const s = state(emulator);
  const id = `${emulator.now().toString(36)}${(++s.counter).toString(36)}`;
  s.byId.set(id, { rows, nextPage: 2, lastUsed: emulator.now() });
  return id;
}

/** The set's rows for `pagenum`, or the stable-paging error when that page cannot be served. */
export function readStableSet(emulator: Emulator, id: string, pagenum: number): readonly Row[] {
  const s = state(emulator);
  const set = s.byId.get(id);
  if (!set || emulator.now() - set.lastUsed > idleMs || pagenum !== set.nextPage) {
    if (set && emulator.now() - set.lastUsed > idleMs) s.byId.delete(id);
    throw stableSetExpired(id);
  }
  set.nextPage = pagenum + 1;
  set.lastUsed = emulator.now();
  return set.rows;
}

/** Paged to the end: the set is dropped. */
export function closeStableSet(emulator: Emulator, id: string): void {
  state(emulator).byId.delete(id);
}
