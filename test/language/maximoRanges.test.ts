import { test } from "node:test";
import assert from "node:assert/strict";
import type { Span } from "../../server/src/language/common";
import { parseDocument, type BlockNode } from "../../server/src/language/maximo/api";
import { fixture, marked, naivePosition, span, withLineEnds, type Marked } from "./maximoTestkit";

/** Every marker of ranges.maximo must be checked here; a marker without a check fails the test. */
function checkRanges(m: Marked): void {
  const doc = parseDocument(m.text);
  const checked = new Set<string>();
  const at = (name: string, actual: Span | undefined) => {
    assert.deepEqual(actual && { start: actual.start, end: actual.end }, span(m, name), `range of ${name}`);
    checked.add(name);
  };
  assert.equal(doc.blocks.length, 4);
  const [head, b1, b2, b3] = doc.blocks.map((b) => b.node()) as [BlockNode, BlockNode, BlockNode, BlockNode];

  const [var1, var2] = head.variables;
  at("var1", var1);
  at("var1Name", var1?.name);
  at("var1Value", var1?.value);
  assert.equal(var1?.lazy, false);
  at("var2", var2);
  at("var2Name", var2?.name);
  at("var2Value", var2?.value);
  assert.equal(var2?.lazy, true);
  at("expr1", head.expressions[0]);
  at("expr1Arg", head.expressions[0]?.args[0]);
  assert.equal(head.expressions[0]?.kind, "system");
  assert.equal(head.expressions[0]?.name, "$datetime");

  at("sep1", b1.separator);
  at("sep1Title", b1.separator?.title);
  const [dir1, dir2, dir3] = b1.directives;
  at("dir1", dir1);
  at("dir1Name", dir1?.name);
  at("dir1Args", dir1?.args);
  at("dir2", dir2);
  at("dir2Name", dir2?.name);
  at("dir2Args", dir2?.args);
  assert.equal(dir2?.marker, "//");
  assert.equal(dir2?.timeoutMs, 30_000);
  at("dir3", dir3);
  at("dir3Name", dir3?.name);
  at("dir3Args", dir3?.args);
  at("expectTarget", dir3?.expect?.target);
  at("expectOp", dir3?.expect?.operatorSpan);
  at("expectValue", dir3?.expect?.value);
  assert.equal(dir3?.expect?.subject, "body");
  at("comment1", b1.comments[0]);
  assert.equal(b1.comments[0]?.text, "a comment");

  const r1 = b1.request!;
  at("line1", r1.line);
  at("method1", r1.method);
  at("url1", r1.url);
  at("path1", r1.url.path);
  at("seg1", r1.url.segments[0]);
  at("seg2", r1.url.segments[1]);
  at("version1", r1.httpVersion);
  const [q1, q2, q3, q4] = r1.url.query;
  at("q1", q1);
  at("q1Key", q1?.key);
  at("q1Eq", q1?.equals);
  at("q1Value", q1?.value);
  at("q2", q2);
  at("q2Key", q2?.key);
  at("q2Value", q2?.value);
  at("q3", q3);
  at("q3Key", q3?.key);
  at("q3Value", q3?.value);
  at("q4", q4);
  at("q4Key", q4?.key);
  assert.equal(q4?.value, undefined);
  assert.deepEqual(
    r1.url.query.map((q) => q.continuation),
    [false, true, true, true],
  );
  at("expr2", b1.expressions[0]);
  at("expr3", b1.expressions[1]);
  at("expr4", b1.expressions[2]);
  const [h1, h2] = r1.headers;
  at("h1", h1);
  at("h1Name", h1?.name);
  at("h1Colon", h1?.colon);
  at("h1Value", h1?.value);
  at("h2", h2);
  at("h2Name", h2?.name);
  at("h2Value", h2?.value);
  at("body1", r1.body);

  const r2 = b2.request!;
  assert.equal(r2.method, undefined);
  assert.equal(r2.methodName, "GET");
  at("line2", r2.line);
  at("url2", r2.url);
  at("path2", r2.url.path);
  at("scheme2", r2.url.scheme);
  at("authority2", r2.url.authority);
  at("seg3", r2.url.segments[0]);
  at("seg4", r2.url.segments[1]);
  at("expr5", b2.expressions[0]);
  assert.equal(b2.expressions[0]?.kind, "chained");
  const [q5, q6] = r2.url.query;
  at("q5", q5);
  at("q5Key", q5?.key);
  at("q5Value", q5?.value);
  at("q6", q6);
  at("q6Key", q6?.key);
  at("q6Value", q6?.value);

  at("sep3Title", b3.separator?.title);
  at("expr6", b3.expressions[0]);
  const file = b3.request?.body?.parts[0];
  assert.equal(file?.kind, "file");
  if (file?.kind === "file") {
    at("file1", file);
    at("enc1", file.encoding);
    at("filePath", file.path);
    assert.equal(file.processVariables, true);
  }
  at("expr7", b3.expressions[1]);

  assert.deepEqual([...m.spans.keys()].filter((name) => !checked.has(name)), [], "markers without a check");

  // The text of each node is the source it spans.
  for (const node of [var1!.name, var1!.value, r1.method!, r1.url.path, q2!.key, q2!.value!, h1!.value, r2.url.authority!]) {
    assert.equal(node.text, m.text.slice(node.start, node.end));
  }
  // Line/character of every marker agree with an independent count.
  for (const [name, s] of m.spans) {
    const range = doc.rangeOf(s);
    assert.deepEqual(range.start, naivePosition(m.text, s.start), `start of ${name}`);
    assert.deepEqual(range.end, naivePosition(m.text, s.end), `end of ${name}`);
    assert.equal(doc.offsetAt(range.start), s.start, `offsetAt start of ${name}`);
    assert.equal(doc.offsetAt(range.end), s.end, `offsetAt end of ${name}`);
  }
}

