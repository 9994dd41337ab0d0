/**
 * Server-log capture through the executor against the emulator's thread logging (JSON API
 * reference §23): each request gets exactly its own lines, a re-login enables logging again,
 * stopping turns it off on the server, a server that refuses turns capture off with one sentence
 * while the requests still succeed, and no secret reaches a captured line.
 */
import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";
import type { ConnectionConfig, SecretSource } from "../../../client/src/connections/types";
import { createExecutor } from "../../../client/src/http/executor";
import { LogDelta } from "../../../client/src/serverLog/logDelta";
import { ServerLogCapture } from "../../../client/src/serverLog/capture";
import { startEmulator, type EmulatorHandle } from "../../../emulator/index";
import { emulatorApikey, request, testExecutor } from "../http/support";

let emu: EmulatorHandle;
before(async () => {
  emu = await startEmulator({ port: 0, options: { workOrders: 40 } });
});
after(() => emu.close());
beforeEach(() => emu.reset());

const query = (where: string) => request("GET", "os/mxapiwodetail", { query: [{ key: "lean", value: "1" }, { key: "oslc.where", value: where }, { key: "oslc.select", value: "wonum" }] });
const logCalls = (action: string) => emu.log.list().filter((entry) => entry.path.endsWith(`/log/${action}`)).length;

test("the lines attached to each of several requests are exactly that request's", async () => {
  const { executor } = testExecutor(emu.url);
  const capture = new ServerLogCapture(executor);
  const wheres = ['status="APPR"', 'status="WAPPR"', 'status="INPRG"'];
  const results = [];
  for (const where of wheres) {
    const { result, lines } = await capture.capture(() => executor.execute(query(where)));
    results.push({ result, lines: await lines });
  }
  results.forEach(({ result, lines }, i) => {
    assert.equal(result.status, 200);
    assert.ok(lines && lines.length > 0, `request ${i} has lines`);
    const sql = lines.filter((line) => line.includes("[maximo.sql]"));
    assert.equal(sql.length, 1, `one statement for request ${i}: ${JSON.stringify(lines)}`);
    const value = wheres[i]!.split('"')[1];
    assert.match(sql[0]!, new RegExp(`where \\(status = '${value}'\\)$`));
    for (const other of wheres.filter((_, j) => j !== i)) assert.ok(!lines.some((line) => line.includes(`'${other.split('"')[1]}'`)), `request ${i} holds no line of another request`);
  });
  assert.equal(logCalls("enablelogs"), 1, "thread logging is enabled once per login session");
  await capture.stop();
  executor.close();
});

test("a re-login enables thread logging again", async () => {
  const connection: ConnectionConfig = { name: "emu-session", url: emu.url, apiRoot: "oslc", auth: "session", user: "maxadmin" };
  const secrets: SecretSource = { get: async (_c, kind) => (kind === "password" ? "maxadmin" : undefined) };
  const executor = createExecutor({ connection, secrets });
  const capture = new ServerLogCapture(executor);
  assert.ok(await (await capture.capture(() => executor.execute(query('status="APPR"')))).lines);
  emu.expireSessions();
  assert.equal((await capture.capture(() => executor.execute(query('status="WAPPR"')))).result.status, 200, "the request re-logged in and succeeded");
  const after = await capture.capture(() => executor.execute(query('status="INPRG"')));
  assert.equal(logCalls("enablelogs"), 2, "enabled again for the new login session");
  const afterLines = await after.lines;
  assert.ok(afterLines?.some((line) => line.includes("status = 'INPRG'")), JSON.stringify(afterLines));
  await capture.stop();
  executor.close();
});

test("stopping capture turns thread logging off on the server", async () => {
  const { executor } = testExecutor(emu.url);
  const capture = new ServerLogCapture(executor);
  await capture.capture(() => executor.execute(query('status="APPR"')));
  assert.notDeepEqual(emu.emulator.threadLogs?.enabled("MAXADMIN"), [], "logging is on while capturing");
  await capture.stop();
  assert.equal(logCalls("disablealllogs"), 1);
  assert.deepEqual(emu.emulator.threadLogs?.enabled("MAXADMIN"), [], "the server has no logger on for the user");
  assert.equal(capture.state, "stopped");
  executor.close();
});

