import { test } from "node:test";
import assert from "node:assert/strict";
import { parseDomainFilter } from "../../server/src/language/domain/api";
import { spanOf, summary } from "./querySpans";

function codes(text: string, options = {}): string[] {
  return summary(parseDomainFilter({ text }, options).diagnostics);
}

test("reference §5.2: status!=APPR,INPRG is a not-in over internal values", () => {
  const text = "status!=APPR,INPRG";
  const result = parseDomainFilter({ text });
  assert.deepEqual(result.diagnostics, []);
  assert.equal(result.ast.attribute?.text, "status");
  assert.deepEqual(result.ast.attribute?.span, spanOf(text, "status"));
  assert.deepEqual(result.ast.operator, { span: spanOf(text, "!="), text: "!=", negated: true });
  assert.deepEqual(result.ast.values, [
    { span: spanOf(text, "APPR"), value: "APPR", template: false },
    { span: spanOf(text, "INPRG"), value: "INPRG", template: false },
  ]);
  const inList = parseDomainFilter({ text: "status=APPR" });
  assert.deepEqual(inList.diagnostics, []);
  assert.equal(inList.ast.operator?.negated, false);
  assert.deepEqual(inList.ast.values.map((v) => v.value), ["APPR"]);
});

test("null is not allowed in the value set; empty values and missing parts are errors", () => {
  const d = parseDomainFilter({ text: "status=APPR,null" }).diagnostics;
  assert.deepEqual(summary(d), ["domain.null-value@12-16"]);
  assert.equal(d[0].severity, "error");
  assert.deepEqual(codes("status=APPR,,INPRG,"), ["domain.empty-value@12-13", "domain.empty-value@18-19"]);
  assert.deepEqual(codes("status="), ["domain.missing-values@6-7"]);
  assert.deepEqual(codes("=APPR"), ["domain.missing-attribute@0-1"]);
  assert.deepEqual(codes("status APPR"), ["domain.missing-operator@0-11"]);
  assert.deepEqual(codes("status<APPR"), ["domain.unsupported-operator@6-7"]);
  assert.deepEqual(codes("status=APPR and priority=1"), ["domain.single-attribute@7-26"]);
  assert.deepEqual(codes("status wopriority=1"), ["domain.unexpected-token@7-17"]);
  assert.deepEqual(codes("status=…"), ["domain.placeholder@7-8"]);
  assert.deepEqual(codes("#=APPR"), ["domain.unexpected-character@0-1", "domain.missing-attribute@1-2"]);
});

test("quotes and spaces become part of a value: warnings", () => {
  const quoted = parseDomainFilter({ text: 'status="APPR"' }).diagnostics;
  assert.deepEqual(quoted.map((d) => [d.code, d.severity, d.span]), [["domain.quoted-value", "warning", { start: 7, end: 13 }]]);
  assert.match(quoted[0].message, /Write APPR\./);
  const spaced = parseDomainFilter({ text: "status=APPR, INPRG" });
  assert.deepEqual(spaced.diagnostics.map((d) => [d.code, d.severity]), [["domain.space-in-list", "warning"]]);
  assert.deepEqual(spaced.ast.values[1], { span: { start: 13, end: 18 }, value: "INPRG", template: false });
});

test("lean rejects a prefixed attribute; {{var}} values pass; empty is a warning", () => {
  assert.deepEqual(codes("spi:status=APPR", { lean: true }), ["domain.prefixed-name-with-lean@0-10"]);
  assert.deepEqual(codes("spi:status=APPR"), []);
  const templated = parseDomainFilter({ text: "{{attr}}={{statuses}},WAPPR" });
  assert.deepEqual(templated.diagnostics, []);
  assert.deepEqual(templated.ast.values.map((v) => v.template), [true, false]);
  assert.deepEqual(parseDomainFilter({ text: "" }).diagnostics.map((d) => [d.code, d.severity]), [["domain.empty", "warning"]]);
});

test("spans map through the caller's mapper", () => {
  const result = parseDomainFilter({ text: "status!=APPR,INPRG", map: (o) => o + 300 });
  assert.deepEqual(result.ast.values.map((v) => v.span), [
    { start: 308, end: 312 },
    { start: 313, end: 318 },
  ]);
  assert.deepEqual(result.ast.span, { start: 300, end: 318 });
});
