/**
 * The JSON tab's lazy tree for a windowed body: the records are listed from the index without a
 * fetch; opening one fetches exactly its byte range and shows the subtree a full parse of the
 * body gives (same rows, same paths); the opened records never pass their cap; search finds in
 * every record what a search of the whole parsed body finds, reading them in batches.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { RecordScanner } from "../../../client/webview/model/bodyIndex";
import { formatPath, JsonTree, pathOf, valueText, type TreeRow } from "../../../client/webview/model/jsonTree";
import { LazyJsonTree, memberTreeCap } from "../../../client/webview/model/lazyJsonTree";
import { scanBatchBytes } from "../../../client/webview/model/recordBatches";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function workOrders(count: number): Array<Record<string, unknown>> {
  return Array.from({ length: count }, (_, i) => ({
    href: `http://h/wo/${i}`,
    wonum: `W${i}`,
    description: i % 5 === 0 ? `a "quoted" ] word ${i}` : `Pump ${i} ✓`,
    wplabor: i % 3 === 1 ? [] : [{ laborcode: "AMY", laborhrs: i % 4 }, { note: "]}" }],
  }));
}

/** Scans the body in parts as the page does; the tree over its frame, and every range asked for. */
function lazyTreeOf(body: unknown, partBytes = 1000) {
  const bytes = encoder.encode(JSON.stringify(body, null, 1));
  const scanner = new RecordScanner();
  for (let at = 0; at < bytes.length; at += partBytes) scanner.push(bytes.slice(at, at + partBytes));
  scanner.finish();
  assert.equal(scanner.error, undefined);
  const fetched: Array<[number, number]> = [];
  const fetchRange = async (start: number, end: number) => {
    fetched.push([start, end]);
    return bytes.slice(start, end);
  };
  const frame = JSON.parse(decoder.decode(scanner.frame()!)) as unknown;
  const tree = new LazyJsonTree(frame, scanner, fetchRange);
  return { tree, fetched, scanner };
}

const allRows = (tree: LazyJsonTree): TreeRow[] => Array.from({ length: tree.rowCount }, (_, i) => tree.rowAt(i)!);
const labels = (rows: TreeRow[]) => rows.map((row) => `${"  ".repeat(row.depth)}${row.key ?? "$"}=${valueText(row)} @${formatPath(pathOf(row))}`);

