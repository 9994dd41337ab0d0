/**
 * The value a chained reference reads from a response that already came back:
 * `wo.response.body.member[0].wonum`, `wo.response.body.$.member[?(@.status=='APPR')].wonum`,
 * `wo.response.body.//wonum` (XPath on XML), `wo.response.headers.location`, and the same from
 * `wo.request.*` (what was sent).
 */
import type { ExecutedResponse } from "../http/types";
import { isWholeBody, queryBody, valueText } from "./bodyQuery";

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
  if (isWholeBody(chain.path)) return { ok: true, value: text };
  const label = `the ${side} body of "${name}"`;
  const contentType = side === "request" ? requestHeader(response, "content-type")[0] : responseHeader(response, "content-type");
  // One value goes into the request: a path that matches several gives the first, as in REST Client.
  const found = queryBody({ text, contentType, label, json: () => (side === "request" ? JSON.parse(text) : response.json()) }, chain.path, false);
  if (!found.found) return { ok: false, reason: found.reason };
  return { ok: true, value: valueText(found.value) };
}

function responseHeader(response: ExecutedResponse, lowerName: string): string | undefined {
  return response.headers.find(([n]) => n.toLowerCase() === lowerName)?.[1];
}

function requestHeader(response: ExecutedResponse, lowerName: string): string[] {
  for (const [name, value] of response.request.headers) if (name.toLowerCase() === lowerName) return [value];
  return [];
}
