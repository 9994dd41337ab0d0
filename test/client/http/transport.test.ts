/**
 * The transport's failure paths against real sockets: truncated and reset bodies keep their
 * bytes, timeouts and cancellation, redirects that never carry credentials to another origin.
 */
import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, beforeEach, describe, test } from "node:test";
import { startEmulator, type EmulatorHandle } from "../../../emulator/index";
import { TransportError } from "../../../client/src/http/types";
import { emulatorApikey, request, testExecutor } from "./support";

let emu: EmulatorHandle;
/** Stands for another origin: records what reached it. */
let other: http.Server;
let otherHeaders: http.IncomingHttpHeaders[] = [];
/** Redirects and misbehaves on purpose, with the paths below. */
let odd: http.Server;

function listen(server: http.Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}
function close(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
let otherUrl = "";
let oddUrl = "";

before(async () => {
  emu = await startEmulator({ port: 0 });
  other = http.createServer((req, res) => {
    otherHeaders.push(req.headers);
    res.writeHead(200, { "content-type": "application/json" }).end('{"landed":true}');
  });
  otherUrl = await listen(other);
  odd = http.createServer((req, res) => {
    const path = req.url ?? "";
    if (path.startsWith("/maximo/oslc/away")) res.writeHead(302, { location: `${otherUrl}/landing` }).end();
    else if (path.startsWith("/maximo/oslc/here")) res.writeHead(307, { location: "/maximo/oslc/landed" }).end();
    else if (path.startsWith("/maximo/oslc/landed")) res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ apikey: req.headers.apikey !== undefined }));
    else if (path.startsWith("/maximo/oslc/loop")) res.writeHead(302, { location: "/maximo/oslc/loop" }).end();
    else if (path.startsWith("/maximo/oslc/chunked-reset")) {
      // Chunked, no length: the socket goes mid-body, as a proxy dropping a connection does.
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"member":[{"wonum":"1001"},', () => setTimeout(() => res.socket?.destroy(), 20));
    } else res.writeHead(404).end();
  });
  oddUrl = await listen(odd);
});
after(async () => {
  await emu.close();
  await close(other);
  await close(odd);
});
beforeEach(() => {
  emu.faults.clear();
  otherHeaders = [];
});

const woPath = "/maximo/oslc/os/mxapiwodetail";
const list = request("GET", "os/mxapiwodetail", { query: [{ key: "lean", value: "1" }, { key: "oslc.pageSize", value: "20" }] });

function isTransport(kind: TransportError["kind"], check?: (error: TransportError) => void) {
  return (error: unknown) => {
    assert.ok(error instanceof TransportError, String(error));
    assert.equal(error.kind, kind, error.message);
    check?.(error);
    return true;
  };
}

describe("broken bodies", () => {
  test("a body shorter than its content-length is a 'truncated' error keeping the bytes that came", async () => {
    emu.addFault({ path: woPath, method: "GET", kind: "truncate", count: 1 });
    const { executor } = testExecutor(emu.url);
    try {
      await assert.rejects(executor.execute(list), isTransport("truncated", (error) => {
        assert.ok(error.partialBody && error.partialBody.length > 0);
        assert.ok(error.partialBody.toString("utf8").startsWith("{"), "the partial body is the start of the JSON");
        assert.doesNotMatch(error.message, new RegExp(emulatorApikey));
      }));
    } finally {
      executor.close();
    }
  });

  test("a chunked body cut by a reset keeps the partial bytes", async () => {
    const { executor } = testExecutor(oddUrl + "/maximo");
    try {
      await assert.rejects(executor.execute(request("GET", "chunked-reset")), isTransport("truncated", (error) => {
        assert.equal(error.partialBody?.toString("utf8"), '{"member":[{"wonum":"1001"},');
      }));
    } finally {
      executor.close();
    }
  });

  test("a GET reset before any answer every time: retried 3 times, then a 'reset' error", async () => {
    emu.log.clear();
    emu.addFault({ path: woPath, method: "GET", kind: "reset" });
    const { executor } = testExecutor(emu.url);
    try {
      await assert.rejects(executor.execute(list), isTransport("reset"));
      assert.equal(emu.log.list().filter((e) => e.path === woPath).length, 4);
    } finally {
      executor.close();
    }
  });

  test("a refused connection is a 'connect' error in words", async () => {
    const closed = http.createServer();
    const url = await listen(closed);
    await close(closed);
    const { executor } = testExecutor(`${url}/maximo`);
    try {
      await assert.rejects(executor.execute(list), isTransport("connect", (error) => assert.match(error.message, /could not connect/)));
    } finally {
      executor.close();
    }
  });
});

