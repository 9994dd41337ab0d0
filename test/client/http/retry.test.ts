/**
 * The retry policy against the emulator's fault knobs: reads and writes carrying a transactionid
 * are retried on 429/503/reset; other writes are sent exactly once (issue 5; JSON API reference §29).
 */
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, test } from "node:test";
import { startEmulator, type EmulatorHandle } from "../../../emulator/index";
import { retryAfterMs, retryDelayMs, defaultRetryPolicy } from "../../../client/src/http/retry";
import { TransportError } from "../../../client/src/http/types";
import { request, testExecutor } from "./support";

let emu: EmulatorHandle;
before(async () => {
  emu = await startEmulator({ port: 0 });
});
after(async () => {
  await emu.close();
});
beforeEach(() => {
  emu.faults.clear();
  emu.log.clear();
});

const woPath = "/maximo/oslc/os/mxapiwodetail";
const list = request("GET", "os/mxapiwodetail", { query: [{ key: "lean", value: "1" }, { key: "oslc.pageSize", value: "1" }] });
const sentCount = (method: string) => emu.log.list().filter((e) => e.method === method && e.path === woPath).length;

function create(description: string, headers: Array<[string, string]> = []) {
  return request("POST", "os/mxapiwodetail", { query: [{ key: "lean", value: "1" }], headers, body: JSON.stringify({ siteid: "BEDFORD", description }) });
}

async function countWorkOrders(description: string): Promise<number> {
  const { executor } = testExecutor(emu.url);
  try {
    const response = await executor.execute(request("GET", "os/mxapiwodetail", { query: [{ key: "lean", value: "1" }, { key: "oslc.where", value: `description="${description}"` }] }));
    return (response.json() as { member: unknown[] }).member.length;
  } finally {
    executor.close();
  }
}

describe("retry policy", () => {
  test("429 honours Retry-After (1 s), then succeeds", async () => {
    emu.addFault({ path: woPath, method: "GET", kind: "429", retryAfter: 1, count: 1 });
    const { executor, lines } = testExecutor(emu.url);
    try {
      const started = Date.now();
      const response = await executor.execute(list);
      assert.equal(response.status, 200);
      assert.equal(response.attempts, 2);
      assert.ok(Date.now() - started >= 950, `waited only ${Date.now() - started} ms`);
      assert.equal(sentCount("GET"), 2);
      assert.match(lines.join("\n"), /HTTP 429; retry 1 of 3 in 1000 ms/);
    } finally {
      executor.close();
    }
  });

  test("503 is retried for a GET, at most 3 times, and the Maximo error is kept", async () => {
    emu.addFault({ path: woPath, method: "GET", kind: "503", count: 2 });
    const { executor } = testExecutor(emu.url);
    try {
      const ok = await executor.execute(list);
      assert.equal(ok.status, 200);
      assert.equal(ok.attempts, 3);
      emu.addFault({ path: woPath, method: "GET", kind: "503" });
      const failed = await executor.execute(list);
      assert.equal(failed.status, 503);
      assert.equal(failed.attempts, 4);
      assert.equal(failed.maximoError?.reasonCode, "BMXAA9559E");
    } finally {
      executor.close();
    }
  });

  test("a POST without transactionid after a 503 is sent exactly once", async () => {
    emu.addFault({ path: woPath, method: "POST", kind: "503", count: 1 });
    const { executor } = testExecutor(emu.url, { transactionIds: false });
    try {
      const response = await executor.execute(create("retry test no txn"));
      assert.equal(response.status, 503);
      assert.equal(response.attempts, 1);
      assert.equal(sentCount("POST"), 1);
      assert.equal(emu.log.list()[0]!.headers.transactionid, undefined);
    } finally {
      executor.close();
    }
  });

  test("a POST without transactionid is not repeated after a reset: a TransportError says so", async () => {
    emu.addFault({ path: woPath, method: "POST", kind: "reset", count: 1 });
    const { executor } = testExecutor(emu.url, { transactionIds: false });
    try {
      await assert.rejects(executor.execute(create("retry test reset no txn")), (error: unknown) => error instanceof TransportError && error.kind === "reset");
      assert.equal(sentCount("POST"), 1);
    } finally {
      executor.close();
    }
  });

  test("a POST with a transactionid is retried after a reset and the emulator keeps one record", async () => {
    emu.addFault({ path: woPath, method: "POST", kind: "reset", count: 1 });
    const { executor } = testExecutor(emu.url);
    try {
      const response = await executor.execute(create("retry test with txn", [["transactionid", "txn-retry-1"]]));
      assert.equal(response.status, 201, response.text());
      assert.equal(response.attempts, 2);
      const posts = emu.log.list().filter((e) => e.method === "POST");
      assert.deepEqual(posts.map((e) => e.headers.transactionid), ["txn-retry-1", "txn-retry-1"]);
      assert.equal(await countWorkOrders("retry test with txn"), 1);
    } finally {
      executor.close();
    }
  });

  test("creates get a generated transactionid by default, so they are retried safely", async () => {
    emu.addFault({ path: woPath, method: "POST", kind: "503", count: 1 });
    const { executor } = testExecutor(emu.url);
    try {
      const response = await executor.execute(create("retry test generated txn"));
      assert.equal(response.status, 201, response.text());
      const ids = emu.log.list().filter((e) => e.method === "POST").map((e) => e.headers.transactionid);
      assert.equal(ids.length, 2);
      assert.match(ids[0]!, /^[0-9a-f-]{36}$/);
      assert.equal(ids[0], ids[1]);
      assert.equal(await countWorkOrders("retry test generated txn"), 1);
    } finally {
      executor.close();
    }
  });
});

describe("retry delays", () => {
  test("Retry-After as seconds or an HTTP-date, capped at 30 s", () => {
    assert.equal(retryAfterMs("2"), 2000);
    assert.equal(retryAfterMs(new Date(Date.UTC(2030, 0, 1, 0, 0, 10)).toUTCString(), Date.UTC(2030, 0, 1)), 10_000);
    assert.equal(retryAfterMs("soon"), undefined);
    assert.equal(retryDelayMs(0, defaultRetryPolicy, "600"), 30_000);
  });

  test("backoff grows and is jittered between half and all of each step", () => {
    const low = { ...defaultRetryPolicy, random: () => 0 };
    const high = { ...defaultRetryPolicy, random: () => 0.999 };
    assert.equal(retryDelayMs(0, low), 125);
    assert.equal(retryDelayMs(2, low), 500);
    assert.ok(retryDelayMs(2, high) < 1000 && retryDelayMs(2, high) > 990);
  });
});
