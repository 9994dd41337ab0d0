/**
 * The router the request-file parser calls: which keys name which language (in any case),
 * which variant each key selects, and that results come back in document coordinates.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { percentDecode } from "../../server/src/language/common";
import { languageOfQueryParam, parseQueryParam, queryParamRoute } from "../../server/src/language/embedded";
import { spanOf, summary } from "./querySpans";

test("keys route to their language, case-insensitively", () => {
  const routes: [string, string | undefined][] = [
    ["oslc.where", "where"],
    ["OSLC.WHERE", "where"],
    ["po.poline.where", "where"],
    ["PO.POLINE.Where", "where"],
    ["gbfilters", "where"],
    ["gbfilter", "where"],
    ["oslc.select", "select"],
    ["Oslc.Select", "select"],
    ["gbcols", "select"],
    ["oslc.orderBy", "orderby"],
    ["oslc.orderby", "orderby"],
    ["po.poline.orderBy", "orderby"],
    ["gbsortby", "orderby"],
    ["domaininternalwhere", "domain"],
    [" oslc.where ", "where"],
    ["oslc.pageSize", undefined],
    ["oslc,select", undefined],
    ["savedQuery", undefined],
    ["oslc.searchTerms", undefined],
    ["where", undefined],
    ["poline.where", undefined],
    ["a.b.c.where", undefined],
    ["po.poline.limit", undefined],
    ["gbrange", undefined],
    ["", undefined],
  ];
  for (const [key, language] of routes) assert.equal(languageOfQueryParam(key), language, key);
  assert.equal(parseQueryParam("oslc.pageSize", { text: "10" }, { lean: false }), undefined);
});

test("each key selects its variant: gbcols and gbsortby modes, gbfilters' SQL dialect, the opmodeor parameter", () => {
  assert.deepEqual(queryParamRoute("gbcols"), { language: "select", mode: "gbcols" });
  assert.deepEqual(queryParamRoute("gbsortby"), { language: "orderby", mode: "gbsortby" });
  assert.deepEqual(queryParamRoute("gbfilter"), { language: "where", dialect: "sql" });
  assert.deepEqual(queryParamRoute("oslc.where"), { language: "where", dialect: "oslc", opmodeOrParam: "opmodeor" });
  assert.deepEqual(queryParamRoute("po.poline.where"), { language: "where", dialect: "oslc", opmodeOrParam: "po.poline.opmodeor" });

  const gbcols = parseQueryParam("gbcols", { text: "siteid,count.*" }, { lean: false });
  assert.equal(gbcols?.language, "select");
  assert.deepEqual(gbcols?.diagnostics, []);
  assert.deepEqual(summary(parseQueryParam("oslc.select", { text: "siteid,count.*" }, { lean: false })?.diagnostics ?? []), ["select.star-in-path@13-14"]);

  assert.deepEqual(parseQueryParam("gbfilters", { text: "siteid='BEDFORD'" }, { lean: false })?.diagnostics, []);
  assert.deepEqual(summary(parseQueryParam("oslc.where", { text: "siteid='BEDFORD'" }, { lean: false })?.diagnostics ?? []), ["where.single-quotes@7-16"]);

  const child = parseQueryParam("po.poline.where", { text: 'itemnum="A" or linecost>100' }, { lean: false });
  assert.match(child?.diagnostics[0].message ?? "", /po\.poline\.opmodeor=1/);
  const filter = parseQueryParam("gbfilters", { text: 'siteid="A" or orgid="B"' }, { lean: false });
  assert.doesNotMatch(filter?.diagnostics[0].message ?? "", /opmodeor/);
});

test("the lean context makes prefixed names an error in every language", () => {
  const cases: [string, string, string][] = [
    ["oslc.where", 'spi:status="APPR"', "where.prefixed-name-with-lean"],
    ["oslc.select", "spi:status", "select.prefixed-name-with-lean"],
    ["oslc.orderBy", "-spi:status", "orderby.prefixed-name-with-lean"],
    ["domaininternalwhere", "spi:status=APPR", "domain.prefixed-name-with-lean"],
  ];
  for (const [key, text, code] of cases) {
    assert.deepEqual(parseQueryParam(key, { text }, { lean: false })?.diagnostics, [], key);
    assert.deepEqual(parseQueryParam(key, { text }, { lean: true })?.diagnostics.map((d) => d.code), [code], key);
  }
});

test("results are typed by language and mapped into the caller's coordinates", () => {
  // As the request parser calls it: a percent-encoded value starting at offset 60 of its block.
  const encoded = "status%3D%22APPR%22%20and%20siteid%20in%20%5B%22A%22%5D";
  const parse = parseQueryParam("oslc.where", percentDecode(encoded, 60), { lean: false });
  assert.ok(parse && parse.language === "where");
  assert.deepEqual(parse.diagnostics, []);
  assert.deepEqual(parse.ast.terms[0].span, { start: 60, end: 60 + encoded.indexOf("%22", 10) + 1 });
  assert.deepEqual(parse.ast.joiners[0].span, spanOf(encoded, "and", 0, 60));
  const inTerm = parse.ast.terms[1];
  assert.ok(inTerm.kind === "in");
  assert.deepEqual(inTerm.keywordSpan, spanOf(encoded, "in", 0, 60));
  assert.deepEqual(inTerm.span, { start: 60 + encoded.indexOf("siteid"), end: 60 + encoded.length });

  const select = parseQueryParam("oslc.select", { text: "wonum,", map: (o) => 1000 + o }, { lean: false });
  assert.ok(select && select.language === "select");
  assert.deepEqual(summary(select.diagnostics), ["select.empty-item@1005-1006"]);
});

test("never throws on odd arguments", () => {
  assert.equal(parseQueryParam(undefined as unknown as string, { text: "a" }, { lean: false }), undefined);
  assert.equal(languageOfQueryParam(null as unknown as string), undefined);
  const parse = parseQueryParam("oslc.where", { text: "a=1" }, undefined as unknown as { lean: boolean });
  assert.deepEqual(parse?.diagnostics, []);
});
