/**
 * An automation script as the server holds it, read from a lean member of MXSCRIPT or
 * MXAPIAUTOSCRIPT with its variables and launch points (JSON API reference §6 nested selects).
 */
import type { AttributeValue, MaximoRecord } from "./definition";

export interface ServerLaunchPoint {
  record: MaximoRecord;
  vars: MaximoRecord[];
}

export interface ServerScript {
  /** The member URI, for updates. */
  href: string;
  /** The ETag header the member was read with, for If-Match. */
  etag?: string;
  /** `_rowstamp` of the AUTOSCRIPT row (the ETag when the server sends none). */
  rowstamp: string;
  name: string;
  language: string;
  source: string;
  status?: string;
  /** description, version, loglevel, active, status ... as read. */
  attributes: MaximoRecord;
  variables: MaximoRecord[];
  launchPoints: ServerLaunchPoint[];
}

/** One row of the script list (extract's picker). */
export interface ScriptSummary {
  name: string;
  description: string;
  language: string;
  status?: string;
}

/** What the member read selects: the script, its variables, launch points and their bindings. */
export const memberSelect =
  "autoscript,description,scriptlanguage,source,status,active,loglevel,version,interface," +
  "autoscriptvars{varname,description,vartype,varbindingtype,varbindingvalue,literaldatatype,allowoverride,novalidation,noaccesscheck,noaction}," +
  "scriptlaunchpoint{launchpointname,launchpointtype,description,active,objectname,attributename,condition,actionname,objectevent,attributeevent," +
  "launchpointvars{varname,varbindingvalue,literaldatatype}}";

const skipped = new Set(["href", "localref", "_rowstamp"]);

function record(value: unknown): MaximoRecord {
  const out: MaximoRecord = {};
  if (typeof value !== "object" || value === null) return out;
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (skipped.has(key) || key.endsWith("_description") || key.endsWith("_collectionref")) continue;
    if (item === null || typeof item === "string" || typeof item === "number" || typeof item === "boolean") out[key] = item as AttributeValue;
  }
  return out;
}

function records(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function text(value: unknown): string {
  return typeof value === "string" ? value : value === null || value === undefined ? "" : String(value);
}

export function parseServerScript(body: unknown, href: string, etag: string | undefined): ServerScript {
  const member = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  const attributes = record(member);
  delete attributes.source;
  const script: ServerScript = {
    href,
    rowstamp: text(member._rowstamp) || (etag ?? "").replace(/^W\//, "").replace(/"/g, ""),
    name: text(member.autoscript),
    language: text(member.scriptlanguage),
    source: text(member.source),
    attributes,
    variables: records(member.autoscriptvars).map(record),
    launchPoints: records(member.scriptlaunchpoint).map((lp) => ({ record: record(lp), vars: records((lp as Record<string, unknown>).launchpointvars).map(record) })),
  };
  if (etag !== undefined) script.etag = etag;
  if (typeof member.status === "string") script.status = member.status;
  return script;
}

export function parseSummary(member: unknown): ScriptSummary | undefined {
  if (typeof member !== "object" || member === null) return undefined;
  const m = member as Record<string, unknown>;
  if (typeof m.autoscript !== "string") return undefined;
  const summary: ScriptSummary = { name: m.autoscript, description: text(m.description), language: text(m.scriptlanguage) };
  if (typeof m.status === "string") summary.status = m.status;
  return summary;
}
