import { test } from "node:test";
import assert from "node:assert/strict";
import { percentDecode } from "../../server/src/language/common";
import { parseSelect } from "../../server/src/language/select/api";
import type {
  SelectAggregate,
  SelectAttribute,
  SelectChild,
  SelectFormula,
  SelectGroupAggregate,
  SelectItem,
  SelectRelation,
} from "../../server/src/language/select/ast";
import { only, spanOf, summary } from "./querySpans";

function clean(text: string, options = {}) {
  const result = parseSelect({ text }, options);
  assert.deepEqual(summary(result.diagnostics), [], text);
  return result.ast;
}

function codes(text: string, options = {}): string[] {
  return summary(parseSelect({ text }, options).diagnostics);
}

/** A compact picture of the tree: kinds and names, nested. */
function shape(items: SelectItem[]): unknown[] {
  return items.map((item) => {
    switch (item.kind) {
      case "all":
        return "*";
      case "attribute":
        return item.alias ? `${item.path.text}--${item.alias.name?.text}` : item.path.text;
      case "child":
        return { [`child ${item.name?.text}`]: shape(item.items) };
      case "relation":
        return { [`rel ${item.relation.text}${item.objectStructure ? " as " + item.objectStructure.text : ""}`]: shape(item.items) };
      case "aggregate":
        return `${item.function}(${item.relation.text}${item.attribute ? "." + item.attribute.text : ""})`;
      case "formula":
        return `exp ${item.name.text}`;
      case "groupAggregate":
        return `${item.function}(${item.all ? "*" : item.attribute?.text})`;
      case "cacheProperty":
        return `cache ${item.text}`;
    }
  });
}

test("reference §4.1: attributes, dot paths, child objects and * make the tree", () => {
  assert.deepEqual(shape(clean("assetnum,status,description,location,assetmeter{*}").items), [
    "assetnum",
    "status",
    "description",
    "location",
    { "child assetmeter": ["*"] },
  ]);
  assert.deepEqual(shape(clean("obj1{prop1,prop2,obj2{prop21,prop22}}").items), [
    { "child obj1": ["prop1", "prop2", { "child obj2": ["prop21", "prop22"] }] },
  ]);
  assert.deepEqual(shape(clean("rel1.a1,rel1.rel11.a11").items), ["rel1.a1", "rel1.rel11.a11"]);
});

test("reference §4.1: the rel notation nests, and holds dot paths (not the other way round)", () => {
  const text = "rel.rel1{attr1,attr2,rel.rel2{attr21,attr22},rel.rel3{*},rel4.attr4}";
  const ast = clean(text);
  assert.deepEqual(shape(ast.items), [
    { "rel rel1": ["attr1", "attr2", { "rel rel2": ["attr21", "attr22"] }, { "rel rel3": ["*"] }, "rel4.attr4"] },
  ]);
  const relation = ast.items[0] as SelectRelation;
  assert.deepEqual(relation.span, { start: 0, end: text.length });
  assert.deepEqual(relation.keywordSpan, spanOf(text, "rel"));
  assert.deepEqual(relation.relation.span, spanOf(text, "rel1"));
  assert.equal(relation.closed, true);
  const nested = relation.items[2] as SelectRelation;
  assert.deepEqual(nested.span, spanOf(text, "rel.rel2{attr21,attr22}"));
  assert.deepEqual((relation.items[4] as SelectAttribute).path.segments.map((s) => s.span), [spanOf(text, "rel4"), spanOf(text, "attr4")]);
  // A dot path cannot open a list.
  assert.deepEqual(codes("location.rel.openwo{wonum}"), ["select.misplaced-braces@19-26"]);
});

