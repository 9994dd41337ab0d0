/**
 * Deploying one script file: read the server's copy, refuse what cannot be right (a rename, a
 * launch point another script owns, a language change), stop on a conflict with what the
 * workspace last pulled or deployed, back up the server's source before overwriting it, send
 * the planned steps, and remember what the server holds afterwards. Knows no VS Code: the
 * extension and the CLI supply the state store, the backup folder and the write confirmation.
 */
import { TransportError } from "../http/types";
import { writeBackup } from "./backup";
import { readDefinition, type MaximoRecord, type ScriptDefinition } from "./definition";
import { extensionOf, familyOf } from "./language";
import { planCreate, planUpdate, stepLabels, type PlannedStep, type StepName } from "./deployPlan";
import { ScriptApiError, type ScriptApi } from "./scriptApi";
import { sourceHash, type ScriptState, type ScriptStateStore } from "./scriptState";
import { unappliedFields, type UnappliedStep } from "./deployVerify";
import type { ServerScript } from "./serverScript";

export interface DeployContext {
  api: ScriptApi;
  /** The connection's name, for messages. */
  connection: string;
  /** `serverKey(connection)`: whose state to use. */
  server: string;
  state: ScriptStateStore;
  /** Absolute folder for backups of the server's previous source. */
  backupFolder: string;
  now?: () => Date;
  /** Asked once before the first write with what would change; false cancels (read-only connections). */
  beforeWrite?: (change: string) => Promise<boolean>;
  progress?: (message: string) => void;
}

export interface DeployInput {
  /** The file's path (its extension decides the language, its name is the fallback script name). */
  path: string;
  /** How the state store names the file: workspace-relative, `/` separated. */
  file: string;
  text: string;
  /** Overwrite even when the server copy changed since the last pull or deploy (CLI `--force`). */
  force?: boolean;
  /** Overwrite the server copy the user reviewed: a conflict is ignored while the rowstamp is still this one. */
  acceptRowstamp?: string;
}

export type StepStatus = "done" | "failed" | "not run";

export interface StepReport {
  name: StepName;
  summary: string;
  status: StepStatus;
}

export type DeployOutcome =
  | { kind: "created" | "updated" | "unchanged"; name: string; connection: string; steps: StepReport[]; backup?: string; warnings: string[] }
  | { kind: "conflict"; name: string; connection: string; serverSource: string; serverRowstamp: string; localSource: string; remembered: ScriptState; language: string }
  | { kind: "refused"; name?: string; connection: string; message: string }
  | { kind: "cancelled"; name: string; connection: string }
  | { kind: "failed"; name: string; connection: string; steps: StepReport[]; failedStep?: StepName; error: string; serverNow: string; backup?: string; warnings: string[] };

