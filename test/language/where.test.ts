import { test } from "node:test";
import assert from "node:assert/strict";
import { percentDecode } from "../../server/src/language/common";
import { parseWhere } from "../../server/src/language/where/api";
import type { WhereComparison, WhereInTerm, WhereScopedTerm, WhereStringValue } from "../../server/src/language/where/ast";
import { at, only, spanOf, summary } from "./querySpans";

function clean(text: string, options = {}) {
  const result = parseWhere({ text }, options);
  assert.deepEqual(summary(result.diagnostics), [], text);
  return result.ast;
}

function codes(text: string, options = {}): string[] {
  return summary(parseWhere({ text }, options).diagnostics);
}

// ---- AST shape and exact spans ---------------------------------------------------------------

test("reference §5: comparisons joined by and, with a dot path through a relationship", () => {
  const text = 'status="OPERATING" and location.status="OPERATING"';
  const ast = clean(text);
  assert.equal(ast.terms.length, 2);
  assert.deepEqual(ast.joiners, [{ kind: "joiner", span: spanOf(text, "and"), keyword: "and" }]);
  const [first, second] = ast.terms as WhereComparison[];
  assert.equal(first.kind, "comparison");
  assert.deepEqual(first.span, spanOf(text, 'status="OPERATING"'));
  assert.deepEqual(first.name, {
    span: spanOf(text, "status"),
    segments: [{ span: spanOf(text, "status"), text: "status", name: "status", template: false }],
    text: "status",
    incomplete: false,
  });
  assert.deepEqual(first.operator, { span: spanOf(text, "="), text: "=", operator: "=" });
  assert.deepEqual(first.value, {
    kind: "string",
    span: spanOf(text, '"OPERATING"'),
    raw: '"OPERATING"',
    value: "OPERATING",
    quote: "double",
    terminated: true,
  });
  assert.deepEqual(first.test, { kind: "compare" });
  assert.deepEqual(second.name?.span, spanOf(text, "location.status"));
  assert.deepEqual(
    second.name?.segments.map((s) => [s.name, s.span]),
    [
      ["location", spanOf(text, "location")],
      ["status", spanOf(text, "status", 1)],
    ],
  );
  assert.deepEqual(second.value?.span, spanOf(text, '"OPERATING"', 1));
});

test("in lists hold strings or numbers, with the keyword and list spans", () => {
  const text = 'status in ["OPERATING","ACTIVE"] and priority in [1,2,3]';
  const ast = clean(text);
  const [strings, numbers] = ast.terms as WhereInTerm[];
  assert.equal(strings.kind, "in");
  assert.equal(strings.negated, false);
  assert.deepEqual(strings.keywordSpan, spanOf(text, "in"));
  assert.deepEqual(strings.listSpan, spanOf(text, '["OPERATING","ACTIVE"]'));
  assert.deepEqual(strings.span, spanOf(text, 'status in ["OPERATING","ACTIVE"]'));
  assert.deepEqual(
    strings.values.map((v) => [v.kind, v.kind === "string" ? v.value : v.raw, v.span]),
    [
      ["string", "OPERATING", spanOf(text, '"OPERATING"')],
      ["string", "ACTIVE", spanOf(text, '"ACTIVE"')],
    ],
  );
  assert.deepEqual(
    numbers.values.map((v) => (v.kind === "number" ? v.value : undefined)),
    [1, 2, 3],
  );
});

test("numbers (negative, decimal), booleans as true/false or 1/0, and ISO dates in quotes", () => {
  const text = 'priority>-1 and linecost<=200.5 and linear=false and istask=1 and statusdate>"2026-01-01T00:00:00-05:00"';
  const values = (clean(text).terms as WhereComparison[]).map((t) => t.value);
  assert.deepEqual(
    values.map((v) => (v && v.kind !== "template" && v.kind !== "invalid" ? [v.kind, v.value] : undefined)),
    [
      ["number", -1],
      ["number", 200.5],
      ["boolean", false],
      ["number", 1],
      ["string", "2026-01-01T00:00:00-05:00"],
    ],
  );
  assert.deepEqual(
    (clean(text).terms as WhereComparison[]).map((t) => t.operator.operator),
    [">", "<=", "=", "=", ">"],
  );
});

