// One test per completion context, against the offline pack's mxapiwodetail.
import { test } from "node:test";
import assert from "node:assert/strict";
import { resolveAttributeItem } from "../../../server/src/features/completion/attributeItems";
import { getCompletions } from "../../../server/src/features/completion/index";
import { checkQueryParams } from "../../../server/src/features/schema/queryParamChecks";
import { parseDocument } from "../../../server/src/language/maximo/api";
import { createSchemaStore } from "../../../server/src/schema/index";
import { pack, withCursor } from "./setup";

function complete(...lines: string[]) {
  const { doc, offset } = withCursor(lines);
  return getCompletions(doc, offset, pack).items;
}
const labels = (items: ReturnType<typeof complete>) => items.map((i) => i.label);

test("object structure names after os/, with their descriptions", () => {
  const items = complete("GET {{base}}/oslc/os/mxapiw|");
  const wo = items.find((i) => i.label === "mxapiwodetail");
  assert.ok(wo?.detail);
  assert.deepEqual(wo.textEdit && "range" in wo.textEdit ? wo.textEdit.range.start : undefined, { line: 0, character: 21 });
});

test("query parameter names after ? and &, replacing the dotted word", () => {
  const items = complete("GET os/mxapiwodetail?lean=1&oslc.wh|");
  const where = items.find((i) => i.label === "oslc.where");
  assert.ok(where && typeof where.documentation === "object");
  assert.equal(where.textEdit?.newText, "oslc.where=");
  assert.ok(labels(items).includes("savedQuery"));
  assert.ok(labels(items).includes("mxapiwodetail.wplabor.where"));
  assert.ok(labels(complete("GET os/mxapiwodetail", "  ?oslc.sel|")).includes("oslc.select"));
});

test("every offered query parameter is one Maximo reads: oslc.searchTerms with its prefix, the timeline and template ones", () => {
  const offered = labels(complete("GET os/mxapiwodetail?|"));
  // Reference §22 (oslc.searchTerms), §5.4 (tlrange, tlattribute, and attributesearch after it), §22 (querytemplate).
  for (const name of ["oslc.searchTerms", "tlrange", "tlattribute", "attributesearch", "querytemplate"]) assert.ok(offered.includes(name), name);
  // Maximo ignores a parameter it does not know; the bare name is not one.
  assert.ok(!offered.includes("searchTerms"));
  // None is flagged by the query-parameter check either.
  for (const name of offered.filter((label) => label.startsWith("oslc."))) {
    assert.deepEqual(checkQueryParams(parseDocument(`GET os/mxapiwodetail?${name}=1`).requests[0]!.request), [], name);
  }
});

test("attributes in oslc.where, with subType(maxLength) and the title", () => {
  const items = complete('GET os/mxapiwodetail?oslc.where=status="APPR" and wo|');
  const wonum = items.find((i) => i.label === "wonum");
  assert.ok(wonum);
  assert.match(wonum.detail ?? "", /^(UPPER|ALN)\(\d+\)$/);
  assert.ok(labels(items).includes("siteid"));
  assert.deepEqual(complete('GET os/mxapiwodetail?oslc.where=status="AP|'), []);
});

test("attributes after rel. and inside child{ in oslc.select and oslc.orderBy", () => {
  assert.ok(labels(complete("GET os/mxapiwodetail?oslc.select=wonum,wplabor{lab|")).includes("laborcode"));
  assert.ok(labels(complete("GET os/mxapiwodetail?oslc.select=wonum,wplabor.|")).includes("laborcode"));
  assert.ok(!labels(complete("GET os/mxapiwodetail?oslc.select=wonum,wplabor{laborcode},|")).includes("laborcode"));
  assert.ok(labels(complete("GET os/mxapiwodetail?oslc.orderBy=-|")).includes("statusdate"));
  assert.ok(labels(complete("GET os/mxapiwodetail?mxapiwodetail.wplabor.where=|")).includes("laborcode"));
});

test("value templates after a where operator, by the attribute's type", () => {
  const aln = complete("GET os/mxapiwodetail?oslc.where=status=|");
  assert.equal(aln[0]?.textEdit?.newText, '"$1"');
  const date = complete("GET os/mxapiwodetail?oslc.where=statusdate>=|");
  assert.equal(date[0]?.label, '"2026-01-01T00:00:00-05:00"');
  const list = complete("GET os/mxapiwodetail?oslc.where=status in |");
  assert.equal(list[0]?.textEdit?.newText, '["$1"]');
});

test("saved query names after savedQuery=", () => {
  const items = complete("GET os/mxapiwodetail?savedQuery=|");
  assert.ok(labels(items).includes("ASSIGNEDWOLIST"));
});

test("header names and values", () => {
  const names = complete("POST os/mxapiwodetail/_QkVERk9SRC8xMDAw", "x-met|");
  assert.equal(names.find((i) => i.label === "x-method-override")?.textEdit?.newText, "x-method-override: ");
  assert.deepEqual(labels(complete("POST os/mxapiwodetail/x", "x-method-override: |")), ["PATCH", "BULK", "DELETE"]);
  assert.deepEqual(labels(complete("POST os/mxapiwodetail/x", "patchtype: |")), ["MERGE"]);
  assert.deepEqual(labels(complete("POST os/mxapiwodetail/x", "properties: |")), ["*"]);
});

