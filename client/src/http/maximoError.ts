/**
 * Maximo's error body, `{"Error": {"reasonCode", "message", "statusCode", "extendedError"}}`
 * (JSON API reference §15 bulk example; practitioner guide "Error handling"), also in the
 * namespaced form (`oslc:Error` with `spi:`/`oslc:` keys) a non-lean request gets.
 */
import type { MaximoErrorInfo } from "./types";

/** One-line hints for the codes developers meet most; sources in PRODUCT.md "Real-server facts" and the reference. */
const reasonHints: Record<string, string> = {
  BMXAA8744E: "oslc.where does not support `or` on a real server; split the query or add opmodeor=1 to turn every `and` into `or`.",
  BMXAA4153E: "The site is not valid; check siteid against the Organizations application (reference §15.1).",
  BMXAA4195E: "A required field is missing; add it to the request body.",
  BMXAA9301E: "The object structure is not available: it may not exist, not be exposed for REST, or your user lacks the security group rights for it.",
  BMXAA0024E: "The object structure or action is not authorized for this user; check the security groups.",
  BMXAA0021E: "The user name or password is wrong, or the account is locked; check the connection's credentials.",
  BMXAA9549E: "The API key is not valid; create a new one for the user (API Keys application) and update the connection.",
  BMXAA2283E: "The password has expired; change it in Maximo (or via the password API, reference §24) and update the connection.",
  BMXAA8727E: "No resource at this path; check the object structure name and the URL.",
};

const statusHints: Record<number, string> = {
  401: "The server did not accept the credentials; check the connection's authentication settings.",
  403: "The user is not allowed to do this; check its security groups and the object structure's authorization.",
  409: "The transactionid was already used: the write was applied before (reference §29), so a repeat is not needed.",
  412: "The record changed since you read it (stale ETag in If-Match); read it again and repeat the update.",
  429: "The server is rate-limiting requests; wait for Retry-After and send fewer at once.",
  501: "A real PATCH or PUT is not implemented by Maximo; send POST with x-method-override: PATCH.",
  503: "The server is unavailable or restarting; try again shortly.",
};

function field(record: Record<string, unknown>, name: string): unknown {
  return record[name] ?? record[`spi:${name}`] ?? record[`oslc:${name}`];
}

function asText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Hints that hold only with one status: a server also answers BMXAA8727E with a 400 for a where clause naming no attribute. */
const hintStatus: Record<string, number> = { BMXAA8727E: 404 };

/** The explanation for a reason code or, failing that, an HTTP status. */
export function explainMaximoError(reasonCode: string, status: number): string | undefined {
  const code = reasonCode.toUpperCase();
  const only = hintStatus[code];
  return (only === undefined || only === status ? reasonHints[code] : undefined) ?? statusHints[status];
}

/** Reads `{"Error": {...}}` (or `oslc:Error`) from a parsed body; undefined when it is no Maximo error. */
export function parseMaximoError(body: unknown, httpStatus: number): MaximoErrorInfo | undefined {
  if (!isRecord(body)) return undefined;
  const error = body.Error ?? body["oslc:Error"] ?? body.error;
  if (!isRecord(error)) return undefined;
  const message = asText(field(error, "message")) ?? "";
  // Older servers put the code only in the message: "BMXAA4153E - [...]".
  const reasonCode = asText(field(error, "reasonCode")) ?? /\b(BMXAA\d{4}[EWI])\b/.exec(message)?.[1] ?? "";
  const statusCode = asText(field(error, "statusCode")) ?? String(httpStatus);
  if (!message && !reasonCode) return undefined;
  const info: MaximoErrorInfo = { reasonCode, message, statusCode };
  const extendedError = field(error, "extendedError");
  if (extendedError !== undefined) info.extendedError = extendedError;
  const explanation = explainMaximoError(reasonCode, Number(statusCode) || httpStatus);
  if (explanation) info.explanation = explanation;
  return info;
}
