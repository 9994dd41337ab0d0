/**
 * Reading a write's JSON body and its keys. Lean requests use bare lower-case names; namespaced
 * ones `spi:name`. Keys the server does not take are dropped silently, as real servers do
 * (PRODUCT.md "Real-server facts": `spi:` keys in a lean update and upper-case keys change nothing).
 */
import type { ApiRequest } from "../http/types";
import { writeErrors } from "./errors";

export type JsonObject = { [key: string]: unknown };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The body as JSON; an empty body is `{}` (an action such as changeStatus may send none). */
export function parseJson(request: ApiRequest): unknown {
  const text = request.body.toString("utf8").trim();
  if (text === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw writeErrors.badJson(error instanceof Error ? error.message : String(error));
  }
}

export function parseJsonObject(request: ApiRequest): JsonObject {
  const value = parseJson(request);
  if (!isObject(value)) throw writeErrors.badJson("a JSON object was expected");
  return value;
}

/** The attribute or child name a body key stands for, or undefined when the server ignores it. */
export function keyName(key: string, lean: boolean): string | undefined {
  if (key.startsWith("_") || key === "href" || key === "localref") return undefined;
  let name = key;
  if (key.includes(":")) {
    if (lean || !key.startsWith("spi:")) return undefined;
    name = key.slice(4);
  }
  if (name !== name.toLowerCase()) return undefined;
  return name;
}

/** The body's entries under the names the server reads, in body order. */
export function namedEntries(body: JsonObject, lean: boolean): Array<[string, unknown]> {
  const out: Array<[string, unknown]> = [];
  for (const [key, value] of Object.entries(body)) {
    const name = keyName(key, lean);
    if (name !== undefined) out.push([name, value]);
  }
  return out;
}

/** `_action` of a record or child (`Delete`, `Add`, `Update`, `AddChange`), lower case. */
export function actionOf(body: JsonObject): string | undefined {
  const action = body._action;
  return typeof action === "string" ? action.toLowerCase() : undefined;
}

export function headerValue(request: ApiRequest, name: string): string | undefined {
  const value = request.headers[name];
  return value === undefined || value === "" ? undefined : value;
}
