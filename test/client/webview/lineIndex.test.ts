/** The Raw tab: lines found in the bytes, long lines cut at character boundaries, decoded on demand. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { LineIndex } from "../../../client/webview/model/lineIndex";

const encode = (text: string) => new TextEncoder().encode(text);
const all = (index: LineIndex) => Array.from({ length: index.count }, (_, i) => index.line(i));

describe("LineIndex", () => {
  test("LF and CRLF line ends; an empty last line after a final newline is not shown", () => {
    assert.deepEqual(all(new LineIndex(encode("a\r\nbb\n\nccc\n"))), ["a", "bb", "", "ccc"]);
    assert.deepEqual(all(new LineIndex(encode("single"))), ["single"]);
    assert.deepEqual(all(new LineIndex(encode(""))), [""]);
  });

  test("a long line is cut into segments that join back to it, never inside a character", () => {
    const line = "ab€".repeat(700); // € is 3 bytes: a cut at a fixed byte count would split it
    const index = new LineIndex(encode(`${line}\nshort`), 100);
    const lines = all(index);
    assert.ok(index.count > 20);
    assert.equal(lines.slice(0, -1).join(""), line);
    assert.equal(lines.at(-1), "short");
    assert.ok(lines.every((text) => !text.includes("\uFFFD")), "no replacement characters");
    assert.equal(index.isContinuation(0), false);
    assert.equal(index.isContinuation(1), true);
    assert.equal(index.isContinuation(index.count - 1), false);
  });

  test("grows past its first guess (many short lines)", () => {
    const text = Array.from({ length: 5000 }, (_, i) => String(i)).join("\n");
    const index = new LineIndex(encode(text));
    assert.equal(index.count, 5000);
    assert.equal(index.line(4321), "4321");
    assert.equal(index.line(99999), "");
  });
});