test("reference §4.1: aggregation functions take three tokens (_dbcount two)", () => {
  const text = "assetnum,openwo.actlabhrs._dbavg,openwo._dbcount";
  const [, avg, count] = clean(text).items as SelectAggregate[];
  assert.equal(avg.kind, "aggregate");
  assert.equal(avg.function, "_dbavg");
  assert.deepEqual(avg.relation.span, spanOf(text, "openwo"));
  assert.deepEqual(avg.attribute?.span, spanOf(text, "actlabhrs"));
  assert.deepEqual(avg.functionSpan, spanOf(text, "_dbavg"));
  assert.equal(count.function, "_dbcount");
  assert.equal(count.attribute, undefined);
  assert.deepEqual(codes("openwo._dbavg"), ["select.aggregate-shape@0-13"]);
  assert.deepEqual(codes("_dbcount"), ["select.aggregate-shape@0-8"]);
  assert.deepEqual(codes("openwo._dbavg.x"), ["select.aggregate-shape@0-15"]);
  assert.deepEqual(codes("openwo._dbcount.x"), ["select.aggregate-shape@0-17"]);
  const unknown = parseSelect({ text: "openwo.actlabhrs._dbtotal" }).diagnostics;
  assert.deepEqual(summary(unknown), ["select.unknown-aggregate@17-25"]);
  assert.match(unknown[0].message, /_dbsum, _dbavg, _dbmax or _dbmin/);
});

test("reference §4.1: relationships nest before an aggregation function too (IBM's Inspection app counts inspectionform.inspquestionunit._dbcount)", () => {
  // Relation chains "can be nested too" (reference §4.1, dot notation); the server answered
  // `totalquestion: 1` to this select in the app's recorded response.
  const text = "resultnum,inspectionform.inspquestionunit._dbcount--totalquestion,asset.assetmeter.lastreading._dbmax";
  const [, count, max] = clean(text).items as SelectAggregate[];
  assert.deepEqual(shape([count!, max!]), ["_dbcount(inspectionform)", "_dbmax(asset.lastreading)"]);
  assert.deepEqual(count!.relations.map((r) => r.text), ["inspectionform", "inspquestionunit"]);
  assert.equal(count!.alias?.name?.text, "totalquestion");
  assert.deepEqual(max!.relations.map((r) => r.text), ["asset", "assetmeter"]);
  assert.deepEqual(max!.attribute?.span, spanOf(text, "lastreading"));
});

test("rel.<relationship>.<object structure>{...}: the related records as that structure's (reference §4.1 names the structure after the relation: openwo.mxwodetail)", () => {
  // IBM's technician and inspection apps select rel.asset.mxapiasset{...} and rel.workorder.mxapiwodetail{...}.
  const text = "wonum,rel.asset.mxapiasset{assetnum,description},rel.workorder.mxapiwodetail{wonum,rel.openwo{*}}";
  const ast = clean(text);
  assert.deepEqual(shape(ast.items), [
    "wonum",
    { "rel asset as mxapiasset": ["assetnum", "description"] },
    { "rel workorder as mxapiwodetail": ["wonum", { "rel openwo": ["*"] }] },
  ]);
  assert.deepEqual((ast.items[1] as SelectRelation).objectStructure?.span, spanOf(text, "mxapiasset"));
  // Still a list only after rel and one or two names.
  assert.deepEqual(codes("rel.a.b.c{x}"), ["select.misplaced-braces@9-12"]);
  assert.deepEqual(codes("rel.a.*{x}"), ["select.misplaced-braces@7-10"]);
});

test("cache properties (cache.SYNDATA:_RELATETYPE_-relatetype, IBM's technician app) are taken as written, with lean=1 too", () => {
  const text = "relatedreckey,relatedrecwo.description,cache.SYNDATA:_RELATETYPE_-relatetype";
  const ast = clean(text, { lean: true });
  assert.deepEqual(shape(ast.items), ["relatedreckey", "relatedrecwo.description", "cache cache.SYNDATA:_RELATETYPE_-relatetype"]);
  assert.deepEqual(ast.items[2]!.span, spanOf(text, "cache.SYNDATA:_RELATETYPE_-relatetype"));
  // Only with a dot after cache: a plain attribute named cache stays an attribute.
  assert.deepEqual(shape(clean("cache,cachekey").items), ["cache", "cachekey"]);
});

