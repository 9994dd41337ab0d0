// What the runner sends for httpyac's body forms (github.com/AnWeber/httpyac, the reference for `.http` files).
import { test } from "node:test";
import assert from "node:assert/strict";
import { VariableError } from "../../../client/src/variables";
import { resolverFor } from "./support";

// src/plugins/graphql/gqlAction.ts: `{ query, operationName, variables }`, variables parsed from the JSON after the query.
test("a GraphQL query body is sent as httpyac sends it: JSON with query, operationName and variables, {{...}} filled in", async () => {
  const { resolver } = resolverFor(
    [
      "@first = 10",
      "POST http://127.0.0.1/graphql",
      "Content-Type: application/json",
      "",
      "query notes($first: Int!) {",
      "  notes(first: $first) { id }",
      "}",
      "",
      '{"first": {{first}}}',
    ].join("\n"),
  );
  const request = await resolver.resolve(0);
  assert.deepEqual(JSON.parse(request.body as string), {
    query: "query notes($first: Int!) {\n  notes(first: $first) { id }\n}",
    operationName: "notes",
    variables: { first: 10 },
  });
});

test("a GraphQL mutation without variables is sent as {query}", async () => {
  const { resolver } = resolverFor("POST http://127.0.0.1/graphql\nContent-Type: application/json\n\nmutation {\n  clear\n}\n");
  assert.deepEqual(JSON.parse((await resolver.resolve(0)).body as string), { query: "mutation {\n  clear\n}" });
});

test("GraphQL variables that are not JSON stop the request with the line, rather than sending invalid JSON", async () => {
  const { resolver } = resolverFor("POST http://127.0.0.1/graphql\nContent-Type: application/json\n\nquery q {\n  a\n}\n\n{first: 1}\n");
  await assert.rejects(resolver.resolve(0), (error: unknown) => error instanceof VariableError && /not JSON/.test(error.message) && error.line === 8);
});

// src/plugins/core/replacer/escapeVariableReplacer.ts; test src/plugins/core/test/escape.spec.ts.
test("escaped braces \\{\\{name\\}\\} are sent as a literal {{name}}, in the body, URL and headers", async () => {
  const { resolver } = resolverFor(
    ["@verb = run", "POST http://127.0.0.1/t?x=\\{\\{a\\}\\}", "X-T: \\{\\{b\\}\\}", "Content-Type: application/json", "", '{"template": "My \\{\\{someVerb\\}\\} {{verb}}"}'].join("\n"),
  );
  const request = await resolver.resolve(0);
  assert.equal(request.body, '{"template": "My {{someVerb}} run"}');
  assert.deepEqual(request.headers[0], ["X-T", "{{b}}"]);
  assert.deepEqual(request.query, [{ key: "x", value: "{{a}}" }]);
});

// httpyac's websocket/eventsource/grpc/mqtt/amqp plugins and REST Client's cURL lines: read as requests
// (lineChecks says so as information), refused by Send and `maximo run` with the same sentence.
test("a WS, SSE or cURL request is refused with a sentence and its line, never sent as an odd HTTP method", async () => {
  const { resolver } = resolverFor(["GET http://127.0.0.1/ok", "", "###", "WS ws://127.0.0.1/socket", "", "###", "curl -X GET http://127.0.0.1/ok"].join("\n"));
  assert.equal((await resolver.resolve(0)).method, "GET");
  await assert.rejects(resolver.resolve(1), (error: unknown) => {
    assert.ok(error instanceof VariableError);
    assert.equal(error.line, 4);
    assert.match(error.message, /httpyac opens a WebSocket here; Maximo Workbench sends HTTP requests only/);
    return true;
  });
  await assert.rejects(resolver.resolve(2), /does not run `curl` lines\. `maximo import`.*\(line 7\)/);
});

test("a bare wss:// or grpc:// URL (httpyac's protocolRegex) is refused as its protocol, not sent as a GET", async () => {
  const { resolver } = resolverFor(["wss://127.0.0.1/socket", "", "###", "grpc://127.0.0.1:9000/hello.Hello/Say"].join("\n"));
  await assert.rejects(resolver.resolve(0), /httpyac opens a WebSocket here.*\(line 1\)/);
  await assert.rejects(resolver.resolve(1), /httpyac opens a gRPC call here.*\(line 4\)/);
});
