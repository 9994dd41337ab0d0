/**
 * Fault knobs: tests make the next N matching requests slow, rate-limited, unavailable, reset
 * or truncated, to exercise a client's retries and error paths against a real socket; or answer
 * them with a Maximo error (`error`: a business rule refusing the write), before the request is
 * applied, so that nothing of it is saved, as with any refused Maximo transaction. `ignoreField`
 * makes an update answer as usual while one attribute keeps its old value: what a real server
 * does with a key it does not read (PRODUCT.md "Real-server facts"), for tests of clients that
 * check their writes. `resetAfterCommit` applies the request, then cuts the connection before
 * any answer: the lost answer of reference §29 ("committed successfully on the server, but the
 * communication channel broke"), where `reset` cuts it before anything is applied.
 */
export type FaultKind = "latency" | "429" | "503" | "reset" | "resetAfterCommit" | "truncate" | "slow" | "error" | "ignoreField";

export const faultKinds: readonly FaultKind[] = ["latency", "429", "503", "reset", "resetAfterCommit", "truncate", "slow", "error", "ignoreField"];

/** Methods that update a record: the only ones an `ignoreField` fault applies to (and counts). */
const UPDATE_METHODS = new Set(["PATCH", "MERGE"]);

export interface FaultSpec {
  /** A glob (`*` matches anything, `/` included) matched against the whole path, or else a substring of it. */
  path: string;
  /** Only this method (effective method or as sent); any when absent. */
  method?: string;
  kind: FaultKind;
  /** How many requests it applies to; unlimited when absent. */
  count?: number;
  latencyMs?: number;
  /** Seconds, for 429's Retry-After. */
  retryAfter?: number;
  bytesPerSecond?: number;
  /** Only requests whose body contains this text (e.g. `"scriptlaunchpoint"` to fail a launch-point update). */
  bodyContains?: string;
  /** Only requests whose query string (as sent, still percent-encoded) contains this text. */
  queryContains?: string;
  /** `error`: the HTTP status (400 by default), reason code and message text of the Maximo error. */
  status?: number;
  reasonCode?: string;
  message?: string;
  /** `ignoreField`: the attribute (lower case) an update leaves unchanged, at any level of the record. */
  attribute?: string;
  /** `ignoreField`: only updates of this object structure (`mxscript`); any when absent. */
  os?: string;
}

export interface Fault extends FaultSpec {
  id: number;
  /** Requests it has applied to so far. */
  hits: number;
}

/** Validates an untrusted fault spec (from the control API); returns a message when bad. */
export function checkFaultSpec(value: unknown): FaultSpec | string {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "a fault is a JSON object";
  const spec = value as Record<string, unknown>;
  if (typeof spec.path !== "string" || spec.path === "") return "path must be a non-empty string";
  if (!faultKinds.includes(spec.kind as FaultKind)) return `kind must be one of ${faultKinds.join(", ")}`;
  if (spec.method !== undefined && typeof spec.method !== "string") return "method must be a string";
  for (const name of ["count", "latencyMs", "retryAfter", "bytesPerSecond"]) {
    const n = spec[name];
    if (n !== undefined && (typeof n !== "number" || !Number.isFinite(n) || n < 0)) return `${name} must be a number >= 0`;
  }
  if (spec.kind === "slow" && spec.bytesPerSecond === 0) return "bytesPerSecond must be above 0";
  for (const name of ["bodyContains", "queryContains", "reasonCode", "message", "attribute", "os"]) {
    if (spec[name] !== undefined && typeof spec[name] !== "string") return `${name} must be a string`;
  }
  const status = spec.status;
  if (status !== undefined && (typeof status !== "number" || !Number.isInteger(status) || status < 400 || status > 599)) return "status must be an HTTP error status (400-599)";
  if (typeof spec.reasonCode === "string" && !/^BMXAA\d{4}[EWI]$/.test(spec.reasonCode)) return "reasonCode must look like BMXAA1234E";
  if (spec.kind === "ignoreField" && (typeof spec.attribute !== "string" || !/^[a-z0-9_]+$/i.test(spec.attribute))) return "ignoreField needs attribute, an attribute name";
  return {
    path: spec.path,
    kind: spec.kind as FaultKind,
    method: spec.method as string | undefined,
    count: spec.count as number | undefined,
    latencyMs: spec.latencyMs as number | undefined,
    retryAfter: spec.retryAfter as number | undefined,
    bytesPerSecond: spec.bytesPerSecond as number | undefined,
    bodyContains: spec.bodyContains as string | undefined,
    queryContains: spec.queryContains as string | undefined,
    status: spec.status as number | undefined,
    reasonCode: spec.reasonCode as string | undefined,
    message: spec.message as string | undefined,
    attribute: typeof spec.attribute === "string" ? spec.attribute.toLowerCase() : undefined,
    os: typeof spec.os === "string" ? spec.os.toLowerCase() : undefined,
  };
}

function pathMatches(pattern: string, path: string): boolean {
  if (!pattern.includes("*")) return path.includes(pattern);
  const regex = pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*");
  return new RegExp(`^${regex}$`).test(path);
}

/** The object structure a path addresses (`/maximo/oslc/os/mxscript/_QUJD` → `mxscript`), lower case. */
function osOf(path: string): string | undefined {
  return /\/os\/([^/?]+)/i.exec(path)?.[1]?.toLowerCase();
}

export class FaultList {
  private faults: Fault[] = [];
  private nextId = 1;

  add(spec: FaultSpec): Fault {
    const fault: Fault = { ...spec, id: this.nextId++, hits: 0 };
    this.faults.push(fault);
    return fault;
  }

  list(): readonly Fault[] {
    return this.faults;
  }

  clear(): void {
    this.faults = [];
  }

  /** The first fault for this request, counted as used; spent faults drop out. */
  take(method: string, path: string, body = "", query = ""): Fault | undefined {
    const fault = this.faults.find(
      (f) =>
        (!f.method || f.method.toUpperCase() === method.toUpperCase()) &&
        pathMatches(f.path, path) &&
        (f.bodyContains === undefined || body.includes(f.bodyContains)) &&
        (f.queryContains === undefined || query.includes(f.queryContains)) &&
        (f.kind !== "ignoreField" || (UPDATE_METHODS.has(method.toUpperCase()) && (f.os === undefined || osOf(path) === f.os))),
    );
    if (!fault) return undefined;
    fault.hits++;
    if (fault.count !== undefined && fault.hits >= fault.count) this.faults = this.faults.filter((f) => f !== fault);
    return fault;
  }
}