test("ranges: every marked node of ranges.maximo (LF)", () => {
  checkRanges(marked(fixture("ranges.maximo")));
});

test("ranges: the same file with CRLF line ends", () => {
  checkRanges(marked(withLineEnds(fixture("ranges.maximo"), "\r\n")));
});

test("ranges: the same file with CR line ends", () => {
  checkRanges(marked(withLineEnds(fixture("ranges.maximo"), "\r")));
});

test("ranges: a byte-order mark shifts offsets but is not text", () => {
  const m = marked("\uFEFF" + fixture("ranges.maximo"));
  checkRanges(m);
  const doc = parseDocument(m.text);
  assert.equal(doc.blocks[0]!.node().comments[0]!.start, 1);
});

test("ranges: decoded query values keep source ranges and UTF-16 offsets", () => {
  const m = marked("GET os/x?⟦k:oslc%2Ewhere⟧=⟦v:status%3D%22APPR%22 and d=\"café%20☕\"⟧\n");
  const doc = parseDocument(m.text);
  const q = doc.requests[0]!.request.url.query[0]!;
  assert.deepEqual({ start: q.key.start, end: q.key.end }, span(m, "k"));
  assert.deepEqual({ start: q.value?.start, end: q.value?.end }, span(m, "v"));
  assert.equal(q.key.decoded, "oslc.where");
  assert.equal(q.value?.decoded, 'status="APPR" and d="café ☕"');
});

test("positions: surrogate pairs count as two UTF-16 code units", () => {
  const text = "GET os/𝄞?a=1\n# 𝄞𝄞\nAccept: x\n";
  const doc = parseDocument(text);
  const a = text.indexOf("a=1");
  assert.deepEqual(doc.positionAt(a), { line: 0, character: 10 });
  assert.equal(doc.offsetAt({ line: 0, character: 10 }), a);
  const accept = text.indexOf("Accept");
  assert.deepEqual(doc.positionAt(accept), { line: 2, character: 0 });
});

test("positions: offsetAt clamps past the end of a line and of the file", () => {
  const text = "GET a\r\nAccept: x\r\n";
  const doc = parseDocument(text);
  assert.equal(doc.offsetAt({ line: 0, character: 99 }), 5);
  assert.equal(doc.offsetAt({ line: 99, character: 0 }), text.length);
  assert.equal(doc.lineCount, 3);
  assert.deepEqual(doc.positionAt(text.length), { line: 2, character: 0 });
  assert.deepEqual(doc.positionAt(-5), { line: 0, character: 0 });
});
