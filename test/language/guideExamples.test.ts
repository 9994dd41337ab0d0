/**
 * Every query example of both reference guides, through the router as the request parser
 * calls it: the ones a real server accepts parse with no diagnostic at all, the ones it
 * rejects get exactly the right codes, and examples printed with typesetting artefacts parse
 * once straightened while the printed form gets its diagnostic.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { percentDecode, type EmbeddedSource } from "../../server/src/language/common";
import { parseQueryParam, type EmbeddedParse } from "../../server/src/language/embedded";
import { guideExamples, type GuideExample } from "./fixtures/guideQueryExamples";

function parse(example: GuideExample, text: string): EmbeddedParse {
  const source: EmbeddedSource = example.encoded ? percentDecode(text) : { text };
  const result = parseQueryParam(example.key, source, { lean: false });
  assert.ok(result, `${example.key} routes to a query language`);
  return result;
}

function codesOf(result: EmbeddedParse): string[] {
  return [...new Set(result.diagnostics.map((d) => d.code))].sort();
}

/** The AST holds what was parsed (a clause with no terms would also have no diagnostics). */
function contentCount(result: EmbeddedParse): number {
  switch (result.language) {
    case "where":
      return result.ast.terms.length;
    case "select":
      return result.ast.items.length;
    case "orderby":
      return result.ast.terms.length;
    case "domain":
      return result.ast.values.length;
  }
}

function shown(text: string): string {
  const flat = text.replace(/\n/g, "\\n");
  return JSON.stringify(flat.length > 70 ? `${flat.slice(0, 67)}...` : flat);
}

const seen = new Map<string, number>();
function uniqueName(name: string): string {
  const count = (seen.get(name) ?? 0) + 1;
  seen.set(name, count);
  return count === 1 ? name : `${name} (${count})`;
}

for (const example of guideExamples) {
  const label = `${example.guide} ${example.where} ${example.key}=${shown(example.text)}`;
  if (example.codes) {
    const expected = [...example.codes].sort();
    test(uniqueName(`${label} is rejected with ${expected.join(", ")}`), () => {
      const result = parse(example, example.text);
      assert.deepEqual(codesOf(result), expected);
      for (const d of result.diagnostics) assert.equal(d.severity, "error", `${d.code}: a real server rejects this`);
    });
  } else {
    test(uniqueName(`${label} parses with no diagnostic`), () => {
      const result = parse(example, example.text);
      assert.deepEqual(result.diagnostics, []);
      assert.ok(contentCount(result) > 0, "the AST holds the parsed query");
    });
  }
  if (example.raw !== undefined) {
    const expected = [...(example.rawCodes ?? [])].sort();
    test(uniqueName(`${example.guide} ${example.where} ${example.key} as printed ${shown(example.raw)} gets ${expected.join(", ")}`), () => {
      assert.ok(expected.length > 0, "a printed artefact must be diagnosed");
      const result = parse(example, example.raw as string);
      assert.deepEqual(codesOf(result), expected);
    });
  }
}

test("the fixture table covers every embedded query parameter kind of the guides", () => {
  const keys = new Set(guideExamples.map((e) => e.key));
  for (const key of ["oslc.where", "oslc.select", "oslc.orderBy", "gbcols", "gbfilters", "gbfilter", "gbsortby", "domaininternalwhere", "po.poline.where", "po.poline.orderBy"]) {
    assert.ok(keys.has(key), key);
  }
  assert.ok(guideExamples.filter((e) => e.guide === "reference").length >= 80);
  assert.ok(guideExamples.filter((e) => e.guide === "practitioner").length >= 40);
});
