// FileSink waits for a full buffer to drain without leaving listeners behind (found by an audit:
// every 5,200-row export printed MaxListenersExceededWarning).
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { FileSink } from "../../../client/src/export/rowWriter";

test("many writes that fill the buffer: every byte written, no listener left to pile up", async () => {
  const dir = mkdtempSync(join(tmpdir(), "maximo-sink-"));
  const warnings: Error[] = [];
  const onWarning = (warning: Error) => warnings.push(warning);
  process.on("warning", onWarning);
  try {
    const file = join(dir, "out.csv");
    const sink = new FileSink(file);
    const chunk = "x".repeat(64 * 1024); // above the stream's 16 KB high-water mark: each write waits for a drain
    for (let i = 0; i < 40; i++) await sink.write(chunk);
    const stream = (sink as unknown as { stream: NodeJS.WritableStream & { listenerCount(event: string): number } }).stream;
    assert.ok(stream.listenerCount("close") <= 1, `close listeners: ${stream.listenerCount("close")}`);
    assert.equal(stream.listenerCount("drain"), 0);
    await sink.close();
    assert.equal(readFileSync(file).length, 40 * chunk.length);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(warnings.filter((w) => w.name === "MaxListenersExceededWarning"), []);
  } finally {
    process.off("warning", onWarning);
    rmSync(dir, { recursive: true, force: true });
  }
});
