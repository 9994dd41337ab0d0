/** Cancel during a slow answer: the executor rejects at once with a "cancelled" TransportError. */
import assert from "node:assert/strict";
import http from "node:http";
import { after, before, test } from "node:test";
import { startEmulator, type EmulatorHandle } from "../../../emulator/index";
import { TransportError } from "../../../client/src/http/types";
import { request, testExecutor } from "../http/support";

let emu: EmulatorHandle;
before(async () => {
  emu = await startEmulator({ port: 0 });
});
after(async () => {
  await emu.close();
});

test("aborting a request held by a 120 s latency fault rejects with kind cancelled", async () => {
  emu.addFault({ path: "*/os/mxapiasset*", kind: "latency", latencyMs: 120_000, count: 1 });
  const { executor } = testExecutor(emu.url);
  try {
    const controller = new AbortController();
    const pending = executor.execute(request("GET", "os/mxapiasset", { query: [{ key: "lean", value: "1" }] }), { signal: controller.signal });
    setTimeout(() => controller.abort(), 300);
    await assert.rejects(pending, (error: unknown) => error instanceof TransportError && error.kind === "cancelled");
  } finally {
    executor.close();
  }
});

test("cancel still works when the host replaces the request's agent (VS Code's http.proxySupport: override)", async () => {
  emu.addFault({ path: "*/os/mxapiasset*", kind: "latency", latencyMs: 120_000, count: 1 });
  const original = http.request;
  // What VS Code's proxy support does to every extension's requests: its own agent, not ours.
  const patched = ((url: unknown, options: unknown, callback: unknown) => {
    const replace = (value: unknown) => (typeof value === "object" && value !== null && !(value instanceof URL) ? { ...value, agent: new http.Agent() } : value);
    return (original as (...args: unknown[]) => unknown)(replace(url), replace(options), callback);
  }) as typeof http.request;
  http.request = patched;
  const { executor } = testExecutor(emu.url);
  try {
    const controller = new AbortController();
    const pending = executor.execute(request("GET", "os/mxapiasset", { query: [{ key: "lean", value: "1" }] }), { signal: controller.signal });
    setTimeout(() => controller.abort(), 300);
    await assert.rejects(pending, (error: unknown) => error instanceof TransportError && error.kind === "cancelled");
  } finally {
    http.request = original;
    executor.close();
  }
});
