/**
 * The page's sliced JSON parse: the same value as JSON.parse for any document, the `member`
 * records (reference §4.1: a collection's records are boxed under `member`; `rdfs:member` when
 * not lean) available batch by batch, and a sentence for a malformed body.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ChunkedJsonParser } from "../../../client/webview/model/chunkedJson";

const encode = (text: string) => new TextEncoder().encode(text);

function parseAll(text: string): ChunkedJsonParser {
  return ChunkedJsonParser.parse(encode(text));
}

function workOrders(n: number): Array<Record<string, unknown>> {
  return Array.from({ length: n }, (_, i) => ({
    href: `http://127.0.0.1/maximo/api/os/mxapiwodetail/_${i}`,
    wonum: String(1000 + i),
    description: `Pump ${i} "main" \\ line\nnext — ünïcödé ✓`,
    wopriority: i % 5,
    estdur: i / 3,
    downtime: i % 2 === 0,
    wplabor: [{ laborcode: "AMY", laborhrs: 2 }],
    doclinks: { href: `x/${i}/doclinks` },
    nothing: null,
  }));
}

describe("ChunkedJsonParser", () => {
  test("a Maximo collection parses to what JSON.parse gives, records in member", () => {
    const body = { member: workOrders(3000), responseInfo: { href: "x", pagenum: 1, totalCount: 3000, nextPage: { href: "y" } } };
    const text = JSON.stringify(body);
    const parser = parseAll(text);
    assert.equal(parser.error, undefined);
    assert.deepEqual(parser.root, JSON.parse(text));
    assert.equal(parser.members?.length, 3000);
    assert.equal(parser.members, (parser.root as { member: unknown[] }).member, "members is the document's own array");
    assert.deepEqual(Object.keys(parser.root as object), ["member", "responseInfo"], "key order kept");
  });

  test("pretty-printed, namespaced (rdfs:member) and BOM-prefixed bodies", () => {
    const body = { "rdfs:member": [{ "spi:wonum": "1001" }, { "spi:wonum": "1002" }], "oslc:responseInfo": { "oslc:totalCount": 2 } };
    const parser = ChunkedJsonParser.parse(new Uint8Array([0xef, 0xbb, 0xbf, ...encode(JSON.stringify(body, null, 2))]));
    assert.equal(parser.error, undefined);
    assert.deepEqual(parser.root, body);
    assert.deepEqual(parser.members, body["rdfs:member"]);
  });

  test("records come batch by batch: the first batch is about a screenful, each stop leaves a consistent prefix", () => {
    const records = workOrders(5000);
    const bytes = encode(JSON.stringify({ member: records }));
    const parser = new ChunkedJsonParser(bytes);
    const counts: number[] = [];
    while (!parser.step(() => true)) counts.push(parser.members?.length ?? 0);
    assert.ok(counts.length > 10, `expected many slices, got ${counts.length}`);
    const firstNonEmpty = counts.find((n) => n > 0)!;
    // About a screenful: the first batch stops once it has passed 64 KB.
    const bytesOf = (n: number) => encode(JSON.stringify(records.slice(0, n))).length;
    assert.ok(bytesOf(firstNonEmpty - 1) < 64 * 1024 && bytesOf(firstNonEmpty) >= 64 * 1024, `first batch ${firstNonEmpty} records`);
    assert.deepEqual(parser.members!.slice(0, firstNonEmpty), records.slice(0, firstNonEmpty));
    for (let i = 1; i < counts.length; i++) assert.ok(counts[i]! >= counts[i - 1]!, "never shrinks");
    assert.equal(parser.members!.length, 5000);
    assert.deepEqual(parser.members, records);
  });

  test("bytes arriving in pieces: cut anywhere (inside strings, escapes, numbers, keys, characters), the same document", () => {
    const body = { member: workOrders(400), responseInfo: { href: "x", totalCount: 400 }, count: 12345 };
    const bytes = encode(JSON.stringify(body));
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 5; round++) {
      const buffer = new Uint8Array(bytes.length);
      let available = 0;
      const parser = new ChunkedJsonParser(buffer, 0);
      let counts = 0;
      while (!parser.step(() => true)) {
        if (parser.waiting) {
          assert.ok(available < bytes.length, "waits only while bytes are missing");
          const next = Math.min(bytes.length, available + 1 + Math.floor(random() * (round === 0 ? 7 : 5000)));
          buffer.set(bytes.subarray(available, next), available);
          available = next;
          parser.extend(available);
        }
        const n = parser.members?.length ?? 0;
        assert.ok(n >= counts, "records never go back");
        counts = n;
      }
      assert.equal(parser.error, undefined);
      assert.deepEqual(parser.root, body);
    }
  });

  test("a scalar body waits for all of its bytes; a truncated body that is complete is an error", () => {
    const buffer = encode('"just text"');
    const parser = new ChunkedJsonParser(buffer, 4);
    assert.equal(parser.step(), false);
    assert.equal(parser.waiting, true);
    parser.extend(buffer.length);
    assert.equal(parser.step(), true);
    assert.equal(parser.root, "just text");
    const cut = new ChunkedJsonParser(encode('{"member":[{"a":1},{"a'));
    assert.equal(cut.step(), true);
    assert.match(cut.error ?? "", /not valid JSON/);
    assert.deepEqual(cut.members, [{ a: 1 }], "the complete records are kept");
  });

  test("top-level arrays are the records; scalars and empty containers parse whole", () => {
    assert.deepEqual(parseAll('[{"a":1},{"a":2}]').members, [{ a: 1 }, { a: 2 }]);
    assert.deepEqual(parseAll("[]").root, []);
    assert.deepEqual(parseAll("{}").root, {});
    assert.deepEqual(parseAll('{"member":[]}').members, []);
    assert.equal(parseAll('  "text"  ').root, "text");
    assert.equal(parseAll("42").root, 42);
    assert.equal(parseAll("{}").members, undefined);
  });

  test("strings with escaped quotes, backslashes and brackets do not confuse the scanner", () => {
    const tricky = { member: [{ a: 'x\\"]}', b: "\\\\", c: "[{" }, { a: "\\", b: '"' }], note: "}]" };
    const parser = parseAll(JSON.stringify(tricky));
    assert.equal(parser.error, undefined);
    assert.deepEqual(parser.root, tricky);
  });

  test("__proto__ stays an own property, as JSON.parse keeps it", () => {
    const parser = parseAll('{"__proto__": {"polluted": true}, "member": []}');
    assert.equal(Object.getPrototypeOf(parser.root), Object.prototype);
    assert.deepEqual(Object.keys(parser.root as object), ["__proto__", "member"]);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  for (const [name, text] of [
    ["a truncated body", '{"member":[{"wonum":"1001"},{"wonum":"10'],
    ["a trailing comma", '{"member":[{"a":1},]}'],
    ["a missing comma between keys", '{"member":[] "x":1}'],
    ["a missing colon", '{"member" []}'],
    ["text after the value", '{"member":[]} x'],
    ["a mismatched bracket", '{"member":[{"a":1]]}'],
    ["HTML", "<html>Error 500</html>"],
  ] as const) {
    test(`${name} ends with a sentence naming the byte, never a throw`, () => {
      const parser = parseAll(text);
      assert.ok(parser.done);
      assert.match(parser.error ?? "", /^The body is not valid JSON near byte \d+: /);
    });
  }
});
