/** The summary line: status, time, size, and the page (reference §8: pagenum, totalPages, nextPage). */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { decoderFor, formatBytes, looksLikeJson, pageText, summaryParts } from "../../../client/webview/model/format";
import type { ResponseMeta } from "../../../client/webview/protocol";

const meta: ResponseMeta = {
  id: "r1",
  title: "GET os/mxapiwodetail",
  request: { method: "GET", url: "http://127.0.0.1/maximo/api/os/mxapiwodetail", headers: [], connection: "dev" },
  status: 200,
  statusText: "OK",
  headers: [],
  timings: { connectMs: 1, firstByteMs: 40, totalMs: 1234 },
  size: 5 * 1024 * 1024 + 100_000,
  contentType: "application/json",
  receivedAt: 0,
};

describe("summary", () => {
  test("status, time, size, page n of m", () => {
    assert.deepEqual(summaryParts({ ...meta, paging: { page: 2, pageCount: 5, hasNext: true, totalCount: 4321 } }), [
      "200 OK",
      "1.23 s",
      "5.1 MB",
      "page 2 of 5",
      "4,321 records in all",
    ]);
    assert.deepEqual(summaryParts(meta), ["200 OK", "1.23 s", "5.1 MB"]);
  });

  test("pages without totalPages, and all pages", () => {
    assert.equal(pageText({ page: 3, hasNext: true }), "page 3, more to come");
    assert.equal(pageText({ page: 3, hasNext: false }), "page 3 of 3");
    assert.equal(pageText({ page: 7, hasNext: false, allPages: true }), "all 7 pages");
    assert.equal(pageText(undefined), undefined);
  });

  test("sizes", () => {
    assert.equal(formatBytes(512), "512 B");
    assert.equal(formatBytes(1536), "1.5 KB");
  });

  test("JSON by content type or first character; charsets", () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    assert.equal(looksLikeJson("application/json; charset=utf-8", bytes("x")), true);
    assert.equal(looksLikeJson("application/ld+json", bytes("x")), true);
    assert.equal(looksLikeJson("text/plain", bytes('  \n{"a":1}')), true);
    assert.equal(looksLikeJson("text/html", bytes("<html>")), false);
    assert.equal(decoderFor("text/plain; charset=ISO-8859-1").decode(new Uint8Array([0xe9])), "é");
    assert.equal(decoderFor("text/plain; charset=nonsense").encoding, "utf-8");
  });
});

describe("counts and times without Intl", () => {
  test("thousands are grouped; times are local and zero-padded", async () => {
    const { formatCount, formatTime } = await import("../../../client/webview/model/format");
    assert.equal(formatCount(0), "0");
    assert.equal(formatCount(999), "999");
    assert.equal(formatCount(1000), "1,000");
    assert.equal(formatCount(1234567), "1,234,567");
    assert.equal(formatCount(-4321), "-4,321");
    const at = new Date(2025, 0, 31, 4, 5, 9).getTime();
    assert.equal(formatTime(at), "2025-01-31 04:05:09");
  });
});
