/**
 * httpyac's named responses (server/src/language/maximo/namedResponses.ts): `{{login.accessToken}}`
 * is read from the response of the request named `login` the way a REST Client chained reference
 * (`{{login.response.body.accessToken}}`) is, when no file or environment variable has that name.
 */
import { namedResponseRequest, variableRoot } from "../../../server/src/language/maximo/namedResponses";
import type { Chain } from "./chained";

export { namedResponseRequest };

export type NamedRead =
  /** A path into the body or a header: what `chainedValue` reads. */
  | { request: string; chain: Chain }
  /** `loginResponse.statusCode` */
  | { request: string; status: true }
  /** A field of `loginResponse` the runner has no value for; `problem` says which it has. */
  | { request: string; problem: string };

/** What `name` reads from a named request's response, or undefined when it names no request. */
export function namedRead(name: string, isRequest: (name: string) => boolean): NamedRead | undefined {
  const root = variableRoot(name);
  const rest = name.slice(root.length + 1);
  if (isRequest(root)) return { request: root, chain: { source: "response", part: "body", path: rest } };
  const request = namedResponseRequest(name, isRequest);
  if (!request) return undefined;
  const field = variableRoot(rest);
  const path = rest.slice(field.length + 1);
  if (field === "statusCode" && !path) return { request, status: true };
  if (field === "headers") return { request, chain: { source: "response", part: "headers", path } };
  if (field === "body" || field === "parsedBody") return { request, chain: { source: "response", part: "body", path } };
  return { request, problem: `${root}.${field || "?"} is not read here: use ${root}.statusCode, ${root}.headers.NAME or ${root}.body` };
}
