/**
 * The requests a deploy sends, worked out before anything is sent. An existing script is updated
 * in steps, each one MERGE request (JSON API reference §11: children matched by key are updated,
 * others added, none removed), in this order:
 *   variables → launch points → source and script attributes → status
 * Variables go first because launch-point bindings name them; the source goes after the launch
 * points so that a refused launch point leaves the server's source as it was. Each request is
 * one transaction, so a failed step changes nothing and the steps before it stay applied.
 * A new script is one POST with everything (all or nothing), then its status (PRODUCT.md:
 * creating with a status can fail on some versions, so create, then activate with a MERGE).
 */
import { isActive } from "./configText";
import type { AttributeValue, LaunchPointDefinition, MaximoRecord, ScriptDefinition } from "./definition";
import type { ServerScript } from "./serverScript";

export type StepName = "create" | "variables" | "launchPoints" | "source" | "status";

export interface PlannedStep {
  name: StepName;
  body: Record<string, unknown>;
  /** What the step changes, in words: "2 launch points (1 new: LP2)". */
  summary: string;
}

export const stepLabels: Record<StepName, string> = {
  create: "create",
  variables: "variables",
  launchPoints: "launch points",
  source: "source",
  status: "status",
};

function comparable(value: AttributeValue | undefined): string {
  if (value === undefined || value === null) return "";
  return String(value);
}

/** The given attributes that differ from the server's (key attributes always kept). */
function changes(wanted: MaximoRecord, current: MaximoRecord, keys: readonly string[]): MaximoRecord | undefined {
  const out: MaximoRecord = {};
  let changed = false;
  for (const [name, value] of Object.entries(wanted)) {
    if (keys.includes(name)) out[name] = value;
    else if (comparable(value) !== comparable(current[name])) {
      out[name] = value;
      changed = true;
    }
  }
  return changed ? out : undefined;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function describe(kind: string, added: string[], updated: string[]): string {
  const parts = [];
  if (added.length > 0) parts.push(`new: ${added.join(", ")}`);
  if (updated.length > 0) parts.push(`updated: ${updated.join(", ")}`);
  return `${plural(added.length + updated.length, kind)} (${parts.join("; ")})`;
}

function variablesStep(definition: ScriptDefinition, server: ServerScript): PlannedStep | undefined {
  const body: MaximoRecord[] = [];
  const added: string[] = [];
  const updated: string[] = [];
  for (const variable of definition.variables) {
    const current = server.variables.find((v) => v.varname === variable.varname);
    if (!current) {
      body.push(variable);
      added.push(String(variable.varname));
      continue;
    }
    const changed = changes(variable, current, ["varname"]);
    if (changed) {
      body.push(changed);
      updated.push(String(variable.varname));
    }
  }
  return body.length === 0 ? undefined : { name: "variables", body: { autoscriptvars: body }, summary: describe("variable", added, updated) };
}

/** A new launch point is active unless the config says otherwise, as the Automation Scripts application makes it. */
function newLaunchPoint(lp: LaunchPointDefinition): Record<string, unknown> {
  const record: Record<string, unknown> = { ...lp.record };
  if (record.active === undefined) record.active = true;
  if (lp.vars.length > 0) record.launchpointvars = lp.vars;
  return record;
}

function launchPointsStep(definition: ScriptDefinition, server: ServerScript): PlannedStep | undefined {
  const body: Array<Record<string, unknown>> = [];
  const added: string[] = [];
  const updated: string[] = [];
  for (const lp of definition.launchPoints) {
    const name = String(lp.record.launchpointname);
    const current = server.launchPoints.find((s) => String(s.record.launchpointname).toUpperCase() === name);
    if (!current) {
      body.push(newLaunchPoint(lp));
      added.push(name);
      continue;
    }
    const changedVars = lp.vars
      .map((v) => {
        const existing = current.vars.find((c) => c.varname === v.varname);
        return existing ? changes(v, existing, ["varname"]) : v;
      })
      .filter((v): v is MaximoRecord => v !== undefined);
    const changed = changes(lp.record, current.record, ["launchpointname"]);
    if (!changed && changedVars.length === 0) continue;
    const record: Record<string, unknown> = { ...(changed ?? { launchpointname: name }) };
    if (changedVars.length > 0) record.launchpointvars = changedVars;
    body.push(record);
    updated.push(name);
  }
  return body.length === 0 ? undefined : { name: "launchPoints", body: { scriptlaunchpoint: body }, summary: describe("launch point", added, updated) };
}

function sourceStep(definition: ScriptDefinition, server: ServerScript): PlannedStep | undefined {
  const wanted: MaximoRecord = { ...definition.attributes };
  if (definition.languageFromConfig) wanted.scriptlanguage = definition.language;
  const current: MaximoRecord = { ...server.attributes, scriptlanguage: server.language };
  const changed = changes(wanted, current, []) ?? {};
  const sourceChanged = definition.source !== server.source;
  if (sourceChanged) changed.source = definition.source;
  const names = Object.keys(changed);
  if (names.length === 0) return undefined;
  return { name: "source", body: changed, summary: names.join(", ") };
}

function statusStep(active: boolean | undefined, currentlyActive: boolean): PlannedStep | undefined {
  if (active === undefined || active === currentlyActive) return undefined;
  const status = active ? "Active" : "Inactive";
  return { name: "status", body: { status }, summary: `status ${status}` };
}

/** The steps that bring an existing script to the definition; empty when it already matches. */
export function planUpdate(definition: ScriptDefinition, server: ServerScript): PlannedStep[] {
  return [variablesStep(definition, server), launchPointsStep(definition, server), sourceStep(definition, server), statusStep(definition.active, isActive(server))].filter(
    (step): step is PlannedStep => step !== undefined,
  );
}

/**
 * A new script: one create with variables and launch points, then Active unless the file says
 * `"active": false` (a Draft script's launch points never run; the deploy tooling most files come
 * from activates every script it creates, so those files behave as before).
 */
export function planCreate(definition: ScriptDefinition): PlannedStep[] {
  const body: Record<string, unknown> = { autoscript: definition.name, scriptlanguage: definition.language, ...definition.attributes, source: definition.source };
  if (definition.variables.length > 0) body.autoscriptvars = definition.variables;
  if (definition.launchPoints.length > 0) body.scriptlaunchpoint = definition.launchPoints.map(newLaunchPoint);
  const parts = [plural(definition.variables.length, "variable"), plural(definition.launchPoints.length, "launch point")];
  const steps: PlannedStep[] = [{ name: "create", body, summary: `new script with ${parts.join(" and ")}` }];
  const status = statusStep(definition.active !== false ? true : undefined, false);
  if (status) steps.push(status);
  return steps;
}