test("reference §4.1: formula properties exp.<name>", () => {
  const text = "assetnum,exp.myreplacecost";
  const formula = clean(text).items[1] as SelectFormula;
  assert.equal(formula.kind, "formula");
  assert.deepEqual(formula.name.span, spanOf(text, "myreplacecost"));
  assert.deepEqual(codes("exp.a.b"), ["select.formula-shape@0-7"]);
});

test("reference §4.1.2: -- aliases an attribute; not a relation, child object or *", () => {
  const text = "assetnum,location--mylocation,location.status";
  const aliased = clean(text).items[1] as SelectAttribute;
  assert.deepEqual(aliased.alias, {
    span: spanOf(text, "--mylocation"),
    operator: "--",
    operatorSpan: spanOf(text, "--"),
    name: { span: spanOf(text, "mylocation"), text: "mylocation", name: "mylocation", template: false },
  });
  assert.deepEqual(aliased.span, spanOf(text, "location--mylocation"));
  assert.deepEqual(codes("rel.openwo{wonum}--wos"), ["select.alias-on-relation@17-22"]);
  assert.deepEqual(codes("assetmeter{*}--meters"), ["select.alias-on-relation@13-21"]);
  assert.deepEqual(codes("*--all"), ["select.alias-on-relation@1-6"]);
  assert.deepEqual(codes("location--"), ["select.alias-missing-name@8-10"]);
});

test("an em dash, en dash or single hyphen for -- names the operator to write", () => {
  const text = "assetnum,location—mylocation";
  const d = only(parseSelect({ text }).diagnostics, "select.alias-operator");
  assert.deepEqual(d.span, spanOf(text, "—"));
  assert.match(d.message, /attr--mylocation/);
  assert.equal((parseSelect({ text }).ast.items[1] as SelectAttribute).alias?.name?.text, "mylocation");
  assert.deepEqual(codes("location–x"), ["select.alias-operator@8-9"]);
  assert.deepEqual(codes("location-x"), ["select.alias-operator@8-9"]);
});

test("list problems: empty items and braces, unclosed and unmatched braces, missing commas", () => {
  assert.deepEqual(codes("a,,b"), ["select.empty-item@2-3"]);
  assert.deepEqual(codes(",a"), ["select.empty-item@0-1"]);
  assert.deepEqual(codes("a,"), ["select.empty-item@1-2"]);
  assert.deepEqual(codes("rel.openwo{,displaywonum}"), ["select.empty-item@11-12"]);
  const empty = parseSelect({ text: "assetmeter{}" }).diagnostics;
  assert.deepEqual(summary(empty), ["select.empty-braces@10-12"]);
  assert.match(empty[0].message, /assetmeter\{\*\}/);
  assert.deepEqual(codes("assetmeter{*"), ["select.unclosed-brace@10-11"]);
  assert.deepEqual(codes("a}"), ["select.unmatched-brace@1-2"]);
  assert.deepEqual(codes("a b"), ["select.missing-comma@0-3"]);
  const wrapped = parseSelect({ text: "siteid,avg.tot\nalcost" }).diagnostics;
  assert.deepEqual(summary(wrapped), ["select.missing-comma@7-21"]);
  assert.match(wrapped[0].message, /line break.*avg\.totalcost/);
});