test("reference §5: wildcards, null tests and not-in are read the way the server reads them", () => {
  const tests = (text: string) => (clean(text).terms[0] as WhereComparison).test;
  assert.deepEqual(tests('status="%APPR%"'), { kind: "wildcard", pattern: "contains" });
  assert.deepEqual(tests('status="APPR%"'), { kind: "wildcard", pattern: "startsWith" });
  assert.deepEqual(tests('status="%APPR"'), { kind: "wildcard", pattern: "endsWith" });
  assert.deepEqual(tests('status="*"'), { kind: "notNull" });
  assert.deepEqual(tests('status!="*"'), { kind: "null" });
  assert.deepEqual(tests('location!="[BR300,BR400]"'), { kind: "notIn", values: ["BR300", "BR400"] });
  assert.deepEqual(tests('status="APPR"'), { kind: "compare" });
});

test("bind values such as \"&USERNAME&\" are strings that name their variable", () => {
  const value = (clean('reportedby="&USERNAME&"').terms[0] as WhereComparison).value as WhereStringValue;
  assert.equal(value.bind, "USERNAME");
  assert.equal(value.value, "&USERNAME&");
});

test("scoped terms rel{...} nest, with their own clause", () => {
  const text = 'status="APPR" and openwo{status="WAPPR" and wplabor{craft="ELECT"}}';
  const ast = clean(text);
  const scoped = ast.terms[1] as WhereScopedTerm;
  assert.equal(scoped.kind, "scoped");
  assert.equal(scoped.name?.text, "openwo");
  assert.equal(scoped.closed, true);
  assert.deepEqual(scoped.span, spanOf(text, 'openwo{status="WAPPR" and wplabor{craft="ELECT"}}'));
  assert.deepEqual(scoped.clause.span, spanOf(text, 'status="WAPPR" and wplabor{craft="ELECT"}'));
  assert.equal(scoped.clause.terms.length, 2);
  const inner = scoped.clause.terms[1] as WhereScopedTerm;
  assert.equal(inner.name?.text, "wplabor");
  assert.equal((inner.clause.terms[0] as WhereComparison).name?.text, "craft");
});

test("spi: and oslc: prefixed names are accepted, and are an error with lean", () => {
  const text = 'spi:status="APPR" and oslc:shortTitle="x"';
  const segment = (clean(text).terms[0] as WhereComparison).name?.segments[0];
  assert.deepEqual(segment, { span: spanOf(text, "spi:status"), text: "spi:status", prefix: "spi", name: "status", template: false });
  const lean = parseWhere({ text }, { lean: true });
  assert.deepEqual(summary(lean.diagnostics), [at(text, "spi:status", "where.prefixed-name-with-lean"), at(text, "oslc:shortTitle", "where.prefixed-name-with-lean")]);
  assert.match(lean.diagnostics[0].message, /write status\b/);
});

test("{{var}} placeholders stand for names, values, lists and whole terms, with no diagnostic", () => {
  const text = '{{field}}="x" and status={{status}} and {{extraTerms}} and siteid in {{sites}} and priority in [{{p}},2] and {{rel}}.status="A"';
  const ast = clean(text);
  assert.equal(ast.terms.length, 6);
  assert.equal((ast.terms[0] as WhereComparison).name?.segments[0].template, true);
  assert.equal((ast.terms[1] as WhereComparison).value?.kind, "template");
  assert.deepEqual(ast.terms[2], { kind: "template", span: spanOf(text, "{{extraTerms}}"), text: "{{extraTerms}}" });
  assert.equal((ast.terms[3] as WhereInTerm).template?.raw, "{{sites}}");
  assert.equal((ast.terms[4] as WhereInTerm).values[0].kind, "template");
  clean("{{where}}");
  clean('description="{{text}} %"');
});

