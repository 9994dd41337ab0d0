/** One executor per connection: reused, replaced when its settings change, closed only when idle. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Executor } from "../../../client/src/http/executor";
import type { ExecutedResponse } from "../../../client/src/http/types";
import { ExecutorCache } from "../../../client/src/extension/connections/executorCache";
import type { ExtensionConnection } from "../../../client/src/extension/contracts";

const dev: ExtensionConnection = { name: "dev", url: "https://dev.example.com/maximo", apiRoot: "auto", auth: "apikey" };

/** An executor whose sends wait until released; it records whether it was closed. */
function fakeExecutor(connection: ExtensionConnection, secret: string) {
  let release: () => void = () => undefined;
  const state = { closed: 0, sent: 0 };
  const executor: Executor = {
    connection,
    execute: () => Promise.reject(new Error("not used")),
    send: async () => {
      state.sent++;
      await new Promise<void>((resolve) => (release = resolve));
      return { status: 200 } as ExecutedResponse;
    },
    secrets: () => [secret],
    close: () => void state.closed++,
  };
  return { executor, state, release: () => release() };
}

function cache(environment = () => "") {
  const made: Array<ReturnType<typeof fakeExecutor>> = [];
  const executors = new ExecutorCache((connection) => {
    const fake = fakeExecutor(connection, `secret-${made.length + 1}`);
    made.push(fake);
    return fake.executor;
  }, environment);
  return { executors, made };
}

describe("executor cache", () => {
  test("the same connection gets the same executor", () => {
    const { executors, made } = cache();
    assert.equal(executors.get(dev), executors.get({ ...dev }));
    assert.equal(made.length, 1);
  });

  test("changed settings give a new executor and close the old one", () => {
    const { executors, made } = cache();
    const first = executors.get(dev);
    const second = executors.get({ ...dev, url: "https://other.example.com/maximo" });
    assert.notEqual(first, second);
    assert.equal(made[0]!.state.closed, 1);
    assert.equal(made[1]!.state.closed, 0);
  });

  test("a replaced executor with a request in flight is closed only when the request ends", async () => {
    const { executors, made } = cache();
    const sending = executors.get(dev).send({ method: "GET", url: new URL("https://dev.example.com/maximo/oslc/whoami"), headers: new Map() });
    executors.drop("dev");
    assert.equal(made[0]!.state.closed, 0, "closed under a running request");
    made[0]!.release();
    await sending;
    assert.equal(made[0]!.state.closed, 1);
  });

  test("sync drops removed and changed connections, keeps the others", () => {
    const { executors, made } = cache();
    const prod = { ...dev, name: "prod" };
    executors.get(dev);
    executors.get(prod);
    executors.sync([{ ...prod, readOnly: true }]);
    assert.equal(made[0]!.state.closed, 1, "dev was removed");
    assert.equal(made[1]!.state.closed, 1, "prod changed");
    executors.get(dev);
    assert.equal(made.length, 3);
  });

  test("a change in the environment (the timeout setting) replaces every executor", () => {
    let timeout = "1000";
    const { executors, made } = cache(() => timeout);
    const first = executors.get(dev);
    timeout = "2000";
    executors.sync([dev]);
    assert.equal(made[0]!.state.closed, 1);
    assert.notEqual(executors.get(dev), first);
  });

  test("secrets of current and replaced executors stay listed for masking", () => {
    const { executors } = cache();
    executors.get(dev);
    executors.drop("dev");
    executors.get(dev);
    assert.deepEqual(executors.secrets().sort(), ["secret-1", "secret-2"]);
  });
});