function errorText(error: unknown): string {
  if (error instanceof ScriptApiError || error instanceof TransportError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

/** True when the server copy moved away from what this workspace last pulled or deployed. */
export function changedSince(remembered: ScriptState | undefined, server: ServerScript, localSource: string): boolean {
  if (!remembered || remembered.rowstamp === server.rowstamp) return false;
  // Only the rowstamp moved (a status or launch-point change, or our own earlier write): no source of theirs is lost.
  if (sourceHash(server.source) === remembered.sourceHash) return false;
  return server.source !== localSource;
}

async function remember(context: DeployContext, name: string, server: ServerScript, file: string): Promise<void> {
  await context.state.set(context.server, name, {
    rowstamp: server.rowstamp,
    sourceHash: sourceHash(server.source),
    file,
    kind: "deploy",
    at: (context.now?.() ?? new Date()).toISOString(),
  });
}

function summaryOf(name: string, connection: string, steps: PlannedStep[], creating: boolean): string {
  return `${creating ? "Create" : "Update"} automation script ${name} on ${connection}: ${steps.map((s) => `${stepLabels[s.name]} (${s.summary})`).join("; ")}.`;
}

async function refusal(definition: ScriptDefinition, input: DeployInput, context: DeployContext, server: ServerScript | undefined): Promise<string | undefined> {
  const previous = await context.state.scriptOfFile(context.server, input.file);
  if (previous && previous !== definition.name) {
    return (
      `${input.file} was deployed to ${context.connection} as ${previous}, but it now names ${definition.name}. ` +
      `Maximo cannot rename an automation script: change the name back to ${previous}, or copy the file to deploy it as a new script ${definition.name}.`
    );
  }
  if (server && !definition.languageFromConfig && familyOf(server.language) !== familyOf(definition.language)) {
    return `${definition.name} on ${context.connection} is a ${server.language} script and ${input.file} is ${definition.language}; deploy the matching file, or set "scriptLanguage" in scriptConfig to change the script's language.`;
  }
  const own = new Set(server?.launchPoints.map((lp) => String(lp.record.launchpointname).toUpperCase()) ?? []);
  const added = definition.launchPoints.map((lp) => String(lp.record.launchpointname)).filter((name) => !own.has(name));
  const owners = await context.api.launchPointOwners(added);
  for (const [launchPoint, owner] of owners) {
    if (owner.toUpperCase() !== definition.name) {
      return (
        `Launch point ${launchPoint} belongs to script ${owner} on ${context.connection}; launch point names are unique on a server. ` +
        `Give the launch point another name in scriptConfig. If ${owner} is this script's earlier name: Maximo cannot rename a script, so deploy it under ${owner}.`
      );
    }
  }
  return undefined;
}

/** Describes what the server holds after a failed step, checked by reading it again. */
async function serverNowText(context: DeployContext, steps: StepReport[], before: ServerScript | undefined, definition: ScriptDefinition, href: string | undefined): Promise<string> {
  if (steps[0]?.name === "create" && steps[0].status === "failed") {
    const found = await context.api.find(definition.name).catch(() => undefined);
    return found ? `The server reports a script ${definition.name} anyway; read it before deploying again.` : "Nothing was created: the server applies a create as one transaction.";
  }
  const parts = steps.map((step) => {
    const label = stepLabels[step.name];
    if (step.status === "done") return step.name === "create" ? "the new script" : `${label} updated`;
    if (step.status === "failed") return `${label} unchanged (the server refused the request, which it applies all or nothing)`;
    return `${label} unchanged (not sent)`;
  });
  let check = "";
  if (href) {
    const now = await context.api.read(href).catch(() => undefined);
    if (now && before && now.source === before.source) check = " Read back after the failure: its source is still the previous version.";
    else if (now && now.source === definition.source) check = " Read back after the failure: its source is the deployed version.";
  }
  return `The server now holds: ${parts.join("; ")}.${check}`;
}

/** Runs planned steps in order; stops at the first failure. */
async function runSteps(context: DeployContext, steps: PlannedStep[], server: ServerScript | undefined, definition: ScriptDefinition): Promise<{ reports: StepReport[]; href?: string; error?: string }> {
  const reports: StepReport[] = steps.map((s) => ({ name: s.name, summary: s.summary, status: "not run" }));
  let href = server?.href;
  let etag = server?.etag;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    context.progress?.(`${definition.name}: ${stepLabels[step.name]}`);
    let answered: string | undefined;
    try {
      if (step.name === "create") href = await context.api.create(step.body);
      else answered = await context.api.merge(href!, etag, step.body);
    } catch (error) {
      reports[i]!.status = "failed";
      return { reports, ...(href ? { href } : {}), error: errorText(error) };
    }
    reports[i]!.status = "done";
    // Each answer's ETag guards the next step; without one, the next step reads it again.
    if (i + 1 < steps.length) etag = answered ?? (await context.api.read(href!).catch(() => undefined))?.etag;
  }
  return { reports, ...(href ? { href } : {}) };
}

export async function deployScript(input: DeployInput, context: DeployContext): Promise<DeployOutcome> {
  const connection = context.connection;
  const read = readDefinition(input.path, input.text);
  if (read.error !== undefined) return { kind: "refused", connection, message: read.error };
  const definition = read.definition;
  const name = definition.name;
  let server: ServerScript | undefined;
  try {
    context.progress?.(`${name}: reading ${connection}`);
    server = await context.api.find(name);
    const refused = await refusal(definition, input, context, server);
    if (refused) return { kind: "refused", name, connection, message: refused };
    if (server) definition.warnings.push(...keptOnServer(definition, server));
  } catch (error) {
    return { kind: "failed", name, connection, steps: [], error: errorText(error), serverNow: "Nothing was sent: the deploy stopped while reading the server.", warnings: definition.warnings };
  }

  if (server) {
    const remembered = await context.state.get(context.server, name);
    if (!input.force && input.acceptRowstamp !== server.rowstamp && changedSince(remembered, server, definition.source)) {
      return { kind: "conflict", name, connection, serverSource: server.source, serverRowstamp: server.rowstamp, localSource: definition.source, remembered: remembered!, language: server.language };
    }
  }
  const steps = server ? planUpdate(definition, server) : planCreate(definition);
  if (server && steps.length === 0) {
    await remember(context, name, server, input.file);
    return { kind: "unchanged", name, connection, steps: [], warnings: definition.warnings };
  }
  if (context.beforeWrite && !(await context.beforeWrite(summaryOf(name, connection, steps, !server)))) return { kind: "cancelled", name, connection };

  let backup: string | undefined;
  if (server && server.source !== definition.source) {
    try {
      backup = await writeBackup(context.backupFolder, name, extensionOf(server.language) ?? ".txt", server.source, context.now?.() ?? new Date());
    } catch (error) {
      return { kind: "failed", name, connection, steps: [], error: `Could not save the server's source to ${context.backupFolder} (${errorText(error)})`, serverNow: "Nothing was sent: no deploy overwrites a script before its backup is written.", warnings: definition.warnings };
    }
  }
  const result = await runSteps(context, steps, server, definition);
  const withBackup = backup ? { backup } : {};
  if (result.error !== undefined) {
    const failed = result.reports.find((r) => r.status === "failed")!;
    const serverNow = await serverNowText(context, result.reports, server, definition, result.href);
    if (result.href && result.reports.some((r) => r.name === "source" && r.status === "done")) {
      const now = await context.api.read(result.href).catch(() => undefined);
      if (now) await remember(context, name, now, input.file);
    }
    return { kind: "failed", name, connection, steps: result.reports, failedStep: failed.name, error: result.error, serverNow, ...withBackup, warnings: definition.warnings };
  }
  const warnings = [...definition.warnings];
  let readBack: ServerScript;
  try {
    readBack = await context.api.read(result.href!);
  } catch (error) {
    warnings.push(`Deployed, but reading it back failed (${errorText(error)}): the server's copy could not be compared with the file, and the next deploy cannot check for changes made meanwhile.`);
    return { kind: server ? "updated" : "created", name, connection, steps: result.reports, ...withBackup, warnings };
  }
  await remember(context, name, readBack, input.file);
  const unapplied = unappliedFields(definition, readBack);
  if (unapplied.length > 0) return silentlyIgnored(name, connection, result.reports, unapplied, { ...withBackup, warnings });
  return { kind: server ? "updated" : "created", name, connection, steps: result.reports, ...withBackup, warnings };
}

/**
 * What the server holds that the file's scriptConfig no longer names. A deploy merges children and
 * never deletes them (a wrong delete loses a launch point other work relies on), so they stay; the
 * deploy tooling many files come from replaces them instead, so its users are told.
 */
function keptOnServer(definition: ScriptDefinition, server: ServerScript): string[] {
  if (definition.nameFrom !== "scriptConfig") return [];
  const named = (records: readonly MaximoRecord[], key: string) => new Set(records.map((r) => String(r[key] ?? "").toUpperCase()));
  const points = named(definition.launchPoints.map((lp) => lp.record), "launchpointname");
  const variables = named(definition.variables, "varname");
  const extraPoints = server.launchPoints.map((lp) => String(lp.record.launchpointname ?? "")).filter((n) => n && !points.has(n.toUpperCase()));
  const extraVariables = server.variables.map((v) => String(v.varname ?? "")).filter((n) => n && !variables.has(n.toUpperCase()));
  const out: string[] = [];
  const kept = (what: string, names: string[]) => `The server keeps ${what} this scriptConfig does not name: ${names.join(", ")}. A deploy never deletes them; remove them in the Automation Scripts application if they should go.`;
  if (extraPoints.length > 0) out.push(kept("launch points", extraPoints));
  if (extraVariables.length > 0) out.push(kept("variables", extraVariables));
  return out;
}

/**
 * Every request answered 2xx, but the read-back still differs from the file: the steps that
 * carried those values are failed, named with the fields the server kept.
 */
function silentlyIgnored(name: string, connection: string, reports: StepReport[], unapplied: UnappliedStep[], rest: { backup?: string; warnings: string[] }): DeployOutcome {
  const steps = reports.map((report) => ({ ...report }));
  const fields: string[] = [];
  for (const { step, fields: named } of unapplied) {
    fields.push(...named);
    // A create carried everything: its report stands for every part.
    const report = steps.find((r) => r.name === step) ?? steps.find((r) => r.name === "create");
    if (!report) continue;
    report.status = "failed";
    report.summary = `${report.summary}; the server kept its previous ${named.join(", ")}`;
  }
  const failedStep = steps.find((r) => r.status === "failed")?.name;
  return {
    kind: "failed",
    name,
    connection,
    steps,
    ...(failedStep ? { failedStep } : {}),
    error: `the server answered success but did not apply ${fields.join(", ")} (read back after the deploy; a key it does not read is ignored without an error).`,
    serverNow: "Everything else in the file is on the server.",
    ...rest,
  };
}
