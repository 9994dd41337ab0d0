/**
 * Did the server keep what a deploy sent? A Maximo update can answer 2xx and still leave a value
 * as it was: a key the server does not read is dropped silently (PRODUCT.md "Real-server facts").
 * The script read back after the deploy is planned against the file once more; whatever would
 * still be sent was not applied. The same comparison decides "nothing to deploy", so a script
 * that passes here deploys as unchanged next time.
 */
import type { MaximoRecord, ScriptDefinition } from "./definition";
import { planUpdate, type StepName } from "./deployPlan";
import type { ServerScript } from "./serverScript";

export interface UnappliedStep {
  step: StepName;
  /** In words: `loglevel`, `variable NEEDPRI (varbindingvalue)`, `launch point LP1 (missing)`. */
  fields: string[];
}

/** What the server still does not hold; empty when the deploy took effect in full. */
export function unappliedFields(definition: ScriptDefinition, server: ServerScript): UnappliedStep[] {
  return planUpdate(definition, server).map((step) => {
    switch (step.name) {
      case "variables":
        return { step: step.name, fields: childFields("variable", "varname", step.body.autoscriptvars, server.variables) };
      case "launchPoints":
        return {
          step: step.name,
          fields: childFields(
            "launch point",
            "launchpointname",
            step.body.scriptlaunchpoint,
            server.launchPoints.map((lp) => lp.record),
          ),
        };
      default:
        return { step: step.name, fields: Object.keys(step.body) };
    }
  });
}

/** `variable X (a, b)` per child still to send; `(missing)` when the server has no such child. */
function childFields(kind: string, key: string, items: unknown, existing: MaximoRecord[]): string[] {
  const list = Array.isArray(items) ? (items as Array<Record<string, unknown>>) : [];
  return list.map((item) => {
    const name = String(item[key]);
    const present = existing.some((record) => String(record[key]).toUpperCase() === name.toUpperCase());
    const names = Object.keys(item).filter((field) => field !== key);
    return `${kind} ${name} (${present ? names.join(", ") : "missing"})`;
  });
}