test("gbfilters' SQL dialect accepts single-quoted strings (with '' escapes); oslc.where does not", () => {
  const ast = clean("siteid='BEDFORD' and description='O''Brien'", { dialect: "sql" });
  const values = (ast.terms as WhereComparison[]).map((t) => (t.value as WhereStringValue).value);
  assert.deepEqual(values, ["BEDFORD", "O'Brien"]);
  clean('siteid="BEDFORD"', { dialect: "sql" });
  const text = "siteid='BEDFORD'";
  const d = only(parseWhere({ text }).diagnostics, "where.single-quotes");
  assert.deepEqual(d.span, spanOf(text, "'BEDFORD'"));
  assert.match(d.message, /write "BEDFORD"/);
});

// ---- What a real server rejects ---------------------------------------------------------------

test("or: every joiner or, one attribute tested with = suggests an in list (and opmodeor)", () => {
  const text = 'status="APPR" or status="INPRG" or status="WMATL"';
  const result = parseWhere({ text }, { opmodeOrParam: "opmodeor" });
  assert.deepEqual(summary(result.diagnostics), [at(text, "or", "where.or-unsupported", 0), at(text, "or", "where.or-unsupported", 1)]);
  const message = result.diagnostics[0].message;
  assert.match(message, /BMXAA8744E/);
  assert.ok(message.includes('status in ["APPR","INPRG","WMATL"]'), message);
  assert.ok(message.includes("opmodeor=1"), message);
  assert.equal(result.diagnostics[0].severity, "error");
});

