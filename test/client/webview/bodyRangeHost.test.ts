/**
 * The host's answer to a page's `bodyRange` (client/src/extension/response/bodyRange.ts): the
 * page is untrusted, so ranges outside the body, backwards, fractional or too long are refused in
 * words, and a valid range is read from the body's temporary file as an exact ArrayBuffer.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { FileBody, MemoryBody } from "../../../client/src/body/responseBody";
import { maxRangeBytes, rangeProblem, readBodyRange } from "../../../client/src/extension/response/bodyRange";
import { isPageMessage } from "../../../client/webview/protocol";

const dir = mkdtempSync(join(tmpdir(), "body-range-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const text = `{"member":[${Array.from({ length: 2000 }, (_, i) => JSON.stringify({ wonum: `W${i}`, description: `ünïcödé ${i}` })).join(",")}]}`;
const bytes = Buffer.from(text, "utf8");

function fileBody(): FileBody {
  const path = join(dir, `body-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, bytes);
  return new FileBody(path, bytes.length, { temporary: false });
}

describe("bodyRange on the host", () => {
  test("a range inside a body on disk reads exactly those bytes, as an ArrayBuffer of that length", async () => {
    const body = fileBody();
    for (const [start, end] of [[0, 10], [1234, 5678], [bytes.length - 7, bytes.length], [500, 500]] as const) {
      const answer = await readBodyRange(body, start, end);
      assert.ok("chunk" in answer, `answered ${start}-${end}`);
      assert.ok(answer.chunk instanceof ArrayBuffer);
      assert.deepEqual(Buffer.from(answer.chunk), bytes.subarray(start, end));
    }
  });

  test("a range running past the end is cut at the body's end; one in memory reads the same", async () => {
    for (const body of [fileBody(), new MemoryBody(bytes)]) {
      const answer = await readBodyRange(body, bytes.length - 3, bytes.length + 100);
      assert.ok("chunk" in answer);
      assert.equal(Buffer.from(answer.chunk).toString(), text.slice(-3));
    }
  });

  test("ranges the page must not ask for are refused, and nothing is read", async () => {
    const size = bytes.length;
    assert.match(rangeProblem(size, -1, 10)!, /negative/);
    assert.match(rangeProblem(size, 10, 5)!, /backwards/);
    assert.match(rangeProblem(size, size + 1, size + 5)!, /past the body/);
    assert.match(rangeProblem(size, 0.5, 10)!, /whole numbers/);
    assert.match(rangeProblem(Number.MAX_SAFE_INTEGER, 0, maxRangeBytes + 1)!, /limit/);
    assert.equal(rangeProblem(size, 0, size), undefined);
    const refused = await readBodyRange(fileBody(), 0, maxRangeBytes + 1);
    assert.ok("error" in refused);
  });

  test("a body file removed meanwhile gives an error answer, not an exception", async () => {
    const body = fileBody();
    rmSync(body.file, { force: true });
    const answer = await readBodyRange(body, 0, 10);
    assert.ok("error" in answer);
    assert.match(answer.error, /reading the body failed/);
  });

  test("the page-message guard lets a bodyRange through only with whole-number ids and offsets", () => {
    assert.equal(isPageMessage({ type: "bodyRange", responseId: "r", requestId: 1, start: 0, end: 10 }), true);
    assert.equal(isPageMessage({ type: "bodyRange", responseId: "r", requestId: 1, start: "0", end: 10 }), false);
    assert.equal(isPageMessage({ type: "bodyRange", responseId: "r", requestId: 1.5, start: 0, end: 10 }), false);
    assert.equal(isPageMessage({ type: "bodyRange", responseId: "r", requestId: 1, start: 0 }), false);
    assert.equal(isPageMessage({ type: "bodyRange", requestId: 1, start: 0, end: 10 }), false);
  });
});
