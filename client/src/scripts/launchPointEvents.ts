/**
 * Object launch-point events. The Automation Scripts application shows check boxes (Initialize
 * value, Validate application, Allow object creation/deletion, Save: Add/Update/Delete × Before
 * save/After save/After commit); `scriptConfig` names them after those labels, and the server
 * keeps them as one number, SCRIPTLAUNCHPOINT.OBJECTEVENT, a bit mask: 1 initialize; before save
 * add 2, update 4, delete 8; after save 16/32/64; after commit 128/256/512; 1024 validate
 * application; 2048 allow object creation; 4096 allow object deletion (the bit values public
 * SQL against SCRIPTLAUNCHPOINT decodes on real servers).
 */
import type { LiteralValue } from "./literal";

const single: ReadonlyArray<[flag: string, bit: number]> = [
  ["initializeValue", 1],
  ["validateApplication", 1024],
  ["allowObjectCreation", 2048],
  ["allowObjectDeletion", 4096],
];
const contexts: ReadonlyArray<[flag: string, base: number]> = [
  ["beforeSave", 2],
  ["afterSave", 16],
  ["afterCommit", 128],
];
const operations: ReadonlyArray<[flag: string, factor: number]> = [
  ["add", 1],
  ["update", 2],
  ["delete", 4],
];

/** Every flag name this module reads, lower-cased (scriptConfig keys are matched without case). */
export const objectEventFlags: ReadonlySet<string> = new Set(
  ["save", ...single.map(([f]) => f), ...contexts.map(([f]) => f), ...operations.map(([f]) => f)].map((f) => f.toLowerCase()),
);

/**
 * Attribute launch-point events: one per launch point, SCRIPTLAUNCHPOINT.ATTRIBUTEEVENT, 0
 * initialize access restriction, 1 initialize value, 2 validate, 3 retrieve list, 4 run action
 * (the numbers the Sharptree/Naviam deploy and extract tooling writes and reads; its scriptConfig
 * names them after the application's labels, as for object events).
 */
const attributeEvents: readonly string[] = ["initializeAccessRestriction", "initializeValue", "validate", "retrieveList", "runAction"];

/** The attribute event flags, lower-cased. */
export const attributeEventFlags: ReadonlySet<string> = new Set(attributeEvents.map((f) => f.toLowerCase()));

/** The flags of an attribute launch point that are on (keys lower-cased), in the application's order. */
export function attributeFlagsOn(flags: ReadonlyMap<string, LiteralValue>): string[] {
  return attributeEvents.filter((flag) => flags.get(flag.toLowerCase()) === true);
}

/** ATTRIBUTEEVENT for a flag named by `attributeFlagsOn`. */
export function attributeEventOf(flag: string): number {
  return attributeEvents.indexOf(flag);
}

/** The scriptConfig flag for an ATTRIBUTEEVENT value, or undefined for a number no flag names. */
export function flagOfAttributeEvent(event: number): string | undefined {
  return attributeEvents[event];
}

/**
 * OBJECTEVENT for the flags of a launch point (keys lower-cased), or undefined when it names none.
 * Save operations without a context mean before save, the application's default.
 */
export function objectEventOf(flags: ReadonlyMap<string, LiteralValue>): number | undefined {
  if (![...flags.keys()].some((key) => objectEventFlags.has(key))) return undefined;
  const on = (name: string) => flags.get(name.toLowerCase()) === true;
  let mask = 0;
  for (const [flag, bit] of single) if (on(flag)) mask |= bit;
  const chosenOps = operations.filter(([flag]) => on(flag));
  const named = contexts.filter(([flag]) => on(flag));
  const chosenContexts = named.length > 0 ? named : [contexts[0]!];
  for (const [, base] of chosenContexts) for (const [, factor] of chosenOps) mask |= base * factor;
  return mask;
}

/**
 * The scriptConfig flags for an OBJECTEVENT value, or undefined when flags cannot say it exactly
 * (say, add before save with update after save); then the number itself is written.
 */
export function flagsOfObjectEvent(mask: number): Array<[string, boolean]> | undefined {
  const out: Array<[string, boolean]> = [];
  for (const [flag, bit] of single) if (mask & bit) out.push([flag, true]);
  const saveBits = mask & 0x3fe;
  if (saveBits) {
    const ops = operations.filter(([, factor]) => contexts.some(([, base]) => saveBits & (base * factor)));
    const ctx = contexts.filter(([, base]) => operations.some(([, factor]) => saveBits & (base * factor)));
    out.push(["save", true]);
    for (const [flag] of ops) out.push([flag, true]);
    for (const [flag] of ctx) out.push([flag, true]);
  }
  const check = objectEventOf(new Map(out.map(([f, v]) => [f.toLowerCase(), v])));
  return (check ?? 0) === mask && out.length > 0 ? out : undefined;
}
