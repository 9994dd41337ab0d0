// REST Client's GraphQL requests (github:Huachao/vscode-restclient README "Making GraphQL Request";
// src/utils/httpRequestParser.ts): the header `X-Request-Type: GraphQL` marks the body as GraphQL
// whatever it starts with, the query runs to the first blank line, the variables' JSON follows,
// and the header itself is removed before sending.
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseDocument } from "../../../server/src/language/maximo/api";
import { resolverFor } from "./support";

const README_EXAMPLE = [
  "POST http://127.0.0.1/graphql",
  "Content-Type: application/json",
  "X-REQUEST-TYPE: GraphQL",
  "",
  "query ($name: String!, $owner: String!) {",
  "  repository(name: $name, owner: $owner) { name }",
  "}",
  "",
  "{",
  '    "name": "vscode-restclient",',
  '    "owner": "{{owner}}"',
  "}",
].join("\n");

test("REST Client's README GraphQL request is sent as {query, variables} JSON without the X-Request-Type header", async () => {
  const { resolver } = resolverFor(`@owner = Huachao\n${README_EXAMPLE}\n`);
  const request = await resolver.resolve(0);
  assert.deepEqual(JSON.parse(request.body as string), {
    query: "query ($name: String!, $owner: String!) {\n  repository(name: $name, owner: $owner) { name }\n}",
    variables: { name: "vscode-restclient", owner: "Huachao" },
  });
  assert.deepEqual(request.headers, [["Content-Type", "application/json"]]);
});

test("with the header, a query in shorthand ({ ... }) is GraphQL too, not JSON: no JSON error, sent as {query}", async () => {
  const source = "POST http://127.0.0.1/graphql\nContent-Type: application/json\nX-Request-Type: graphql\n\n{\n  viewer { login }\n}\n";
  assert.deepEqual(parseDocument(source).diagnostics(), []);
  const { resolver } = resolverFor(source);
  const request = await resolver.resolve(0);
  assert.deepEqual(JSON.parse(request.body as string), { query: "{\n  viewer { login }\n}" });
  assert.deepEqual(request.headers, [["Content-Type", "application/json"]]);
});

test("without the header the same shorthand body is JSON: checked as JSON and sent as written", async () => {
  const source = "POST http://127.0.0.1/graphql\nContent-Type: application/json\n\n{\n  viewer { login }\n}\n";
  assert.deepEqual(
    parseDocument(source).diagnostics().map((d) => d.code),
    ["maximo.json-invalid"],
  );
  const { resolver } = resolverFor(source);
  assert.equal((await resolver.resolve(0)).body, "{\n  viewer { login }\n}");
});

test("another X-Request-Type value is an ordinary header: sent, and the body is not GraphQL", async () => {
  const { resolver } = resolverFor("POST http://127.0.0.1/x\nX-Request-Type: batch\nContent-Type: text/plain\n\nquery-like text\n");
  const request = await resolver.resolve(0);
  assert.deepEqual(request.headers, [["X-Request-Type", "batch"], ["Content-Type", "text/plain"]]);
  assert.equal(request.body, "query-like text");
});