test("or: every joiner or over different attributes suggests opmodeor=1", () => {
  const text = 'status="APPR" or priority=1';
  const message = only(parseWhere({ text }, { opmodeOrParam: "opmodeor" }).diagnostics, "where.or-unsupported").message;
  assert.match(message, /join them with "and" and add the query parameter opmodeor=1/);
  assert.doesNotMatch(message, / in \[/);
  // Where no such parameter exists (gbfilters), separate requests.
  const noParam = only(parseWhere({ text }).diagnostics, "where.or-unsupported").message;
  assert.match(noParam, /one request per alternative/);
  assert.doesNotMatch(noParam, /opmodeor/);
});

test("or mixed with and: an in list for the or-ed terms when they test one attribute, else separate requests", () => {
  const text = 'siteid="BEDFORD" and (status="APPR" or status="INPRG") and wopriority<=2';
  const result = parseWhere({ text }, { opmodeOrParam: "opmodeor" });
  assert.deepEqual(summary(result.diagnostics), [
    at(text, "(", "where.parentheses-unsupported"),
    at(text, "or", "where.or-unsupported"),
    at(text, ")", "where.parentheses-unsupported"),
  ]);
  assert.ok(only(result.diagnostics, "where.or-unsupported").message.includes('write status in ["APPR","INPRG"] in their place'));
  const mixed = only(parseWhere({ text: 'a="x" and b="y" or c="z"' }, { opmodeOrParam: "opmodeor" }).diagnostics, "where.or-unsupported");
  assert.match(mixed.message, /cannot be combined.*one request per alternative/);
});

test("like: suggests the quoted wildcard, keeping or adding the %", () => {
  const text = 'description like "%pump%" and siteid="BEDFORD"';
  const d = only(parseWhere({ text }).diagnostics, "where.like-unsupported");
  assert.deepEqual(d.span, spanOf(text, "like"));
  assert.ok(d.message.includes('write description="%pump%"'), d.message);
  const term = parseWhere({ text }).ast.terms[0] as WhereComparison;
  assert.deepEqual([term.operator.text, term.operator.operator, term.test], ["like", "=", { kind: "wildcard", pattern: "contains" }]);
  assert.ok(only(parseWhere({ text: 'description like "pump"' }).diagnostics, "where.like-unsupported").message.includes('description="%pump%"'));
});

test("unquoted null: = null is the null test !=\"*\", != null the not-null test =\"*\", also is [not] null", () => {
  const text = "targstartdate!=null and targcompdate=null";
  const result = parseWhere({ text });
  assert.deepEqual(summary(result.diagnostics), [at(text, "null", "where.null-unsupported", 0), at(text, "null", "where.null-unsupported", 1)]);
  assert.ok(result.diagnostics[0].message.includes('targstartdate="*"'));
  assert.ok(result.diagnostics[1].message.includes('targcompdate!="*"'));
  const isNull = parseWhere({ text: "a is null and b is not null" }).diagnostics;
  assert.deepEqual(isNull.map((d) => d.code), ["where.null-unsupported", "where.null-unsupported"]);
  assert.ok(isNull[0].message.includes('a!="*"') && isNull[1].message.includes('b="*"'));
  clean('status="null"');
});

test("typographic and mismatched quotes, unterminated strings", () => {
  const typographic = "status=”APPR”";
  const d = only(parseWhere({ text: typographic }).diagnostics, "where.typographic-quotes");
  assert.deepEqual(d.span, spanOf(typographic, "”APPR”"));
  assert.match(d.message, /write "APPR"/);
  assert.equal(((parseWhere({ text: typographic }).ast.terms[0] as WhereComparison).value as WhereStringValue).value, "APPR");
  assert.deepEqual(codes('status="APPR” and x=1'), [at('status="APPR” and x=1', '"APPR”', "where.mismatched-quotes")]);
  assert.deepEqual(codes("status=“APPR\""), [at("status=“APPR\"", "“APPR\"", "where.mismatched-quotes")]);
  assert.deepEqual(codes('status="APPR'), ['where.unterminated-string@7-12']);
  // A missing closing quote shifts the pairing: the last quote is the one left open.
  const open = 'status="APPR and siteid="X"';
  assert.deepEqual(codes(open), ["where.missing-operator@25-26", "where.unterminated-string@26-27"]);
});

test("typographic and foreign operators are errors that name the operator to write", () => {
  const cases: [string, string, string, string][] = [
    ["linecost⇐200", "⇐", "where.typographic-operator", "<="],
    ["a≥1", "≥", "where.typographic-operator", ">="],
    ["a≠1", "≠", "where.typographic-operator", "!="],
    ["a==1", "==", "where.unknown-operator", "="],
    ['a<>"x"', "<>", "where.unknown-operator", "!="],
  ];
  for (const [text, op, code, meant] of cases) {
    const result = parseWhere({ text });
    const d = only(result.diagnostics, code);
    assert.deepEqual(d.span, spanOf(text, op));
    assert.ok(d.message.endsWith(`write ${meant}.`), d.message);
    assert.equal((result.ast.terms[0] as WhereComparison).operator.operator, meant);
  }
});

test("missing value, operator and name; joiners out of place", () => {
  assert.deepEqual(codes("priority>="), ["where.missing-value@0-10"]);
  assert.deepEqual(codes('status "APPR"'), ['where.missing-operator@0-13']);
  assert.ok(parseWhere({ text: 'status "APPR"' }).diagnostics[0].message.includes('write status="APPR"'));
  assert.deepEqual(codes('status and x=1'), ["where.missing-operator@0-6"]);
  assert.deepEqual(codes('="APPR"'), ["where.missing-name@0-7"]);
  assert.deepEqual(codes('a=1 b=2'), ["where.missing-and@4-7"]);
  assert.deepEqual(codes("and a=1"), ["where.dangling-and@0-3"]);
  assert.deepEqual(codes("a=1 and"), ["where.dangling-and@4-7"]);
  assert.deepEqual(codes("a=1 and and b=2"), ["where.repeated-and@8-11"]);
  assert.deepEqual(codes('a=1,b=2'), ["where.comma-between-terms@3-4"]);
});

test("unquoted words, stars and dates: one diagnostic over the whole word", () => {
  const text = "assetnum=PUMP-001 and status=* and reportdate>=2026-01-01T00:00:00-05:00";
  assert.deepEqual(codes(text), [
    at(text, "PUMP-001", "where.unquoted-value"),
    at(text, "*", "where.unquoted-value"),
    at(text, "2026-01-01T00:00:00-05:00", "where.unquoted-date"),
  ]);
  assert.deepEqual(codes("wonum=WO{{n}} and a=1"), ["where.unquoted-value@6-13"]);
  assert.ok(parseWhere({ text: "wonum=WO{{n}}" }).diagnostics[0].message.includes('write "WO{{n}}"'));
  const messages = parseWhere({ text }).diagnostics.map((d) => d.message);
  assert.ok(messages[0].includes('write "PUMP-001"'));
  assert.ok(messages[2].includes('write "2026-01-01T00:00:00-05:00"'));
});

test("in lists: brackets, items, commas and the spaces servers reject", () => {
  assert.deepEqual(codes('status in []'), ["where.empty-in-list@10-12"]);
  assert.deepEqual(codes('status in ("A","B")'), ["where.in-list-parentheses@10-19"]);
  assert.ok(parseWhere({ text: 'status in ("A","B")' }).diagnostics[0].message.includes('status in ["A","B"]'));
  assert.deepEqual(codes('status in ["A"'), ["where.unclosed-in-list@10-11"]);
  assert.deepEqual(codes('status in ["A",,"B",]'), ["where.empty-in-list-item@15-16", "where.empty-in-list-item@19-20"]);
  assert.deepEqual(codes('status in ["A" "B"]'), ["where.in-list-missing-comma@15-18"]);
  assert.deepEqual(codes('status in ["A", "B"]'), ["where.space-in-list@14-16"]);
  assert.equal(parseWhere({ text: 'status in ["A", "B"]' }).diagnostics[0].severity, "warning");
  assert.deepEqual(codes("status in"), ["where.missing-in-list@7-9"]);
  const notIn = parseWhere({ text: 'location not in ["BR300","BR400"]' });
  assert.deepEqual(summary(notIn.diagnostics), ["where.not-unsupported@9-15"]);
  assert.ok(notIn.diagnostics[0].message.includes('location!="[BR300,BR400]"'));
  assert.equal((notIn.ast.terms[0] as WhereInTerm).negated, true);
});

test("an SQL subselect is one error over all of it, not one per word, parenthesis and or inside", () => {
  // MaximoWin (a public Flask client) sent this; the reference has no subselect in oslc.where.
  const text = 'wonum in (select wonum from workorder where (wonum="1" or (parent="1" and istask=1)) and siteid="X") and siteid="X"';
  assert.deepEqual(codes(text), [`where.subselect-unsupported@9-${text.lastIndexOf(")") + 1}`]);
  assert.match(parseWhere({ text }).diagnostics[0]!.message, /no SQL subselects/);
  // In square brackets, in any case, and unclosed: to the end.
  assert.deepEqual(codes("wonum in [SELECT wonum from workorder]"), ["where.subselect-unsupported@9-38"]);
  assert.deepEqual(codes("wonum in (select wonum"), ["where.subselect-unsupported@9-22"]);
  // What lies outside it is still read: the or after it is its own error.
  assert.deepEqual(codes('wonum in (select x) or siteid="X"').map((c) => c.split("@")[0]), ["where.subselect-unsupported", "where.or-unsupported"]);
  // A list of values that happens to hold the word select is a list.
  assert.deepEqual(codes('status in ["select","B"]'), []);
});

test("scopes, paths and stray tokens", () => {
  assert.deepEqual(codes('openwo{status="APPR"'), ["where.unclosed-brace@6-7"]);
  assert.deepEqual(codes('openwo{}'), ["where.empty-scope@6-8"]);
  assert.deepEqual(codes('a=1 }'), ["where.unmatched-brace@4-5"]);
  assert.deepEqual(codes('location.="x"'), ["where.incomplete-path@0-9"]);
  assert.deepEqual(codes('location. status="x"'), ["where.space-in-path@0-16"]);
  assert.deepEqual(codes("…"), ["where.placeholder@0-1"]);
  assert.deepEqual(codes('a=1 and é€ and b=2'), ["where.unexpected-character@8-10"]);
  assert.deepEqual(codes('a=1 and not b=2'), ["where.not-unsupported@8-11"]);
  assert.deepEqual(codes('a=1 ]'), ["where.unexpected-token@4-5"]);
});

test("+ outside quotes (a form-encoded space) is reported and read as a space", () => {
  const text = 'status+in+["APPR","WAPPR"]';
  const result = parseWhere({ text });
  assert.deepEqual(summary(result.diagnostics), ["where.plus-for-space@6-7", "where.plus-for-space@9-10"]);
  assert.equal(result.ast.terms[0].kind, "in");
  clean('description="a+b"');
});

test("an empty value is a warning", () => {
  const result = parseWhere({ text: "  " });
  assert.deepEqual(result.diagnostics.map((d) => [d.code, d.severity]), [["where.empty", "warning"]]);
});

// ---- Spans through a non-identity mapper ------------------------------------------------------

test("AST and diagnostic spans are mapped through a percent-decoding mapper into document offsets", () => {
  const encoded = "siteid=%22BEDFORD%22%20and%20status=%E2%80%9DAPPR%E2%80%9D";
  const base = 500;
  const source = percentDecode(encoded, base);
  assert.equal(source.text, 'siteid="BEDFORD" and status=”APPR”');
  const result = parseWhere(source);
  const [first, second] = result.ast.terms as WhereComparison[];
  assert.deepEqual(first.name?.span, spanOf(encoded, "siteid", 0, base));
  assert.deepEqual(first.operator.span, spanOf(encoded, "=", 0, base));
  // A span starts where its first character's escape starts and ends one past where its last
  // character's escape starts (mapSpan's exclusive end).
  assert.deepEqual(first.value?.span, { start: base + encoded.indexOf("%22"), end: base + encoded.indexOf("%22", 10) + 1 });
  assert.deepEqual(result.ast.joiners[0].span, spanOf(encoded, "and", 0, base));
  assert.deepEqual(second.name?.span, spanOf(encoded, "status", 0, base));
  const d = only(result.diagnostics, "where.typographic-quotes");
  assert.deepEqual(d.span, { start: base + encoded.indexOf("%E2"), end: base + encoded.length });
  // Reaching the end of the value, a span ends exactly where the value does.
  assert.deepEqual(result.ast.span, { start: base, end: base + encoded.length });
  assert.deepEqual(second.span, { start: base + encoded.indexOf("status"), end: base + encoded.length });
});

test("keyword and list spans are mapped too, through a mapper that skips a gap", () => {
  // Two pieces joined: local 0..9 sit at 100.., local 10.. at 200.. (a value split over lines).
  const text = 'status in ["A","B"]';
  const map = (offset: number) => (offset < 10 ? 100 + offset : 190 + offset);
  const term = parseWhere({ text, map }).ast.terms[0] as WhereInTerm;
  assert.deepEqual(term.keywordSpan, { start: 107, end: 109 });
  assert.deepEqual(term.listSpan, { start: 200, end: 209 });
  assert.deepEqual(term.span, { start: 100, end: 209 });
  assert.deepEqual(term.name?.span, { start: 100, end: 106 });
});

test("never throws: a throwing mapper costs one internal-error diagnostic, odd input is read as empty", () => {
  const result = parseWhere({
    text: 'status="APPR"',
    map: () => {
      throw new Error("mapper broke");
    },
  });
  assert.deepEqual(result.diagnostics.map((d) => [d.code, d.severity]), [["where.internal-error", "warning"]]);
  assert.match(result.diagnostics[0].message, /mapper broke/);
  assert.equal(result.ast.kind, "whereClause");
  const odd = parseWhere({ text: undefined as unknown as string });
  assert.deepEqual(odd.diagnostics.map((d) => d.code), ["where.empty"]);
  const nan = parseWhere({ text: "a=", map: () => Number.NaN });
  assert.deepEqual(nan.diagnostics.map((d) => [d.code, d.span]), [["where.missing-value", { start: 0, end: 2 }]]);
});