describe("timeouts and cancellation", () => {
  test("# @timeout: a slow answer fails as 'timeout' soon after the limit", async () => {
    emu.addFault({ path: woPath, method: "GET", kind: "latency", latencyMs: 3000, count: 1 });
    const { executor } = testExecutor(emu.url);
    try {
      const started = Date.now();
      await assert.rejects(executor.execute({ ...list, directives: { ...list.directives, timeoutMs: 200 } }), isTransport("timeout", (error) => assert.match(error.message, /200 ms/)));
      assert.ok(Date.now() - started < 1500);
    } finally {
      executor.close();
    }
  });

  test("# @timeout also ends a body that trickles in, keeping the bytes that came", async () => {
    emu.addFault({ path: woPath, method: "GET", kind: "slow", bytesPerSecond: 2000, count: 1 });
    const { executor } = testExecutor(emu.url);
    try {
      const started = Date.now();
      await assert.rejects(
        executor.execute({ ...list, directives: { ...list.directives, timeoutMs: 400 } }),
        isTransport("timeout", (error) => assert.ok((error.partialBody?.length ?? 0) > 0, "partial body kept")),
      );
      assert.ok(Date.now() - started < 2000);
    } finally {
      executor.close();
    }
  });

  test("an AbortSignal cancels a request in flight, and one already aborted sends nothing", async () => {
    emu.addFault({ path: woPath, method: "GET", kind: "latency", latencyMs: 3000, count: 1 });
    const { executor } = testExecutor(emu.url);
    try {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      await assert.rejects(executor.execute(list, { signal: controller.signal }), isTransport("cancelled"));
      emu.log.clear();
      await assert.rejects(executor.execute(list, { signal: AbortSignal.abort() }), isTransport("cancelled"));
      assert.equal(emu.log.list().length, 0);
    } finally {
      executor.close();
    }
  });
});

describe("redirects", () => {
  test("a redirect to another origin (another port) drops the apikey", async () => {
    const { executor } = testExecutor(`${oddUrl}/maximo`);
    try {
      const response = await executor.execute(request("GET", "away", { headers: [["Cookie", "JSESSIONID=abc"], ["maxauth", "bWF4YWRtaW46bWF4YWRtaW4="]] }));
      assert.equal(response.status, 200);
      assert.deepEqual(response.json(), { landed: true });
      assert.equal(otherHeaders.length, 1);
      for (const name of ["apikey", "cookie", "maxauth", "authorization"]) assert.equal(otherHeaders[0]![name], undefined, name);
      assert.equal(response.request.url.href, `${otherUrl}/landing`);
    } finally {
      executor.close();
    }
  });

  test("a same-origin redirect keeps the apikey; # @no-redirect returns the 3xx", async () => {
    const { executor } = testExecutor(`${oddUrl}/maximo`);
    try {
      assert.deepEqual((await executor.execute(request("GET", "here"))).json(), { apikey: true });
      const stopped = await executor.execute(request("GET", "here", { directives: { allPages: false, noRedirect: true } }));
      assert.equal(stopped.status, 307);
    } finally {
      executor.close();
    }
  });

  test("more than 5 redirects is a 'redirect' error", async () => {
    const { executor } = testExecutor(`${oddUrl}/maximo`);
    try {
      await assert.rejects(executor.execute(request("GET", "loop")), isTransport("redirect"));
    } finally {
      executor.close();
    }
  });
});

describe("timings", () => {
  test("a fresh connection has a connect time, a kept-alive one 0; first byte ≤ total", async () => {
    const { executor } = testExecutor(emu.url);
    try {
      const first = await executor.execute(list);
      const second = await executor.execute(list);
      assert.ok(first.timings.connectMs > 0);
      assert.equal(second.timings.connectMs, 0);
      for (const t of [first.timings, second.timings]) assert.ok(t.firstByteMs <= t.totalMs);
      assert.equal(first.size, first.bytes.length);
    } finally {
      executor.close();
    }
  });
});
