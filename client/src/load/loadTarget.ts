/**
 * What the sender talks to: one connection's executor (the CLI's and the extension's, with their
 * auth, retries and redaction), the object structure and its schema. Requests are built here so
 * every part of the sender sends through `executor.send` and nothing else.
 */
import type { ObjectSchema } from "../../../server/src/schema/types";
import type { Executor } from "../http/executor";
import type { OutgoingRequest, ResolvedRequest } from "../http/types";
import { buildOutgoing } from "../http/url";

export interface LoadTarget {
  executor: Pick<Executor, "connection" | "send">;
  /** The object structure, as the user named it. */
  os: string;
  schema: ObjectSchema;
}

/** The structure's primary-key attributes, lower case, in key order. */
export function keyAttributes(target: LoadTarget): string[] {
  return target.schema.pk.map((k) => k.toLowerCase());
}

/** A request to `os/{name}` on the connection's API root, lean (bare lower-case names, reference §3). */
export function osRequest(target: LoadTarget, method: string, query: ResolvedRequest["query"], headers: Array<[string, string]> = [], body?: string): OutgoingRequest {
  return buildOutgoing(target.executor.connection, {
    line: 0,
    method,
    target: `os/${target.os.toLowerCase()}`,
    query: [{ key: "lean", value: "1" }, ...query],
    headers,
    ...(body === undefined ? {} : { body }),
    directives: { allPages: false, noRedirect: false },
  });
}