test("paths, stars, placeholders and stray characters", () => {
  assert.deepEqual(codes("location."), ["select.incomplete-path@0-9"]);
  assert.deepEqual(codes("location. status"), ["select.space-in-path@0-16"]);
  assert.deepEqual(codes("location.*"), ["select.star-in-path@9-10"]);
  assert.deepEqual(codes("assetnum,..,x"), ["select.placeholder@9-11"]);
  assert.deepEqual(codes("assetmeter{…}"), ["select.placeholder@11-12"]);
  assert.deepEqual(codes("a.b{c}"), ["select.misplaced-braces@3-6"]);
  assert.deepEqual(codes("{a}"), ["select.misplaced-braces@0-3"]);
  assert.deepEqual(codes("a,-b"), ["select.unexpected-token@2-3"]);
  assert.deepEqual(codes("a,é€"), ["select.unexpected-character@2-4"]);
  assert.deepEqual(codes("rel.openwo"), ["select.rel-needs-braces@0-10"]);
  assert.equal(parseSelect({ text: "rel.openwo" }).diagnostics[0].severity, "warning");
  assert.deepEqual(parseSelect({ text: "" }).diagnostics.map((d) => [d.code, d.severity]), [["select.empty", "warning"]]);
});

test("prefixed names are accepted, and an error with lean", () => {
  clean("spi:assetnum,spi:assetmeter{spi:meter}");
  assert.deepEqual(codes("assetnum,spi:status", { lean: true }), ["select.prefixed-name-with-lean@9-19"]);
});

test("{{var}} placeholders stand for names, including inside braces", () => {
  const ast = clean("{{fields}},assetmeter{{{meterFields}}},rel.{{rel}}{*}");
  assert.deepEqual(shape(ast.items), ["{{fields}}", { "child assetmeter": ["{{meterFields}}"] }, { "rel {{rel}}": ["*"] }]);
});

test("gbcols: group attributes and count.*, max., min., avg., sum. aggregations", () => {
  const text = "siteid,count.*,max.budgetcost,sum.totalcost";
  const ast = clean(text, { mode: "gbcols" });
  assert.deepEqual(shape(ast.items), ["siteid", "count(*)", "max(budgetcost)", "sum(totalcost)"]);
  const max = ast.items[2] as SelectGroupAggregate;
  assert.deepEqual(max.functionSpan, spanOf(text, "max"));
  assert.deepEqual(max.attribute?.span, spanOf(text, "budgetcost"));
  assert.deepEqual(codes("siteid,sum.*", { mode: "gbcols" }), ["select.gbcols-star@11-12"]);
  assert.deepEqual(codes("siteid,*", { mode: "gbcols" }), ["select.gbcols-unsupported@7-8"]);
  assert.deepEqual(codes("siteid,a{b}", { mode: "gbcols" }), ["select.gbcols-unsupported@8-11"]);
  assert.deepEqual(codes("siteid--s", { mode: "gbcols" }), ["select.gbcols-unsupported@6-9"]);
  assert.deepEqual(codes("siteid,openwo._dbcount", { mode: "gbcols" }), ["select.gbcols-unsupported@14-22"]);
  assert.deepEqual(
    parseSelect({ text: "count.*,max.x" }, { mode: "gbcols" }).diagnostics.map((d) => [d.code, d.severity]),
    [["select.gbcols-no-group", "warning"]],
  );
  // In oslc.select, count.* is a dot path ending in *.
  assert.deepEqual(codes("count.*"), ["select.star-in-path@6-7"]);
});

test("spans map through a percent-decoding mapper", () => {
  const encoded = "assetnum,assetmeter%7B%2A%7D";
  const base = 40;
  const ast = parseSelect(percentDecode(encoded, base)).ast;
  const child = ast.items[1] as SelectChild;
  assert.deepEqual(ast.items[0].span, spanOf(encoded, "assetnum", 0, base));
  assert.deepEqual(child.name?.span, spanOf(encoded, "assetmeter", 0, base));
  // The item reaches the end of the value, so it ends where the value ends.
  assert.deepEqual(child.span, { start: base + 9, end: base + encoded.length });
  assert.deepEqual(child.items[0].span, { start: base + encoded.indexOf("%2A"), end: base + encoded.indexOf("%2A") + 1 });
});
