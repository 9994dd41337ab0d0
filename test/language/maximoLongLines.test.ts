/**
 * No input makes the parser run away: 10 MB single lines of every shape that stresses a
 * scanner (long runs, braces, quotes, blanks, escapes, nesting). Each must parse and report
 * what it is; the timeout only guards the suite against a hang, it asserts nothing about speed.
 * Shapes that make millions of tree nodes (one per parameter, expression or line) are 1 MB:
 * their memory grows with the node count, which says nothing about time bounds.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseDocument, toParseSummary } from "../../server/src/language/maximo/api";

const MB = 1024 * 1024;
const TEN_MB = 10 * MB;
const GUARD = { timeout: 120_000 };

function parse(text: string) {
  const doc = parseDocument(text);
  const diagnostics = doc.diagnostics();
  toParseSummary(doc);
  return { doc, diagnostics, codes: new Set(diagnostics.map((d) => d.code)) };
}

test("10 MB line: one bare URL of letters", GUARD, () => {
  const { doc } = parse("a".repeat(TEN_MB));
  assert.equal(doc.requests[0]!.request.url.path.text.length, TEN_MB);
});

test("10 MB line: a URL of words separated by spaces", GUARD, () => {
  const { doc } = parse("GET " + "a ".repeat(TEN_MB / 2));
  assert.equal(doc.requests[0]!.request.url.path.text.length, TEN_MB - 1);
});

test("10 MB line: spaces before a closing HTTP version", GUARD, () => {
  const { doc } = parse("GET os/x" + " ".repeat(TEN_MB) + "HTTP/1.1");
  assert.equal(doc.requests[0]!.request.httpVersion?.text, "HTTP/1.1");
});

test("10 MB line: a query value of spaces", GUARD, () => {
  const { doc } = parse("GET os/x?a=b" + " ".repeat(TEN_MB) + "c");
  assert.equal(doc.requests[0]!.request.url.query[0]!.value?.text.length, TEN_MB + 2);
});

test("10 MB line: ampersands", GUARD, () => {
  const { doc } = parse("GET os/x?" + "&".repeat(TEN_MB));
  assert.equal(doc.requests[0]!.request.url.query.length, 0);
});

test("10 MB line: {{ repeated (one unclosed expression)", GUARD, () => {
  const { doc, codes } = parse("GET os/x?a=" + "{{".repeat(TEN_MB / 2));
  assert.ok(codes.has("maximo.expression-unterminated"));
  assert.equal(doc.blocks[0]!.tree.expressions.length, 1);
});

test("10 MB line: }} repeated", GUARD, () => {
  const { doc } = parse("GET os/x?a=" + "}}".repeat(TEN_MB / 2));
  assert.equal(doc.requests[0]!.request.url.query[0]!.value?.text.length, TEN_MB);
});

test("10 MB line: double quotes", GUARD, () => {
  const { doc } = parse("GET os/x?a=" + '"'.repeat(TEN_MB));
  assert.equal(doc.requests[0]!.request.url.query.length, 1);
});

test("10 MB line: percent escapes", GUARD, () => {
  const { doc } = parse("GET os/x?a=" + "%22".repeat(TEN_MB / 3));
  assert.equal(doc.requests[0]!.request.url.query[0]!.value?.decoded.length, Math.floor(TEN_MB / 3));
});

test("10 MB line: a header value", GUARD, () => {
  const { doc } = parse("GET os/x\nX-Long: " + "v".repeat(TEN_MB));
  assert.equal(doc.requests[0]!.request.headers[0]!.value.text.length, TEN_MB);
});

test("10 MB line: a JSON string", GUARD, () => {
  const { codes } = parse('POST os/x\n\n{"a": "' + "x".repeat(TEN_MB) + '"}');
  assert.equal(codes.size, 0);
});

test("10 MB line: JSON nested ten million deep is not checked, and does not throw", GUARD, () => {
  const { doc } = parse("POST os/x\n\n" + "[".repeat(TEN_MB));
  assert.equal(doc.requests[0]!.request.body?.text.length, TEN_MB);
});

test("10 MB line: a comment, a separator title, a variable, a directive", GUARD, () => {
  assert.equal(parse("# " + "x".repeat(TEN_MB)).doc.blocks[0]!.tree.comments.length, 1);
  assert.equal(parse("#".repeat(TEN_MB)).doc.blocks[0]!.tree.separator?.title, undefined);
  assert.equal(parse("###" + "x".repeat(TEN_MB)).doc.blocks[0]!.tree.separator?.title?.text.length, TEN_MB);
  assert.ok(parse("@" + "=".repeat(TEN_MB)).codes.has("maximo.variable-malformed"));
  assert.ok(parse("# @expect " + "body".repeat(TEN_MB / 4)).codes.has("maximo.expect-invalid"));
});

test("10 MB line: a script opener followed by ten million characters", GUARD, () => {
  const { codes } = parse("GET os/x\n\n> {%" + " x".repeat(TEN_MB / 2));
  assert.ok(codes.has("maximo.script-unterminated"));
});

test("10 MB of line breaks (LF, CR)", GUARD, () => {
  assert.equal(parse("\n".repeat(TEN_MB)).doc.lineCount, TEN_MB + 1);
  assert.equal(parse("\r".repeat(TEN_MB)).doc.lineCount, TEN_MB + 1);
});

test("1 MB line: a quarter of a million query parameters", GUARD, () => {
  const { doc } = parse("GET os/x?" + "a=1&".repeat(MB / 4));
  assert.equal(doc.requests[0]!.request.url.query.length, MB / 4);
});

test("1 MB line: a JSON array of a hundred thousand placeholders", GUARD, () => {
  const { codes, doc } = parse("POST os/x\n\n[" + "{{a}},".repeat(MB / 6) + "1]");
  assert.equal(codes.size, 0);
  assert.equal(doc.blocks[0]!.tree.expressions.length, Math.floor(MB / 6));
});

test("1 MB of ### lines and of continuation lines", GUARD, () => {
  assert.equal(parse("###\n".repeat(MB / 4)).doc.blocks.length, MB / 4);
  assert.equal(parse("GET os/x\n" + "&a=1\n".repeat(MB / 5)).doc.requests[0]!.request.url.query.length, Math.floor(MB / 5));
});
