import { test } from "node:test";
import assert from "node:assert/strict";
import { percentDecode } from "../../server/src/language/common";

test("percentDecode maps decoded offsets back to the source", () => {
  const source = "status%3D%22APPR%22";
  const { text, map } = percentDecode(source, 10);
  assert.equal(text, 'status="APPR"');
  assert.equal(map(6), 10 + 6); // '=' came from %3D at 6
  assert.equal(map(7), 10 + 9); // '"' came from %22 at 9
  assert.equal(map(8), 10 + 12); // 'A'
  assert.equal(map(text.length), 10 + source.length);
});

test("percentDecode keeps malformed escapes, variables and multi-byte characters", () => {
  assert.equal(percentDecode("100%").text, "100%");
  assert.equal(percentDecode("%zz").text, "%zz");
  assert.equal(percentDecode("{{a%20b}}%20").text, "{{a%20b}} ");
  const { text, map } = percentDecode("caf%C3%A9!");
  assert.equal(text, "café!");
  assert.equal(map(3), 3);
  assert.equal(map(4), 9);
});