describe("LazyJsonTree", () => {
  const records = workOrders(300);
  const body = { responseInfo: { href: "x", totalCount: 300 }, member: records, href: "y" };

  test("lists the N records under the top level without fetching any", () => {
    const { tree, fetched } = lazyTreeOf(body);
    assert.equal(tree.rowCount, 1 + 3 + 300);
    const rows = allRows(tree);
    assert.deepEqual(labels(rows.slice(0, 4)), ["$={3 keys} @", "  responseInfo={2 keys} @responseInfo", "  member=[300 items] @member", "    0={…} @member[0]"]);
    assert.deepEqual(labels(rows.slice(-2)), ["    299={…} @member[299]", "  href=\"y\" @href"]);
    assert.equal(fetched.length, 0);
  });

  test("opening a record fetches exactly its range and shows the subtree of a full parse", async () => {
    const { tree, fetched, scanner } = lazyTreeOf(body);
    const last = tree.rowAt(tree.rowCount - 2)!;
    assert.equal(tree.entryIndex(last), 299);
    await tree.toggle(last);
    assert.deepEqual(fetched, [[scanner.starts.at(299), scanner.ends.at(299)]]);
    const full = new JsonTree(body);
    full.reveal(["member", 299, "href"]);
    const expected = full.rows().filter((row) => pathOf(row)[1] === 299);
    const start = 3 + 299;
    const shown = allRows(tree).slice(start, start + expected.length);
    assert.deepEqual(labels(shown), labels(expected));
    assert.deepEqual(shown[0]!.value, records[299]);
    // Its rows open and close as the normal tree's do, and the top level's last row follows.
    const labor = shown.find((row) => row.key === "wplabor")!;
    await tree.toggle(labor);
    assert.deepEqual(labels(allRows(tree).slice(start + expected.length, start + expected.length + 3)), ["        0={2 keys} @member[299].wplabor[0]", "        1={1 key} @member[299].wplabor[1]", "  href=\"y\" @href"]);
    // Closing it drops its subtree.
    await tree.toggle(tree.rowAt(start)!);
    assert.equal(tree.openedCount, 0);
    assert.equal(tree.rowCount, 1 + 3 + 300);
    assert.equal(valueText(tree.rowAt(start)!), "{…}");
  });

  test("records opened out of order lay out in body order, each one where it belongs", async () => {
    const { tree } = lazyTreeOf(body);
    for (const index of [7, 2, 250]) await tree.open(index);
    const full = new JsonTree(body);
    full.reveal(["member", 0]);
    for (const index of [7, 2, 250]) full.toggle(full.rows().find((row) => pathOf(row).join() === `member,${index}`)!);
    assert.deepEqual(labels(allRows(tree)), labels(full.rows()).map((label) => label.replace(/=\{4 keys\} @member\[(\d+)\]$/, (all, n) => ([7, 2, 250].includes(Number(n)) ? all : `={…} @member[${n}]`))));
  });

  test("opened records never pass the cap: the least recently opened closes", async () => {
    const many = { member: workOrders(memberTreeCap + 50) };
    const { tree, fetched } = lazyTreeOf(many, 4096);
    for (let index = 0; index < memberTreeCap + 50; index++) {
      await tree.open(index);
      assert.ok(tree.openedCount <= memberTreeCap);
      if (index === memberTreeCap - 1) {
        // Working inside record 0 makes it the most recently used: it outlives records 1…50.
        const labor = tree.rowAt(6)!;
        assert.equal(formatPath(pathOf(labor)), "member[0].wplabor");
        await tree.toggle(labor);
        await tree.toggle(labor);
      }
    }
    assert.equal(tree.openedCount, memberTreeCap);
    assert.equal(fetched.length, memberTreeCap + 50);
    assert.ok(tree.isOpened(0) && !tree.isOpened(1) && !tree.isOpened(50) && tree.isOpened(51) && tree.isOpened(memberTreeCap + 49));
    // The rows still add up: the root, the records array, a row per record, and the 4 keys of each opened one.
    assert.equal(tree.rowCount, 2 + memberTreeCap + 50 + memberTreeCap * 4);
  });

  test("a top-level array lists its items at the root; paths read [i]", async () => {
    const { tree, fetched } = lazyTreeOf(records.slice(0, 20));
    assert.equal(tree.rowCount, 21);
    assert.equal(fetched.length, 0);
    await tree.toggle(tree.rowAt(20)!);
    assert.deepEqual(labels([tree.rowAt(21)!]), ['    href="http://h/wo/19" @[19].href']);
  });

  test("search finds in every record what a search of the whole parsed body finds, in document order, opening none", async () => {
    const { tree, fetched } = lazyTreeOf(body, 700);
    const full = new JsonTree(body);
    for (const query of ["href", "HREF", "w29", "pump 1", "\"quoted\"", "]}", "laborhrs", "3", "x", "nothing like it"]) {
      const found = await tree.search(query);
      assert.deepEqual(found, full.search(query), query);
    }
    // A limit keeps the first paths in document order and counts every match.
    assert.deepEqual(await tree.search("h", { limit: 7 }), full.search("h", 7));
    assert.equal(tree.openedCount, 0, "search opens no record");
    assert.ok(fetched.length > 0 && fetched.every(([start, end]) => end - start <= scanBatchBytes), "read again in batches");
    // An opened record is searched as the others are (no match twice).
    await tree.open(42);
    assert.deepEqual(await tree.search("href"), full.search("href"));
  });

  test("search: a top-level array, progress by batch, and a newer search stops an older one", async () => {
    const many = workOrders(30_000);
    const { tree, scanner } = lazyTreeOf(many, 4096);
    assert.deepEqual(await tree.search("pump 299"), new JsonTree(many).search("pump 299"));
    const progress: Array<[number, number]> = [];
    await tree.search("amy", { progress: (done, total) => progress.push([done, total]) });
    assert.ok(progress.length >= 3, `${progress.length} batches`);
    assert.deepEqual(progress.at(-1), [30_000, 30_000]);
    assert.ok(progress.every(([done], i) => i === 0 || done > progress[i - 1]![0]), "rising");
    let batches = 0;
    const stopped = await tree.search("amy", { progress: () => batches++, cancelled: () => batches >= 2 });
    assert.equal(stopped, undefined);
    assert.equal(batches, 2, "no batch read after it was cancelled");
    assert.equal(scanner.count, 30_000);
  });

  test("revealing a match in a closed record opens it; a top-level match reveals in place", async () => {
    const { tree, fetched, scanner } = lazyTreeOf(body);
    const { matches } = (await tree.search("W257"))!;
    assert.deepEqual(matches, [["member", 257, "wonum"]]);
    fetched.length = 0;
    const index = await tree.revealMatch(matches[0]!);
    assert.deepEqual(fetched, [[scanner.starts.at(257), scanner.ends.at(257)]], "only that record is fetched");
    assert.ok(tree.isOpened(257));
    assert.equal(formatPath(pathOf(tree.rowAt(index)!)), "member[257].wonum");
    assert.equal(tree.rowAt(index)!.value, "W257");
    const top = await tree.revealMatch(["href"]);
    assert.equal(tree.rowAt(top)!.value, "y");
    assert.equal(tree.reveal(["member", 43, "href"]), -1, "reveal alone never fetches");
    // A match in a record a click is opening already waits for it: one fetch, and it is revealed.
    fetched.length = 0;
    const clicked = tree.toggle(tree.rowAt(tree.reveal(["member"]) + 1 + 99)!);
    const revealed = await tree.revealMatch(["member", 99, "wonum"]);
    await clicked;
    assert.equal(fetched.length, 1);
    assert.equal(tree.rowAt(revealed)!.value, "W99");
  });

  test("a failed fetch leaves the record closed and says why; a search that cannot read the body rejects", async () => {
    const bytes = encoder.encode(JSON.stringify(body));
    const scanner = new RecordScanner();
    scanner.push(bytes);
    scanner.finish();
    const tree = new LazyJsonTree(JSON.parse(decoder.decode(scanner.frame()!)), scanner, async () => {
      throw new Error("the response was replaced");
    });
    await tree.open(3);
    assert.equal(tree.openedCount, 0);
    assert.match(tree.error ?? "", /record 3: the response was replaced/);
    await assert.rejects(tree.search("pump"), /the response was replaced/);
  });
});
