/**
 * What a request would change, in words, for the read-only guard (a read-only connection asks
 * before any write and says what would change).
 */
import type { ResolvedRequest } from "../../http/types";
import { readableQueryValue } from "../../http/url";

const READS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The effective method: POST with `x-method-override` is that method (reference §5). */
export function effectiveMethodOf(resolved: Pick<ResolvedRequest, "method" | "headers">): string {
  const override = resolved.headers.find(([name]) => name.toLowerCase() === "x-method-override")?.[1];
  return (override ?? resolved.method).trim().toUpperCase();
}

export function isWrite(resolved: Pick<ResolvedRequest, "method" | "headers">): boolean {
  return !READS.has(effectiveMethodOf(resolved));
}

/** A sentence such as "POST os/mxapiwodetail would create a record in MXAPIWODETAIL." */
export function describeWrite(resolved: Pick<ResolvedRequest, "method" | "headers" | "target" | "query" | "body">): string {
  const method = effectiveMethodOf(resolved);
  const target = resolved.target.replace(/^https?:\/\/[^/]+/i, "");
  const objectStructure = /(?:^|\/)os\/([^/?]+)/i.exec(target)?.[1]?.toUpperCase();
  const what = objectStructure ? ` in ${objectStructure}` : "";
  const action = readableQueryValue(resolved.query.find((parameter) => parameter.key === "action"));
  const bodySize = resolved.body === undefined ? 0 : typeof resolved.body === "string" ? Buffer.byteLength(resolved.body) : resolved.body.length;
  const body = bodySize > 0 ? ` with a ${bodySize}-byte body` : "";
  const line = `${resolved.method.toUpperCase()} ${target}${method !== resolved.method.toUpperCase() ? ` (x-method-override: ${method})` : ""}`;
  if (action) return `${line} would run the action ${action}${what}${body}.`;
  switch (method) {
    case "DELETE":
      return `${line} would delete the record it names${what}.`;
    case "PATCH":
    case "MERGE":
      return `${line} would update the record it names${what}${body}.`;
    case "BULK":
      return `${line} would apply several changes at once${what}${body}.`;
    case "POST":
      return /\/os\/[^/]+\/[^/]+/i.test(`/${target}`) ? `${line} would change the record it names${what}${body}.` : `${line} would create a record${what}${body}.`;
    default:
      return `${line} may change data${what}${body}.`;
  }
}
