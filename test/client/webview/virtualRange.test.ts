/** Virtual lists: which rows to draw and where, including lists taller than a browser allows. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { maxScrollHeight, scrollTopFor, virtualWindow } from "../../../client/webview/model/virtualRange";

describe("virtualWindow", () => {
  test("a short list: rows under the viewport plus overscan, at their natural offsets", () => {
    const w = virtualWindow(220, 100, 22, 1000, 2);
    assert.equal(w.contentHeight, 22_000);
    assert.equal(w.start, 8);
    assert.equal(w.end, 17);
    assert.equal(w.top, 8 * 22);
  });

  test("clamps at both ends", () => {
    assert.deepEqual(virtualWindow(-50, 100, 20, 3, 5), { contentHeight: 60, start: 0, end: 3, top: 0 });
    const bottom = virtualWindow(1e9, 100, 20, 1000, 0);
    assert.equal(bottom.end, 1000);
  });

  test("past the height cap the scrollbar is scaled: top shows row 0, bottom the last row", () => {
    const count = 2_000_000;
    const rowHeight = 20;
    const viewport = 600;
    const top = virtualWindow(0, viewport, rowHeight, count, 0);
    assert.equal(top.contentHeight, maxScrollHeight);
    assert.equal(top.start, 0);
    const scrollRange = maxScrollHeight - viewport;
    const bottom = virtualWindow(scrollRange, viewport, rowHeight, count, 0);
    assert.equal(bottom.end, count);
    // The last row's bottom edge meets the viewport's bottom edge.
    const lastTop = bottom.top + (count - 1 - bottom.start) * rowHeight;
    assert.equal(lastTop + rowHeight, scrollRange + viewport);
    const middle = virtualWindow(scrollRange / 2, viewport, rowHeight, count, 0);
    assert.ok(Math.abs(middle.start - (count * rowHeight - viewport) / 2 / rowHeight) <= 1);
  });

  test("scrollTopFor keeps a visible row still and brings a hidden one to the top", () => {
    assert.equal(scrollTopFor(5, 0, 200, 20, 1000), 0);
    assert.equal(scrollTopFor(500, 0, 200, 20, 1000), 10_000);
    const count = 2_000_000;
    const target = scrollTopFor(1_500_000, 0, 600, 20, count);
    const w = virtualWindow(target, 600, 20, count, 0);
    assert.equal(w.start, 1_500_000);
  });
});

describe("columnWindow", () => {
  test("draws the columns under the viewport plus overscan, with the width before them", async () => {
    const { columnOffsets, columnWindow } = await import("../../../client/webview/model/columnWindow");
    const offsets = columnOffsets(Array.from({ length: 100 }, () => 100));
    assert.equal(offsets.at(-1), 10_000);
    assert.deepEqual(columnWindow(offsets, 0, 1000, 0), { start: 0, end: 10, before: 0 });
    assert.deepEqual(columnWindow(offsets, 2050, 1000, 200), { start: 18, end: 33, before: 1800 });
    assert.deepEqual(columnWindow(offsets, 9500, 1000, 0), { start: 95, end: 100, before: 9500 });
    assert.deepEqual(columnWindow(columnOffsets([]), 0, 1000), { start: 0, end: 0, before: 0 });
    const uneven = columnOffsets([50, 500, 50]);
    assert.deepEqual(columnWindow(uneven, 100, 100, 0), { start: 1, end: 2, before: 50 });
  });
});
