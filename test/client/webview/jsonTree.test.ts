/** The JSON tab's tree: rows as a virtual list draws them, expand/collapse, search, paths to copy. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { copyValueText, formatPath, JsonTree, pathOf, valueText, type TreeRow } from "../../../client/webview/model/jsonTree";

const body = {
  member: [
    { wonum: "1001", status: "APPR", wplabor: [{ laborcode: "AMY" }] },
    { wonum: "1002", status: "WAPPR", "spi:description": "Compressor" },
  ],
  responseInfo: { totalCount: 2, nextPage: null },
};

const labels = (rows: TreeRow[]) => rows.map((row) => `${"  ".repeat(row.depth)}${row.key ?? "$"}=${valueText(row)}`);

describe("JsonTree", () => {
  test("starts with the root open and its children closed", () => {
    const tree = new JsonTree(body);
    assert.deepEqual(labels(tree.rows()), ["$={2 keys}", "  member=[2 items]", "  responseInfo={2 keys}"]);
  });

  test("toggle opens and closes one node", () => {
    const tree = new JsonTree(body);
    tree.toggle(tree.rows()[1]!);
    assert.deepEqual(labels(tree.rows()), ["$={2 keys}", "  member=[2 items]", "    0={3 keys}", "    1={3 keys}", "  responseInfo={2 keys}"]);
    assert.equal(tree.rows()[1]!.expanded, true);
    tree.toggle(tree.rows()[1]!);
    assert.equal(tree.rows().length, 3);
  });

  test("expand to a depth opens every level above it; collapse all returns to the root", () => {
    const tree = new JsonTree(body);
    assert.equal(tree.expandToDepth(3), 3);
    assert.deepEqual(labels(tree.rows()), [
      "$={2 keys}",
      "  member=[2 items]",
      "    0={3 keys}",
      '      wonum="1001"',
      '      status="APPR"',
      "      wplabor=[1 item]",
      "    1={3 keys}",
      '      wonum="1002"',
      '      status="WAPPR"',
      '      spi:description="Compressor"',
      "  responseInfo={2 keys}",
      "    totalCount=2",
      "    nextPage=null",
    ]);
    tree.collapseAll();
    assert.equal(tree.rows().length, 3);
  });

  test("expanding stops a level early rather than make more rows than allowed", () => {
    const big = { member: Array.from({ length: 1000 }, (_, i) => ({ i, a: [i] })) };
    const tree = new JsonTree(big);
    assert.equal(tree.expandToDepth(10, 2000), 2, "depth 3 would add 2000 more rows");
    assert.equal(tree.rows().length, 1 + 1 + 1000);
  });

  test("search finds keys and values anywhere, case-insensitively, in document order", () => {
    const tree = new JsonTree(body);
    const result = tree.search("appr");
    assert.equal(result.total, 2);
    assert.deepEqual(result.matches, [["member", 0, "status"], ["member", 1, "status"]]);
    assert.deepEqual(tree.search("LABORCODE").matches, [["member", 0, "wplabor", 0, "laborcode"]]);
    assert.deepEqual(tree.search("2").matches.map(formatPath), ["member[1].wonum", "responseInfo.totalCount"]);
    assert.deepEqual(tree.search("").matches, []);
    const limited = new JsonTree({ a: Array.from({ length: 50 }, () => "x") }).search("x", 10);
    assert.equal(limited.total, 50);
    assert.equal(limited.matches.length, 10);
  });

  test("reveal opens the ancestors of a match and gives its row", () => {
    const tree = new JsonTree(body);
    const path = ["member", 0, "wplabor", 0, "laborcode"];
    const index = tree.reveal(path);
    const row = tree.rows()[index]!;
    assert.equal(row.value, "AMY");
    assert.deepEqual(pathOf(row), path);
    assert.equal(tree.reveal(["member", 7]), -1);
  });

  test("paths read as a request chain writes them; values copy as text or JSON", () => {
    assert.equal(formatPath(["member", 0, "wonum"]), "member[0].wonum");
    assert.equal(formatPath(["member", 1, "spi:description"]), 'member[1]["spi:description"]');
    assert.equal(formatPath([0, "a"]), "[0].a");
    assert.equal(formatPath([]), "");
    assert.equal(copyValueText("Compressor"), "Compressor");
    assert.equal(copyValueText({ a: [1] }), '{\n  "a": [\n    1\n  ]\n}');
    assert.equal(copyValueText(null), "null");
  });

  test("a long string is cut for display only", () => {
    const tree = new JsonTree({ text: "x".repeat(5000) });
    const row = tree.rows()[1]!;
    assert.ok(valueText(row).length < 2100 && valueText(row).endsWith("…"));
    assert.equal(copyValueText(row.value), "x".repeat(5000));
  });
});
