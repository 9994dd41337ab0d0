/**
 * Which requests `# @verify` can check: one record updated in place — POST with
 * `x-method-override: PATCH` (or MERGE), or a PATCH/MERGE, to a member href (`os/NAME/ID`,
 * JSON API reference §11 "Update") — and the top-level scalar values its JSON body sends.
 * Everything else gets a sentence saying why it cannot be verified.
 */
import { effectiveMethod } from "../http/retry";
import type { OutgoingRequest } from "../http/types";

export type Scalar = string | number | boolean | null;

export interface SentField {
  /** The body key as written (`description`, `spi:description`, `DESCRIPTION`). */
  key: string;
  /** The attribute a lean read names it by: the key without `spi:`, lower case. */
  attribute: string;
  value: Scalar;
}

export interface UpdateTarget {
  /** The member href, without the request's query. */
  member: URL;
  fields: SentField[];
}

const UPDATE_METHODS = new Set(["PATCH", "MERGE"]);

/** The member and the values a single-record update sends, or why the request is not one. */
export function updateTargetOf(request: OutgoingRequest): UpdateTarget | { notVerifiable: string } {
  const method = effectiveMethod(request);
  if (!UPDATE_METHODS.has(method)) {
    return { notVerifiable: `@verify checks a single-record update (POST with x-method-override: PATCH, or a PATCH/MERGE of a member href); this is a ${method === request.method ? method : `${request.method} with x-method-override: ${method}`}.` };
  }
  if (!isMemberPath(request.url.pathname)) {
    return { notVerifiable: `@verify checks an update of one record: ${request.url.pathname} is not a member href (os/NAME/ID).` };
  }
  if (request.url.searchParams.has("action")) {
    return { notVerifiable: "@verify does not check actions (`action=`): what an action changes is not what its body sends." };
  }
  let body: unknown;
  try {
    body = JSON.parse((request.body ?? Buffer.alloc(0)).toString("utf8"));
  } catch {
    return { notVerifiable: "@verify compares the values of a JSON body; this body is not JSON." };
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) return { notVerifiable: "@verify compares the values of a JSON object body." };
  if (typeof (body as Record<string, unknown>)._action === "string") return { notVerifiable: "@verify does not check a body with `_action`." };
  const fields: SentField[] = [];
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    const attribute = attributeOf(key);
    if (attribute === undefined) continue;
    if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean") fields.push({ key, attribute, value });
  }
  if (fields.length === 0) return { notVerifiable: "@verify compares top-level values (text, numbers, true/false): this body sends none." };
  const member = new URL(request.url.href);
  member.search = "";
  member.hash = "";
  return { member, fields };
}

/** `.../os/NAME/ID[/CHILD/ID...]`: at least one segment after the structure's name. */
function isMemberPath(pathname: string): boolean {
  const match = /\/os\/[^/]+\/(.+)$/i.exec(pathname);
  return match !== null && match[1]!.replace(/\/+$/, "") !== "";
}

/** Keys the server reads as no attribute (`_rowstamp`, `href`, other prefixes) are not compared. */
function attributeOf(key: string): string | undefined {
  if (key.startsWith("_") || key === "href" || key === "localref") return undefined;
  const name = key.includes(":") ? (key.toLowerCase().startsWith("spi:") ? key.slice(4) : undefined) : key;
  return name === undefined || !/^[A-Za-z0-9_]+$/.test(name) ? undefined : name.toLowerCase();
}
