/** Response history on disk: newest first, capped count and body size, corrupt index rebuilt. */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, test } from "node:test";
import type { ResponseModel } from "../../../client/src/extension/contracts";
import { HistoryStore } from "../../../client/src/extension/history/historyStore";
import { MemoryBody } from "../../../client/src/body/responseBody";

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

  test("ids that could escape the folder are refused", async () => {
    const store = new HistoryStore(dir, () => ({ maxEntries: 5, maxBodyBytes: 100 }));
    await assert.rejects(store.add(model("../evil")), /unusable id/);
  });
});
