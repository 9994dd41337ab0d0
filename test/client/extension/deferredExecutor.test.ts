/** The executor built on first use: once, shared by concurrent first calls, closed through the wrapper. */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Executor } from "../../../client/src/http/executor";
import type { ExecutedResponse } from "../../../client/src/http/types";
import { deferredExecutor } from "../../../client/src/extension/connections/deferredExecutor";

test("nothing is built until a request; concurrent first requests build one executor; close reaches it", async () => {
  const connection = { name: "dev", url: "https://dev.example.com/maximo", apiRoot: "auto" as const, auth: "apikey" as const };
  let built = 0;
  let closed = 0;
  const real: Executor = {
    connection,
    execute: async () => ({ status: 201 }) as ExecutedResponse,
    send: async () => ({ status: 200 }) as ExecutedResponse,
    secrets: () => ["k"],
    close: () => void closed++,
  };
  const executor = deferredExecutor(connection, async () => {
    built++;
    return real;
  });
  assert.equal(built, 0);
  assert.deepEqual(executor.secrets(), []);
  executor.close();
  const request = { method: "GET", url: new URL("https://dev.example.com/maximo/oslc/whoami"), headers: new Map<string, string>() };
  const [a, b] = await Promise.all([executor.send(request), executor.send(request)]);
  assert.equal(a.status, 200);
  assert.equal(b.status, 200);
  assert.equal(built, 1);
  assert.equal((await executor.execute({ line: 0, method: "POST", target: "os/x", query: [], headers: [], directives: { allPages: false, noRedirect: false } })).status, 201);
  assert.deepEqual(executor.secrets(), ["k"]);
  executor.close();
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(closed, 1);
});
