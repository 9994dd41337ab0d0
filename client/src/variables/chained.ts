/**
 * The value a chained reference reads from a response that already came back:
 * `wo.response.body.member[0].wonum`, `wo.response.body.$.href`, `wo.response.headers.location`,
 * and the same from `wo.request.*` (what was sent).
 */
import type { ExecutedResponse } from "../http/types";
import { parsePath, readPath, valueText, type PathSegment } from "./pathLite";

export interface Chain {
  source: string;
  part: string;
  path: string;
}

export type ChainedValue = { ok: true; value: string } | { ok: false; reason: string };

export function chainedValue(name: string, response: ExecutedResponse, chain: Chain): ChainedValue {
  const side = chain.source === "request" ? "request" : "response";
  if (chain.part === "headers") {
    const header = chain.path.trim().toLowerCase();
    if (!header) return { ok: false, reason: `name the header, e.g. {{${name}.${side}.headers.location}}` };
    const values = side === "request" ? requestHeader(response, header) : response.headers.filter(([n]) => n.toLowerCase() === header).map(([, v]) => v);
    if (values.length === 0) return { ok: false, reason: `the ${side} of "${name}" has no header "${chain.path.trim()}"` };
    return { ok: true, value: values.join(", ") };
  }
  if (chain.part !== "body") {
    return { ok: false, reason: `read ${side}.body or ${side}.headers, e.g. {{${name}.${side}.body.member[0].wonum}}` };
  }
  const text = side === "request" ? (response.request.body?.toString("utf8") ?? "") : response.text();
  let segments: PathSegment[];
  try {
    segments = parsePath(chain.path);
  } catch (error) {
    return { ok: false, reason: `the path is malformed: ${(error as Error).message}` };
  }
  if (segments.length === 0) return { ok: true, value: text };
  let json: unknown;
  try {
    json = side === "request" ? JSON.parse(text) : response.json();
  } catch (error) {
    return { ok: false, reason: `the ${side} body of "${name}" is not JSON (${(error as Error).message})` };
  }
  const found = readPath(json, segments);
  if (!found.found) return { ok: false, reason: `the ${side} body of "${name}" has nothing at ${found.missingAt}` };
  return { ok: true, value: valueText(found.value) };
}

function requestHeader(response: ExecutedResponse, lowerName: string): string[] {
  for (const [name, value] of response.request.headers) if (name.toLowerCase() === lowerName) return [value];
  return [];
}
