/**
 * The script logger's lines (`maximo.script`): a script called through `script/NAME` (reference
 * §14), and the object launch points a save fires. The emulator runs no script source, so an
 * object launch point only logs that it ran, with its script, event and duration, as Maximo's
 * autoscript logger does at DEBUG; seeded script handlers add their own lines (`service.log`).
 */
import type { Emulator } from "../emulator";
import type { ApiRequest } from "../http/types";
import type { Row } from "../model/types";
import { write } from "./requestTrace";

export type SaveOperation = "add" | "update" | "delete";

/** OBJECTEVENT bits per operation, before save / after save / after commit (client/src/scripts/launchPointEvents.ts). */
const operationBits: Record<SaveOperation, Array<[bit: number, when: string]>> = {
  add: [[2, "before save"], [16, "after save"], [128, "after commit"]],
  update: [[4, "before save"], [32, "after save"], [256, "after commit"]],
  delete: [[8, "before save"], [64, "after save"], [512, "after commit"]],
};

export function traceScriptCall(request: ApiRequest, emulator: Emulator, script: string, run: () => void): void {
  const on = emulator.threadLogs?.on(request.user, "maximo.script") ?? false;
  const started = performance.now();
  if (on) write(emulator, request, "maximo.script", "DEBUG", `Script ${script} starting (launch point: none, called through /oslc/script/${script})`);
  try {
    run();
  } finally {
    if (on) write(emulator, request, "maximo.script", "DEBUG", `Script ${script} ended in ${Math.round(performance.now() - started)} ms`);
  }
}

/** A line a script writes with `service.log(...)`. */
export function scriptLog(request: ApiRequest, emulator: Emulator, script: string, message: string): void {
  write(emulator, request, "maximo.script", "DEBUG", `[${script}] ${message}`);
}

/** Logs the active object launch points that a save of `mbo` fires, in event order. */
export function traceLaunchPoints(request: ApiRequest, emulator: Emulator, mbo: string, row: Row, operation: SaveOperation): void {
  if (!emulator.threadLogs?.on(request.user, "maximo.script")) return;
  const object = mbo.toUpperCase();
  const points = emulator.store.lookup("scriptlaunchpoint", ["objectname"], [object]).filter((point) => isActive(point.active) && point.launchpointtype === "OBJECT");
  if (points.length === 0) return;
  const key = (emulator.metadata.mbos.get(mbo)?.keys ?? []).map((k) => String(row[k] ?? "")).join("/");
  for (const [bit, when] of operationBits[operation]) {
    for (const point of points) {
      if ((Number(point.objectevent ?? 0) & bit) === 0) continue;
      const script = String(point.autoscript ?? "");
      const status = emulator.store.findByKey("autoscript", [script])?.status;
      if (status !== "Active") continue;
      write(
        emulator,
        request,
        "maximo.script",
        "DEBUG",
        `Script ${script} launched by launch point ${String(point.launchpointname)} (object ${object} ${key}, event ${operation}, ${when}) ended in 0 ms`,
      );
    }
  }
}

function isActive(value: unknown): boolean {
  return value === true || value === 1 || value === "1" || value === "Y";
}
