/** Response history on disk: newest first, capped count and body size, large bodies as files, corrupt index rebuilt. */
import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, test } from "node:test";
import type { ResponseModel } from "../../../client/src/extension/contracts";
import { HistoryStore } from "../../../client/src/extension/history/historyStore";
import { defaultSpillBytes } from "../../../client/src/body/bodyStorage";
import { FileBody, MemoryBody } from "../../../client/src/body/responseBody";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "history-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

let clock = 1_000;
function model(id: string, body = `{"id":"${id}"}`): ResponseModel {
  return {
    id,
    title: `GET ${id}`,
    request: { method: "GET", url: `http://127.0.0.1/maximo/oslc/os/${id}`, headers: [], connection: "emu" },
    status: 200,
    statusText: "OK",
    headers: [["content-type", "application/json"]],
    timings: { connectMs: 1, firstByteMs: 2, totalMs: 3 },
    size: Buffer.byteLength(body),
    contentType: "application/json",
    body: new MemoryBody(Buffer.from(body)),
    receivedAt: clock++,
  };
}

describe("HistoryStore", () => {
  test("keeps the newest maxEntries, removing the files of dropped ones", async () => {
    const store = new HistoryStore(dir, () => ({ maxEntries: 3, maxBodyBytes: 1000 }));
    for (const id of ["a", "b", "c", "d", "e"]) await store.add(model(id));
    assert.deepEqual((await store.list()).map((e) => e.id), ["e", "d", "c"]);
    assert.deepEqual(readdirSync(dir).filter((f) => f.startsWith("a.") || f.startsWith("b.")), []);
    const again = new HistoryStore(dir, () => ({ maxEntries: 3, maxBodyBytes: 1000 }));
    assert.deepEqual((await again.list()).map((e) => e.id), ["e", "d", "c"]);
    assert.equal((await again.get("d"))!.body.readAll().toString(), '{"id":"d"}');
  });

  test("cuts bodies over the cap and says so", async () => {
    const store = new HistoryStore(dir, () => ({ maxEntries: 5, maxBodyBytes: 10 }));
    await store.add(model("big", "0123456789abcdef"));
    const back = await store.get("big");
    assert.equal(back!.body.readAll().toString(), "0123456789");
    assert.equal(back!.bodyTruncated, true);
    assert.equal(back!.size, 16, "the size is the original's");
  });

  test("a corrupt index is rebuilt from the entry files, newest first", async () => {
    const store = new HistoryStore(dir, () => ({ maxEntries: 5, maxBodyBytes: 100 }));
    await store.add(model("one"));
    await store.add(model("two"));
    writeFileSync(join(dir, "index.json"), "{not json");
    writeFileSync(join(dir, "half.json"), '{"id":');
    const rebuilt = new HistoryStore(dir, () => ({ maxEntries: 5, maxBodyBytes: 100 }));
    assert.deepEqual((await rebuilt.list()).map((e) => e.id), ["two", "one"]);
  });

  test("clear removes every entry; concurrent adds all land", async () => {
    const store = new HistoryStore(dir, () => ({ maxEntries: 50, maxBodyBytes: 100 }));
    await Promise.all(["p", "q", "r", "s"].map((id) => store.add(model(id))));
    assert.equal((await store.list()).length, 4);
    assert.equal(JSON.parse(readFileSync(join(dir, "index.json"), "utf8")).length, 4);
    await store.clear();
    assert.deepEqual(await store.list(), []);
    assert.deepEqual(readdirSync(dir).filter((f) => f !== "index.json"), []);
  });

  test("a large body that arrived in a file is kept whole as a file, outlives its temporary file, and goes with its entry", async () => {
    const temp = join(dir, "tmp");
    mkdirSync(temp);
    const bytes = randomBytes(defaultSpillBytes + 12_345);
    const tempFile = join(temp, "arrived.body");
    writeFileSync(tempFile, bytes);
    const arrived = new FileBody(tempFile, bytes.length, { temporary: true });
    const history = join(dir, "history");
    const store = new HistoryStore(history, () => ({ maxEntries: 2, maxBodyBytes: 256 * 1024 * 1024 }));
    const shown = arrived.hold();
    await store.add({ ...model("large"), body: arrived, size: bytes.length });
    shown();
    await waitUntil(() => !existsSync(tempFile));
    const back = await store.get("large");
    assert.equal(back!.bodyTruncated, undefined, "not cut at 5 MB any more");
    assert.equal(back!.body.file, join(history, "large.body"), "read back from its file, not into memory");
    assert.equal(createHash("sha256").update(back!.body.readAll()).digest("hex"), createHash("sha256").update(bytes).digest("hex"));
    // Retention: two newer entries push it out, and its body file goes with it.
    await store.add(model("newer"));
    await store.add(model("newest"));
    assert.deepEqual((await store.list()).map((e) => e.id), ["newest", "newer"]);
    assert.equal(existsSync(join(history, "large.body")), false);
    assert.equal(await store.get("large"), undefined);
  });

  test("ids that could escape the folder are refused", async () => {
    const store = new HistoryStore(dir, () => ({ maxEntries: 5, maxBodyBytes: 100 }));
    await assert.rejects(store.add(model("../evil")), /unusable id/);
  });
});

async function waitUntil(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  assert.ok(check());
}