test("JSON body keys of the object structure, nested under a child array", () => {
  const root = complete("POST os/mxapiwodetail", "Content-Type: application/json", "", "{", '  "|"');
  const description = root.find((i) => i.label === "description");
  assert.equal(description?.textEdit?.newText, '"description": ');
  assert.deepEqual(description?.textEdit && "range" in description.textEdit ? description.textEdit.range : undefined, {
    start: { line: 4, character: 2 },
    end: { line: 4, character: 4 },
  });
  const child = complete("POST os/mxapiwodetail", "", '{"wonum": "1", "wplabor": [{"lab|');
  assert.ok(labels(child).includes("laborcode"));
  assert.deepEqual(complete("POST os/mxapiwodetail", "", '{"wonum": "|'), []);
});

test("file variables after {{, system variables after {{$, directives after # @", () => {
  const vars = complete("@site = BEDFORD", "", "### q", "# @name wo1", "GET os/mxapiwodetail?oslc.where=siteid={{|");
  assert.deepEqual(labels(vars), ["site", "wo1"]);
  assert.equal(vars[1]?.textEdit?.newText, "wo1.response.body.");
  // A title of several words names the request for JetBrains' `run #...`; `{{...}}` cannot hold it, so it is not offered.
  const titled = complete("### Create work order", "POST os/mxapiwodetail", "", "###", "GET os/mxapiwodetail?oslc.where=siteid={{|");
  assert.deepEqual(labels(titled), []);
  assert.ok(labels(complete("GET os/mxapiwodetail?x={{$gu|")).includes("$guid"));
  assert.ok(labels(complete("# @ti|", "GET os/mxapiwodetail")).includes("timeout"));
});

test("a 1,000-attribute schema answers the typed word's matches, at most 100, isIncomplete when cut", () => {
  const properties: Record<string, unknown> = {};
  for (let i = 0; i < 1000; i++) properties[`attr${i}`] = { type: "string", subType: "ALN", maxLength: 30, title: `Attribute ${i}` };
  const files = new Map([
    ["/pack/apimeta.json", JSON.stringify([{ name: "BIGOS", queryCapability: [] }])],
    ["/pack/jsonschemas/bigos.json", JSON.stringify({ type: "object", title: "BIGOS", pk: ["attr0"], properties })],
  ]);
  const store = createSchemaStore({
    packDir: "/pack",
    readFile: (path) => files.get(path.replace(/\\/g, "/")),
    listDir: (path) => [...files.keys()].filter((f) => f.startsWith(`${path.replace(/\\/g, "/")}/`)).map((f) => f.slice(path.length + 1).split("/")[0]!),
  });
  const list = (line: string) => {
    const { doc, offset } = withCursor([line]);
    return getCompletions(doc, offset, store);
  };
  const afterComma = list("GET os/bigos?oslc.select=wonum,|");
  assert.equal(afterComma.items.length, 100);
  assert.equal(afterComma.isIncomplete, true, "the client must ask again as the user types");
  // attr1, attr10..attr19, attr100..attr199: 111 prefix matches, cut to 100.
  const ones = list("GET os/bigos?oslc.select=attr1|");
  assert.equal(ones.items.length, 100);
  assert.equal(ones.isIncomplete, true);
  assert.ok(ones.items.every((i) => i.label.startsWith("attr1")));
  // Prefix matches first, then looser ones the client's fuzzy filter may still show (attr102).
  const twelves = list("GET os/bigos?oslc.select=ATTR12|").items.map((i) => i.label);
  assert.deepEqual(twelves.slice(0, 11).sort(), ["attr12", ...Array.from({ length: 10 }, (_, k) => `attr12${k}`)].sort());
  assert.ok(twelves.includes("attr102") && !twelves.includes("attr210"));
  // Every attribute is reachable by typing its name.
  for (let i = 0; i < 1000; i += 37) assert.ok(list(`GET os/bigos?oslc.select=attr${i}|`).items.some((item) => item.label === `attr${i}`), `attr${i}`);
  // Not only prefixes: `a99` finds attr99 and attr990..attr999 as VS Code's fuzzy match would.
  assert.ok(list("GET os/bigos?oslc.select=a99|").items.some((item) => item.label === "attr995"));
});

test("attribute items carry their documentation on completionItem/resolve, not in the list", () => {
  const wonum = complete('GET os/mxapiwodetail?oslc.select=wo|').find((i) => i.label === "wonum");
  assert.ok(wonum);
  assert.equal(wonum.documentation, undefined);
  const resolved = resolveAttributeItem(JSON.parse(JSON.stringify(wonum)));
  assert.match((resolved.documentation as { value: string }).value, /\*\*wonum\*\*/);
});
