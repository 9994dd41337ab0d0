/**
 * GraphQL bodies, sent as `{"query", "operationName", "variables"}` JSON. Two tools write them:
 * - httpyac: a body that starts with `query`/`mutation` (src/plugins/graphql/gqlHttpRegionParser.ts,
 *   gqlAction.ts);
 * - REST Client: any body of a request with the header `X-Request-Type: GraphQL`, which is not
 *   sent (github:Huachao/vscode-restclient README "Making GraphQL Request",
 *   src/utils/httpRequestParser.ts), so `{ viewer { login } }` is GraphQL there too.
 * In both the query runs to the first blank line and the JSON of the variables follows it.
 */
import type { GraphqlBody, HeaderNode } from "./ast";

const GRAPHQL_START = /^\s*(?:query|mutation)(?:\s+([^\s({]+))?(?=[\s({]|$)/;

/** REST Client's `X-Request-Type: GraphQL`: marks the body as GraphQL and is not sent itself. */
export function isGraphqlMarker(header: HeaderNode): boolean {
  return header.name.text.toLowerCase() === "x-request-type" && header.value.text.toLowerCase() === "graphql";
}

export function declaresGraphql(headers: readonly HeaderNode[]): boolean {
  return headers.some(isGraphqlMarker);
}

/** The GraphQL parts of a body; undefined when it is not GraphQL (not `declared` and no `query`/`mutation` start). */
export function readGraphql(text: string, declared: boolean): GraphqlBody | undefined {
  const start = GRAPHQL_START.exec(text);
  if (!start && !declared) return undefined;
  const blank = /\r?\n[ \t]*(?:\r?\n|$)/.exec(text);
  const query = blank ? text.slice(0, blank.index) : text;
  const graphql: GraphqlBody = { query };
  if (start?.[1] && !start[1].startsWith("@")) graphql.operationName = start[1];
  const variables = blank ? text.slice(blank.index + blank[0].length).trim() : "";
  if (variables) graphql.variables = variables;
  return graphql;
}
