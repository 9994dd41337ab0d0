import { test } from "node:test";
import assert from "node:assert/strict";
import { queryCollection } from "../../emulator/query/index";
import { MaximoError } from "../../emulator/http/errors";
import { bodyOf, queryEmulator, request, woCollection, type Collection } from "./fixtures/queryFixture";

async function wonums(query: Array<[string, string]>, user?: string): Promise<string[]> {
  const emu = queryEmulator();
  const reply = await queryCollection(request([["oslc.select", "wonum"], ...query], true, user), emu, woCollection(emu));
  return ((await bodyOf(reply)) as Collection).member.map((m) => String(m.wonum)).sort();
}

async function rejected(query: Array<[string, string]>): Promise<MaximoError> {
  const emu = queryEmulator();
  try {
    await queryCollection(request(query), emu, woCollection(emu));
  } catch (error) {
    assert.ok(error instanceof MaximoError, String(error));
    return error;
  }
  assert.fail("the query was accepted");
}

test('JSON API reference §5: status="APPR" is an exact match', async () => {
  assert.deepEqual(await wonums([["oslc.where", 'status="APPR"']]), ["1001"]);
  assert.deepEqual(await wonums([["oslc.where", 'status="APP"']]), []);
});

test("JSON API reference §5: terms are ANDed, with numbers and dot paths through relationships", async () => {
  assert.deepEqual(await wonums([["oslc.where", 'siteid="BEDFORD" and wopriority<=2']]), ["1001"]);
  assert.deepEqual(await wonums([["oslc.where", 'location.status="OPERATING"']]), ["1001", "1004"]);
  assert.deepEqual(await wonums([["oslc.where", 'location.status="OPERATING" and status!="CLOSE"']]), ["1001"]);
});

test('JSON API reference §5: "%x%", "x%" and "%x" wildcards (contains, starts, ends), case-insensitive', async () => {
  assert.deepEqual(await wonums([["oslc.where", 'description="%pump%"']]), ["1001", "1003"]);
  assert.deepEqual(await wonums([["oslc.where", 'description="Inspect%"']]), ["1002"]);
  assert.deepEqual(await wonums([["oslc.where", 'description="%seal"']]), ["1003"]);
});

test('JSON API reference §5: ="*" is not null and !="*" is null', async () => {
  assert.deepEqual(await wonums([["oslc.where", 'location="*"']]), ["1001", "1002", "1004"]);
  assert.deepEqual(await wonums([["oslc.where", 'location!="*"']]), ["1003"]);
});

test("JSON API reference §5: in lists of strings and numbers, and the ALN not-in", async () => {
  assert.deepEqual(await wonums([["oslc.where", 'status in ["APPR","WAPPR"]']]), ["1001", "1002"]);
  assert.deepEqual(await wonums([["oslc.where", "wopriority in [1,3]"]]), ["1001", "1002"]);
  assert.deepEqual(await wonums([["oslc.where", 'status!="[APPR,WAPPR]"']]), ["1003", "1004"]);
});

test("JSON API reference §5: the not-in works only for ALN attributes", async () => {
  const error = await rejected([["oslc.where", 'wopriority!="[1,2]"']]);
  assert.equal(error.statusCode, 400);
});

test("JSON API reference §5.1: date ranges compare ISO dates as instants", async () => {
  const where = 'reportdate>="2026-01-01T00:00:00-05:00" and reportdate<"2026-02-20T00:00:00-05:00"';
  assert.deepEqual(await wonums([["oslc.where", where]]), ["1001", "1002"]);
});

test("JSON API reference §5: booleans are 1/0 or true/false", async () => {
  assert.deepEqual(await wonums([["oslc.where", "istask=1"]]), ["1004"]);
  assert.deepEqual(await wonums([["oslc.where", "istask=false"]]), ["1001", "1002", "1003"]);
});

test("PRODUCT.md real-server facts: or is rejected with BMXAA8744E; opmodeor=1 turns and into or", async () => {
  const error = await rejected([["oslc.where", 'status="APPR" or status="WAPPR"']]);
  assert.equal(error.reasonCode, "BMXAA8744E");
  assert.equal(error.statusCode, 400);
  assert.deepEqual(await wonums([["oslc.where", 'status="APPR" and status="WAPPR"'], ["opmodeor", "1"]]), ["1001", "1002"]);
});

test("PRODUCT.md real-server facts: parentheses and like are rejected", async () => {
  assert.equal((await rejected([["oslc.where", '(status="APPR")']])).reasonCode, "BMXAA8744E");
  assert.equal((await rejected([["oslc.where", 'description like "%pump%"']])).reasonCode, "BMXAA8744E");
});

test("JSON API reference §5: an unknown attribute in oslc.where is refused", async () => {
  const error = await rejected([["oslc.where", 'nosuchattr="X"']]);
  assert.equal(error.statusCode, 400);
  assert.match(error.message, /NOSUCHATTR/);
});

test("JSON API reference §5: scoped terms rel{...} hold when some related row matches", async () => {
  assert.deepEqual(await wonums([["oslc.where", 'wplabor{craft="MECH" and quantity>=2}']]), ["1001", "1002"]);
  assert.deepEqual(await wonums([["oslc.where", 'wplabor{craft="ELECT"}']]), ["1001"]);
});

test('JSON API reference §5: the bind value "&USERNAME&" is the requesting user', async () => {
  assert.deepEqual(await wonums([["oslc.where", 'reportedby="&USERNAME&"']], "WILSON"), ["1001", "1003"]);
});

test("JSON API reference §5: spi: prefixed names are read when not lean, refused with lean=1", async () => {
  const emu = queryEmulator();
  const reply = await queryCollection(request([["oslc.where", 'spi:status="APPR"']], false), emu, woCollection(emu));
  const body = (await bodyOf(reply)) as Record<string, Array<Record<string, unknown>>>;
  assert.equal(body["rdfs:member"].length, 1);
  assert.equal((await rejected([["oslc.where", 'spi:status="APPR"']])).reasonCode, "BMXAA8744E");
});

test("JSON API reference §5.2: domaininternalwhere is an in / not in over internal values, ANDed", async () => {
  assert.deepEqual(await wonums([["domaininternalwhere", "status=APPR,INPRG"]]), ["1001", "1003"]);
  assert.deepEqual(await wonums([["domaininternalwhere", "status!=APPR,INPRG"], ["oslc.where", 'siteid="BEDFORD"']]), ["1002", "1004"]);
});

test("JSON API reference §21.2: savedQuery names match exactly; a wrong case or unknown name is ignored", async () => {
  assert.deepEqual(await wonums([["savedQuery", "APPROVEWORK"]]), ["1002"]);
  assert.deepEqual(await wonums([["savedQuery", "approvework"]]), ["1001", "1002", "1003", "1004"]);
  assert.deepEqual(await wonums([["savedquery", "APPROVEWORK"]]), ["1001", "1002", "1003", "1004"]);
});

test("JSON API reference §22: oslc.searchTerms matches the structure's search attributes", async () => {
  assert.deepEqual(await wonums([["oslc.searchTerms", '"pump"']]), ["1001", "1003"]);
  assert.deepEqual(await wonums([["oslc.searchTerms", '"hvac","seal"']]), ["1002", "1003"]);
});

test("JSON API reference §5.4: tlrange/tlattribute filter on a date range around now", async () => {
  // now is 2026-03-15: the past three months reach back to 2025-12-15.
  assert.deepEqual(await wonums([["tlrange", "-3M"], ["tlattribute", "reportdate"]]), ["1001", "1002", "1004"]);
});