for (const [status, reason] of [[404, /older release/], [403, /may not use thread logging/]] as const) {
  test(`a server answering ${status} to enablelogs: capture turns itself off with one sentence, the requests still succeed`, async () => {
    emu.addFault({ path: "*/log/enablelogs", kind: "error", status, reasonCode: "BMXAA0021E", message: "Not authorized." });
    const { executor } = testExecutor(emu.url);
    const sentences: string[] = [];
    const capture = new ServerLogCapture(executor, { onRefused: (sentence) => sentences.push(sentence) });
    const first = await capture.capture(() => executor.execute(query('status="APPR"')));
    const second = await capture.capture(() => executor.execute(query('status="WAPPR"')));
    assert.equal(first.result.status, 200);
    assert.equal(second.result.status, 200);
    assert.equal(await first.lines, undefined);
    assert.equal(await second.lines, undefined);
    assert.equal(sentences.length, 1, "said once");
    assert.match(sentences[0]!, new RegExp(`HTTP ${status}`));
    assert.match(sentences[0]!, reason);
    assert.equal(capture.state, "refused");
    assert.equal(logCalls("enablelogs"), 1, "not asked again once refused");
    await capture.stop();
    assert.equal(logCalls("disablealllogs"), 0, "nothing to turn off");
    executor.close();
  });
}

test("secrets never appear in captured lines", async () => {
  const { executor } = testExecutor(emu.url);
  const capture = new ServerLogCapture(executor);
  const leaky = request("GET", "os/mxapiwodetail", {
    query: [
      { key: "lean", value: "1" },
      { key: "oslc.where", value: `description="${emulatorApikey}"` },
      { key: "_lpwd", value: "hunter2-password" },
    ],
  });
  const lines = await (await capture.capture(() => executor.execute(leaky))).lines;
  assert.ok(lines && lines.length > 0);
  const text = lines.join("\n");
  assert.ok(!text.includes(emulatorApikey), text);
  assert.ok(!text.includes("hunter2-password"), text);
  assert.match(text, /\*\*\*\*\*/);
  await capture.stop();
  executor.close();
});

test("the result is handed back before the log is read; requests sent back to back still get only their own lines", async () => {
  const { executor } = testExecutor(emu.url);
  const capture = new ServerLogCapture(executor);
  await (await capture.capture(() => executor.execute(query('status="APPR"')))).lines; // enabled, first read done
  const readsBefore = emu.log.list().filter((entry) => entry.method === "GET" && /\/log$/.test(entry.path)).length;
  const first = await capture.capture(() => executor.execute(query('status="WAPPR"')));
  const readsWhenHandedBack = emu.log.list().filter((entry) => entry.method === "GET" && /\/log$/.test(entry.path)).length;
  assert.equal(readsWhenHandedBack, readsBefore, "the result came back without waiting for a log read");
  // Sent at once, without waiting for the first request's lines: it starts after the read.
  const second = await capture.capture(() => executor.execute(query('status="INPRG"')));
  const [firstLines, secondLines] = await Promise.all([first.lines, second.lines]);
  assert.ok(firstLines?.some((line) => line.includes("status = 'WAPPR'")), JSON.stringify(firstLines));
  assert.ok(!firstLines?.some((line) => line.includes("'INPRG'")), JSON.stringify(firstLines));
  assert.ok(secondLines?.some((line) => line.includes("status = 'INPRG'")), JSON.stringify(secondLines));
  assert.ok(!secondLines?.some((line) => line.includes("'WAPPR'")), JSON.stringify(secondLines));
  await capture.stop();
  executor.close();
});

test("a request that throws leaves its lines to nobody: the next request's lines are its own", async () => {
  const { executor } = testExecutor(emu.url);
  const capture = new ServerLogCapture(executor);
  await (await capture.capture(() => executor.execute(query('status="APPR"')))).lines;
  await assert.rejects(
    capture.capture(async () => {
      await executor.execute(query('status="WAPPR"'));
      throw new Error("the caller gave up after the server answered");
    }),
    /gave up/,
  );
  const next = await (await capture.capture(() => executor.execute(query('status="INPRG"')))).lines;
  assert.ok(next?.some((line) => line.includes("status = 'INPRG'")), JSON.stringify(next));
  assert.ok(!next?.some((line) => line.includes("'WAPPR'")), `the failed request's lines are not the next one's: ${JSON.stringify(next)}`);
  await capture.stop();
  executor.close();
});

test("LogDelta: a log that grows gives its new lines; a log that starts over gives all of it", () => {
  const delta = new LogDelta();
  delta.startFrom("a\nb\n");
  assert.deepEqual(delta.next("a\nb\nc\n"), ["c"]);
  assert.deepEqual(delta.next("a\nb\nc\n"), []);
  assert.deepEqual(delta.next("x\n"), ["x"], "a new log (after a re-login) is all new");
});
