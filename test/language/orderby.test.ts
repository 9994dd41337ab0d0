import { test } from "node:test";
import assert from "node:assert/strict";
import { percentDecode } from "../../server/src/language/common";
import { parseOrderBy } from "../../server/src/language/orderby/api";
import { spanOf, summary } from "./querySpans";

function clean(text: string, options = {}) {
  const result = parseOrderBy({ text }, options);
  assert.deepEqual(summary(result.diagnostics), [], text);
  return result.ast;
}

function codes(text: string, options = {}): string[] {
  return summary(parseOrderBy({ text }, options).diagnostics);
}

test("reference §7: signed attributes give the direction, with exact spans", () => {
  const text = "-attr1,+attr2";
  const ast = clean(text);
  assert.deepEqual(ast.span, { start: 0, end: text.length });
  assert.deepEqual(
    ast.terms.map((t) => [t.direction, t.sign, t.signSpan, t.path?.text, t.path?.span, t.span]),
    [
      ["descending", "-", spanOf(text, "-"), "attr1", spanOf(text, "attr1"), spanOf(text, "-attr1")],
      ["ascending", "+", spanOf(text, "+"), "attr2", spanOf(text, "attr2"), spanOf(text, "+attr2")],
    ],
  );
});

test("every attribute needs a sign (BMXAA8744E), and a leading space hints at a + decoded as a space", () => {
  const result = parseOrderBy({ text: "+wopriority,reportdate" });
  assert.deepEqual(summary(result.diagnostics), ["orderby.missing-sign@12-22"]);
  assert.equal(result.diagnostics[0].severity, "error");
  assert.match(result.diagnostics[0].message, /write \+reportdate \(ascending\) or -reportdate \(descending\)/);
  assert.doesNotMatch(result.diagnostics[0].message, /%2B/);
  const spaced = parseOrderBy({ text: " reportdate" }).diagnostics;
  assert.deepEqual(summary(spaced), ["orderby.missing-sign@1-11"]);
  assert.match(spaced[0].message, /%2B/);
  // gbsortby: the reference writes it signed (gbsortby=-siteid, %2Bsiteid) but never says an
  // unsigned one is rejected: a warning, with the same quick fix (same code).
  const grouped = parseOrderBy({ text: "siteid" }, { mode: "gbsortby" }).diagnostics;
  assert.deepEqual(grouped.map((d) => [d.code, d.severity]), [["orderby.missing-sign", "warning"]]);
  assert.match(grouped[0].message, /write \+siteid or -siteid/);
});

test("related attributes: reference §7 calls them unsupported, recent servers sort by them: a warning; gbsortby may sort on an aggregation", () => {
  const result = parseOrderBy({ text: "-location.status" });
  assert.deepEqual(summary(result.diagnostics), ["orderby.related-attribute@1-16"]);
  assert.equal(result.diagnostics[0]?.severity, "warning");
  assert.equal(result.ast.terms[0].path?.segments.length, 2);
  clean("-max.budgetcost,+siteid", { mode: "gbsortby" });
  assert.deepEqual(codes("-location.status", { mode: "gbsortby" }), ["orderby.related-attribute@1-16"]);
});

test("signs, items and separators out of place", () => {
  assert.deepEqual(codes("+-a"), ["orderby.extra-sign@0-2"]);
  assert.deepEqual(codes("–reportdate"), ["orderby.typographic-sign@0-1"]);
  assert.equal(parseOrderBy({ text: "–reportdate" }).ast.terms[0].direction, "descending");
  assert.deepEqual(codes("+a,+"), ["orderby.missing-name@3-4"]);
  assert.deepEqual(codes("+a,,-b"), ["orderby.empty-item@3-4"]);
  assert.deepEqual(codes(",+a"), ["orderby.empty-item@0-1"]);
  assert.deepEqual(codes("+a,"), ["orderby.empty-item@2-3"]);
  assert.deepEqual(codes("+a -b"), ["orderby.missing-comma@3-5"]);
  assert.deepEqual(codes("+a.,-b"), ["orderby.incomplete-path@1-3"]);
  assert.deepEqual(codes("+a. b"), ["orderby.space-in-path@1-5", "orderby.related-attribute@1-5"]);
  assert.deepEqual(codes("+a,é"), ["orderby.unexpected-character@3-4"]);
  assert.deepEqual(codes("-a,."), ["orderby.unexpected-token@3-4"]);
  assert.deepEqual(parseOrderBy({ text: "" }).diagnostics.map((d) => [d.code, d.severity]), [["orderby.empty", "warning"]]);
});

test("SQL asc/desc: one diagnostic that writes the sign", () => {
  const result = parseOrderBy({ text: "reportdate desc,wonum ASC" });
  assert.deepEqual(summary(result.diagnostics), ["orderby.sql-direction@0-15", "orderby.sql-direction@16-25"]);
  assert.match(result.diagnostics[0].message, /Write -reportdate\./);
  assert.match(result.diagnostics[1].message, /Write \+wonum\./);
});

test("scoped sort terms rel{...} are not supported", () => {
  assert.deepEqual(codes("+rel{+a}"), ["orderby.scoped-unsupported@4-5", "orderby.scoped-unsupported@7-8"]);
});

test("prefixed names, and lean; {{var}} may carry its own sign", () => {
  clean("-spi:reportdate");
  assert.deepEqual(codes("-spi:reportdate", { lean: true }), ["orderby.prefixed-name-with-lean@1-15"]);
  clean("{{sort}},-{{field}}");
});

test("practitioner guide's curl %2Breportdate decodes to an ascending term mapped onto the escape", () => {
  const encoded = "%2Breportdate";
  const ast = parseOrderBy(percentDecode(encoded, 10)).ast;
  assert.equal(ast.terms[0].direction, "ascending");
  assert.deepEqual(ast.terms[0].signSpan, { start: 10, end: 11 });
  assert.deepEqual(ast.terms[0].path?.span, { start: 13, end: 23 });
  assert.deepEqual(ast.terms[0].span, { start: 10, end: 23 });
});
