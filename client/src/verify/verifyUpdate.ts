/**
 * `# @verify`: after a single-record update answered 2xx, read the record back
 * (`GET <member>?lean=1&oslc.select=<the attributes sent>`) and compare each value sent with
 * what the server holds. A Maximo update answers 204 even when it dropped a key it does not read
 * (PRODUCT.md "Real-server facts": upper-case keys, `spi:` keys in a lean body); this is how a
 * user finds out. A separate GET leaves the request as written: the guide's `properties` header
 * (reference §11) would save it but changes the response the user asked for.
 */
import type { SendRawOptions } from "../http/executor";
import type { ExecutedResponse, OutgoingRequest } from "../http/types";
import { updateTargetOf, type Scalar, type SentField } from "./updateTarget";
import { sameStoredValue } from "./valueComparison";

export type SendRequest = (outgoing: OutgoingRequest, options?: SendRawOptions) => Promise<ExecutedResponse>;

export interface Mismatch {
  key: string;
  attribute: string;
  sent: Scalar;
  /** What the read-back holds; undefined when it leaves the attribute out. */
  held: unknown;
}

export type VerifyResult =
  /** Every value sent is on the server. */
  | { kind: "verified"; fields: string[]; message: string }
  /** The update answered 2xx but the server holds other values: the request failed. */
  | { kind: "mismatch"; mismatches: Mismatch[]; message: string }
  /**
   * Not checked: `not-an-update` (the directive does not apply), `update-failed` (the request
   * already failed), `read-failed` (the record could not be read back: the update is unconfirmed).
   */
  | { kind: "not-verified"; reason: "not-an-update" | "update-failed" | "read-failed"; message: string };

/** Compares the update `request` (as sent) with the record read back after its `response`. */
export async function verifyUpdate(request: OutgoingRequest, response: Pick<ExecutedResponse, "status">, send: SendRequest, options: SendRawOptions = {}): Promise<VerifyResult> {
  const target = updateTargetOf(request);
  if ("notVerifiable" in target) return { kind: "not-verified", reason: "not-an-update", message: target.notVerifiable };
  if (response.status < 200 || response.status >= 300) return { kind: "not-verified", reason: "update-failed", message: `@verify: not checked, the update itself answered HTTP ${response.status}.` };
  const attributes = [...new Set(target.fields.map((field) => field.attribute))];
  const url = new URL(target.member.href);
  url.search = `?lean=1&oslc.select=${attributes.map(encodeURIComponent).join(",")}`;
  let readBack: ExecutedResponse;
  try {
    readBack = await send({ method: "GET", url, headers: new Map([["accept", "application/json"]]) }, options);
  } catch (error) {
    return { kind: "not-verified", reason: "read-failed", message: `@verify: reading the record back failed (${error instanceof Error ? error.message : String(error)}).` };
  }
  if (readBack.status !== 200) {
    const maximo = readBack.maximoError ? ` (${readBack.maximoError.reasonCode}: ${readBack.maximoError.message})` : "";
    return { kind: "not-verified", reason: "read-failed", message: `@verify: reading the record back answered HTTP ${readBack.status}${maximo}.` };
  }
  let record: unknown;
  try {
    record = readBack.json();
  } catch {
    return { kind: "not-verified", reason: "read-failed", message: "@verify: the record read back is not JSON." };
  }
  if (typeof record !== "object" || record === null || Array.isArray(record)) return { kind: "not-verified", reason: "read-failed", message: "@verify: the record read back is not a JSON object." };
  const mismatches = compareFields(target.fields, record as Record<string, unknown>);
  if (mismatches.length > 0) return { kind: "mismatch", mismatches, message: mismatchMessage(mismatches) };
  return { kind: "verified", fields: attributes, message: `@verify: the server holds every value sent (${attributes.join(", ")}).` };
}

/** The fields whose read-back value differs from the value sent. */
export function compareFields(fields: readonly SentField[], record: Record<string, unknown>): Mismatch[] {
  const mismatches: Mismatch[] = [];
  for (const field of fields) {
    const held = record[field.attribute];
    if (!sameStoredValue(field.value, held)) mismatches.push({ key: field.key, attribute: field.attribute, sent: field.value, held });
  }
  return mismatches;
}

function mismatchMessage(mismatches: readonly Mismatch[]): string {
  const parts = mismatches.map((m) => `${m.key}: sent ${show(m.sent)}, the server holds ${m.held === undefined ? "no value" : show(m.held)}${hint(m)}`);
  return `@verify: the update answered success but the server did not keep ${mismatches.length === 1 ? "this value" : "these values"}: ${parts.join("; ")}.`;
}

/** Why a real server drops a key (PRODUCT.md): the usual reasons, in words. */
function hint(mismatch: Mismatch): string {
  if (mismatch.key !== mismatch.key.toLowerCase() && !mismatch.key.toLowerCase().startsWith("spi:")) return " (the server ignores upper-case keys: write it in lower case)";
  if (mismatch.key.toLowerCase().startsWith("spi:")) return " (a lean request ignores prefixed keys: drop `spi:` or send without lean=1)";
  return "";
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  // Control characters of a server's text never reach a terminal as they are.
  return (text.length > 80 ? `${text.slice(0, 77)}...` : text).replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
